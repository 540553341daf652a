import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../api/endpoints.ts';
import { filtersOf, paramsOf, RequestQueueFilters } from '../components/subscriptions/RequestQueueFilters.tsx';
import { RequestQueueTable } from '../components/subscriptions/RequestQueueTable.tsx';
import { LoadError, Loading, PageHeader } from '../components/ui.tsx';
import { useAnnounce } from '../lib/announcer.tsx';
import { plural } from '../lib/format.ts';
import { useResource, useTitle } from '../lib/hooks.ts';
import { isPlatformStaff, useAccount } from '../lib/session.tsx';
import { isLate, SUBSCRIPTION_STATUSES, type SubscriptionStatus } from '../lib/subscriptions.ts';

/** The provider's queue of subscription requests, newest first, filtered in the address. */
export function SubscriptionQueuePage() {
  useTitle('Demandes de souscription');
  const account = useAccount();
  const announce = useAnnounce();
  const platform = isPlatformStaff(account);
  const [params, setParams] = useSearchParams();
  const applied = filtersOf(params);
  const providerId = platform ? applied.fournisseur : (account.organisationId ?? '');
  const providers = useResource(() => (platform ? api.providers.list() : Promise.resolve(null)), `providers-${platform}`);
  const list = useResource((signal) => api.subscriptions.list(providerId ? { providerId } : {}, signal), `requests-${providerId}`);
  const catalogue = useResource((signal) => (providerId ? api.catalogue.get(providerId, signal) : Promise.resolve(undefined)), `catalogue-${providerId}`);
  const all = list.data ?? [];
  const members = [...new Map(all.map((r) => [r.organisationId, { id: r.organisationId, name: r.organisationName }])).values()].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  const shown = all
    .filter((r) => !applied.membre || r.organisationId === applied.membre)
    .filter((r) => !applied.statut || r.lines.some((l) => l.status === applied.statut))
    .filter((r) => !applied.retard || isLate(r))
    .sort((a, b) => b.receivedOn.localeCompare(a.receivedOn));

  useEffect(() => {
    if (list.data && !list.loading) announce(`${plural(shown.length, 'demande affichée', 'demandes affichées')}.`);
  }, [list.data, list.loading, params.toString()]);

  const statusLabel = applied.statut ? SUBSCRIPTION_STATUSES[applied.statut as SubscriptionStatus] : null;
  const caption = [
    plural(shown.length, 'demande', 'demandes'),
    applied.membre ? `de ${members.find((m) => m.id === applied.membre)?.name ?? 'cet adhérent'}` : '',
    statusLabel ? `ayant une ligne au statut « ${statusLabel} »` : '',
    applied.retard ? 'reçues hors délai' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <>
      <PageHeader
        title="Demandes de souscription"
        lead="Les demandes des adhérents, ligne par ligne : à décider (accepter, refuser, reporter), à ouvrir par procès-verbal, avec les dates souhaitées et les tâches de suivi."
      />
      <RequestQueueFilters
        applied={applied}
        providers={platform ? (providers.data ?? []).map((p) => ({ id: p.id, name: p.name })) : null}
        members={members}
        onApply={(filters) => setParams(paramsOf(filters))}
      />
      <section className="section" aria-labelledby="liste-demandes" aria-busy={list.loading}>
        <h2 id="liste-demandes" className="sr-only">
          Liste des demandes
        </h2>
        {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
        {list.loading && !list.data ? <Loading /> : null}
        {list.data ? (
          shown.length === 0 ? (
            <p className="empty">Aucune demande ne correspond à ces filtres.</p>
          ) : (
            <RequestQueueTable requests={shown} caption={`${caption}, de la plus récente à la plus ancienne`} catalogue={catalogue.data} />
          )
        ) : null}
      </section>
    </>
  );
}
