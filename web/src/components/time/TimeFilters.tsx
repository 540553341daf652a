import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useProviderMembers } from '../../lib/provider-members.ts';
import type { TimeFilters as Filters } from '../../lib/time-entries.ts';
import { civilDateSchema } from '../../shared.ts';
import { ErrorSummary, SelectField, TextField, type FieldErrors } from '../forms.tsx';
import { MemberSelect } from '../MemberSelect.tsx';

const LABELS = { fournisseur: 'Fournisseur', membre: 'Adhérent', du: 'Du', au: 'Au' };
const idOf = (field: string) => `temps-filtre-${field}`;

/** The list's filters, applied to the address: provider (platform staff), member, dates worked from and to. */
export function TimeFilters({
  applied,
  providers,
  ownProviderId,
  onApply,
}: {
  applied: Filters;
  /** The providers to choose from (platform staff), or null for a provider's own staff. */
  providers: { id: string; name: string }[] | null;
  ownProviderId: string;
  onApply(filters: Filters): void;
}) {
  const [draft, setDraft] = useState(applied);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const key = Object.values(applied).join('|');
  useEffect(() => setDraft(applied), [key]);
  const members = useProviderMembers(providers ? draft.fournisseur : ownProviderId);

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
      <div className="panel filters" role="search" aria-label="Filtrer les temps passés">
        <form onSubmit={submit} noValidate>
          <div className="filters-grid">
            {providers ? (
              <SelectField id={idOf('fournisseur')} label={LABELS.fournisseur} value={draft.fournisseur} onChange={(e) => setDraft({ ...draft, fournisseur: e.target.value, membre: '' })}>
                <option value="">Tous les fournisseurs</option>
                {providers.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </SelectField>
            ) : null}
            <MemberSelect
              id={idOf('membre')}
              label={LABELS.membre}
              members={members.data ?? []}
              value={draft.membre}
              empty={providers && !draft.fournisseur ? 'Tous (choisissez un fournisseur pour en choisir un)' : 'Tous les adhérents'}
              onChange={(membre) => setDraft({ ...draft, membre })}
            />
            <TextField id={idOf('du')} label={LABELS.du} hint="Date de l'intervention" type="date" value={draft.du} error={errors.du} onChange={(e) => setDraft({ ...draft, du: e.target.value })} />
            <TextField id={idOf('au')} label={LABELS.au} hint="Incluse" type="date" value={draft.au} error={errors.au} onChange={(e) => setDraft({ ...draft, au: e.target.value })} />
          </div>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary">
              Afficher
            </button>
            <Link className="btn btn-secondary" to="/temps" onClick={() => setErrors({})}>
              Réinitialiser
            </Link>
          </div>
        </form>
      </div>
    </>
  );
}
