import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/endpoints.ts';
import { InvoiceFilters } from '../components/operator-invoices/InvoiceFilters.tsx';
import { InvoicesTable } from '../components/operator-invoices/InvoicesTable.tsx';
import { PenaltiesSection } from '../components/operator-invoices/PenaltiesSection.tsx';
import { LoadError, Loading, PageHeader } from '../components/ui.tsx';
import { useAnnounce } from '../lib/announcer.tsx';
import { formatCivilDate, plural } from '../lib/format.ts';
import { todayInParis } from '../lib/grids.ts';
import { useResource, useTitle } from '../lib/hooks.ts';
import { invoiceFiltersOf, invoiceParamsOf } from '../lib/operator-invoices.ts';
import { isPlatformStaff, useAccount, useCan } from '../lib/session.tsx';

/**
 * Operator invoices passed through to members (seed 000 art. 4.2), by the start of their billed period, and the
 * penalties operators paid. Filters in the address: `fournisseur` (platform staff), `du`, `au`, `annee` (penalties).
 */
export function OperatorInvoicesPage() {
  useTitle('Factures d’opérateurs');
  const account = useAccount();
  const can = useCan();
  const announce = useAnnounce();
  const platform = isPlatformStaff(account);
  const [params, setParams] = useSearchParams();
  const applied = invoiceFiltersOf(params);
  const providerId = platform ? applied.fournisseur : (account.organisationId ?? '');
  const thisYear = Number(todayInParis().slice(0, 4));
  const penaltyYear = Number(params.get('annee')) || Number(applied.du.slice(0, 4));
  const providers = useResource(() => (platform ? api.providers.list() : Promise.resolve(null)), `providers-${platform}`);
  const filter = { from: applied.du, to: applied.au, ...(providerId ? { providerId } : {}) };
  const invoices = useResource((signal) => api.operatorInvoices.list(filter, signal), `invoices-${JSON.stringify(filter)}`);
  const list = invoices.data ?? [];
  const providerName = (id: string) => providers.data?.find((p) => p.id === id)?.name ?? '';
  const writes = can('consumption:write');

  useEffect(() => {
    if (invoices.data && !invoices.loading) announce(`${plural(invoices.data.length, 'facture affichée', 'factures affichées')}.`);
  }, [invoices.data, invoices.loading]);

  const years = [...new Set([penaltyYear, ...Array.from({ length: 12 }, (_, i) => thisYear - i)])].sort((a, b) => b - a);
  return (
    <>
      <PageHeader
        title="Factures d’opérateurs"
        lead="Les factures des opérateurs titulaires des lots du marché, refacturées aux adhérents ligne par ligne dans leurs états trimestriels : leur règlement, leur double, et les pénalités versées par les opérateurs."
        actions={
          writes ? (
            <Link className="btn btn-secondary" to={`/factures-operateurs/import${providerId && platform ? `?fournisseur=${providerId}` : ''}`}>
              Importer un fichier de factures
            </Link>
          ) : null
        }
      />
      <InvoiceFilters
        applied={applied}
        providers={platform ? (providers.data ?? []).map((p) => ({ id: p.id, name: p.name })) : null}
        onApply={(filters) => setParams(invoiceParamsOf(filters, params))}
      />
      <section className="section" aria-labelledby="factures-liste-titre" aria-busy={invoices.loading}>
        <h2 id="factures-liste-titre">Factures</h2>
        {invoices.error ? <LoadError error={invoices.error} retry={invoices.reload} /> : null}
        {invoices.loading && !invoices.data ? <Loading /> : null}
        {invoices.data ? (
          list.length === 0 ? (
            <p className="empty">Aucune facture dont la période facturée commence entre ces dates.</p>
          ) : (
            <InvoicesTable
              invoices={list}
              showProvider={platform && !providerId}
              providerName={providerName}
              caption={`${plural(list.length, 'facture', 'factures')} dont la période facturée commence entre le ${formatCivilDate(applied.du)} et le ${formatCivilDate(applied.au)}${platform && providerId ? ` — ${providerName(providerId)}` : ''}`}
            />
          )
        ) : null}
      </section>
      <PenaltiesSection
        providerId={providerId}
        year={penaltyYear}
        years={years}
        invoices={list}
        canWrite={writes}
        onYear={(year) => {
          const next = new URLSearchParams(params);
          next.set('annee', String(year));
          setParams(next);
        }}
      />
    </>
  );
}
