import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { AuditTable } from '../AuditTable.tsx';
import { LoadError, Loading } from '../ui.tsx';
import { useResource } from '../../lib/hooks.ts';
import type { AuditEvent, OrganisationDetail } from '../../shared.ts';

const AUDIT_PAGE = 20;

/** The organisation's audit trail, newest first, loaded page by page. */
export function OrganisationAuditTrail({ org, generation }: { org: OrganisationDetail; generation: number }) {
  const [older, setOlder] = useState<AuditEvent[]>([]);
  const [more, setMore] = useState<{ loading: boolean; error: Error | null; exhausted: boolean }>({ loading: false, error: null, exhausted: false });
  const first = useResource(() => api.audit.list({ organisationId: org.id, limit: AUDIT_PAGE }), `audit-${org.id}-${generation}`);
  useEffect(() => {
    setOlder([]);
    setMore({ loading: false, error: null, exhausted: false });
  }, [first.data]);
  const events = [...(first.data ?? []), ...older];
  const names: Record<string, string> = Object.fromEntries(org.providers.map((p) => [p.providerId, p.providerName]));
  if (org.parentEpciId && org.parentEpciName) names[org.parentEpciId] = org.parentEpciName;

  async function loadMore() {
    const last = events[events.length - 1];
    if (!last) return;
    setMore({ loading: true, error: null, exhausted: false });
    try {
      const next = await api.audit.list({ organisationId: org.id, limit: AUDIT_PAGE, beforeId: last.id });
      setOlder((o) => [...o, ...next]);
      setMore({ loading: false, error: null, exhausted: next.length < AUDIT_PAGE });
    } catch (error) {
      setMore({ loading: false, error: error instanceof Error ? error : new Error(String(error)), exhausted: false });
    }
  }

  return (
    <section className="section" aria-labelledby="journal-titre" aria-busy={first.loading || more.loading}>
      <h2 id="journal-titre">Journal des modifications</h2>
      {first.error ? <LoadError error={first.error} retry={first.reload} /> : null}
      {first.loading && !first.data ? <Loading /> : null}
      {first.data ? (
        events.length === 0 ? (
          <p>Aucun événement enregistré.</p>
        ) : (
          <>
            <AuditTable events={events} names={names} caption={`Historique de ${org.name}, du plus récent au plus ancien`} />
            {more.error ? <LoadError error={more.error} /> : null}
            {!more.exhausted && first.data.length === AUDIT_PAGE ? (
              <p>
                <button type="button" className="btn btn-secondary btn-small" onClick={loadMore} disabled={more.loading}>
                  {more.loading ? 'Chargement…' : 'Afficher les événements plus anciens'}
                </button>
              </p>
            ) : first.data.length === AUDIT_PAGE ? (
              <p className="muted">Tous les événements sont affichés.</p>
            ) : null}
          </>
        )
      ) : null}
    </section>
  );
}
