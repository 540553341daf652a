import { useEffect, useRef, useState } from 'react';
import type { IssueResult, RunPreview } from '../../api/billing.ts';
import { api } from '../../api/endpoints.ts';
import { frenchText } from '../../lib/agreements.ts';
import { issueRefusal, issueSummary } from '../../lib/billing-run.ts';
import { Alert, errorMessage } from '../ui.tsx';

/**
 * Issues the run after a confirmation in place: « Émettre les titres » asks, « Confirmer l’émission » sends (titles
 * issued never change), « Annuler » gives the focus back. Disabled, with the reason beside it, when the period
 * may not be issued; the server's refusal (409) is shown as it words it.
 */
export function IssueAction({ preview, onIssued }: { preview: RunPreview; onIssued(result: IssueResult): void }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const wasAsking = useRef(false);
  const refusal = issueRefusal(preview);
  const summary = issueSummary(preview);

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current && !failure) askRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);

  async function issue() {
    setBusy(true);
    setFailure(null);
    try {
      const result = await api.billing.issue(preview.agreementId, { kind: preview.kind, year: preview.year, index: preview.index });
      setBusy(false);
      setAsking(false);
      onIssued(result);
    } catch (error) {
      setBusy(false);
      setAsking(false);
      setFailure(frenchText(errorMessage(error)));
    }
  }

  return (
    <div className="issue-action">
      {failure ? (
        <Alert tone="error" role="alert" title="Les titres n’ont pas été émis" focusRef={failureRef}>
          <p>{failure}</p>
        </Alert>
      ) : null}
      {asking ? (
        <div role="group" aria-label="Confirmer l’émission" className="panel">
          <p>
            <strong>Émettre {summary}{'\u00a0'}?</strong> Les titres émis ne se modifient plus.
          </p>
          <div className="button-row">
            <button type="button" className="btn btn-primary" ref={confirmRef} onClick={() => void issue()} disabled={busy}>
              {busy ? 'Émission…' : 'Confirmer l’émission'}
            </button>
            <button type="button" className="btn btn-secondary" onClick={() => setAsking(false)} disabled={busy}>
              Annuler
            </button>
          </div>
        </div>
      ) : (
        <div className="button-row">
          <button type="button" className="btn btn-primary" ref={askRef} disabled={refusal !== null} aria-describedby={refusal ? 'facturation-refus' : undefined} onClick={() => setAsking(true)}>
            Émettre les titres<span className="sr-only"> — {preview.periodLabel}</span>
          </button>
          {refusal ? (
            <p className="muted" id="facturation-refus">
              {refusal}
            </p>
          ) : null}
        </div>
      )}
    </div>
  );
}
