import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api/endpoints.ts';
import { ScheduleMeetingForm } from '../components/governance/ScheduleMeetingForm.tsx';
import { Alert, DescriptionList, LoadError, Loading, PageHeader, TableScroll } from '../components/ui.tsx';
import { useAnnounce } from '../lib/announcer.tsx';
import { actsForProvider } from '../lib/catalogue.ts';
import { formatCivilDate, plural } from '../lib/format.ts';
import { useResource, useTitle } from '../lib/hooks.ts';
import { useAccount, useCan } from '../lib/session.tsx';
import { DECISION_KINDS, SEAT_ROLES, SEAT_SCOPE_LABELS } from '../shared.ts';

const BREADCRUMB = [{ to: '/comites', label: 'Comités' }];

export function CommitteePage() {
  const { id = '' } = useParams();
  return <CommitteeScreen id={id} key={id} />;
}

/** One committee: who sits (and what the rules still ask for), its rhythm and powers, its meetings; schedule the next. */
function CommitteeScreen({ id }: { id: string }) {
  const account = useAccount();
  const allowed = useCan();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const committee = useResource((signal) => api.governance.committee(id, signal), `committee-${id}`);
  const meetings = useResource((signal) => api.governance.meetings({ committeeId: id }, signal), `meetings-${id}`);
  const [scheduling, setScheduling] = useState(false);
  const c = committee.data;
  useTitle(c?.name ?? 'Comité');

  if (!c) {
    return (
      <>
        <PageHeader title="Comité" breadcrumb={BREADCRUMB} />
        {committee.error ? <LoadError error={committee.error} retry={committee.reload} /> : <Loading />}
      </>
    );
  }
  const writer = allowed('governance:manage') && actsForProvider(account, c.providerId);
  return (
    <>
      <PageHeader title={c.name} breadcrumb={BREADCRUMB} lead={`${c.kindLabel} — ${c.providerName}${c.agreementTitle ? `, convention « ${c.agreementTitle} »` : ''}.`} />
      <section className="section" aria-labelledby="comite-regles">
        <h2 id="comite-regles">Rythme et attributions</h2>
        <DescriptionList
          items={[
            { term: 'Rythme', value: c.rhythmText },
            { term: 'Dernière réunion tenue', value: c.lastHeldOn ? formatCivilDate(c.lastHeldOn) : 'aucune' },
            { term: 'Prochaine réunion', value: c.nextPlannedOn ? `prévue le ${formatCivilDate(c.nextPlannedOn)}` : c.nextDueOn ? `à programmer pour le ${formatCivilDate(c.nextDueOn)}` : 'à la demande' },
            { term: 'Décide de', value: c.powers.length ? c.powers.map((p) => DECISION_KINDS[p].toLowerCase()).join(', ') : 'aucune décision particulière' },
            { term: 'Note', value: c.note },
          ]}
        />
      </section>
      <section className="section" aria-labelledby="comite-composition">
        <h2 id="comite-composition">Composition</h2>
        <ul>
          {c.composition.map((rule, i) => (
            <li key={i}>
              {rule.roles.map((r) => SEAT_ROLES[r]).join(' ou ')} : {rule.max === rule.min ? rule.min : `au moins ${rule.min}${rule.max ? `, au plus ${rule.max}` : ''}`} {SEAT_SCOPE_LABELS[rule.scope]}
            </li>
          ))}
        </ul>
        {c.compositionIssues.length ? (
          <Alert tone="warning" title={`Composition : ${plural(c.compositionIssues.length, 'point à vérifier', 'points à vérifier')}`}>
            <ul>
              {c.compositionIssues.map((issue, i) => (
                <li key={i}>{issue.message}</li>
              ))}
            </ul>
          </Alert>
        ) : null}
        {c.members.length ? (
          <TableScroll label="Membres du comité" compact>
            <table className="table table-compact">
              <caption>{plural(c.members.length, 'membre désigné', 'membres désignés')}</caption>
              <thead>
                <tr>
                  <th scope="col">Nom</th>
                  <th scope="col">Fonction</th>
                  <th scope="col">Représente</th>
                </tr>
              </thead>
              <tbody>
                {c.members.map((m, i) => (
                  <tr key={i}>
                    <th scope="row">{m.name}</th>
                    <td>{m.title ?? SEAT_ROLES[m.role]}</td>
                    <td>{m.organisationName}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : (
          <p className="empty">Aucun membre désigné.</p>
        )}
      </section>
      <section className="section" aria-labelledby="comite-reunions" aria-busy={meetings.loading}>
        <h2 id="comite-reunions">Réunions</h2>
        {writer && !scheduling ? (
          <button type="button" className="btn btn-primary" onClick={() => setScheduling(true)}>
            Programmer une réunion
          </button>
        ) : null}
        {scheduling ? (
          <ScheduleMeetingForm
            committee={c}
            onCancel={() => setScheduling(false)}
            onDone={(meeting) => {
              announce(`Réunion programmée le ${formatCivilDate(meeting.scheduledOn)}.`);
              navigate(`/reunions/${meeting.id}`);
            }}
          />
        ) : null}
        {meetings.error ? <LoadError error={meetings.error} retry={meetings.reload} /> : null}
        {meetings.data?.length === 0 ? <p className="empty">Aucune réunion enregistrée.</p> : null}
        {meetings.data?.length ? (
          <TableScroll label="Réunions du comité" compact>
            <table className="table table-compact">
              <caption>{plural(meetings.data.length, 'réunion', 'réunions')}, de la plus récente à la plus ancienne</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Statut</th>
                  <th scope="col">Lieu</th>
                </tr>
              </thead>
              <tbody>
                {meetings.data.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">
                      <Link to={`/reunions/${m.id}`}>Réunion du {formatCivilDate(m.heldOn ?? m.scheduledOn)}</Link>
                    </th>
                    <td>{m.statusLabel}</td>
                    <td>{m.place ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
      </section>
    </>
  );
}
