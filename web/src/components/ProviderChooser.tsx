import { useEffect, useState, type FormEvent } from 'react';
import { SelectField } from './forms.tsx';

/** Platform staff choose which provider a page is about (its templates, its PES settings…). */
export function ProviderChooser({ id, current, providers, submitLabel, onChoose }: { id: string; current: string; providers: readonly { id: string; name: string }[] | null | undefined; submitLabel: string; onChoose(providerId: string): void }) {
  const [draft, setDraft] = useState(current);
  useEffect(() => setDraft(current), [current]);

  function submit(event: FormEvent) {
    event.preventDefault();
    onChoose(draft);
  }

  return (
    <div className="panel filters" role="search" aria-label="Choisir le fournisseur">
      <form className="inline-form" onSubmit={submit} noValidate>
        <SelectField id={id} label="Fournisseur" value={draft} onChange={(e) => setDraft(e.target.value)}>
          <option value="">Choisir…</option>
          {providers?.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary">
            {submitLabel}
          </button>
        </div>
      </form>
    </div>
  );
}
