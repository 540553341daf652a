import type { OperatorInvoice } from '../../api/consumption-records.ts';
import { euros } from '../../lib/catalogue.ts';
import { plural } from '../../lib/format.ts';
import { sumEuros } from '../../lib/operator-invoices.ts';
import { TableScroll } from '../ui.tsx';

/** An invoice's lines grouped by member (each member reads its own in its quarterly statement), with its subtotal. */
export function InvoiceLines({ invoice }: { invoice: OperatorInvoice }) {
  const members = [...new Map(invoice.lines.map((l) => [l.organisationId, l.organisationName])).entries()];
  return (
    <>
      {members.map(([organisationId, name]) => {
        const lines = invoice.lines.filter((l) => l.organisationId === organisationId);
        const headingId = `lignes-${organisationId}`;
        return (
          <section key={organisationId} className="section" aria-labelledby={headingId}>
            <h3 id={headingId}>{name}</h3>
            <TableScroll label={`Lignes de ${name}`}>
              <table className="table table-compact">
                <caption>
                  {plural(lines.length, 'ligne', 'lignes')} de la facture {invoice.number} pour {name}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Service</th>
                    <th scope="col">Site</th>
                    <th scope="col">Libellé</th>
                    <th scope="col" className="num">
                      Montant HT
                    </th>
                    <th scope="col" className="num">
                      TVA
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {lines.map((l) => (
                    <tr key={l.position}>
                      <th scope="row">{l.lineName}</th>
                      <td>{l.site || <span className="muted">—</span>}</td>
                      <td>{l.label || <span className="muted">—</span>}</td>
                      <td className="num nowrap">{euros(l.amount)}</td>
                      <td className="num nowrap">{euros(l.vat)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row" colSpan={3}>
                      Total pour {name}
                    </th>
                    <td className="num nowrap">{sumEuros(lines.map((l) => l.amount))}</td>
                    <td className="num nowrap">{sumEuros(lines.map((l) => l.vat))}</td>
                  </tr>
                </tfoot>
              </table>
            </TableScroll>
          </section>
        );
      })}
    </>
  );
}
