import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { InvoiceFilters as Filters } from '../../lib/operator-invoices.ts';
import { civilDateSchema } from '../../shared.ts';
import { ErrorSummary, SelectField, TextField, type FieldErrors } from '../forms.tsx';

const LABELS = { fournisseur: 'Fournisseur', du: 'Période facturée commençant du', au: 'Au' };
const idOf = (field: string) => `factures-filtre-${field}`;

/** The invoices' filters, applied to the address: provider (platform staff), start of the billed period from and to. */
export function InvoiceFilters({ applied, providers, onApply }: { applied: Filters; providers: { id: string; name: string }[] | null; onApply(filters: Filters): void }) {
  const [draft, setDraft] = useState(applied);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const key = Object.values(applied).join('|');
  useEffect(() => setDraft(applied), [key]);

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
      <ErrorSummary fields={errors} labels={LABELS} idOf={idOf} attempt={attempt} title="Les filtres contiennent des erreurs" />
      <div className="panel filters" role="search" aria-label="Filtrer les factures d’opérateurs">
        <form onSubmit={submit} noValidate>
          <div className="filters-grid">
            {providers ? (
              <SelectField id={idOf('fournisseur')} label={LABELS.fournisseur} value={draft.fournisseur} onChange={(e) => setDraft({ ...draft, fournisseur: e.target.value })}>
                <option value="">Tous les fournisseurs</option>
                {providers.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </SelectField>
            ) : null}
            <TextField id={idOf('du')} label={LABELS.du} type="date" value={draft.du} error={errors.du} onChange={(e) => setDraft({ ...draft, du: e.target.value })} />
            <TextField id={idOf('au')} label={LABELS.au} type="date" value={draft.au} error={errors.au} onChange={(e) => setDraft({ ...draft, au: e.target.value })} />
          </div>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary">
              Afficher
            </button>
            <Link className="btn btn-secondary" to="/factures-operateurs" onClick={() => setErrors({})}>
              Réinitialiser
            </Link>
          </div>
        </form>
      </div>
    </>
  );
}
