import { Link } from 'react-router';
import type { OperatorInvoiceSummary, Penalty } from '../../api/consumption-records.ts';
import { euros } from '../../lib/catalogue.ts';
import { formatCivilDate } from '../../lib/format.ts';
import { sumEuros } from '../../lib/operator-invoices.ts';
import { TableScroll } from '../ui.tsx';

/** Penalties received from operators: date, member, operator and lot, amount, reason, the invoice concerned. */
export function PenaltiesTable({ penalties, caption, invoices }: { penalties: readonly Penalty[]; caption: string; invoices: readonly OperatorInvoiceSummary[] }) {
  const numberOf = (id: string) => invoices.find((i) => i.id === id)?.number;
  return (
    <TableScroll label="Pénalités">
      <table className="table table-compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Reçue le</th>
            <th scope="col">Adhérent</th>
            <th scope="col">Opérateur</th>
            <th scope="col">Lot</th>
            <th scope="col" className="num">
              Montant
            </th>
            <th scope="col">Motif</th>
            <th scope="col">Facture</th>
          </tr>
        </thead>
        <tbody>
          {penalties.map((p) => (
            <tr key={p.id}>
              <th scope="row" className="nowrap">
                {formatCivilDate(p.receivedOn)}
              </th>
              <td>{p.organisationName}</td>
              <td>{p.operator}</td>
              <td>{p.marketLot || <span className="muted">—</span>}</td>
              <td className="num nowrap">{euros(p.amount)}</td>
              <td>{p.reason}</td>
              <td>{p.invoiceId ? <Link to={`/factures-operateurs/${p.invoiceId}`}>{numberOf(p.invoiceId) ?? 'voir la facture'}</Link> : <span className="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
        {penalties.length > 1 ? (
          <tfoot>
            <tr>
              <th scope="row" colSpan={4}>
                Total à reverser
              </th>
              <td className="num nowrap">{sumEuros(penalties.map((p) => p.amount))}</td>
              <td colSpan={2} />
            </tr>
          </tfoot>
        ) : null}
      </table>
    </TableScroll>
  );
}
