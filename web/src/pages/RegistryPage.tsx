import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, departementCodeSchema, type OrganisationFilters } from '../api/endpoints.ts';
import { ErrorSummary, SelectField, TextField, type FieldErrors } from '../components/forms.tsx';
import { Badge, LoadError, Loading, PageHeader, Pagination, SortableHeader, TableScroll, type SortOrder } from '../components/ui.tsx';
import { useAnnounce } from '../lib/announcer.tsx';
import { formatDateTime, formatInteger, kindLabel, plural, statusLabel } from '../lib/format.ts';
import { useResource, useTitle } from '../lib/hooks.ts';
import { useCan } from '../lib/session.tsx';
import {
  MEMBERSHIP_STATUS_VALUES,
  ORGANISATION_KIND_VALUES,
  ORGANISATION_SORTS,
  ORGANISATION_KINDS,
  MEMBERSHIP_STATUSES,
  type MembershipStatus,
  type OrganisationKind,
} from '../shared.ts';

const PAGE_SIZE = 25;
type Sort = (typeof ORGANISATION_SORTS)[number];

const SORT_LABELS: Record<Sort, string> = {
  name: 'nom',
  kind: 'type',
  population: 'population',
  inseeCode: 'code INSEE',
  siren: 'SIREN',
  updatedAt: 'date de mise à jour',
};

const LABELS = { q: 'Rechercher', kind: 'Type', departement: 'Département', providerId: 'Fournisseur', membershipStatus: "Statut d'adhésion" };
const idOf = (field: string) => `registre-${field}`;

interface Draft {
  q: string;
  kind: string;
  departement: string;
  providerId: string;
  membershipStatus: string;
}

function draftOf(params: URLSearchParams): Draft {
  return {
    q: params.get('q') ?? '',
    kind: params.get('kind') ?? '',
    departement: params.get('departement') ?? '',
    providerId: params.get('providerId') ?? '',
    membershipStatus: params.get('membershipStatus') ?? '',
  };
}

/** Reads the list state from the address, so a search can be bookmarked, shared and navigated back to. */
function stateOf(params: URLSearchParams) {
  const sortParam = params.get('sort');
  const sort: Sort = (ORGANISATION_SORTS as readonly string[]).includes(sortParam ?? '') ? (sortParam as Sort) : 'name';
  const order: SortOrder = params.get('order') === 'desc' ? 'desc' : 'asc';
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const draft = draftOf(params);
  const filters: OrganisationFilters = {
    ...(draft.q ? { q: draft.q } : {}),
    ...((ORGANISATION_KIND_VALUES as readonly string[]).includes(draft.kind) ? { kind: draft.kind as OrganisationKind } : {}),
    ...(draft.departement ? { departement: draft.departement } : {}),
    ...(draft.providerId ? { providerId: draft.providerId } : {}),
    ...(draft.providerId && (MEMBERSHIP_STATUS_VALUES as readonly string[]).includes(draft.membershipStatus)
      ? { membershipStatus: draft.membershipStatus as MembershipStatus }
      : {}),
    sort,
    order,
  };
  return { sort, order, page, filters };
}

