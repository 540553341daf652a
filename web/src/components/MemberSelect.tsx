import type { ProviderMember } from '../lib/provider-members.ts';
import { SelectField } from './forms.tsx';

/** A provider's members to choose from, its former members apart; `empty` is the label of the blank choice. */
export function MemberSelect({
  id,
  label,
  hint,
  error,
  required,
  members,
  value,
  empty,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
  members: readonly ProviderMember[];
  value: string;
  empty: string;
  onChange(id: string): void;
}) {
  const current = members.filter((m) => !m.former);
  const former = members.filter((m) => m.former);
  return (
    <SelectField id={id} label={label} hint={hint} error={error} required={required} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{empty}</option>
      {current.length ? (
        <optgroup label="Adhérents">
          {current.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </optgroup>
      ) : null}
      {former.length ? (
        <optgroup label="Anciens adhérents">
          {former.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </optgroup>
      ) : null}
    </SelectField>
  );
}
