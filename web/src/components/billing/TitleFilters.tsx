import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useProviderMembers } from '../../lib/provider-members.ts';
import { DOCUMENT_KIND_VALUES, DOCUMENT_KINDS_FR, type TitleFilters as Filters } from '../../lib/titles.ts';
import { CheckboxField, SelectField } from '../forms.tsx';
import { MemberSelect } from '../MemberSelect.tsx';

const idOf = (field: string) => `titres-filtre-${field}`;

/**
 * The titles' filters, applied to the address: provider (platform staff), fiscal year, kind, member; a run's titles
 * (reached from the billing screen) stay chosen until the box is unticked.
 */
export function TitleFilters({
  applied,
  providers,
  ownProviderId,
  years,
  onApply,
}: {
  applied: Filters;
  providers: { id: string; name: string }[] | null;
  ownProviderId: string;
  years: readonly number[];
  onApply(filters: Filters): void;
}) {
  const [draft, setDraft] = useState(applied);
  const key = Object.values(applied).join('|');
  useEffect(() => setDraft(applied), [key]);
  const members = useProviderMembers(providers ? draft.fournisseur : ownProviderId);

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply(draft);
  }

  return (
    <div className="panel filters" role="search" aria-label="Filtrer les titres de recette">
      <form onSubmit={submit} noValidate>
        <div className="filters-grid">
          {providers ? (
            <SelectField id={idOf('fournisseur')} label="Fournisseur" value={draft.fournisseur} onChange={(e) => setDraft({ ...draft, fournisseur: e.target.value, membre: '' })}>
              <option value="">Tous les fournisseurs</option>
              {providers.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </SelectField>
          ) : null}
          <SelectField id={idOf('exercice')} label="Exercice" value={draft.exercice} onChange={(e) => setDraft({ ...draft, exercice: e.target.value })}>
            <option value="">Tous les exercices</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </SelectField>
          <SelectField id={idOf('type')} label="Type" value={draft.type} onChange={(e) => setDraft({ ...draft, type: e.target.value as Filters['type'] })}>
            <option value="">Tous les types</option>
            {DOCUMENT_KIND_VALUES.map((k) => (
              <option key={k} value={k}>
                {DOCUMENT_KINDS_FR[k]}
              </option>
            ))}
          </SelectField>
          <MemberSelect
            id={idOf('membre')}
            label="Adhérent"
            members={members.data ?? []}
            value={draft.membre}
            empty={providers && !draft.fournisseur ? 'Tous (choisissez un fournisseur pour en choisir un)' : 'Tous les adhérents'}
            onChange={(membre) => setDraft({ ...draft, membre })}
          />
        </div>
        {applied.emission ? (
          <CheckboxField id={idOf('emission')} label="Seulement les titres de l’émission choisie" checked={Boolean(draft.emission)} onChange={(checked) => setDraft({ ...draft, emission: checked ? applied.emission : '' })} />
        ) : null}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary">
            Afficher
          </button>
          <Link className="btn btn-secondary" to="/titres">
            Réinitialiser
          </Link>
        </div>
      </form>
    </div>
  );
}
