import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { EntryLabel, StatusBadge } from '../components/AgreementBits.tsx';
import { CheckboxGroup, ErrorSummary, RadioGroup, SelectField, splitIssues, TextField, type FieldErrors } from '../components/forms.tsx';
import { Alert, Badge, DescriptionList, errorMessage, LoadError, Loading, PageHeader, TableScroll } from '../components/ui.tsx';
import { useAnnounce } from '../lib/announcer.tsx';
import { AGREEMENT_STATUSES, agreementTypeLabel, describeRules, entryDateText, frenchText, partyRoleLabel, type AgreementDetail } from '../lib/agreements.ts';
import { actsForProvider } from '../lib/catalogue.ts';
import { formatCivilDate, plural } from '../lib/format.ts';
import { todayInParis } from '../lib/grids.ts';
import { useResource, useTitle } from '../lib/hooks.ts';
import { useAccount, useCan } from '../lib/session.tsx';
import { exitRequestInputSchema, exitSimulationSchema, type CalendarEntry } from '../shared.ts';
import type { z } from 'zod';
import { NotFoundPage } from './NotFoundPage.tsx';

export function AgreementPage() {
  const { id = '' } = useParams();
  return <AgreementScreen id={id} key={id} />;
}

type ExitRequest = AgreementDetail['exitRequests'][number];
type Outcome = Awaited<ReturnType<typeof api.agreements.simulateExit>>;

/** Category names of the provider's catalogue, loaded when a partial exit needs them; codes meanwhile. */
function useCategories(providerId: string, needed: boolean) {
  const catalogue = useResource((signal) => (needed ? api.catalogue.get(providerId, signal) : Promise.resolve(null)), `categories-${providerId}-${needed}`);
  const categories = catalogue.data?.categories.map((c) => ({ value: c.code, label: c.name })) ?? [];
  const name = (code: string) => categories.find((c) => c.value === code)?.label ?? code;
  return { catalogue, categories, name };
}

