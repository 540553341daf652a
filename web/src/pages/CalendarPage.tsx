import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, type CalendarQuery } from '../api/endpoints.ts';
import { EntryLabel } from '../components/AgreementBits.tsx';
import { ErrorSummary, SelectField, splitIssues, TextField, type FieldErrors } from '../components/forms.tsx';
import { Alert, errorMessage, LoadError, Loading, PageHeader } from '../components/ui.tsx';
import { useAnnounce } from '../lib/announcer.tsx';
import { byMonth, CALENDAR_KINDS, entryDateText, entryKindLabel, monthTitle } from '../lib/agreements.ts';
import { formatCivilDate, plural } from '../lib/format.ts';
import { useResource, useTitle } from '../lib/hooks.ts';
import { calendarQuerySchema } from '../shared.ts';

const FIELDS = ['providerId', 'kind', 'from', 'to'] as const;
type Field = (typeof FIELDS)[number];
type Draft = Record<Field, string>;
const LABELS: Record<Field, string> = { providerId: 'Fournisseur', kind: "Type d'échéance", from: 'Du', to: 'Au' };
const idOf = (field: string) => `calendrier-${field}`;

function draftOf(params: URLSearchParams): Draft {
  return { providerId: params.get('providerId') ?? '', kind: params.get('kind') ?? '', from: params.get('from') ?? '', to: params.get('to') ?? '' };
}

/** The query the address holds, as the API reads it (empty values left out). */
function queryOf(draft: Draft): CalendarQuery {
  return Object.fromEntries(Object.entries(draft).filter(([, v]) => v)) as CalendarQuery;
}

