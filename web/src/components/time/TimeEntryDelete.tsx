import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { errorMessage } from '../ui.tsx';

/**
 * Deletes a time entered by mistake, after a confirmation in place: « Supprimer » asks, « Confirmer la
 * suppression » deletes (the entry stays in the audit log), « Annuler » gives the focus back.
 */
export function TimeEntryDelete({ entryId, what, onDeleted }: { entryId: string; what: string; onDeleted(): void }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current) askRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  async function remove() {
    setBusy(true);
    setFailure(null);
    try {
      await api.timeEntries.remove(entryId);
      onDeleted();
    } catch (error) {
      setBusy(false);
      setFailure(errorMessage(error));
    }
  }

  if (!asking) {
    return (
      <button type="button" className="btn btn-secondary btn-small" ref={askRef} onClick={() => setAsking(true)}>
        Supprimer<span className="sr-only"> : {what}</span>
      </button>
    );
  }
  return (
    <div role="group" aria-label={`Confirmer la suppression : ${what}`}>
      <p className="small">Supprimer ce temps ? Il restera au journal.</p>
      <div className="button-row">
        <button type="button" className="btn btn-primary btn-small" ref={confirmRef} onClick={() => void remove()} disabled={busy}>
          {busy ? 'Suppression…' : 'Confirmer la suppression'}
          <span className="sr-only"> : {what}</span>
        </button>
        <button type="button" className="btn btn-secondary btn-small" onClick={() => setAsking(false)} disabled={busy}>
          Annuler
        </button>
      </div>
      {failure ? (
        <p className="field-error" role="alert">
          {failure}
        </p>
      ) : null}
    </div>
  );
}