function AgreementScreen({ id }: { id: string }) {
  const account = useAccount();
  const allowed = useCan();
  const announce = useAnnounce();
  const [generation, setGeneration] = useState(0);
  const detail = useResource(() => api.agreements.get(id), `agreement-${id}-${generation}`);
  const agreement = detail.data;
  useTitle(agreement ? agreement.title : detail.error ? 'Convention introuvable' : 'Convention');
  const [flash, setFlash] = useState<string | null>(null);
  const flashRef = useRef<HTMLDivElement>(null);
  const hasPartial = agreement?.exitRequests.some((e) => e.scope === 'partial') ?? false;
  const writer = agreement ? allowed('membership:write') && actsForProvider(account, agreement.providerId) : false;
  const [recording, setRecording] = useState(false);
  const recordButton = useRef<HTMLButtonElement>(null);
  const categories = useCategories(agreement?.providerId ?? '', Boolean(agreement) && (hasPartial || recording));

  useEffect(() => {
    if (flash) flashRef.current?.focus();
  }, [flash]);

  if (detail.error instanceof ApiError && detail.error.status === 404) {
    return <NotFoundPage title="Convention introuvable" message="Cette convention n'existe pas, ou vous n'y avez pas accès." />;
  }
  if (!agreement) {
    return (
      <>
        <PageHeader title="Convention" breadcrumb={[{ to: '/conventions', label: 'Conventions' }]} />
        {detail.error ? <LoadError error={detail.error} retry={detail.reload} /> : <Loading />}
      </>
    );
  }

  function recorded(request: ExitRequest) {
    const text = `Dénonciation enregistrée : ${request.scope === 'partial' ? 'sortie partielle' : 'sortie'} de ${request.organisationName}, effet au ${formatCivilDate(request.effectiveOn)}.`;
    setRecording(false);
    setFlash(text);
    announce(text);
    setGeneration((g) => g + 1);
  }

  const member = account.side === 'member';
  return (
    <>
      <PageHeader
        title={agreement.title}
        breadcrumb={[{ to: '/conventions', label: 'Conventions' }]}
        lead={
          <>
            {agreementTypeLabel(agreement.type)} · {agreement.providerName}
          </>
        }
        actions={<StatusBadge status={agreement.status} />}
      />
      {flash ? (
        <Alert tone="success" focusRef={flashRef}>
          <p>{flash}</p>
        </Alert>
      ) : null}
      <nav className="toc" aria-label="Sommaire de la page">
        <h2 className="toc-title">Sur cette page</h2>
        <ul>
          <li>
            <a href="#identite">Identité</a>
          </li>
          <li>
            <a href="#parties">Parties</a>
          </li>
          <li>
            <a href="#regles">Règles</a>
          </li>
          <li>
            <a href="#chronologie">Chronologie</a>
          </li>
          <li>
            <a href="#denonciations">Dénonciations</a>
          </li>
          <li>
            <a href="#simuler">Simuler une sortie</a>
          </li>
        </ul>
      </nav>
      <div className="two-columns">
        <section className="section" aria-labelledby="identite">
          <h2 id="identite">Identité</h2>
          <DescriptionList
            items={[
              { term: 'Code', value: <span className="mono">{agreement.code}</span> },
              { term: 'Type', value: agreementTypeLabel(agreement.type) },
              {
                term: 'Fournisseur',
                value: member ? agreement.providerName : <Link to={`/organisations/${agreement.providerId}`}>{agreement.providerName}</Link>,
              },
              {
                term: 'Statut',
                value: (
                  <>
                    <StatusBadge status={agreement.status} />
                    {AGREEMENT_STATUSES[agreement.status].hint ? <span className="small"> {AGREEMENT_STATUSES[agreement.status].hint}</span> : null}
                  </>
                ),
              },
              { term: 'Signature', value: agreement.signedOn ? formatCivilDate(agreement.signedOn) : 'Non enregistrée' },
              ...(agreement.openingRecordSignedOn || agreement.rules.effective.kind === 'first_of_month_after_opening_record'
                ? [{ term: 'Procès-verbal de mise en service', value: agreement.openingRecordSignedOn ? formatCivilDate(agreement.openingRecordSignedOn) : 'Non enregistré' }]
                : []),
              { term: "Prise d'effet", value: agreement.effectiveOn ? formatCivilDate(agreement.effectiveOn) : 'Pas encore connue' },
              ...(agreement.rules.duration.kind === 'fixed' && agreement.rules.duration.renewal.kind === 'express'
                ? [{ term: 'Renouvellements exprès enregistrés', value: String(agreement.expressRenewals) }]
                : []),
              {
                term: 'Prochaine échéance',
                value: agreement.nextDeadline ? `${formatCivilDate(agreement.nextDeadline.date)} : ${frenchText(agreement.nextDeadline.label)}` : 'Aucune',
              },
            ]}
          />
        </section>
        <div>
          <section className="section" aria-labelledby="legalite">
            <h2 id="legalite">Contrôle de légalité</h2>
            {agreement.legalityReceipt ? (
              <DescriptionList
                items={[
                  { term: 'Accusé de réception', value: <span className="mono break-anywhere">{agreement.legalityReceipt.id}</span> },
                  { term: 'Transmis le', value: agreement.legalityReceipt.transmittedOn ? formatCivilDate(agreement.legalityReceipt.transmittedOn) : null },
                  { term: 'Reçu le', value: agreement.legalityReceipt.receivedOn ? formatCivilDate(agreement.legalityReceipt.receivedOn) : null },
                ]}
              />
            ) : (
              <p className="empty">Aucun accusé de réception en préfecture enregistré.</p>
            )}
          </section>
          <section className="section" aria-labelledby="annexes">
            <h2 id="annexes">Annexes</h2>
            {agreement.annexes.length ? (
              <ul className="annex-list">
                {agreement.annexes.map((a) => (
                  <li key={a}>{a}</li>
                ))}
              </ul>
            ) : (
              <p className="empty">Aucune annexe enregistrée.</p>
            )}
          </section>
        </div>
      </div>
      <Parties agreement={agreement} />
      <Rules agreement={agreement} />
      {agreement.note ? (
        <section className="section" aria-labelledby="note">
          <h2 id="note">Note</h2>
          <div className="panel note">
            <p>{agreement.note}</p>
          </div>
        </section>
      ) : null}
      <Timeline agreement={agreement} />
      <ExitRequests agreement={agreement} categoryName={categories.name}>
        {writer ? (
          recording ? (
            <RecordExit
              agreement={agreement}
              categories={categories.categories}
              categoriesState={categories.catalogue}
              onRecorded={recorded}
              onCancel={() => {
                setRecording(false);
                setTimeout(() => recordButton.current?.focus(), 0);
              }}
            />
          ) : (
            <p>
              <button
                type="button"
                className="btn btn-secondary"
                ref={recordButton}
                onClick={() => {
                  setFlash(null);
                  setRecording(true);
                }}
              >
                Enregistrer une dénonciation
              </button>
            </p>
          )
        ) : null}
      </ExitRequests>
      <ExitSimulator agreement={agreement} />
    </>
  );
}

