import { useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { LoadError, Loading } from '../ui.tsx';
import { euros } from '../../lib/catalogue.ts';
import { useResource } from '../../lib/hooks.ts';
import type { CatalogueView, QuoteView } from '../../shared.ts';
import { QuoteActionForm, type QuoteAction } from './QuoteActionForm.tsx';
import { QuoteForm } from './QuoteForm.tsx';
import { QuotesTable } from './QuotesTable.tsx';

const ACTION_LABELS: Record<QuoteAction, string> = { send: "Enregistrer l'envoi", accept: "Enregistrer l'acceptation", decline: 'Enregistrer le refus' };

/** What the provider may still record on a quote: its sending, then its signature or its refusal. */
function actionsOf(quote: QuoteView): QuoteAction[] {
  if (quote.status === 'draft') return ['send', 'decline'];
  if (quote.status === 'sent') return ['accept', 'decline'];
  return [];
}

/** The member's quotes from this provider: write one, record its sending, signature or refusal, download it. */
export function QuotesSection({
  organisationId,
  organisationName,
  catalogue,
  request,
  canWrite,
  onChanged,
}: {
  organisationId: string;
  organisationName: string;
  catalogue: CatalogueView;
  request: { id: string; title: string } | null;
  canWrite: boolean;
  onChanged(message: string): void;
}) {
  const providerId = catalogue.providerId;
  const [generation, setGeneration] = useState(0);
  const quotes = useResource((signal) => api.quotes.list({ providerId, organisationId }, signal), `quotes-${providerId}-${organisationId}-${generation}`);
  const [creating, setCreating] = useState(false);
  const [acting, setActing] = useState<{ quote: QuoteView; action: QuoteAction } | null>(null);

  function done(message: string) {
    setCreating(false);
    setActing(null);
    setGeneration((g) => g + 1);
    onChanged(message);
  }

  return (
    <section className="section" aria-labelledby="devis" aria-busy={quotes.loading}>
      <div className="section-header">
        <h2 id="devis">Devis de {organisationName}</h2>
        {canWrite && !creating ? (
          <button type="button" className="btn btn-secondary" onClick={() => setCreating(true)}>
            Établir un devis
          </button>
        ) : null}
      </div>
      {quotes.error ? <LoadError error={quotes.error} retry={quotes.reload} /> : null}
      {quotes.loading && !quotes.data ? <Loading /> : null}
      {quotes.data?.length === 0 ? <p className="empty">Aucun devis pour {organisationName}.</p> : null}
      {quotes.data?.length ? (
        <QuotesTable
          quotes={quotes.data}
          caption={`Devis de ${organisationName}`}
          actions={
            canWrite
              ? (q) => (
                  <div className="button-row">
                    {actionsOf(q).map((action) => (
                      <button key={action} type="button" className="btn btn-secondary btn-small" onClick={() => setActing({ quote: q, action })}>
                        {ACTION_LABELS[action]}
                        <span className="sr-only"> du devis {q.number}</span>
                      </button>
                    ))}
                  </div>
                )
              : undefined
          }
        />
      ) : null}
      {acting ? <QuoteActionForm key={`${acting.quote.id}-${acting.action}`} quote={acting.quote} action={acting.action} onCancel={() => setActing(null)} onDone={(_, message) => done(message)} /> : null}
      {creating ? (
        <QuoteForm
          organisationId={organisationId}
          organisationName={organisationName}
          catalogue={catalogue}
          request={request}
          onCancel={() => setCreating(false)}
          onCreated={(q) => done(`Devis ${q.number} établi : ${q.subject}, total ${euros(q.total)}.`)}
        />
      ) : null}
    </section>
  );
}
