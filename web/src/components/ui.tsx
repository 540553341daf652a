import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api/client.ts';

type Tone = 'info' | 'success' | 'warning' | 'error';

const TONE_PREFIX: Record<Tone, string> = {
  info: 'Information',
  success: 'Succès',
  warning: 'Attention',
  error: 'Erreur',
};

/** A message box. Its tone is said in words (prefix and icon), never by colour alone. */
export function Alert({
  tone,
  title,
  children,
  role,
  id,
  focusRef,
}: {
  tone: Tone;
  title?: ReactNode;
  children?: ReactNode;
  role?: 'alert' | 'status';
  id?: string;
  focusRef?: React.Ref<HTMLDivElement>;
}) {
  return (
    <div className={`alert alert-${tone}`} role={role} id={id} ref={focusRef} tabIndex={focusRef ? -1 : undefined}>
      <span className="alert-icon" aria-hidden="true">
        {tone === 'success' ? '✓' : tone === 'warning' ? '!' : tone === 'error' ? '×' : 'i'}
      </span>
      <div className="alert-body">
        {title ? (
          <p className="alert-title">
            <span className="sr-only">{TONE_PREFIX[tone]} : </span>
            {title}
          </p>
        ) : (
          <span className="sr-only">{TONE_PREFIX[tone]} : </span>
        )}
        {children}
      </div>
    </div>
  );
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 403) return `${error.message}.`.replace(/\.\.$/, '.');
    if (error.status >= 500) return `Le serveur a rencontré une erreur (${error.status}) : ${error.message}. Réessayez plus tard ou signalez-le.`;
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

export function LoadError({ error, retry }: { error: Error; retry?: () => void }) {
  return (
    <Alert tone="error" role="alert" title="Le chargement a échoué">
      <p>{errorMessage(error)}</p>
      {retry ? (
        <button type="button" className="btn btn-secondary btn-small" onClick={retry}>
          Réessayer
        </button>
      ) : null}
    </Alert>
  );
}

export function Loading({ label = 'Chargement…' }: { label?: string }) {
  return (
    <p className="loading">
      <span className="spinner" aria-hidden="true" /> {label}
    </p>
  );
}

/** The page heading: one h1 per page; it takes the focus after a client-side navigation. */
export function PageHeader({ title, lead, actions, breadcrumb }: { title: ReactNode; lead?: ReactNode; actions?: ReactNode; breadcrumb?: { to: string; label: string }[] }) {
  return (
    <div className="page-header">
      {breadcrumb && breadcrumb.length ? (
        <nav aria-label="Fil d'Ariane" className="breadcrumb">
          <ol>
            {breadcrumb.map((b) => (
              <li key={b.to}>
                <Link to={b.to}>{b.label}</Link>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      <div className="page-header-row">
        <h1 tabIndex={-1} id="titre-page">
          {title}
        </h1>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </div>
      {lead ? <p className="lead">{lead}</p> : null}
    </div>
  );
}

/**
 * A table that scrolls sideways on narrow screens instead of widening the page; the scrolling region is
 * focusable and named so keyboard users can scroll it too.
 */
export function TableScroll({ label, children, compact = false }: { label: string; children: ReactNode; compact?: boolean }) {
  return (
    <div className={`table-scroll${compact ? ' is-compact' : ''}`} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

export type SortOrder = 'asc' | 'desc';

/** A sortable column header: a button inside the th, whose state is given by aria-sort. */
export function SortableHeader<S extends string>({
  column,
  label,
  sort,
  order,
  onSort,
  className,
}: {
  column: S;
  label: string;
  sort: S;
  order: SortOrder;
  onSort(column: S, order: SortOrder): void;
  className?: string;
}) {
  const active = sort === column;
  const next: SortOrder = active && order === 'asc' ? 'desc' : 'asc';
  return (
    <th scope="col" aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : undefined} className={className}>
      <button type="button" className="sort-button" onClick={() => onSort(column, next)}>
        {label}
        <span className="sort-icon" aria-hidden="true">
          {active ? (order === 'asc' ? '▲' : '▼') : '↕'}
        </span>
        <span className="sr-only">{active ? `, trié par ordre ${order === 'asc' ? 'croissant' : 'décroissant'}` : ', trier'}</span>
      </button>
    </th>
  );
}

export function Badge({ tone = 'neutral', children }: { tone?: 'neutral' | 'success' | 'warning' | 'muted' | 'info'; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

export function Pagination({ page, pages, hrefOf, label = 'Pagination' }: { page: number; pages: number; hrefOf(page: number): string; label?: string }) {
  if (pages <= 1) return null;
  const around = [...new Set([1, page - 1, page, page + 1, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  const items: (number | 'gap')[] = [];
  around.forEach((p, i) => {
    if (i > 0 && p - around[i - 1]! > 1) items.push('gap');
    items.push(p);
  });
  return (
    <nav className="pagination" aria-label={label}>
      <ul>
        <li>
          {page > 1 ? (
            <Link to={hrefOf(page - 1)} className="pagination-link">
              <span aria-hidden="true">‹</span>Précédente
            </Link>
          ) : (
            <span className="pagination-link is-disabled" aria-hidden="true">
              ‹ Précédente
            </span>
          )}
        </li>
        {items.map((item, i) =>
          item === 'gap' ? (
            <li key={`gap${i}`} aria-hidden="true" className="pagination-gap">
              …
            </li>
          ) : (
            <li key={item}>
              <Link to={hrefOf(item)} className="pagination-link" aria-current={item === page ? 'page' : undefined} aria-label={`Page ${item}`}>
                {item}
              </Link>
            </li>
          ),
        )}
        <li>
          {page < pages ? (
            <Link to={hrefOf(page + 1)} className="pagination-link">
              Suivante<span aria-hidden="true">›</span>
            </Link>
          ) : (
            <span className="pagination-link is-disabled" aria-hidden="true">
              Suivante ›
            </span>
          )}
        </li>
      </ul>
    </nav>
  );
}

export function DescriptionList({ items }: { items: { term: string; value: ReactNode }[] }) {
  return (
    <dl className="description-list">
      {items.map((item) => (
        <div key={item.term}>
          <dt>{item.term}</dt>
          <dd>{item.value === null || item.value === undefined || item.value === '' ? <span className="muted">Non renseigné</span> : item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