function Parties({ agreement }: { agreement: AgreementDetail }) {
  const account = useAccount();
  // A member's people read their own organisation's record only: the other parties are named without a link.
  const readable = (organisationId: string) => account.side === 'provider' || organisationId === account.organisationId;
  return (
    <section className="section" aria-labelledby="parties">
      <h2 id="parties">Parties</h2>
      <TableScroll label="Parties à la convention">
        <table className="table">
          <caption>
            {plural(agreement.parties.length, 'partie', 'parties')} à la convention, avec leur signataire et la délibération qui l'habilite
          </caption>
          <thead>
            <tr>
              <th scope="col">Organisation</th>
              <th scope="col">Rôle</th>
              <th scope="col">Signataire</th>
              <th scope="col">Délibération</th>
              <th scope="col">Signée le</th>
            </tr>
          </thead>
          <tbody>
            {agreement.parties.map((p) => (
              <tr key={`${p.organisationId}-${p.role}`}>
                <th scope="row">{readable(p.organisationId) ? <Link to={`/organisations/${p.organisationId}`}>{p.organisationName}</Link> : p.organisationName}</th>
                <td>{partyRoleLabel(p.role)}</td>
                <td>
                  {p.signatory ? (
                    <>
                      {p.signatory.name}
                      <span className="block small">{p.signatory.title}</span>
                    </>
                  ) : (
                    <span className="muted">Non renseigné</span>
                  )}
                </td>
                <td>
                  {p.deliberation ? (
                    <>
                      {p.deliberation.organ}
                      <span className="block small">
                        {p.deliberation.number ? `n° ${p.deliberation.number}, ` : ''}du {formatCivilDate(p.deliberation.date)}
                      </span>
                    </>
                  ) : (
                    <span className="muted">Non renseignée</span>
                  )}
                </td>
                <td className="nowrap">{p.signedOn ? formatCivilDate(p.signedOn) : <span className="muted">Non renseignée</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

function Rules({ agreement }: { agreement: AgreementDetail }) {
  const sentences = describeRules(agreement);
  return (
    <section className="section" aria-labelledby="regles">
      <h2 id="regles">Règles</h2>
      <p className="muted">Les règles de la convention, telles qu'elles sont enregistrées ; les dates ci-dessous en sont calculées.</p>
      <ul className="rule-list panel">
        {sentences.map((s) => (
          <li key={s.term}>
            <strong>{s.term}</strong> : {s.text}
            {s.items ? (
              <ul>
                {s.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

type TimelineItem = { type: 'entry'; entry: CalendarEntry; state: 'past' | 'current' | 'coming' } | { type: 'today' };

/** The chronology: past dates greyed with the word "passé", a "today" marker, then the coming dates. */
function Timeline({ agreement }: { agreement: AgreementDetail }) {
  const today = todayInParis();
  const items: TimelineItem[] = [];
  let todayPlaced = false;
  for (const entry of agreement.timeline) {
    if (!todayPlaced && entry.date > today) {
      items.push({ type: 'today' });
      todayPlaced = true;
    }
    const state = entry.date > today ? 'coming' : entry.date === today || (entry.until && entry.until >= today) ? 'current' : 'past';
    items.push({ type: 'entry', entry, state });
  }
  if (!todayPlaced) items.push({ type: 'today' });
  const past = agreement.timeline.filter((e) => e.date < today).length;
  return (
    <section className="section" aria-labelledby="chronologie">
      <h2 id="chronologie">Chronologie</h2>
      {agreement.timeline.length === 0 ? (
        <p className="empty">
          Aucune date : {agreement.effectiveOn ? 'rien à venir sur la période calculée.' : "la date d'effet n'est pas encore connue (signature ou procès-verbal à enregistrer)."}
        </p>
      ) : (
        <>
          <p className="muted">
            {agreement.signedOn ? `Depuis la signature, le ${formatCivilDate(agreement.signedOn)},` : 'Depuis un an'} et jusqu'à trois ans après aujourd'hui :{' '}
            {plural(past, 'date passée', 'dates passées')},{' '}
            {plural(agreement.timeline.length - past, 'date à venir', 'dates à venir')}.
          </p>
          <ol className="timeline">
            {items.map((item, i) =>
              item.type === 'today' ? (
                <li key="today" className="timeline-today">
                  <span className="timeline-date">
                    <time dateTime={today}>{formatCivilDate(today)}</time>
                  </span>
                  <span className="timeline-body">
                    <strong>Aujourd'hui</strong>
                  </span>
                </li>
              ) : (
                <li key={i} className={`timeline-item is-${item.state}${item.entry.kind.startsWith('exit_') ? ' is-exit' : ''}`}>
                  <span className="timeline-date">
                    <time dateTime={item.entry.date}>{entryDateText(item.entry)}</time>
                    {item.state === 'past' ? (
                      <>
                        {' '}
                        <span className="timeline-marker">passé</span>
                      </>
                    ) : item.state === 'current' ? (
                      <>
                        {' '}
                        <span className="timeline-marker">en cours</span>
                      </>
                    ) : null}
                  </span>
                  <span className="timeline-body">
                    <EntryLabel entry={item.entry} />
                  </span>
                </li>
              ),
            )}
          </ol>
        </>
      )}
    </section>
  );
}

function ExitRequests({ agreement, categoryName, children }: { agreement: AgreementDetail; categoryName(code: string): string; children: ReactNode }) {
  return (
    <section className="section" aria-labelledby="denonciations">
      <h2 id="denonciations">Dénonciations enregistrées</h2>
      {agreement.exitRequests.length === 0 ? (
        <p className="empty">Aucune dénonciation enregistrée.</p>
      ) : (
        <TableScroll label="Dénonciations enregistrées">
          <table className="table">
            <caption>
              {plural(agreement.exitRequests.length, 'dénonciation', 'dénonciations')}, avec la date d'effet fixée par les règles de la convention
            </caption>
            <thead>
              <tr>
                <th scope="col">Organisation</th>
                <th scope="col">Sortie</th>
                <th scope="col">Reçue le</th>
                <th scope="col">Délai</th>
                <th scope="col">Prise d'effet</th>
              </tr>
            </thead>
            <tbody>
              {agreement.exitRequests.map((e) => (
                <tr key={e.id}>
                  <th scope="row">{e.organisationName}</th>
                  <td>
                    {e.scope === 'partial' ? (
                      <>
                        Partielle : {e.categories.map(categoryName).join(', ')}
                        {e.amendmentRequired ? <span className="block small">Avenant nécessaire (le socle est conservé)</span> : null}
                      </>
                    ) : (
                      'Totale'
                    )}
                  </td>
                  <td className="nowrap">{formatCivilDate(e.receivedOn)}</td>
                  <td>
                    {e.late ? <Badge tone="warning">Hors délai</Badge> : <Badge tone="success">Dans les délais</Badge>}
                    <span className="block small">au plus tard le {formatCivilDate(e.noticeDeadline)}</span>
                  </td>
                  <td>
                    <span className="nowrap">{formatCivilDate(e.effectiveOn)}</span>
                    {e.mayBeHeldUntil ? <span className="block small">maintien possible jusqu'au {formatCivilDate(e.mayBeHeldUntil)}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {children}
    </section>
  );
}

const SIMULATION_LABELS = { party: 'Partie qui dénonce', receivedOn: 'Date de réception du courrier' };
const simulationId = (field: string) => `simulation-${field}`;

/** "If a notice arrived on this date": the server applies the agreement's exit rules and explains. */
function ExitSimulator({ agreement }: { agreement: AgreementDetail }) {
  const announce = useAnnounce();
  const [party, setParty] = useState<'member' | 'provider'>('member');
  const [receivedOn, setReceivedOn] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ outcome: Outcome; party: 'member' | 'provider'; receivedOn: string } | null>(null);
  const resultRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  function fail(fields: FieldErrors, messages: string[] = []) {
    setErrors(fields);
    setGeneral(messages);
    setResult(null);
    setAttempt((a) => a + 1);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!receivedOn) return fail({ receivedOn: 'indiquez la date de réception' });
    const parsed = exitSimulationSchema.safeParse({ party, receivedOn });
    if (!parsed.success) return fail(splitIssues(parsed.error.issues, ['party', 'receivedOn']).fields);
    setBusy(true);
    try {
      const outcome = await api.agreements.simulateExit(agreement.id, parsed.data);
      setErrors({});
      setGeneral([]);
      setResult({ outcome, party, receivedOn });
      announce(outcome.explanation);
    } catch (error) {
      if (error instanceof ApiError && error.isValidation) {
        const split = splitIssues(error.issues, ['party', 'receivedOn']);
        return fail(split.fields, split.general.length || Object.keys(split.fields).length ? split.general : [error.message]);
      }
      fail({}, [errorMessage(error)]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="section" aria-labelledby="simuler">
      <h2 id="simuler">Simuler une sortie</h2>
      <p>Quand prendrait effet une dénonciation reçue à une date donnée ? Le calcul applique les règles de la convention ; rien n'est enregistré.</p>
      <ErrorSummary fields={errors} labels={SIMULATION_LABELS} idOf={simulationId} general={general} attempt={attempt} title="La simulation n'a pas abouti" />
      <form className="panel" onSubmit={submit} noValidate aria-busy={busy}>
        <div className="form-grid">
          <RadioGroup<'member' | 'provider'>
            id={simulationId('party')}
            legend={SIMULATION_LABELS.party}
            value={party}
            error={errors.party}
            onChange={setParty}
            options={[
              { value: 'member', label: "L'adhérent" },
              { value: 'provider', label: 'Le fournisseur' },
            ]}
          />
          <TextField
            id={simulationId('receivedOn')}
            label={SIMULATION_LABELS.receivedOn}
            hint="Date à laquelle le courrier recommandé est reçu"
            type="date"
            required
            value={receivedOn}
            error={errors.receivedOn}
            onChange={(e) => setReceivedOn(e.target.value)}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Calcul…' : 'Simuler'}
          </button>
        </div>
      </form>
      {result ? (
        <section className="panel checker-result" tabIndex={-1} ref={resultRef} aria-labelledby="simulation-resultat">
          <h3 id="simulation-resultat">
            Dénonciation {result.party === 'member' ? "par l'adhérent" : 'par le fournisseur'} reçue le {formatCivilDate(result.receivedOn)}
          </h3>
          <Alert tone={result.outcome.late ? 'warning' : 'info'}>
            <p>{result.outcome.explanation}</p>
          </Alert>
          <DescriptionList
            items={[
              { term: 'Dans les délais', value: result.outcome.late ? 'Non : demande tardive' : 'Oui' },
              { term: 'Dernier jour pour dénoncer', value: formatCivilDate(result.outcome.noticeDeadline) },
              { term: 'Dernier jour en vigueur', value: formatCivilDate(result.outcome.lastDayInForce) },
              { term: 'Prise d’effet de la sortie', value: formatCivilDate(result.outcome.effectiveOn) },
              ...(result.outcome.mayBeHeldUntil ? [{ term: 'Maintien possible jusqu’au', value: formatCivilDate(result.outcome.mayBeHeldUntil) }] : []),
            ]}
          />
        </section>
      ) : null}
    </section>
  );
}

const RECORD_LABELS = { organisationId: 'Organisation qui dénonce', scope: 'Étendue', categories: 'Catégories quittées', receivedOn: 'Date de réception du courrier' };
const recordId = (field: string) => `denonciation-${field}`;
type ExitInput = z.input<typeof exitRequestInputSchema>;

/** Staff of the provider record a notice received from a member: whole agreement, or some categories only. */
function RecordExit({
  agreement,
  categories,
  categoriesState,
  onRecorded,
  onCancel,
}: {
  agreement: AgreementDetail;
  categories: { value: string; label: string }[];
  categoriesState: { loading: boolean; error: Error | undefined; reload(): void };
  onRecorded(request: ExitRequest): void;
  onCancel(): void;
}) {
  const members = agreement.parties.filter((p) => p.role === 'member');
  const [organisationId, setOrganisationId] = useState(members.length === 1 ? members[0]!.organisationId : '');
  const [scope, setScope] = useState<'full' | 'partial'>('full');
  const [chosen, setChosen] = useState<string[]>([]);
  const [receivedOn, setReceivedOn] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const fields = Object.keys(RECORD_LABELS);

  useEffect(() => headingRef.current?.focus(), []);

  function fail(found: FieldErrors, messages: string[] = []) {
    setErrors(found);
    setGeneral(messages);
    setAttempt((a) => a + 1);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found: FieldErrors = {};
    if (!organisationId) found.organisationId = 'choisissez l’organisation qui dénonce';
    if (!receivedOn) found.receivedOn = 'indiquez la date de réception';
    if (scope === 'partial' && chosen.length === 0) found.categories = 'cochez au moins une catégorie quittée';
    const body: ExitInput = { organisationId, scope, categories: scope === 'partial' ? chosen : [], receivedOn };
    const parsed = exitRequestInputSchema.safeParse(body);
    if (!parsed.success) for (const [k, v] of Object.entries(splitIssues(parsed.error.issues, fields).fields)) found[k] ??= v;
    if (!parsed.success || Object.keys(found).length) return fail(found);
    setBusy(true);
    try {
      const request = await api.agreements.recordExit(agreement.id, parsed.data);
      setBusy(false);
      onRecorded(request);
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.isValidation) {
        const split = splitIssues(error.issues, fields);
        return fail(split.fields, split.general.length || Object.keys(split.fields).length ? split.general : [error.message]);
      }
      fail({}, [errorMessage(error)]);
    }
  }

  return (
    <section className="panel form-panel" aria-labelledby="enregistrer-titre">
      <h3 id="enregistrer-titre" tabIndex={-1} ref={headingRef}>
        Enregistrer une dénonciation
      </h3>
      <p className="muted">
        Le courrier recommandé d'un adhérent : sa date de réception fixe la date d'effet selon les règles de la convention. Une sortie partielle conserve
        le socle et fait l'objet d'un avenant.
      </p>
      <ErrorSummary fields={errors} labels={RECORD_LABELS} idOf={recordId} general={general} attempt={attempt} title="La dénonciation n'a pas été enregistrée" />
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <div className="form-grid">
          <SelectField
            id={recordId('organisationId')}
            label={RECORD_LABELS.organisationId}
            required
            value={organisationId}
            error={errors.organisationId}
            onChange={(e) => setOrganisationId(e.target.value)}
          >
            {members.length !== 1 ? <option value="">Choisir…</option> : null}
            {members.map((m) => (
              <option key={m.organisationId} value={m.organisationId}>
                {m.organisationName}
              </option>
            ))}
          </SelectField>
          <TextField
            id={recordId('receivedOn')}
            label={RECORD_LABELS.receivedOn}
            hint="Date de réception du courrier recommandé"
            type="date"
            required
            value={receivedOn}
            error={errors.receivedOn}
            onChange={(e) => setReceivedOn(e.target.value)}
          />
          <RadioGroup<'full' | 'partial'>
            id={recordId('scope')}
            legend={RECORD_LABELS.scope}
            value={scope}
            error={errors.scope}
            onChange={setScope}
            options={[
              { value: 'full', label: 'Sortie totale' },
              { value: 'partial', label: 'Sortie partielle (certaines catégories de services)' },
            ]}
          />
        </div>
        {scope === 'partial' ? (
          categoriesState.error ? (
            <LoadError error={categoriesState.error} retry={categoriesState.reload} />
          ) : categories.length === 0 ? (
            <Loading label="Chargement des catégories du catalogue…" />
          ) : (
            <CheckboxGroup
              id={recordId('categories')}
              legend={RECORD_LABELS.categories}
              hint="Les catégories du catalogue de ce fournisseur que l'adhérent quitte"
              error={errors.categories}
              options={categories}
              value={chosen}
              onChange={setChosen}
            />
          )
        ) : null}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Enregistrement…' : 'Enregistrer la dénonciation'}
          </button>
          <button type="button" className="btn btn-secondary" onClick={onCancel}>
            Annuler
          </button>
        </div>
      </form>
    </section>
  );
}
