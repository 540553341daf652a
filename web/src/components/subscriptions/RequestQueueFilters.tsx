import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { CheckboxField, SelectField } from '../forms.tsx';
import { SUBSCRIPTION_STATUS_VALUES, SUBSCRIPTION_STATUSES } from '../../lib/subscriptions.ts';

export interface QueueFilters {
  fournisseur: string;
  membre: string;
  statut: string;
  retard: boolean;
}

export function filtersOf(params: URLSearchParams): QueueFilters {
  return { fournisseur: params.get('fournisseur') ?? '', membre: params.get('membre') ?? '', statut: params.get('statut') ?? '', retard: params.get('retard') === '1' };
}

export function paramsOf(filters: QueueFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.fournisseur) params.set('fournisseur', filters.fournisseur);
  if (filters.membre) params.set('membre', filters.membre);
  if (filters.statut) params.set('statut', filters.statut);
  if (filters.retard) params.set('retard', '1');
  return params;
}

/** The queue's filters, kept in the address: provider (platform staff), member, a line status, late requests only. */
export function RequestQueueFilters({
  applied,
  providers,
  members,
  onApply,
}: {
  applied: QueueFilters;
  providers: { id: string; name: string }[] | null;
  members: { id: string; name: string }[];
  onApply(filters: QueueFilters): void;
}) {
  const [draft, setDraft] = useState(applied);
  const key = paramsOf(applied).toString();
  useEffect(() => setDraft(applied), [key]);

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply(draft);
  }

  return (
    <div className="panel filters" role="search" aria-label="Filtrer les demandes">
      <form onSubmit={submit} noValidate>
        <div className="filters-grid">
          {providers ? (
            <SelectField id="demandes-fournisseur" label="Fournisseur" value={draft.fournisseur} onChange={(e) => setDraft({ ...draft, fournisseur: e.target.value, membre: '' })}>
              <option value="">Tous les fournisseurs</option>
              {providers.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </SelectField>
          ) : null}
          <SelectField id="demandes-membre" label="Adhérent" value={draft.membre} onChange={(e) => setDraft({ ...draft, membre: e.target.value })}>
            <option value="">Tous les adhérents</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </SelectField>
          <SelectField id="demandes-statut" label="Statut d'une ligne" value={draft.statut} onChange={(e) => setDraft({ ...draft, statut: e.target.value })}>
            <option value="">Tous les statuts</option>
            {SUBSCRIPTION_STATUS_VALUES.map((s) => (
              <option key={s} value={s}>
                {SUBSCRIPTION_STATUSES[s]}
              </option>
            ))}
          </SelectField>
        </div>
        <CheckboxField id="demandes-retard" label="Seulement les demandes reçues hors délai" checked={draft.retard} onChange={(retard) => setDraft({ ...draft, retard })} />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary">
            Filtrer
          </button>
          {key ? (
            <Link className="btn btn-secondary" to="/demandes">
              Tout afficher
            </Link>
          ) : null}
        </div>
      </form>
    </div>
  );
}
