import { Link } from 'react-router';
import type { OperatorInvoiceSummary } from '../../api/consumption-records.ts';
import { euros } from '../../lib/catalogue.ts';
import { formatCivilDate } from '../../lib/format.ts';
import { billedPeriod, sumEuros } from '../../lib/operator-invoices.ts';
import { TableScroll } from '../ui.tsx';

/** Operator invoices: operator, lot, number (to its detail), date, billed period, members, amounts, payment, copy. */
export function InvoicesTable({ invoices, caption, showProvider, providerName }: { invoices: readonly OperatorInvoiceSummary[]; caption: string; showProvider: boolean; providerName(id: string): string }) {
  return (
    <TableScroll label="Factures d’opérateurs">
      <table className="table table-compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Facture</th>
            {showProvider ? <th scope="col">Fournisseur</th> : null}
            <th scope="col">Opérateur</th>
            <th scope="col">Lot</th>
            <th scope="col">Date</th>
            <th scope="col">Période facturée</th>
            <th scope="col">Adhérents</th>
            <th scope="col" className="num">
              Montant HT
            </th>
            <th scope="col" className="num">
              TVA
            </th>
            <th scope="col" className="num">
              Total TTC
            </th>
            <th scope="col">Réglée le</th>
            <th scope="col">Double</th>
          </tr>
        </thead>
        <tbody>
          {invoices.map((i) => (
            <tr key={i.id}>
              <th scope="row" className="nowrap">
                <Link to={`/factures-operateurs/${i.id}`}>
                  <span className="sr-only">Facture </span>
                  {i.number}
                </Link>
              </th>
              {showProvider ? <td>{providerName(i.providerId)}</td> : null}
              <td>{i.operator}</td>
              <td>{i.marketLot || <span className="muted">—</span>}</td>
              <td className="nowrap">{formatCivilDate(i.issuedOn)}</td>
              <td>{billedPeriod(i)}</td>
              <td>{i.members.join(', ') || <span className="muted">—</span>}</td>
              <td className="num nowrap">{euros(i.amount)}</td>
              <td className="num nowrap">{euros(i.vat)}</td>
              <td className="num nowrap">{euros(i.total)}</td>
              <td className="nowrap">{i.paidOn ? formatCivilDate(i.paidOn) : <span className="muted">non réglée</span>}</td>
              <td>{i.copyFileName ? 'oui' : 'non'}</td>
            </tr>
          ))}
        </tbody>
        {invoices.length > 1 ? (
          <tfoot>
            <tr>
              <th scope="row" colSpan={showProvider ? 7 : 6}>
                Total des factures affichées
              </th>
              <td className="num nowrap">{sumEuros(invoices.map((i) => i.amount))}</td>
              <td className="num nowrap">{sumEuros(invoices.map((i) => i.vat))}</td>
              <td className="num nowrap">{sumEuros(invoices.map((i) => i.total))}</td>
              <td colSpan={2} />
            </tr>
          </tfoot>
        ) : null}
      </table>
    </TableScroll>
  );
}
