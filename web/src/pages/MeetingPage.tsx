import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../api/endpoints.ts';
import { AgendaSection } from '../components/governance/AgendaSection.tsx';
import { DecisionForm } from '../components/governance/DecisionForm.tsx';
import { MeetingLifecycle } from '../components/governance/MeetingLifecycle.tsx';
import { MinutesForm } from '../components/governance/MinutesForm.tsx';
import { Alert, Badge, DescriptionList, LoadError, Loading, PageHeader } from '../components/ui.tsx';
import { useAnnounce } from '../lib/announcer.tsx';
import { actsForProvider } from '../lib/catalogue.ts';
import { formatCivilDate, plural } from '../lib/format.ts';
import { useResource, useTitle } from '../lib/hooks.ts';
import { useAccount, useCan } from '../lib/session.tsx';
import type { MeetingView } from '../shared.ts';

export function MeetingPage() {
  const { id = '' } = useParams();
  return <MeetingScreen id={id} key={id} />;
}

/** A meeting: its steps, the agenda (pending requests and needs), attendance and minutes, and the decisions taken. */
function MeetingScreen({ id }: { id: string }) {
  const account = useAccount();
  const allowed = useCan();
  const announce = useAnnounce();
  const loaded = useResource((signal) => api.governance.meeting(id, signal), `meeting-${id}`);
  const [updated, setUpdated] = useState<MeetingView | null>(null);
  const meeting = updated ?? loaded.data;
  const committee = useResource((signal) => (meeting ? api.governance.committee(meeting.committeeId, signal) : Promise.resolve(undefined)), `committee-${meeting?.committeeId}`);
  const [flash, setFlash] = useState<{ text: string; at: number } | null>(null);
  const flashRef = useRef<HTMLDivElement>(null);
  const title = meeting ? `${meeting.committeeName} du ${formatCivilDate(meeting.heldOn ?? meeting.scheduledOn)}` : 'Réunion';
  useTitle(title);
  useEffect(() => {
    if (flash) flashRef.current?.focus();
  }, [flash]);

  if (!meeting) {
    return (
      <>
        <PageHeader title="Réunion" breadcrumb={[{ to: '/comites', label: 'Comités' }]} />
        {loaded.error ? <LoadError error={loaded.error} retry={loaded.reload} /> : <Loading />}
      </>
    );
  }
  const changed = (next: MeetingView, text: string) => {
    setUpdated(next);
    setFlash({ text, at: Date.now() });
    announce(text);
  };
  const writer = allowed('governance:manage') && actsForProvider(account, meeting.providerId);
  return (
    <>
      <PageHeader
        title={title}
        breadcrumb={[
          { to: '/comites', label: 'Comités' },
          { to: `/comites/${meeting.committeeId}`, label: meeting.committeeName },
        ]}
        lead={
          <>
            Statut : <Badge tone={meeting.status === 'final' ? 'success' : meeting.status === 'cancelled' ? 'muted' : 'info'}>{meeting.statusLabel}</Badge>
          </>
        }
      />
      {flash ? (
        <Alert tone="success" focusRef={flashRef}>
          <p>{flash.text}</p>
        </Alert>
      ) : null}
      <section className="section" aria-labelledby="reunion">
        <h2 id="reunion">La réunion</h2>
        <DescriptionList
          items={[
            { term: 'Prévue le', value: formatCivilDate(meeting.scheduledOn) },
            { term: 'Tenue le', value: meeting.heldOn ? formatCivilDate(meeting.heldOn) : null },
            { term: 'Compte rendu définitif le', value: meeting.finalisedOn ? formatCivilDate(meeting.finalisedOn) : null },
            { term: 'Lieu', value: meeting.place },
          ]}
        />
        {writer ? <MeetingLifecycle meeting={meeting} onChanged={changed} /> : null}
      </section>
      <AgendaSection meeting={meeting} writer={writer} onChanged={changed} />
      <section className="section" aria-labelledby="decisions">
        <h2 id="decisions">Compte rendu et décisions</h2>
        {meeting.decisions.length ? (
          <ul className="decisions" aria-label={plural(meeting.decisions.length, 'décision', 'décisions')}>
            {meeting.decisions.map((d) => (
              <li key={d.id}>
                <strong>{d.summary || d.kindLabel}</strong>
                {d.organisationName ? ` — ${d.organisationName}` : ''}
                {d.text ? <span className="block">{d.text}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">Aucune décision inscrite.</p>
        )}
        {meeting.status === 'final' || (meeting.minutes && !writer) ? (
          <>
            <h3>Compte rendu</h3>
            <p className="prewrap">{meeting.minutes}</p>
            {meeting.attendance.length ? <p>Présents : {meeting.attendance.filter((a) => a.present).map((a) => a.name).join(', ') || 'aucun'}.</p> : null}
          </>
        ) : null}
        {writer && meeting.status === 'held' ? (
          <>
            <div className="panel">
              <DecisionForm key={meeting.decisions.length} meeting={meeting} onDone={changed} />
            </div>
            <div className="panel">
              <MinutesForm key={`${meeting.updatedAt}-${committee.data ? 1 : 0}`} meeting={meeting} committee={committee.data} onChanged={changed} />
            </div>
          </>
        ) : null}
        {writer && meeting.status === 'planned' ? <p className="muted">Les présences, le compte rendu et les décisions s'inscrivent une fois la réunion tenue.</p> : null}
      </section>
    </>
  );
}
