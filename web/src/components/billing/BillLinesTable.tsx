import type { BillLineView } from '../../api/billing.ts';
import { euros } from '../../lib/catalogue.ts';
import { TableScroll } from '../ui.tsx';
import { BillSources } from './BillSources.tsx';

/**
 * A bill's lines, each explained: label, quantity in words, unit price, amount excl. VAT, VAT treatment and
 * amount, and the basis (where the quantity comes from) with its sources folded under it.
 */
export function BillLinesTable({ lines, caption, linkInvoices }: { lines: readonly BillLineView[]; caption: string; linkInvoices: boolean }) {
  return (
    <TableScroll label={caption}>
      <table className="table table-compact bill-lines">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Libellé</th>
            <th scope="col">Quantité</th>
            <th scope="col" className="num">
              Prix unitaire
            </th>
            <th scope="col" className="num">
              Montant HT
            </th>
            <th scope="col">TVA</th>
            <th scope="col">Base de calcul</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => (
            <tr key={`${l.line}-${l.optionsKey}-${i}`}>
              <th scope="row">{l.label}</th>
              <td>{l.quantityText}</td>
              <td className="num nowrap">{euros(l.unitPrice)}</td>
              <td className="num nowrap">{euros(l.amount)}</td>
              <td>
                <span className="nowrap">{euros(l.vatAmount)}</span> <span className="muted small">({l.vat})</span>
              </td>
              <td>
                {l.basis}
                <BillSources sources={l.sources} lineLabel={l.label} linkInvoices={linkInvoices} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