export function RegistryPage() {
  useTitle('Registre des organisations');
  const allowed = useCan();
  const announce = useAnnounce();
  const [params, setParams] = useSearchParams();
  const { sort, order, page, filters } = stateOf(params);
  const key = params.toString();
  const [draft, setDraft] = useState<Draft>(() => draftOf(params));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);

  // The address can change without this form (dashboard links, back button): the form follows it.
  useEffect(() => setDraft(draftOf(params)), [key]);

  const providers = useResource(() => api.providers.list(), 'providers');
  const result = useResource((signal) => api.organisations.list({ ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal), key);
  const pages = result.data ? Math.max(1, Math.ceil(result.data.total / PAGE_SIZE)) : 1;

  useEffect(() => {
    if (result.data && !result.loading) {
      announce(
        `${plural(result.data.total, 'organisation trouvée', 'organisations trouvées')}` +
          (result.data.total > PAGE_SIZE ? `, page ${page} sur ${pages}` : '') +
          `, triées par ${SORT_LABELS[sort]} (ordre ${order === 'asc' ? 'croissant' : 'décroissant'}).`,
      );
    }
  }, [result.data, result.loading]);
  useEffect(() => {
    if (result.error) announce(`La recherche a échoué : ${result.error.message}`);
  }, [result.error]);

  function update(next: Record<string, string | undefined>) {
    const merged = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) merged.set(k, v);
      else merged.delete(k);
    }
    setParams(merged);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    const departement = draft.departement.trim().toUpperCase();
    if (departement) {
      const check = departementCodeSchema.safeParse(departement);
      if (!check.success) found.departement = check.error.issues[0]?.message ?? 'valeur invalide';
    }
    if (draft.q.trim().length > 100) found.q = '100 caractères au plus';
    setErrors(found);
    if (Object.keys(found).length) {
      setAttempt((a) => a + 1);
      return;
    }
    update({
      q: draft.q.trim(),
      kind: draft.kind,
      departement,
      providerId: draft.providerId,
      membershipStatus: draft.providerId ? draft.membershipStatus : '',
      page: undefined,
    });
  }

  function reset() {
    setErrors({});
    setParams(new URLSearchParams());
  }

  const onSort = (column: Sort, next: SortOrder) => update({ sort: column === 'name' && next === 'asc' ? undefined : column, order: next === 'asc' ? undefined : next, page: undefined });
  const hrefOf = (p: number) => {
    const next = new URLSearchParams(params);
    if (p === 1) next.delete('page');
    else next.set('page', String(p));
    return `?${next.toString()}`;
  };
  const exportHref = useMemo(() => api.organisations.exportUrl(filters), [key]);
  const headerProps = { sort, order, onSort };

  return (
    <>
      <PageHeader
        title="Registre des organisations"
        lead="Collectivités, EPCI, syndicats et établissements publics connus de la plateforme."
        actions={
          allowed('organisation:write') ? (
            <Link className="btn btn-secondary" to="/organisations/nouvelle">
              Nouvelle organisation
            </Link>
          ) : null
        }
      />
      <ErrorSummary fields={errors} labels={LABELS} idOf={idOf} attempt={attempt} />
      <div className="panel filters" role="search" aria-label="Recherche dans le registre">
        <form onSubmit={submit} noValidate>
          <div className="filters-main">
            <TextField
              id={idOf('q')}
              label={LABELS.q}
              hint="Nom, code INSEE (ex. 62498) ou SIREN (9 chiffres)"
              type="search"
              value={draft.q}
              error={errors.q}
              onChange={(e) => setDraft({ ...draft, q: e.target.value })}
              className="grow"
            />
          </div>
          <div className="filters-grid">
            <SelectField id={idOf('kind')} label={LABELS.kind} value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value })}>
              <option value="">Tous les types</option>
              {ORGANISATION_KIND_VALUES.map((k) => (
                <option key={k} value={k}>
                  {ORGANISATION_KINDS[k]}
                </option>
              ))}
            </SelectField>
            <TextField
              id={idOf('departement')}
              label={LABELS.departement}
              hint="Code : 62, 2A, 974…"
              value={draft.departement}
              error={errors.departement}
              inputMode="text"
              autoComplete="off"
              size={6}
              onChange={(e) => setDraft({ ...draft, departement: e.target.value })}
            />
            <SelectField
              id={idOf('providerId')}
              label={LABELS.providerId}
              value={draft.providerId}
              onChange={(e) => setDraft({ ...draft, providerId: e.target.value, membershipStatus: e.target.value ? draft.membershipStatus : '' })}
            >
              <option value="">Tous</option>
              {providers.data?.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.shortName}
                </option>
              ))}
            </SelectField>
            <SelectField
              id={idOf('membershipStatus')}
              label={LABELS.membershipStatus}
              hint={draft.providerId ? 'Envers le fournisseur choisi' : "Choisissez d'abord un fournisseur"}
              value={draft.membershipStatus}
              disabled={!draft.providerId}
              onChange={(e) => setDraft({ ...draft, membershipStatus: e.target.value })}
            >
              <option value="">Tous les statuts</option>
              {MEMBERSHIP_STATUS_VALUES.map((s) => (
                <option key={s} value={s}>
                  {MEMBERSHIP_STATUSES[s]}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary">
              Rechercher
            </button>
            <button type="button" className="btn btn-secondary" onClick={reset}>
              Réinitialiser
            </button>
          </div>
        </form>
      </div>

      <section aria-labelledby="resultats-titre" className="section" aria-busy={result.loading}>
        <div className="section-header">
          <h2 id="resultats-titre">
            Résultats
            {result.data ? <span className="count"> : {plural(result.data.total, 'organisation', 'organisations')}</span> : null}
          </h2>
          {result.data && result.data.total > 0 ? (
            <a className="btn btn-secondary btn-small" href={exportHref} download="organisations.csv">
              Exporter en CSV<span className="sr-only"> ({plural(result.data.total, 'ligne', 'lignes')}, filtres actuels)</span>
            </a>
          ) : null}
        </div>
        {result.error ? <LoadError error={result.error} retry={result.reload} /> : null}
        {result.loading && !result.data ? <Loading label="Recherche en cours…" /> : null}
        {result.data ? (
          result.data.total === 0 ? (
            <p className="empty">Aucune organisation ne correspond à cette recherche.</p>
          ) : (
            <>
              <TableScroll label="Résultats de la recherche">
                <table className={`table${result.loading ? ' is-stale' : ''}`}>
                  <caption>
                    Organisations, page {page} sur {pages}, triées par {SORT_LABELS[sort]} (ordre {order === 'asc' ? 'croissant' : 'décroissant'}). Les
                    en-têtes de colonnes avec une flèche permettent de trier.
                  </caption>
                  <thead>
                    <tr>
                      <SortableHeader column="name" label="Nom" {...headerProps} />
                      <SortableHeader column="kind" label="Type" {...headerProps} />
                      <SortableHeader column="inseeCode" label="Code INSEE" {...headerProps} />
                      <SortableHeader column="siren" label="SIREN" {...headerProps} />
                      <th scope="col">Dépt</th>
                      <SortableHeader column="population" label="Population" {...headerProps} className="num" />
                      <th scope="col">EPCI de rattachement</th>
                      <SortableHeader column="updatedAt" label="Mise à jour" {...headerProps} />
                    </tr>
                  </thead>
                  <tbody>
                    {result.data.items.map((o) => (
                      <tr key={o.id}>
                        <th scope="row">
                          <Link to={`/organisations/${o.id}`}>{o.name}</Link>
                          {o.isProvider ? (
                            <>
                              {' '}
                              <Badge tone="info">Fournisseur</Badge>
                            </>
                          ) : null}
                        </th>
                        <td>{kindLabel(o.kind)}</td>
                        <td className="mono">{o.inseeCode ?? '—'}</td>
                        <td className="mono">{o.siren ?? '—'}</td>
                        <td>{o.departement ?? '—'}</td>
                        <td className="num">{formatInteger(o.population)}</td>
                        <td>{o.parentEpciId ? <Link to={`/organisations/${o.parentEpciId}`}>{o.parentEpciName}</Link> : '—'}</td>
                        <td>
                          <time dateTime={o.updatedAt}>{formatDateTime(o.updatedAt)}</time>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
              <Pagination page={page} pages={pages} hrefOf={hrefOf} label="Pages de résultats" />
              {filters.membershipStatus ? (
                <p className="muted small">Statut d'adhésion filtré : {statusLabel(filters.membershipStatus)}.</p>
              ) : null}
            </>
          )
        ) : null}
      </section>
    </>
  );
}
