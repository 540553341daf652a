import { SelectField, TextField, type FieldErrors } from '../forms.tsx';
import { quoteFieldId, type QuoteRow } from '../../lib/quote-draft.ts';
import { fieldKey } from '../../lib/request-draft.ts';
import type { CatalogueView } from '../../shared.ts';

/** One line of a quote: a catalogue line (its price read from the grid unless typed) or a free nature with its price. */
export function QuoteLineFields({
  row,
  index,
  count,
  catalogue,
  errors,
  onChange,
  onRemove,
}: {
  row: QuoteRow;
  index: number;
  count: number;
  catalogue: CatalogueView;
  errors: FieldErrors;
  onChange(row: QuoteRow): void;
  onRemove(): void;
}) {
  const line = catalogue.lines.find((l) => l.code === row.line);
  const id = (field: string) => quoteFieldId(fieldKey(row, field));
  const error = (field: string) => errors[fieldKey(row, field)];
  const name = `Ligne n° ${index + 1}`;
  return (
    <fieldset className="panel fieldset-panel request-row">
      <legend>{name}</legend>
      <div className="form-grid">
        <SelectField id={id('line')} label="Prestation" hint="Une ligne du catalogue, ou une prestation libre" value={row.line} error={error('line')} onChange={(e) => onChange({ ...row, line: e.target.value, options: {} })}>
          <option value="">Prestation libre (hors catalogue)</option>
          {catalogue.categories.map((c) => {
            const lines = catalogue.lines.filter((l) => l.category === c.code && l.status === 'active');
            return lines.length ? (
              <optgroup key={c.code} label={c.name}>
                {lines.map((l) => (
                  <option key={l.code} value={l.code}>
                    {l.name}
                  </option>
                ))}
              </optgroup>
            ) : null;
          })}
        </SelectField>
        {line?.options.map((d) => (
          <SelectField key={d.code} id={id(`options.${d.code}`)} label={d.label} required value={row.options[d.code] ?? ''} error={error(`options.${d.code}`)} onChange={(e) => onChange({ ...row, options: { ...row.options, [d.code]: e.target.value } })}>
            <option value="">Choisir…</option>
            {d.values.map((v) => (
              <option key={v.code} value={v.code}>
                {v.label}
              </option>
            ))}
          </SelectField>
        ))}
        <TextField
          id={id('nature')}
          label="Nature"
          hint={line ? `Facultatif : par défaut « ${line.name} »` : 'Obligatoire pour une prestation libre'}
          value={row.nature}
          error={error('nature')}
          onChange={(e) => onChange({ ...row, nature: e.target.value })}
        />
        <TextField id={id('quantity')} label="Quantité" hint="Au plus 2 décimales (ex. 1,5 jour)" required inputMode="decimal" autoComplete="off" value={row.quantity} error={error('quantity')} onChange={(e) => onChange({ ...row, quantity: e.target.value })} />
        <TextField
          id={id('unitPrice')}
          label="Prix unitaire (€)"
          hint={line ? 'Laisser vide pour le prix unitaire de la grille en vigueur' : 'Ex. 650,00'}
          inputMode="decimal"
          autoComplete="off"
          className="input-amount"
          value={row.unitPrice}
          error={error('unitPrice')}
          onChange={(e) => onChange({ ...row, unitPrice: e.target.value })}
        />
      </div>
      {count > 1 ? (
        <button type="button" className="btn btn-secondary btn-small" onClick={onRemove}>
          Retirer la {name.toLowerCase()}
        </button>
      ) : null}
    </fieldset>
  );
}
