import { useEffect, useId, useRef } from 'react';
import type { FieldErrors } from './forms.tsx';

/**
 * The list of errors shown above a form after a failed submit. It receives focus so that keyboard and
 * screen-reader users land on it; each error links to its field.
 */
export function ErrorSummary({
  title = 'Le formulaire contient des erreurs',
  fields,
  labels,
  idOf,
  general = [],
  attempt,
}: {
  title?: string;
  fields: FieldErrors;
  labels: Record<string, string>;
  idOf(field: string): string;
  general?: string[];
  /** Incremented on every failed submit: the summary takes the focus again. */
  attempt: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const entries = Object.entries(fields);
  const count = entries.length + general.length;
  useEffect(() => {
    if (attempt > 0 && count > 0) ref.current?.focus();
  }, [attempt, count]);
  if (count === 0) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby={headingId}>
      <h2 id={headingId} className="error-summary-title">
        {title} ({count === 1 ? '1 erreur' : `${count} erreurs`})
      </h2>
      <ul>
        {general.map((message, i) => (
          <li key={`g${i}`}>{message}</li>
        ))}
        {entries.map(([field, message]) => (
          <li key={field}>
            <a
              href={`#${idOf(field)}`}
              onClick={(event) => {
                event.preventDefault();
                const target = document.getElementById(idOf(field));
                target?.focus();
                target?.scrollIntoView({ block: 'center' });
              }}
            >
              {labels[field] ?? field} : {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