/** Every coming deadline of the agreements the account may see, grouped by month; filters in the address. */
export function CalendarPage() {
  useTitle('Calendrier des échéances');
  const announce = useAnnounce();
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const applied = draftOf(params);
  const query = queryOf(applied);
  const [draft, setDraft] = useState<Draft>(applied);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  useEffect(() => setDraft(draftOf(params)), [key]);

  const providers = useResource(() => api.providers.list(), 'providers');
  const entries = useResource((signal) => api.calendar.list(query, signal), `calendar-${key}`);
  const groups = entries.data ? byMonth(entries.data) : [];

  useEffect(() => {
    if (entries.data && !entries.loading) {
      announce(`${plural(entries.data.length, 'échéance affichée', 'échéances affichées')}${groups.length ? `, sur ${plural(groups.length, 'mois', 'mois')}` : ''}.`);
    }
  }, [entries.data, entries.loading]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    const parsed = calendarQuerySchema.safeParse(queryOf(draft));
    if (!parsed.success) Object.assign(found, splitIssues(parsed.error.issues, FIELDS).fields);
    if (draft.from && draft.to && draft.to < draft.from) found.to ??= 'la fin précède le début';
    setErrors(found);
    if (Object.keys(found).length) {
      setAttempt((a) => a + 1);
      return;
    }
    setParams(new URLSearchParams(queryOf(draft) as Record<string, string>));
  }

  const providerName = providers.data?.find((p) => p.id === applied.providerId)?.name;
  const period =
    applied.from || applied.to
      ? `${applied.from ? `du ${formatCivilDate(applied.from)}` : "d'aujourd'hui"} ${applied.to ? `au ${formatCivilDate(applied.to)}` : 'à 18 mois plus tard'}`
      : "d'aujourd'hui à 18 mois";
  return (
    <>
      <PageHeader
        title="Calendrier des échéances"
        lead="Les dates à tenir de toutes les conventions : dénonciations, échéances, renouvellements, comités, votes et titres de recette."
      />
      <ErrorSummary fields={errors} labels={LABELS} idOf={idOf} attempt={attempt} title="Les filtres contiennent des erreurs" />
      <div className="panel filters calendar-filters" role="search" aria-label="Filtrer le calendrier">
        <form onSubmit={submit} noValidate>
          <div className="filters-grid">
            <SelectField id={idOf('providerId')} label={LABELS.providerId} value={draft.providerId} error={errors.providerId} onChange={(e) => setDraft({ ...draft, providerId: e.target.value })}>
              <option value="">Tous les fournisseurs</option>
              {providers.data?.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </SelectField>
            <SelectField id={idOf('kind')} label={LABELS.kind} value={draft.kind} error={errors.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value })}>
              <option value="">Tous les types</option>
              {CALENDAR_KINDS.map((k) => (
                <option key={k} value={k}>
                  {entryKindLabel(k)}
                </option>
              ))}
            </SelectField>
            <TextField id={idOf('from')} label={LABELS.from} hint="Par défaut : aujourd'hui" type="date" value={draft.from} error={errors.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
            <TextField id={idOf('to')} label={LABELS.to} hint="Par défaut : 18 mois plus tard" type="date" value={draft.to} error={errors.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
          </div>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary">
              Afficher
            </button>
            {key ? (
              <Link className="btn btn-secondary" to="/calendrier" onClick={() => setErrors({})}>
                Réinitialiser
              </Link>
            ) : null}
          </div>
        </form>
      </div>
      <div className="calendar-actions">
        <a className="btn btn-secondary" href={api.calendar.icsUrl(query)} download="mutualis-echeances.ics">
          Télécharger (.ics)
        </a>
        <p className="small muted">Le fichier iCalendar contient les échéances affichées, avec les filtres choisis ; il s'ouvre dans tout agenda.</p>
      </div>
      <section className="section" aria-labelledby="echeances-titre" aria-busy={entries.loading}>
        <h2 id="echeances-titre">
          Échéances {period}
          {providerName ? ` — ${providerName}` : ''}
          {applied.kind ? ` — ${entryKindLabel(applied.kind)}` : ''}
        </h2>
        {entries.error ? <LoadError error={entries.error} retry={entries.reload} /> : null}
        {entries.loading && !entries.data ? <Loading /> : null}
        {entries.data ? (
          entries.data.length === 0 ? (
            <p className="empty">Aucune échéance sur cette période.</p>
          ) : (
            <>
              <p className="count">{plural(entries.data.length, 'échéance', 'échéances')}, les plus proches en premier.</p>
              {groups.map((group) => (
                <section key={group.month} className="calendar-month" aria-labelledby={`mois-${group.month}`}>
                  <h3 id={`mois-${group.month}`}>
                    {monthTitle(group.month)} <span className="count">({plural(group.entries.length, 'échéance', 'échéances')})</span>
                  </h3>
                  <ul className="calendar-list">
                    {group.entries.map((entry, i) => (
                      <li key={`${entry.agreementId}-${entry.kind}-${entry.date}-${i}`} className="calendar-entry">
                        <span className="calendar-date">
                          <time dateTime={entry.date}>{entryDateText(entry)}</time>
                        </span>
                        <span className="calendar-body">
                          <EntryLabel entry={entry} />
                          <span className="block small">
                            <Link to={`/conventions/${entry.agreementId}`}>{entry.agreementTitle}</Link> · {entry.providerName}
                          </span>
                        </span>
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </>
          )
        ) : null}
      </section>
      <Subscription />
    </>
  );
}

/** A secret address for calendar applications; creating a new one revokes the previous one. */
function Subscription() {
  const announce = useAnnounce();
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (url) inputRef.current?.focus();
  }, [url]);

  async function subscribe() {
    if (busy) return;
    setBusy(true);
    setError(null);
    setCopied(null);
    try {
      const { path } = await api.calendar.subscribe();
      setUrl(`${window.location.origin}${path}`);
      announce(url ? "Nouvelle adresse d'abonnement créée : l'ancienne ne fonctionne plus." : "Adresse d'abonnement créée.");
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function copy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied('Adresse copiée dans le presse-papiers.');
      announce('Adresse copiée dans le presse-papiers.');
    } catch {
      inputRef.current?.select();
      setCopied("La copie automatique n'est pas permise par le navigateur : l'adresse est sélectionnée, copiez-la avec Ctrl+C.");
      announce("Copie impossible : l'adresse est sélectionnée, copiez-la avec Ctrl+C.");
    }
  }

  return (
    <section className="section" aria-labelledby="abonnement-titre">
      <h2 id="abonnement-titre">S'abonner depuis mon agenda</h2>
      <div className="panel">
        <p>
          Votre application d'agenda (Thunderbird, Outlook, Google Agenda, agenda du téléphone…) peut s'abonner à une adresse secrète : elle y lit
          toutes les échéances que votre compte peut voir, depuis un an, et les met à jour d'elle-même. L'adresse suffit pour lire ce calendrier, sans
          mot de passe : ne la partagez pas.
        </p>
        <p>
          <strong>Créer une nouvelle adresse révoque la précédente</strong> : les agendas abonnés à l'ancienne adresse ne reçoivent plus rien.
        </p>
        {error ? (
          <Alert tone="error" role="alert" title="L'adresse n'a pas été créée">
            <p>{error}</p>
          </Alert>
        ) : null}
        {url ? (
          <div className="subscription">
            <TextField
              id="abonnement-adresse"
              label="Adresse d'abonnement"
              hint="À coller dans votre agenda : « Ajouter un calendrier », « S'abonner par URL » ou « Depuis Internet »"
              readOnly
              value={url}
              ref={inputRef}
              onFocus={(e) => e.currentTarget.select()}
              className="grow"
            />
            <div className="form-actions">
              <button type="button" className="btn btn-primary" onClick={copy}>
                Copier l'adresse
              </button>
            </div>
            {copied ? <p className="small">{copied}</p> : null}
          </div>
        ) : null}
        <p>
          <button type="button" className={`btn ${url ? 'btn-secondary' : 'btn-primary'}`} onClick={subscribe} disabled={busy}>
            {busy ? 'Création…' : url ? 'Créer une nouvelle adresse' : "S'abonner depuis mon agenda"}
          </button>
        </p>
      </div>
    </section>
  );
}
