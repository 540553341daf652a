import { Fragment, useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { Alert, Badge, LoadError, Loading, PageHeader, TableScroll } from '../components/ui.tsx';
import { useAnnounce } from '../lib/announcer.tsx';
import { actsForProvider, euros, groupGrid, optionValueLabels, unitLabel, vatLabel, type GridGroup, type GridPrice } from '../lib/catalogue.ts';
import { deliberationText, GRID_STATES, gridState, useGrids } from '../lib/grids.ts';
import { formatCivilDate, plural } from '../lib/format.ts';
import { useResource, useTitle } from '../lib/hooks.ts';
import { useAccount, useCan } from '../lib/session.tsx';
import type { CatalogueView, GridView } from '../shared.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

export function GridPage() {
  const { id = '', code = '' } = useParams();
  return <GridScreen id={id} code={code} key={`${id}/${code}`} />;
}

const EXPORTS = [
  { format: 'csv', label: 'CSV', hint: 'tableur, séparateur point-virgule' },
  { format: 'xlsx', label: 'XLSX', hint: 'classeur Excel' },
  { format: 'pdf', label: 'PDF', hint: 'annexe imprimable' },
] as const;

function GridScreen({ id, code }: { id: string; code: string }) {
  const account = useAccount();
  const allowed = useCan();
  const location = useLocation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const catalogue = useResource((signal) => api.catalogue.get(id, signal), `catalogue-${id}`);
  const grid = useResource(() => api.grids.get(id, code), `grid-${id}-${code}`);
  const grids = useGrids(id);
  const flashFromNavigation = (location.state as { flash?: string } | null)?.flash ?? null;
  const [flash] = useState(flashFromNavigation);
  const flashRef = useRef<HTMLDivElement>(null);
  const view = catalogue.data;
  const data = grid.data;
  useTitle(data ? data.label : grid.error ? 'Grille introuvable' : 'Grille tarifaire');
  const writer = allowed('tariff:write') && actsForProvider(account, id);

  useEffect(() => {
    if (flashFromNavigation) {
      announce(flashFromNavigation);
      navigate(location.pathname, { replace: true, state: null });
    }
  }, []);

  const error = grid.error ?? catalogue.error;
  if (error instanceof ApiError && error.status === 404) {
    return <NotFoundPage title="Grille introuvable" message="Cette grille tarifaire n'existe pas, ou vous n'avez pas accès aux tarifs de ce fournisseur." />;
  }
  if (!view || !data) {
    return (
      <>
        <PageHeader title="Grille tarifaire" />
        {error ? <LoadError error={error} retry={grid.error ? grid.reload : catalogue.reload} /> : <Loading />}
      </>
    );
  }

  const state = grids.data ? GRID_STATES[gridState(data, grids.data)] : data.inForce ? GRID_STATES.in_force : null;
  const deliberation = deliberationText(data.deliberation);
  return (
    <>
      <PageHeader
        title={data.label}
        breadcrumb={[
          { to: '/catalogues', label: 'Catalogues' },
          { to: `/fournisseurs/${id}/catalogue`, label: `Catalogue : ${view.providerName}` },
          { to: `/fournisseurs/${id}/tarifs`, label: 'Grilles tarifaires' },
        ]}
        lead={
          <>
            {view.providerName} · en vigueur à compter du {formatCivilDate(data.effectiveFrom)}
            {deliberation ? ` · ${deliberation}` : ' · délibération non renseignée'}
          </>
        }
        actions={
          writer ? (
            <Link className="btn btn-secondary" to={`/fournisseurs/${id}/tarifs/nouvelle-version?depuis=${encodeURIComponent(data.code)}`}>
              Nouvelle version<span className="sr-only"> à partir de cette grille</span>
            </Link>
          ) : null
        }
      />
      {flash ? (
        <Alert tone="success" focusRef={flashRef}>
          <p>{flash}</p>
        </Alert>
      ) : null}
      <p className="grid-meta">
        {state ? (
          <Badge tone={state.tone}>
            {data.inForce ? <span aria-hidden="true">★ </span> : null}
            {state.label}
          </Badge>
        ) : null}{' '}
        <span className="mono small">{data.code}</span> · {plural(data.prices.length, 'prix', 'prix')}
      </p>
      <Issues grid={data} view={view} />
      <section className="section exports" aria-labelledby="exports-titre">
        <h2 id="exports-titre">Télécharger la grille</h2>
        <ul className="export-list">
          {EXPORTS.map((e) => (
            <li key={e.format}>
              <a className="btn btn-secondary btn-small" href={api.grids.exportUrl(id, data.code, e.format)} download={`grille-${data.code}.${e.format}`}>
                {e.label}
                <span className="sr-only">
                  {' '}
                  : {data.label}, {e.hint}
                </span>
              </a>
              <span className="small muted" aria-hidden="true">
                {' '}
                {e.hint}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section className="section" aria-labelledby="grille-titre">
        <h2 id="grille-titre">Tarifs</h2>
        <GridTable grid={data} view={view} />
      </section>
    </>
  );
}

/** The grid's inconsistencies, shown first: a price that another annex prints differently, 12 × monthly ≠ annual… */
function Issues({ grid, view }: { grid: GridView; view: CatalogueView }) {
  if (!grid.issues.length) return null;
  const lineName = (code: string) => view.lines.find((l) => l.code === code)?.name ?? code;
  return (
    <Alert tone="warning" title={`Points à vérifier (${grid.issues.length})`}>
      <ul>
        {grid.issues.map((issue, i) => {
          const price = grid.prices.find((p) => p.line === issue.line && JSON.stringify(p.options) === JSON.stringify(issue.options));
          const options = price?.optionsLabel || Object.entries(issue.options).map(([k, v]) => `${k} : ${v}`).join(', ');
          return (
            <li key={i}>
              <strong>
                {lineName(issue.line)}
                {options ? ` (${options})` : ''}
              </strong>{' '}
              : {issue.message}
            </li>
          );
        })}
      </ul>
    </Alert>
  );
}

function Amount({ value, elsewhere }: { value: string | null; elsewhere?: { document: string; amount: string }[] }) {
  return (
    <>
      {euros(value)}
      {elsewhere?.map((e) => (
        <span className="stated-elsewhere" key={e.document}>
          <span aria-hidden="true">⚠ </span>
          {e.document} : {euros(e.amount)}
        </span>
      ))}
    </>
  );
}

const differing = (price: GridPrice, field: 'monthly' | 'annual' | 'perUnit') =>
  price.statedElsewhere.filter((s) => s[field] !== undefined && s[field] !== price[field]).map((s) => ({ document: s.document, amount: s[field]! }));

/**
 * The grid as seed 004 annex 5 prints it: grouped by category, a level that adds to another followed by
 * the total of both, a line with options one row per combination, monthly and annual columns.
 */
function GridTable({ grid, view }: { grid: GridView; view: CatalogueView }) {
  const groups = groupGrid(view, grid);
  const withOptions = grid.prices.some((p) => Object.keys(p.options).length > 0);
  const withPerUnit = grid.prices.some((p) => p.perUnit !== null);
  const columns = 4 + (withOptions ? 1 : 0) + (withPerUnit ? 1 : 0) + 1;
  const sharedNote = (code: string) => {
    const rule = view.sharedCharges.find((s) => s.chargeLine === code);
    if (!rule) return null;
    const names = rule.triggeredBy.map((c) => `« ${view.lines.find((l) => l.code === c)?.name ?? c} »`);
    return `Facturé une seule fois pour ${names.join(' ou ')} souscrites.`;
  };

  const amounts = (price: GridPrice) => (
    <>
      <td className="num">
        <Amount value={price.monthly} elsewhere={differing(price, 'monthly')} />
      </td>
      <td className="num">
        <Amount value={price.annual} elsewhere={differing(price, 'annual')} />
      </td>
      {withPerUnit ? (
        <td className="num">
          <Amount value={price.perUnit} elsewhere={differing(price, 'perUnit')} />
        </td>
      ) : null}
      <td className="nowrap">{vatLabel(price)}</td>
    </>
  );

  function lineRows(entry: GridGroup['lines'][number]): ReactNode {
    const line = entry.line;
    const unit = line ? unitLabel(line.unit) : '—';
    const additive = line?.additiveTo ? view.lines.find((l) => l.code === line.additiveTo) : undefined;
    const name = (
      <>
        {entry.name}
        {additive ? <span className="block small muted-strong">Tarif additionnel à « {additive.name} »</span> : null}
        {sharedNote(entry.code) ? <span className="block small muted-strong">{sharedNote(entry.code)}</span> : null}
        {line && line.status !== 'active' ? (
          <span className="block">
            <Badge tone="muted">Ligne {line.status === 'withdrawn' ? 'retirée' : 'proposée'}</Badge>
          </span>
        ) : null}
      </>
    );
    if (!line?.options.length || entry.prices.every((p) => Object.keys(p.options).length === 0)) {
      return entry.prices.map((price, i) => (
        <tr key={`${entry.code}-${i}`}>
          <th scope="row">{name}</th>
          {withOptions ? <td>{price.optionsLabel || '—'}</td> : null}
          <td className="nowrap">{unit}</td>
          {amounts(price)}
        </tr>
      ));
    }
    // A line with options: the first option as row header over its values of the others (annex 5: level × storage).
    const first = line.options[0]!;
    const byFirst = new Map<string, GridPrice[]>();
    for (const price of entry.prices) byFirst.set(price.options[first.code] ?? '', [...(byFirst.get(price.options[first.code] ?? '') ?? []), price]);
    const oneDimension = line.options.length === 1;
    return [...byFirst.entries()].map(([value, prices]) => {
      const valueLabel = first.values.find((v) => v.code === value)?.label ?? value;
      return prices.map((price, i) => {
        const rest = optionValueLabels(line, price.options).slice(oneDimension ? 0 : 1);
        return (
          <tr key={`${entry.code}-${value}-${i}`} className={i === 0 ? 'starts-block' : undefined}>
            {i === 0 ? (
              <th scope="row" rowSpan={prices.length}>
                {oneDimension ? entry.name : valueLabel}
                {oneDimension ? null : <span className="sr-only"> ({entry.name})</span>}
              </th>
            ) : null}
            <td>{rest.map((r) => r.value).join(' · ')}</td>
            <td className="nowrap">{unit}</td>
            {amounts(price)}
          </tr>
        );
      });
    });
  }

  return (
    <TableScroll label={`Tarifs de la grille ${grid.label}`}>
      <table className="table grid-table">
        <caption>
          {grid.label} : tarifs par catégorie de services, en euros, mensuels et annuels par unité de base
        </caption>
        <thead>
          <tr>
            <th scope="col" className="col-service">
              Service
            </th>
            {withOptions ? (
              <th scope="col" className="col-option">
                Option
              </th>
            ) : null}
            <th scope="col">Unité de base</th>
            <th scope="col" className="num">
              Tarif mensuel
            </th>
            <th scope="col" className="num">
              Tarif annuel
            </th>
            {withPerUnit ? (
              <th scope="col" className="num">
                Prix unitaire
              </th>
            ) : null}
            <th scope="col">TVA</th>
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group.key}>
            <tr className="group-row">
              <th scope="rowgroup" colSpan={columns}>
                {group.title}
              </th>
            </tr>
            {group.lines.map((entry) => (
              <Fragment key={entry.code}>{lineRows(entry)}</Fragment>
            ))}
            {group.totals.map((total) => (
              <tr className="total-row" key={total.label}>
                <th scope="row">{total.label}</th>
                {withOptions ? <td /> : null}
                <td />
                <td className="num">{euros(total.monthly)}</td>
                <td className="num">{euros(total.annual)}</td>
                {withPerUnit ? <td /> : null}
                <td />
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </TableScroll>
  );
}
