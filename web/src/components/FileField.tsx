/** A file input with its label, hint and error tied to it, like the other fields (see forms.tsx). */
export function FileField({
  id,
  label,
  hint,
  error,
  accept,
  required,
  onFile,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  accept?: string;
  required?: boolean;
  onFile(file: File | null): void;
}) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
        {required ? <span className="required"> (obligatoire)</span> : null}
      </label>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          <span className="sr-only">Erreur : </span>
          {error}
        </p>
      ) : null}
      <input
        id={id}
        type="file"
        className="input-file"
        accept={accept}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy}
        onChange={(e) => onFile(e.target.files?.[0] ?? null)}
      />
    </div>
  );
}
