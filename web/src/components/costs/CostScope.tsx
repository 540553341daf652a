import { useEffect, useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { api } from '../../api/endpoints.ts';
import { todayInParis } from '../../lib/grids.ts';
import { useResource } from '../../lib/hooks.ts';
import { isPlatformStaff, useAccount } from '../../lib/session.tsx';
import { SelectField, ShowButton, YearField } from '../forms.tsx';

/** Years offered: last year to the year after next (next year's grid is prepared at the budget debate). */
export function costYears(): number[] {
  const year = Number(todayInParis().slice(0, 4));
  return [year - 1, year, year + 1, year + 2];
}
export const defaultCostYear = () => Number(todayInParis().slice(0, 4)) + 1;

/**
 * Which provider and fiscal year the cost pages are about (`/couts/:providerId/:year/…`): platform staff choose the
 * provider, provider staff are led to their own. Returns null while a redirection is due.
 */
export function useCostScope(section: '' | '/repartition' | '/proposition') {
  const account = useAccount();
  const platform = isPlatformStaff(account);
  const { providerId = '', year = '' } = useParams();
  const providers = useResource(() => (platform ? api.providers.list() : Promise.resolve(null)), `providers-${platform}`);
  const redirect = !platform && account.organisationId && (providerId !== account.organisationId || !year) ? <Navigate to={`/couts/${account.organisationId}/${year || defaultCostYear()}${section}`} replace /> : null;
  const providerName = platform ? providers.data?.find((p) => p.id === providerId)?.name : account.organisationName;
  return { platform, providerId, year: Number(year) || defaultCostYear(), hasYear: Boolean(year), providers, providerName, redirect };
}

/** The provider (platform staff) and the fiscal year, chosen by a small form; links between the three cost pages. */
export function CostScopeBar({ platform, providerId, year, providers, section }: { platform: boolean; providerId: string; year: number; providers: readonly { id: string; name: string }[] | null | undefined; section: '' | '/repartition' | '/proposition' }) {
  const navigate = useNavigate();
  const [draftProvider, setDraftProvider] = useState(providerId);
  const [draftYear, setDraftYear] = useState(String(year));
  useEffect(() => {
    setDraftProvider(providerId);
    setDraftYear(String(year));
  }, [providerId, year]);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (draftProvider) navigate(`/couts/${draftProvider}/${draftYear}${section}`);
  }
  return (
    <>
      <div className="panel filters" role="search" aria-label="Choisir le budget">
        <form className="inline-form" onSubmit={submit} noValidate>
          {platform ? (
            <SelectField id="couts-fournisseur" label="Fournisseur" value={draftProvider} onChange={(e) => setDraftProvider(e.target.value)}>
              <option value="">Choisir…</option>
              {providers?.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </SelectField>
          ) : null}
          <YearField id="couts-exercice" label="Exercice" years={costYears()} value={draftYear} onYear={setDraftYear} />
          <ShowButton />
        </form>
      </div>
      {providerId ? (
        <nav aria-label="Pages du budget" className="section">
          <ul className="inline-list">
            <li>{section === '' ? <span aria-current="page">Budget</span> : <Link to={`/couts/${providerId}/${year}`}>Budget</Link>}</li>
            <li>{section === '/repartition' ? <span aria-current="page">Répartition et bilan</span> : <Link to={`/couts/${providerId}/${year}/repartition`}>Répartition et bilan</Link>}</li>
            <li>{section === '/proposition' ? <span aria-current="page">Proposition tarifaire et simulation</span> : <Link to={`/couts/${providerId}/${year}/proposition`}>Proposition tarifaire et simulation</Link>}</li>
          </ul>
        </nav>
      ) : null}
    </>
  );
}
