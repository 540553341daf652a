import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { civilDateSchema } from '../shared.ts';
import { ErrorSummary, SelectField, TextField, type FieldErrors } from './forms.tsx';

export interface PeriodFilterValues {
  fournisseur: string;
  du: string;
  au: string;
}

/**
 * A list's filters, applied to the address: provider (platform staff), the fields `children` draws, dates from and
 * to (checked: dates, the end not before the start). `prefix` prefixes the fields' ids; « Réinitialiser » goes to `resetTo`.
 */
export function PeriodFilters<F extends PeriodFilterValues>({
  applied,
  providers,
  onApply,
  prefix,
  searchLabel,
  resetTo,
  dates,
  onProvider = {},
  children,
}: {
  applied: F;
  /** The providers to choose from (platform staff), or null for a provider's own staff. */
  providers: { id: string; name: string }[] | null;
  onApply(filters: F): void;
  prefix: string;
  searchLabel: string;
  resetTo: string;
  dates: { du: string; au: string; duHint?: string; auHint?: string };
  /** The fields to clear when the provider changes. */
  onProvider?: Partial<F>;
  children?(draft: F, setDraft: (draft: F) => void): ReactNode;
}) {
  const [draft, setDraft] = useState(applied);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const key = Object.values(applied).join('|');
  useEffect(() => setDraft(applied), [key]);
  const labels = { fournisseur: 'Fournisseur', du: dates.du, au: dates.au };
  const idOf = (field: string) => `${prefix}-${field}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!civilDateSchema.safeParse(draft.du).success) found.du = 'date attendue (JJ/MM/AAAA)';
    if (!civilDateSchema.safeParse(draft.au).success) found.au = 'date attendue (JJ/MM/AAAA)';
    if (!found.du && !found.au && draft.au < draft.du) found.au = 'la fin précède le début';
    setErrors(found);
    if (Object.keys(found).length) return setAttempt((a) => a + 1);
    onApply(draft);
  }

  return (
    <>
      <ErrorSummary fields={errors} labels={labels} idOf={idOf} attempt={attempt} title="Les filtres contiennent des erreurs" />
      <div className="panel filters" role="search" aria-label={searchLabel}>
        <form onSubmit={submit} noValidate>
          <div className="filters-grid">
            {providers ? (
              <SelectField id={idOf('fournisseur')} label={labels.fournisseur} value={draft.fournisseur} onChange={(e) => setDraft({ ...draft, fournisseur: e.target.value, ...onProvider })}>
                <option value="">Tous les fournisseurs</option>
                {providers.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </SelectField>
            ) : null}
            {children?.(draft, setDraft)}
            <TextField id={idOf('du')} label={labels.du} hint={dates.duHint} type="date" value={draft.du} error={errors.du} onChange={(e) => setDraft({ ...draft, du: e.target.value })} />
            <TextField id={idOf('au')} label={labels.au} hint={dates.auHint} type="date" value={draft.au} error={errors.au} onChange={(e) => setDraft({ ...draft, au: e.target.value })} />
          </div>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary">
              Afficher
            </button>
            <Link className="btn btn-secondary" to={resetTo} onClick={() => setErrors({})}>
              Réinitialiser
            </Link>
          </div>
        </form>
      </div>
    </>
  );
}
