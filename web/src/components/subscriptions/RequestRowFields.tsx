import { SelectField, TextField, type FieldErrors } from '../forms.tsx';
import { euros, unitLabel } from '../../lib/catalogue.ts';
import { fieldId, fieldKey, type DraftRow, type RowPreview } from '../../lib/request-draft.ts';
import type { CatalogueView } from '../../shared.ts';

/** The lines a member may ask for: active, and not on quote (consulting is asked for a quote). */
export function requestableLines(catalogue: CatalogueView) {
  return catalogue.categories
    .map((c) => ({ category: c, lines: catalogue.lines.filter((l) => l.category === c.code && l.status === 'active' && l.kind !== 'on_quote') }))
    .filter((g) => g.lines.length > 0);
}

/**
 * One service of the request: line, its options, volume and wished opening date. The errors shown are those of
 * the last submit, else the refusals of the live check; its warnings and estimate follow the fields.
 */
export function RequestRowFields({
  row,
  index,
  count,
  catalogue,
  errors,
  preview,
  onChange,
  onRemove,
}: {
  row: DraftRow;
  index: number;
  count: number;
  catalogue: CatalogueView;
  errors: FieldErrors;
  preview: RowPreview | undefined;
  onChange(row: DraftRow): void;
  onRemove(): void;
}) {
  const line = catalogue.lines.find((l) => l.code === row.line);
  const errorOf = (field: string) => errors[fieldKey(row, field)] ?? preview?.errors[field];
  const name = `Service n° ${index + 1}`;
  const estimate = preview?.estimate;
  return (
    <fieldset className="panel fieldset-panel request-row">
      <legend>{name}</legend>
      <div className="form-grid">
        <SelectField id={fieldId(fieldKey(row, 'line'))} label="Service" required value={row.line} error={errorOf('line')} onChange={(e) => onChange({ ...row, line: e.target.value, options: {} })}>
          <option value="">Choisir…</option>
          {requestableLines(catalogue).map((g) => (
            <optgroup key={g.category.code} label={g.category.name}>
              {g.lines.map((l) => (
                <option key={l.code} value={l.code}>
                  {l.name}
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
        {line?.options.map((d) => (
          <SelectField
            key={d.code}
            id={fieldId(fieldKey(row, `options.${d.code}`))}
            label={d.label}
            required
            value={row.options[d.code] ?? ''}
            error={errorOf(`options.${d.code}`)}
            onChange={(e) => onChange({ ...row, options: { ...row.options, [d.code]: e.target.value } })}
          >
            <option value="">Choisir…</option>
            {d.values.map((v) => (
              <option key={v.code} value={v.code}>
                {v.label}
              </option>
            ))}
          </SelectField>
        ))}
        <TextField
          id={fieldId(fieldKey(row, 'quantity'))}
          label="Volume"
          hint={line ? `Nombre entier ; unité : ${unitLabel(line.unit)}` : "Nombre entier (postes, boîtes aux lettres…)"}
          required
          inputMode="numeric"
          autoComplete="off"
          value={row.quantity}
          error={errorOf('quantity')}
          onChange={(e) => onChange({ ...row, quantity: e.target.value })}
        />
        <TextField id={fieldId(fieldKey(row, 'wishedOn'))} label="Date d'ouverture souhaitée" type="date" required value={row.wishedOn} error={errorOf('wishedOn')} onChange={(e) => onChange({ ...row, wishedOn: e.target.value })} />
      </div>
      {preview?.warnings.length ? (
        <div className="alert alert-warning request-row-notice">
          <span className="alert-icon" aria-hidden="true">
            !
          </span>
          <ul className="alert-body plain-list">
            {preview.warnings.map((w) => (
              <li key={w}>
                <span className="sr-only">Attention : </span>
                {w}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {estimate ? (
        <p className="request-row-estimate">
          <strong>Estimation :</strong> {estimate.amount ? euros(estimate.amount) : 'non chiffrée'}
          {estimate.annualUnitPrice ? ` (${estimate.months} mois facturé${estimate.months > 1 ? 's' : ''}, ${euros(estimate.annualUnitPrice)} par an et par unité)` : ''}
          {estimate.note ? ` — ${estimate.note}` : ''}
        </p>
      ) : null}
      {count > 1 ? (
        <button type="button" className="btn btn-secondary btn-small" onClick={onRemove}>
          Retirer le {name.toLowerCase()}
        </button>
      ) : null}
    </fieldset>
  );
}
