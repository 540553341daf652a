import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../api/endpoints.ts';
import { AuditTable } from '../components/AuditTable.tsx';
import { SelectField } from '../components/forms.tsx';
import { LoadError, Loading, PageHeader } from '../components/ui.tsx';
import { useAnnounce } from '../lib/announcer.tsx';
import { ENTITY_LABELS } from '../lib/audit.ts';
import { plural } from '../lib/format.ts';
import { useResource, useTitle } from '../lib/hooks.ts';
import type { AuditEvent } from '../shared.ts';

const PAGE = 50;

export function JournalPage() {
  useTitle('Journal');
  const announce = useAnnounce();
  const [params, setParams] = useSearchParams();
  const entityType = params.get('type') ?? '';
  const [draft, setDraft] = useState(entityType);
  const providers = useResource(() => api.providers.list(), 'providers');
  const first = useResource(() => api.audit.list({ limit: PAGE, ...(entityType ? { entityType } : {}) }), `journal-${entityType}`);
  const [older, setOlder] = useState<AuditEvent[]>([]);
  const [more, setMore] = useState<{ loading: boolean; error: Error | null; exhausted: boolean }>({ loading: false, error: null, exhausted: false });

  useEffect(() => setDraft(entityType), [entityType]);
  useEffect(() => {
    setOlder([]);
    setMore({ loading: false, error: null, exhausted: false });
    if (first.data) announce(`${plural(first.data.length, 'événement affiché', 'événements affichés')}.`);
  }, [first.data]);

  // While another filter loads, the previous list is not shown under the new filter's name.
  const fresh = first.dataKey === `journal-${entityType}`;
  const events = fresh ? [...(first.data ?? []), ...older] : [];
  const names = Object.fromEntries((providers.data ?? []).map((p) => [p.id, p.shortName]));

  function submit(event: FormEvent) {
    event.preventDefault();
    setParams(draft ? { type: draft } : {});
  }

  async function loadMore() {
    const last = events[events.length - 1];
    if (!last) return;
    setMore({ loading: true, error: null, exhausted: false });
    try {
      const next = await api.audit.list({ limit: PAGE, beforeId: last.id, ...(entityType ? { entityType } : {}) });
      setOlder((o) => [...o, ...next]);
      setMore({ loading: false, error: null, exhausted: next.length < PAGE });
      announce(next.length ? `${plural(next.length, 'événement plus ancien ajouté', 'événements plus anciens ajoutés')}.` : 'Tous les événements sont affichés.');
    } catch (error) {
      setMore({ loading: false, error: error instanceof Error ? error : new Error(String(error)), exhausted: false });
    }
  }

  return (
    <>
      <PageHeader title="Journal" lead="Toutes les modifications visibles par votre compte, de la plus récente à la plus ancienne : qui, quand, quoi." />
      <div className="panel filters" role="search" aria-label="Filtrer le journal">
        <form onSubmit={submit} className="inline-form">
          <SelectField id="journal-type" label="Objet" value={draft} onChange={(e) => setDraft(e.target.value)}>
            <option value="">Tous</option>
            {Object.entries(ENTITY_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary">
              Filtrer
            </button>
          </div>
        </form>
      </div>
      <section className="section" aria-labelledby="evenements-titre" aria-busy={first.loading || more.loading}>
        <h2 id="evenements-titre">Événements</h2>
        {first.error ? <LoadError error={first.error} retry={first.reload} /> : null}
        {first.loading && !fresh ? <Loading /> : null}
        {first.data && fresh ? (
          events.length === 0 ? (
            <p>Aucun événement.</p>
          ) : (
            <>
              <AuditTable
                events={events}
                names={names}
                linkOrganisations
                caption={`Journal${entityType ? ` (${ENTITY_LABELS[entityType] ?? entityType})` : ''} : ${plural(events.length, 'événement affiché', 'événements affichés')}, du plus récent au plus ancien`}
              />
              {more.error ? <LoadError error={more.error} /> : null}
              {!more.exhausted && first.data.length === PAGE ? (
                <p>
                  <button type="button" className="btn btn-secondary btn-small" onClick={loadMore} disabled={more.loading}>
                    {more.loading ? 'Chargement…' : 'Afficher les événements plus anciens'}
                  </button>
                </p>
              ) : (
                <p className="muted">Tous les événements sont affichés.</p>
              )}
            </>
          )
        ) : null}
      </section>
    </>
  );
}
