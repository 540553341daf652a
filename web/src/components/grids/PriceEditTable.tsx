import { euros, vatLabel } from '../../lib/catalogue.ts';
import { AMOUNTS, fieldId, isModified, priceName, yearlyCheck, type AmountField, type PriceDraft } from '../../lib/grid-draft.ts';
import { optionValuesText } from '../../lib/price-labels.ts';
import type { CatalogueView } from '../../shared.ts';
import type { FieldErrors } from '../forms.tsx';
import { TableScroll } from '../ui.tsx';

type SetAmount = (index: number, field: AmountField, value: string) => void;

/** One amount of a price: its input, its error, and the amount of the version copied when it changed. */
function AmountCell({ price, index, field, errors, setAmount }: { price: PriceDraft; index: number; field: AmountField; errors: FieldErrors; setAmount: SetAmount }) {
  const key = `prices.${index}.${field}`;
  const errorId = `${fieldId(key)}-error`;
  const before = price.source[field];
  const modified = isModified(price, field);
  return (
    <td className={errors[key] ? 'field-invalid' : undefined}>
      <label className="sr-only" htmlFor={fieldId(key)}>
        {AMOUNTS[field]} : {priceName(price.source)}
      </label>
      {errors[key] ? (
        <p className="field-error" id={errorId}>
          <span className="sr-only">Erreur : </span>
          {errors[key]}
        </p>
      ) : null}
      <input
        id={fieldId(key)}
        className="input input-amount"
        inputMode="decimal"
        autoComplete="off"
        value={price[field]}
        aria-invalid={errors[key] ? true : undefined}
        aria-describedby={[errors[key] ? errorId : '', modified ? `${fieldId(key)}-avant` : ''].filter(Boolean).join(' ') || undefined}
        onChange={(e) => setAmount(index, field, e.target.value)}
      />
      {modified ? (
        <span className="small was" id={`${fieldId(key)}-avant`}>
          avant : {euros(before)}
        </span>
      ) : null}
    </td>
  );
}

/** The prices of the new version, one row a price, each amount editable. */
export function PriceEditTable({
  view,
  prices,
  sourceLabel,
  errors,
  setAmount,
}: {
  view: CatalogueView;
  prices: PriceDraft[];
  /** The label of the version the prices were copied from. */
  sourceLabel: string;
  errors: FieldErrors;
  setAmount: SetAmount;
}) {
  const withPerUnit = prices.some((p) => p.source.perUnit !== null);
  return (
    <TableScroll label="Prix de la nouvelle version">
      <table className="table price-edit-table">
        <caption>Prix de la nouvelle version, copiés de « {sourceLabel} »</caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Tarif mensuel</th>
            <th scope="col">Tarif annuel</th>
            {withPerUnit ? <th scope="col">Prix unitaire</th> : null}
            <th scope="col">TVA</th>
          </tr>
        </thead>
        <tbody>
          {prices.map((p, i) => {
            const check = yearlyCheck(p);
            const cell = (field: AmountField) => <AmountCell price={p} index={i} field={field} errors={errors} setAmount={setAmount} />;
            return (
              <tr key={i}>
                <th scope="row">
                  {p.source.lineName}
                  {Object.keys(p.source.options).length ? <span className="block small muted-strong">{optionValuesText(view, p.source.line, p.source.options)}</span> : null}
                  {check ? (
                    <span className="block small yearly-check">
                      <span aria-hidden="true">⚠ </span>
                      {check}
                    </span>
                  ) : null}
                </th>
                {cell('monthly')}
                {cell('annual')}
                {withPerUnit ? cell('perUnit') : null}
                <td>{vatLabel(p.source)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
