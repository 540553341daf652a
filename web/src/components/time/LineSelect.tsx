import type { CatalogueView } from '../../shared.ts';
import { SelectField } from '../forms.tsx';

/** The lines of a provider's catalogue grouped by category; those billed by the hour or the day first. */
export function LineSelect({ id, label, hint, error, catalogue, value, onChange }: { id: string; label: string; hint?: string; error?: string | undefined; catalogue: CatalogueView | undefined; value: string; onChange(line: string): void }) {
  const timed = (unit: string) => unit === 'hour' || unit === 'day';
  const categories = [...(catalogue?.categories ?? [])]
    .map((c) => ({ ...c, lines: (catalogue?.lines ?? []).filter((l) => l.category === c.code) }))
    .filter((c) => c.lines.length)
    .sort((a, b) => Number(b.lines.some((l) => timed(l.unit))) - Number(a.lines.some((l) => timed(l.unit))));
  return (
    <SelectField id={id} label={label} hint={hint} error={error} required value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{catalogue ? 'Choisir…' : 'Chargement du catalogue…'}</option>
      {categories.map((c) => (
        <optgroup key={c.code} label={c.name}>
          {c.lines.map((l) => (
            <option key={l.code} value={l.code}>
              {l.name}
              {l.status === 'withdrawn' ? ' (retirée)' : ''}
            </option>
          ))}
        </optgroup>
      ))}
    </SelectField>
  );
}
