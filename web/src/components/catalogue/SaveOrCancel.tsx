/** The buttons under a catalogue editing form: save (busy while the save runs) and cancel. */
export function SaveOrCancel({ busy, label, onCancel }: { busy: boolean; label: string; onCancel(): void }) {
  return (
    <div className="form-actions">
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? 'Enregistrement…' : label}
      </button>
      <button type="button" className="btn btn-secondary" onClick={onCancel}>
        Annuler
      </button>
    </div>
  );
}
