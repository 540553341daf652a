import type { InvoiceFilters as Filters } from '../../lib/operator-invoices.ts';
import { PeriodFilters } from '../PeriodFilters.tsx';

/** The invoices' filters, applied to the address: provider (platform staff), start of the billed period from and to. */
export function InvoiceFilters({ applied, providers, onApply }: { applied: Filters; providers: { id: string; name: string }[] | null; onApply(filters: Filters): void }) {
  return (
    <PeriodFilters
      applied={applied}
      providers={providers}
      onApply={onApply}
      prefix="factures-filtre"
      searchLabel="Filtrer les factures d’opérateurs"
      resetTo="/factures-operateurs"
      dates={{ du: 'Période facturée commençant du', au: 'Au' }}
    />
  );
}
