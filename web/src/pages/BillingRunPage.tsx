import { Link, useSearchParams } from 'react-router';
import { api } from '../api/endpoints.ts';
import { RunChoiceForm } from '../components/billing/RunChoiceForm.tsx';
import { RunPreviewSection } from '../components/billing/RunPreviewSection.tsx';
import { LoadError, Loading, PageHeader } from '../components/ui.tsx';
import { memberPageOf, runChoiceOf, runParamsOf } from '../lib/billing-run.ts';
import { todayInParis } from '../lib/grids.ts';
import { useResource, useTitle } from '../lib/hooks.ts';
import { isPlatformStaff, useAccount } from '../lib/session.tsx';

const FIRST_YEAR = 2010;

/**
 * A billing run (`billing:run`): choose an agreement, the kind and the period (kept in the address as `convention`,
 * `type`, `annee`, `periode`), read every member's bill explained line by line against the previous period, then issue.
 */
export function BillingRunPage() {
  useTitle('Facturation');
  const [params, setParams] = useSearchParams();
  const thisYear = Number(todayInParis().slice(0, 4));
  const applied = runChoiceOf(params, thisYear);
  const members = memberPageOf(params);
  const agreements = useResource((signal) => api.agreements.list(undefined, signal), 'billing-agreements');
  const years = Array.from({ length: thisYear + 2 - FIRST_YEAR }, (_, i) => thisYear + 1 - i);
  const account = useAccount();
  // The PES settings of the provider billing: one's own, or for platform staff that of the agreement chosen.
  const pesProvider = isPlatformStaff(account) ? agreements.data?.find((a) => a.id === applied.convention)?.providerId : account.organisationId;
  const list = [...(agreements.data ?? [])].sort((a, b) => a.providerName.localeCompare(b.providerName, 'fr') || a.code.localeCompare(b.code, 'fr'));

  return (
    <>
      <PageHeader
        title="Facturation"
        lead="Préparer les titres de recette d’une convention : l’aperçu explique chaque ligne de chaque adhérent et la compare à la période précédente ; l’émission numérote les titres sans trou, et ils ne se modifient plus."
        actions={
          <Link className="btn btn-secondary" to={pesProvider ? `/facturation/pes/${pesProvider}` : '/facturation/pes'}>
            Paramètres PES du fournisseur
          </Link>
        }
      />
      {agreements.error ? <LoadError error={agreements.error} retry={agreements.reload} /> : null}
      {agreements.loading && !agreements.data ? <Loading label="Chargement des conventions…" /> : null}
      {agreements.data ? <RunChoiceForm applied={applied} agreements={list} years={years} onApply={(choice) => setParams(runParamsOf(choice))} /> : null}
      {applied.convention ? (
        <RunPreviewSection key={`${applied.convention}-${applied.type}-${applied.annee}-${applied.periode}`} choice={applied} members={members} />
      ) : (
        <p className="empty">Choisissez une convention, le type de titres et la période pour voir l’aperçu.</p>
      )}
    </>
  );
}
