import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { CheckboxField, ErrorSummary, SelectField, splitIssues, TextField, type FieldErrors } from '../components/forms.tsx';
import { Alert, Badge, DescriptionList, errorMessage, LoadError, Loading, PageHeader, TableScroll } from '../components/ui.tsx';
import { useAnnounce } from '../lib/announcer.tsx';
import { actsForProvider, euros, optionsFromLabel, optionValueLabels, signedEuros, sortByCatalogue, vatLabel } from '../lib/catalogue.ts';
import { deliberationText, GRID_STATES, gridState, todayInParis, useGrids, type GridSummary } from '../lib/grids.ts';
import { formatCivilDate, formatInteger, plural } from '../lib/format.ts';
import { useResource, useTitle } from '../lib/hooks.ts';
import { useAccount, useCan } from '../lib/session.tsx';
import { parseEuros, type CatalogueView, type gridComparisonSchema, type priceLookupSchema, type unitCostViewSchema } from '../shared.ts';
import type { z } from 'zod';
import { NotFoundPage } from './NotFoundPage.tsx';

export function GridsPage() {
  const { id = '' } = useParams();
  return <GridsScreen id={id} key={id} />;
}

function GridsScreen({ id }: { id: string }) {
  const account = useAccount();
  const allowed = useCan();
  const catalogue = useResource((signal) => api.catalogue.get(id, signal), `catalogue-${id}`);
  const grids = useGrids(id);
  const view = catalogue.data;
  useTitle(view ? `Grilles tarifaires : ${view.providerName}` : catalogue.error ? 'Fournisseur introuvable' : 'Grilles tarifaires');
  const writer = allowed('tariff:write') && actsForProvider(account, id);

  if (catalogue.error instanceof ApiError && catalogue.error.status === 404) {
    return <NotFoundPage title="Fournisseur introuvable" message="Ce fournisseur n'existe pas, ou vous n'avez pas accès à ses tarifs." />;
  }
  if (!view) {
    return (
      <>
        <PageHeader title="Grilles tarifaires" />
        {catalogue.error ? <LoadError error={catalogue.error} retry={catalogue.reload} /> : <Loading />}
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={`Grilles tarifaires : ${view.providerName}`}
        breadcrumb={[
          { to: '/catalogues', label: 'Catalogues' },
          { to: `/fournisseurs/${id}/catalogue`, label: `Catalogue : ${view.providerName}` },
        ]}
        lead="Chaque version de la grille est votée puis ne change plus : une évolution des prix est une nouvelle version, avec sa date d'effet."
        actions={
          writer && grids.data?.length ? (
            <Link className="btn btn-primary" to={`/fournisseurs/${id}/tarifs/nouvelle-version`}>
              Nouvelle version<span className="sr-only"> de la grille tarifaire</span>
            </Link>
          ) : null
        }
      />
      <section className="section" aria-labelledby="versions-titre" aria-busy={grids.loading}>
        <h2 id="versions-titre">Versions de la grille</h2>
        {grids.error ? <LoadError error={grids.error} retry={grids.reload} /> : null}
        {grids.loading && !grids.data ? <Loading /> : null}
        {grids.data ? (
          grids.data.length === 0 ? (
            <p className="empty">Aucune grille tarifaire enregistrée pour ce fournisseur.</p>
          ) : (
            <TableScroll label="Versions de la grille tarifaire">
              <table className="table">
                <caption>
                  {plural(grids.data.length, 'version', 'versions')} de la grille de {view.providerName}, de la plus récente à la plus ancienne
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Version</th>
                    <th scope="col">État</th>
                    <th scope="col">Date d'effet</th>
                    <th scope="col">Délibération</th>
                    <th scope="col" className="num">
                      Prix
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {grids.data.map((g) => {
                    const state = GRID_STATES[gridState(g, grids.data!)];
                    return (
                      <tr key={g.code} className={g.inForce ? 'is-current' : undefined}>
                        <th scope="row">
                          <Link to={`/fournisseurs/${id}/tarifs/grilles/${encodeURIComponent(g.code)}`}>{g.label}</Link>
                          <span className="block mono small">{g.code}</span>
                        </th>
                        <td>
                          <Badge tone={state.tone}>
                            {g.inForce ? <span aria-hidden="true">★ </span> : null}
                            {state.label}
                          </Badge>
                        </td>
                        <td>{formatCivilDate(g.effectiveFrom)}</td>
                        <td>{deliberationText(g.deliberation) ?? <span className="muted">Non renseignée</span>}</td>
                        <td className="num">{formatInteger(g.prices)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableScroll>
          )
        ) : null}
      </section>
      {grids.data && grids.data.length > 1 ? <Comparison view={view} grids={grids.data} /> : null}
      {grids.data && grids.data.length ? <PriceLookup view={view} grids={grids.data} /> : null}
      <UnitCosts providerId={id} />
    </>
  );
}

type Comparison = z.infer<typeof gridComparisonSchema>;
type ComparisonRow = Comparison['rows'][number];

const CHANGES: Record<ComparisonRow['change'], { symbol: string; label: string }> = {
  same: { symbol: '=', label: 'Inchangé' },
  changed: { symbol: '≠', label: 'Modifié' },
  added: { symbol: '+', label: 'Ajouté' },
  removed: { symbol: '−', label: 'Supprimé' },
};

function changeOf(row: ComparisonRow): { symbol: string; label: string } {
  if (row.change === 'changed' && row.annualDelta !== null) {
    const delta = parseEuros(row.annualDelta);
    if (delta > 0) return { symbol: '▲', label: 'Modifié (hausse)' };
    if (delta < 0) return { symbol: '▼', label: 'Modifié (baisse)' };
  }
  return CHANGES[row.change];
}

/** Two versions side by side: what changed, by how much a year. The choice is kept in the address. */
function Comparison({ view, grids }: { view: CatalogueView; grids: GridSummary[] }) {
  const [params, setParams] = useSearchParams();
  const announce = useAnnounce();
  const inForce = grids.find((g) => g.inForce);
  const codes = grids.map((g) => g.code);
  const from = params.get('de') ?? '';
  const to = params.get('a') ?? '';
  const [draft, setDraft] = useState({ from: from || inForce?.code || grids[1]!.code, to: to || grids.find((g) => g.code !== (from || inForce?.code || grids[1]!.code))!.code });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [changesOnly, setChangesOnly] = useState(false);
  const ready = codes.includes(from) && codes.includes(to) && from !== to;
  const result = useResource((signal) => (ready ? api.grids.compare(view.providerId, from, to, signal) : Promise.resolve(null)), `compare-${from}-${to}`);
  const data = result.data;

  useEffect(() => {
    if (data && !result.loading) {
      const changed = data.rows.filter((r) => r.change !== 'same').length;
      announce(`Comparaison affichée : ${plural(changed, 'prix différent', 'prix différents')} sur ${data.rows.length}.`);
    }
  }, [data, result.loading]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (draft.from === draft.to) {
      setErrors({ to: 'choisissez une version différente de la version de départ' });
      setAttempt((a) => a + 1);
      return;
    }
    setErrors({});
    const next = new URLSearchParams(params);
    next.set('de', draft.from);
    next.set('a', draft.to);
    setParams(next, { preventScrollReset: true });
  }

  const labels = { from: 'Version de départ', to: "Version d'arrivée" };
  const idOf = (field: string) => `comparer-${field}`;
  const label = (code: string) => grids.find((g) => g.code === code)?.label ?? code;
  // The comparison names options by label only: their codes are found back to keep the catalogue's order.
  const rows = data ? sortByCatalogue(view, data.rows.map((r) => ({ ...r, options: optionsFromLabel(view, r.line, r.optionsLabel) }))) : [];
  const counts = data ? (['changed', 'added', 'removed', 'same'] as const).map((c) => [c, data.rows.filter((r) => r.change === c).length] as const) : [];
  const shown = changesOnly ? rows.filter((r) => r.change !== 'same') : rows;
  return (
    <section className="section" aria-labelledby="comparer-titre" aria-busy={result.loading}>
      <h2 id="comparer-titre">Comparer deux versions</h2>
      <ErrorSummary fields={errors} labels={labels} idOf={idOf} attempt={attempt} />
      <form className="panel inline-form" onSubmit={submit} noValidate>
        <SelectField id={idOf('from')} label={labels.from} value={draft.from} error={errors.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })}>
          {grids.map((g) => (
            <option key={g.code} value={g.code}>
              {g.label} ({formatCivilDate(g.effectiveFrom)})
            </option>
          ))}
        </SelectField>
        <SelectField id={idOf('to')} label={labels.to} value={draft.to} error={errors.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })}>
          {grids.map((g) => (
            <option key={g.code} value={g.code}>
              {g.label} ({formatCivilDate(g.effectiveFrom)})
            </option>
          ))}
        </SelectField>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary">
            Comparer
          </button>
        </div>
      </form>
      {result.error ? <LoadError error={result.error} retry={result.reload} /> : null}
      {result.loading && !data && ready ? <Loading label="Comparaison en cours…" /> : null}
      {data ? (
        <>
          <p className="comparison-summary">
            De « {label(from)} » à « {label(to)} » :{' '}
            {counts
              .filter(([, n]) => n > 0)
              .map(([c, n]) => `${formatInteger(n)} ${CHANGES[c].label.toLowerCase()}${n > 1 ? 's' : ''}`)
              .join(', ')}
            .
          </p>
          <CheckboxField id="comparer-changements" label="N'afficher que les prix qui changent" checked={changesOnly} onChange={setChangesOnly} />
          <TableScroll label="Comparaison des deux versions">
            <table className="table comparison-table">
              <caption>
                Comparaison de « {label(from)} » et de « {label(to)} », prix par prix ; la colonne « Changement » l'indique en toutes lettres
              </caption>
              <thead>
                <tr>
                  <th scope="col">Ligne de service</th>
                  <th scope="col">Changement</th>
                  <th scope="col" className="num">
                    Mensuel avant
                  </th>
                  <th scope="col" className="num">
                    Mensuel après
                  </th>
                  <th scope="col" className="num">
                    Annuel avant
                  </th>
                  <th scope="col" className="num">
                    Annuel après
                  </th>
                  <th scope="col" className="num">
                    Écart annuel
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r, i) => {
                  const change = changeOf(r);
                  return (
                    <tr key={i} className={r.change === 'same' ? undefined : `is-${r.change}`}>
                      <th scope="row">
                        {r.lineName}
                        {r.optionsLabel ? (
                          <span className="block small muted-strong">
                            {Object.keys(r.options).length
                              ? optionValueLabels(
                                  view.lines.find((l) => l.code === r.line),
                                  r.options,
                                )
                                  .map((o) => o.value)
                                  .join(' · ')
                              : r.optionsLabel}
                          </span>
                        ) : null}
                      </th>
                      <td className="change-cell">
                        <span className="change-symbol" aria-hidden="true">
                          {change.symbol}
                        </span>{' '}
                        {change.label}
                      </td>
                      <td className="num">{euros(r.before?.monthly)}</td>
                      <td className="num">{euros(r.after?.monthly)}</td>
                      <td className="num">{euros(r.before?.annual)}</td>
                      <td className="num">{euros(r.after?.annual)}</td>
                      <td className="num">{r.change === 'same' ? '—' : signedEuros(r.annualDelta)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        </>
      ) : null}
    </section>
  );
}

type Lookup = z.infer<typeof priceLookupSchema>;

/** Which price applies to a line, with its options, on a date. */
function PriceLookup({ view, grids }: { view: CatalogueView; grids: GridSummary[] }) {
  const announce = useAnnounce();
  const [line, setLine] = useState('');
  const [options, setOptions] = useState<Record<string, string>>({});
  const [date, setDate] = useState(todayInParis);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ lookup: Lookup; date: string; optionsText: string } | null>(null);
  const resultRef = useRef<HTMLElement>(null);
  const chosen = view.lines.find((l) => l.code === line);
  const idOf = (field: string) => (field.startsWith('option.') ? `prix-option-${field.slice(7)}` : field === 'options' ? `prix-option-${chosen?.options[0]?.code ?? ''}` : `prix-${field}`);
  const labels: Record<string, string> = { line: 'Ligne de service', date: 'Date', options: 'Options' };
  for (const o of chosen?.options ?? []) labels[`option.${o.code}`] = o.label;

  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  function fail(fields: FieldErrors, messages: string[] = []) {
    setErrors(fields);
    setGeneral(messages);
    setAttempt((a) => a + 1);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const fields: FieldErrors = {};
    if (!chosen) fields.line = 'choisissez une ligne';
    for (const o of chosen?.options ?? []) if (!options[o.code]) fields[`option.${o.code}`] = 'choisissez une valeur';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) fields.date = 'date attendue (jj/mm/aaaa)';
    if (Object.keys(fields).length) return fail(fields);
    const chosenOptions = Object.fromEntries((chosen?.options ?? []).map((o) => [o.code, options[o.code]!]));
    setBusy(true);
    setResult(null);
    try {
      const lookup = await api.grids.lookup(view.providerId, { line, date, options: chosenOptions });
      setErrors({});
      setGeneral([]);
      const optionsText = (chosen?.options ?? []).map((o) => o.values.find((v) => v.code === chosenOptions[o.code])?.label ?? '').join(', ');
      setResult({ lookup, date, optionsText });
      announce(`Prix trouvé : ${euros(lookup.annual ?? lookup.monthly ?? lookup.perUnit)}.`);
    } catch (error) {
      if (error instanceof ApiError && error.isValidation) {
        const split = splitIssues(error.issues, ['line', 'date', 'options']);
        return fail(split.fields, split.general.length || Object.keys(split.fields).length ? split.general : [error.message]);
      }
      fail({}, [errorMessage(error)]);
    } finally {
      setBusy(false);
    }
  }

  const gridLabel = (code: string) => grids.find((g) => g.code === code)?.label ?? code;
  return (
    <section className="section" aria-labelledby="prix-titre">
      <h2 id="prix-titre">Rechercher un prix</h2>
      <p>Le prix d'une ligne à une date est celui de la grille en vigueur ce jour-là.</p>
      <ErrorSummary fields={errors} labels={labels} idOf={idOf} general={general} attempt={attempt} title="Le prix n'a pas été trouvé" />
      <form className="panel" onSubmit={submit} noValidate aria-busy={busy}>
        <div className="form-grid">
          <SelectField
            id={idOf('line')}
            label={labels.line}
            value={line}
            error={errors.line}
            onChange={(e) => {
              setLine(e.target.value);
              setOptions({});
            }}
          >
            <option value="">Choisir…</option>
            {view.categories.map((c) => (
              <optgroup key={c.code} label={c.name}>
                {view.lines
                  .filter((l) => l.category === c.code)
                  .map((l) => (
                    <option key={l.code} value={l.code}>
                      {l.name}
                    </option>
                  ))}
              </optgroup>
            ))}
          </SelectField>
          <TextField id={idOf('date')} label={labels.date} type="date" required value={date} error={errors.date} onChange={(e) => setDate(e.target.value)} />
          {chosen?.options.map((o) => (
            <SelectField
              key={o.code}
              id={idOf(`option.${o.code}`)}
              label={o.label}
              value={options[o.code] ?? ''}
              error={errors[`option.${o.code}`] ?? (o === chosen.options[0] ? errors.options : undefined)}
              onChange={(e) => setOptions({ ...options, [o.code]: e.target.value })}
            >
              <option value="">Choisir…</option>
              {o.values.map((v) => (
                <option key={v.code} value={v.code}>
                  {v.label}
                </option>
              ))}
            </SelectField>
          ))}
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Recherche…' : 'Rechercher le prix'}
          </button>
        </div>
      </form>
      {result ? (
        <section className="panel lookup-result" tabIndex={-1} ref={resultRef} aria-labelledby="prix-resultat">
          <h3 id="prix-resultat">
            {chosen?.name ?? result.lookup.line}
            {result.optionsText ? ` (${result.optionsText})` : ''} le {formatCivilDate(result.date)}
          </h3>
          <DescriptionList
            items={[
              ...(result.lookup.monthly !== null ? [{ term: 'Tarif mensuel', value: euros(result.lookup.monthly) }] : []),
              ...(result.lookup.annual !== null ? [{ term: 'Tarif annuel', value: euros(result.lookup.annual) }] : []),
              ...(result.lookup.perUnit !== null ? [{ term: 'Prix unitaire', value: euros(result.lookup.perUnit) }] : []),
              { term: 'TVA', value: vatLabel({ vat: result.lookup.vat as 'not_subject', vatRate: null }) },
              {
                term: 'Grille appliquée',
                value: <Link to={`/fournisseurs/${view.providerId}/tarifs/grilles/${encodeURIComponent(result.lookup.grid)}`}>{gridLabel(result.lookup.grid)}</Link>,
              },
            ]}
          />
        </section>
      ) : null}
    </section>
  );
}

type UnitCost = z.infer<typeof unitCostViewSchema>;

function NoticeCheck({ cost }: { cost: UnitCost }) {
  if (cost.noticeRespected === null) {
    return <span className="muted">Non vérifiable : {cost.budgetAdoption ? 'date de notification' : "date d'adoption du budget"} non renseignée</span>;
  }
  return cost.noticeRespected ? (
    <Badge tone="success">
      <span aria-hidden="true">✓ </span>Préavis respecté
    </Badge>
  ) : (
    <Badge tone="warning">
      <span aria-hidden="true">✗ </span>Préavis non respecté
    </Badge>
  );
}

/** Unit costs (CGCT D5211-16): the charges of a line divided by its forecast units, and the notice before the budget. */
function UnitCosts({ providerId }: { providerId: string }) {
  const costs = useResource(() => api.unitCosts.list(providerId), `unit-costs-${providerId}`);
  return (
    <section className="section" aria-labelledby="couts-titre" aria-busy={costs.loading}>
      <h2 id="couts-titre">Coûts unitaires</h2>
      <p>
        Le coût unitaire d'un service est le total de ses charges divisé par le nombre d'unités prévu. Sa mise à jour doit être notifiée aux membres
        avec un préavis avant l'adoption du budget.
      </p>
      {costs.error ? <LoadError error={costs.error} retry={costs.reload} /> : null}
      {costs.loading && !costs.data ? <Loading /> : null}
      {costs.data ? (
        costs.data.length === 0 ? (
          <p className="empty">Aucun coût unitaire enregistré pour ce fournisseur.</p>
        ) : (
          costs.data.map((cost) => (
            <article className="panel unit-cost" key={`${cost.line}-${cost.fiscalYear}`} aria-labelledby={`cout-${cost.line}-${cost.fiscalYear}`}>
              <h3 id={`cout-${cost.line}-${cost.fiscalYear}`}>
                {cost.lineName} — exercice {cost.fiscalYear}
              </h3>
              <div className="two-columns">
                <DescriptionList
                  items={[
                    { term: 'Coût unitaire', value: <strong>{euros(cost.unitCost)}</strong> },
                    { term: 'Total des charges', value: euros(cost.total) },
                    { term: 'Unités prévues', value: formatInteger(cost.forecastUnits) },
                    { term: "Adoption du budget", value: cost.budgetAdoption ? formatCivilDate(cost.budgetAdoption) : null },
                    {
                      term: 'Préavis',
                      value: `${plural(cost.noticeMonths, 'mois', 'mois')}${cost.noticeDeadline ? ` : à notifier au plus tard le ${formatCivilDate(cost.noticeDeadline)}` : ''}`,
                    },
                    { term: 'Notifié le', value: cost.notifiedOn ? formatCivilDate(cost.notifiedOn) : null },
                    { term: 'Contrôle du préavis', value: <NoticeCheck cost={cost} /> },
                  ]}
                />
                <TableScroll label={`Décomposition du coût unitaire : ${cost.lineName}, ${cost.fiscalYear}`}>
                  <table className="table">
                    <caption>Décomposition par nature de charge</caption>
                    <thead>
                      <tr>
                        <th scope="col">Nature</th>
                        <th scope="col" className="num">
                          Montant
                        </th>
                        <th scope="col" className="num">
                          Par unité
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {cost.breakdown.map((b) => (
                        <tr key={b.nature}>
                          <th scope="row">{b.natureLabel}</th>
                          <td className="num">{euros(b.amount)}</td>
                          <td className="num">{euros(b.perUnit)}</td>
                        </tr>
                      ))}
                      <tr className="total-row">
                        <th scope="row">Total</th>
                        <td className="num">{euros(cost.total)}</td>
                        <td className="num">{euros(cost.unitCost)}</td>
                      </tr>
                    </tbody>
                  </table>
                </TableScroll>
              </div>
            </article>
          ))
        )
      ) : null}
    </section>
  );
}
