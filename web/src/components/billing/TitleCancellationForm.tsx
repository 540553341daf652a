import { useEffect, useRef, useState } from 'react';
import type { TitleDetail } from '../../api/billing.ts';
import { api } from '../../api/endpoints.ts';
import { frenchText } from '../../lib/agreements.ts';
import { euros } from '../../lib/catalogue.ts';
import { useFormSubmit, type IssueLike } from '../../lib/form-submit.ts';
import { ErrorSummary, splitIssues, TextAreaField } from '../forms.tsx';

const LABELS = { reason: 'Motif de l’annulation' };
const idOf = (field: string) => `annulation-${field}`;
const place = (issues: readonly IssueLike[]) => splitIssues(issues.map((i) => ({ ...i, message: frenchText(i.message) })), Object.keys(LABELS));

/**
 * Cancels a whole title (`billing:run`) by a new numbered document that refers to it: the reason, then a confirmation
 * in place as for issuing — « Annuler le titre… » asks, « Confirmer l’annulation » sends, « Revenir » gives the focus
 * back. The server refuses (409) a title already reduced or paid; its words are shown in the error summary.
 */
export function TitleCancellationForm({ title, onCancelled }: { title: TitleDetail; onCancelled(cancellation: TitleDetail): void }) {
  const [reason, setReason] = useState('');
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const backing = useRef(false);
  const { errors, general, attempt, fail, clear, busy, handle, send } = useFormSubmit(place);

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (backing.current) askRef.current?.focus();
    backing.current = false;
  }, [asking]);

  const ask = handle(() => {
    if (!reason.trim()) return fail({ reason: 'indiquez le motif de l’annulation' });
    if (reason.trim().length > 500) return fail({ reason: '500 caractères au plus' });
    clear();
    setAsking(true);
  });

  const confirm = () =>
    send(
      () => api.titles.cancel(title.id, { reason: reason.trim() }),
      (cancellation) => {
        clear();
        setAsking(false);
        onCancelled(cancellation);
      },
    ).finally(() => setAsking(false));

  return (
    <>
      <ErrorSummary fields={errors} labels={LABELS} idOf={idOf} general={general} attempt={attempt} title="Le titre n’a pas été annulé" />
      <form className="panel form" onSubmit={ask} noValidate aria-busy={busy} aria-labelledby="correction-annulation">
        <TextAreaField id={idOf('reason')} label={LABELS.reason} hint="Repris sur le document d’annulation ; 500 caractères au plus." required rows={2} value={reason} readOnly={asking} error={errors.reason} onChange={(e) => setReason(e.target.value)} />
        {asking ? (
          <div role="group" aria-label="Confirmer l’annulation" className="panel">
            <p>
              <strong>
                Annuler tout le titre {title.number} ({euros(title.amountIncl)} TTC){'\u00a0'}?
              </strong>{' '}
              Un document d’annulation numéroté sera émis ; il ne se modifie plus.
            </p>
            <div className="button-row">
              <button type="button" className="btn btn-primary" ref={confirmRef} onClick={() => void confirm()} disabled={busy}>
                {busy ? 'Annulation…' : 'Confirmer l’annulation'}
              </button>
              <button type="button" className="btn btn-secondary" onClick={() => {
                  backing.current = true;
                  setAsking(false);
                }}
                disabled={busy}
              >
                Revenir
              </button>
            </div>
          </div>
        ) : (
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" ref={askRef}>
              Annuler le titre…
            </button>
          </div>
        )}
      </form>
    </>
  );
}
