import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api/endpoints.ts';
import { useAnnounce } from '../../lib/announcer.tsx';
import { euros, optionsFromLabel, signedEuros, sortByCatalogue } from '../../lib/catalogue.ts';
import { changeCountsText, changeOf } from '../../lib/grid-comparison.ts';
import type { GridSummary } from '../../lib/grids.ts';
import { useFormErrors } from '../../lib/form-errors.ts';
import { formatCivilDate, plural } from '../../lib/format.ts';
import { useResource } from '../../lib/hooks.ts';
import { optionValuesText } from '../../lib/price-labels.ts';
import type { CatalogueView } from '../../shared.ts';
import { CheckboxField, ErrorSummary, SelectField } from '../forms.tsx';
import { LoadError, Loading, TableScroll } from '../ui.tsx';

const AMOUNT_COLUMNS = ['Mensuel avant', 'Mensuel après', 'Annuel avant', 'Annuel après', 'Écart annuel'];

/** The versions to choose from, with their effective dates. */
function VersionOptions({ grids }: { grids: GridSummary[] }) {
  return (
    <>
      {grids.map((g) => (
        <option key={g.code} value={g.code}>
          {g.label} ({formatCivilDate(g.effectiveFrom)})
        </option>
      ))}
    </>
  );
}

/** Two versions side by side: what changed, by how much a year. The choice is kept in the address. */
export function GridComparison({ view, grids }: { view: CatalogueView; grids: GridSummary[] }) {
  const [params, setParams] = useSearchParams();
  const announce = useAnnounce();
  const inForce = grids.find((g) => g.inForce);
  const codes = grids.map((g) => g.code);
  const from = params.get('de') ?? '';
  const to = params.get('a') ?? '';
  const [draft, setDraft] = useState({ from: from || inForce?.code || grids[1]!.code, to: to || grids.find((g) => g.code !== (from || inForce?.code || grids[1]!.code))!.code });
  const { errors, attempt, fail, clear } = useFormErrors();
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
    if (draft.from === draft.to) return fail({ to: 'choisissez une version différente de la version de départ' });
    clear();
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
  const shown = changesOnly ? rows.filter((r) => r.change !== 'same') : rows;
  return (
    <section className="section" aria-labelledby="comparer-titre" aria-busy={result.loading}>
      <h2 id="comparer-titre">Comparer deux versions</h2>
      <ErrorSummary fields={errors} labels={labels} idOf={idOf} attempt={attempt} />
      <form className="panel inline-form" onSubmit={submit} noValidate>
        <SelectField id={idOf('from')} label={labels.from} value={draft.from} error={errors.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })}>
          <VersionOptions grids={grids} />
        </SelectField>
        <SelectField id={idOf('to')} label={labels.to} value={draft.to} error={errors.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })}>
          <VersionOptions grids={grids} />
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
            {changeCountsText(data.rows)}
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
                  {AMOUNT_COLUMNS.map((column) => (
                    <th key={column} scope="col" className="num">
                      {column}
                    </th>
                  ))}
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
                          <span className="block small muted-strong">{Object.keys(r.options).length ? optionValuesText(view, r.line, r.options) : r.optionsLabel}</span>
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
