import type { TitleDetail } from '../../api/billing.ts';
import { euros } from '../../lib/catalogue.ts';
import { formatCivilDate, plural } from '../../lib/format.ts';
import { decimalOfCents, sumCents } from '../../lib/titles.ts';
import { TableScroll } from '../ui.tsx';

/** The payments recorded against a title, oldest first, and their total. */
export function TitlePayments({ title }: { title: TitleDetail }) {
  if (!title.payments.length) return <p className="empty">Aucun paiement enregistré.</p>;
  const payments = [...title.payments].sort((a, b) => a.paidOn.localeCompare(b.paidOn));
  return (
    <TableScroll label="Paiements">
      <table className="table table-compact">
        <caption>
          {plural(payments.length, 'paiement', 'paiements')} du titre {title.number}
        </caption>
        <thead>
          <tr>
            <th scope="col">Payé le</th>
            <th scope="col" className="num">
              Montant
            </th>
            <th scope="col">Référence</th>
          </tr>
        </thead>
        <tbody>
          {payments.map((p) => (
            <tr key={p.id}>
              <th scope="row" className="nowrap">
                {formatCivilDate(p.paidOn)}
              </th>
              <td className="num nowrap">{euros(p.amount)}</td>
              <td>{p.reference || <span className="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
        {payments.length > 1 ? (
          <tfoot>
            <tr>
              <th scope="row">Total payé</th>
              <td className="num nowrap">{euros(decimalOfCents(sumCents(payments.map((p) => p.amount))))}</td>
              <td />
            </tr>
          </tfoot>
        ) : null}
      </table>
    </TableScroll>
  );
}
