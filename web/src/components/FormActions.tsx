/** The buttons under a form: submit (its label replaced while the call runs, disabled meanwhile) and, if given, cancel. */
export function FormActions({ busy, label, busyLabel = 'Enregistrement…', onCancel }: { busy: boolean; label: string; busyLabel?: string; onCancel?(): void }) {
  return (
    <div className="form-actions">
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? busyLabel : label}
      </button>
      {onCancel ? (
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          Annuler
        </button>
      ) : null}
    </div>
  );
}
