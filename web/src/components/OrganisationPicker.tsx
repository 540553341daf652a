import { useState } from 'react';
import { api } from '../api/endpoints.ts';
import { useAnnounce } from '../lib/announcer.tsx';
import { kindLabel, plural } from '../lib/format.ts';
import { SelectField, TextField } from './forms.tsx';
import { errorMessage } from './ui.tsx';

interface Choice {
  id: string;
  name: string;
  kind?: string;
  inseeCode?: string | null;
}

/**
 * Finds an organisation through the registry search: a search box, then a list of matches. `current` is the
 * organisation already chosen (a record being corrected), offered before any search.
 */
export function OrganisationPicker({
  id,
  searchId,
  label,
  searchLabel,
  value,
  current,
  onChange,
  error,
  context,
}: {
  id: string;
  searchId: string;
  label: string;
  searchLabel: string;
  value: string;
  current?: { id: string; name: string } | null | undefined;
  onChange(id: string, name: string): void;
  error?: string | undefined;
  /** Said after "Chercher" to screen-reader users when a form has several pickers ("pour la partie 2"). */
  context?: string;
}) {
  const [q, setQ] = useState('');
  const [results, setResults] = useState<Choice[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const announce = useAnnounce();

  async function search() {
    if (!q.trim()) return;
    setBusy(true);
    setFailure(null);
    try {
      const page = await api.organisations.list({ q: q.trim(), limit: 50 });
      setResults(page.items);
      const only = page.items.length === 1 ? page.items[0]! : null;
      onChange(only?.id ?? '', only?.name ?? '');
      announce(`${plural(page.total, 'organisation trouvée', 'organisations trouvées')}${page.total > 50 ? ' ; affinez la recherche' : ''}.`);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  // The organisation already chosen stays offered, whatever the last search found.
  const options: Choice[] | null = current?.id && !results?.some((o) => o.id === current.id) ? [current, ...(results ?? [])] : results;

  return (
    <div className="picker">
      <div className="inline-form">
        <TextField
          id={searchId}
          label={searchLabel}
          hint="Nom, code INSEE ou SIREN, puis « Chercher »"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void search();
            }
          }}
        />
        <div className="form-actions">
          <button type="button" className="btn btn-secondary" onClick={() => void search()} disabled={busy}>
            Chercher{context ? <span className="sr-only"> {context}</span> : null}
          </button>
        </div>
      </div>
      {failure ? <p className="field-error">{failure}</p> : null}
      <SelectField
        id={id}
        label={label}
        required
        value={value}
        error={error}
        onChange={(e) => onChange(e.target.value, options?.find((o) => o.id === e.target.value)?.name ?? '')}
        hint={options === null ? 'Lancez d’abord une recherche' : undefined}
      >
        <option value="">{options === null ? '—' : options.length ? 'Choisir…' : 'Aucun résultat'}</option>
        {options?.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
            {o.kind ? ` (${kindLabel(o.kind)}${o.inseeCode ? `, ${o.inseeCode}` : ''})` : ''}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
