import { Link } from 'react-router';
import type { TitleDetail } from '../../api/billing.ts';
import { euros } from '../../lib/catalogue.ts';
import { formatCivilDate, plural } from '../../lib/format.ts';
import { TableScroll } from '../ui.tsx';

/** The reductions issued against a title (a true-up lower than the provisional title): each lowers what remains to collect. */
export function TitleReductions({ title, detailPath }: { title: TitleDetail; detailPath: string }) {
  if (!title.reductions.length) return <p className="empty">Aucune réduction émise sur ce titre.</p>;
  return (
    <TableScroll label="Réductions">
      <table className="table table-compact">
        <caption>
          {plural(title.reductions.length, 'réduction émise', 'réductions émises')} sur le titre {title.number}
        </caption>
        <thead>
          <tr>
            <th scope="col">Numéro</th>
            <th scope="col">Émise le</th>
            <th scope="col" className="num">
              Montant TTC
            </th>
          </tr>
        </thead>
        <tbody>
          {title.reductions.map((r) => (
            <tr key={r.id}>
              <th scope="row" className="nowrap">
                <Link className="doc-link" to={`${detailPath}/${r.id}`}>
                  <span className="sr-only">Réduction </span>
                  {r.number}
                </Link>
              </th>
              <td className="nowrap">{formatCivilDate(r.issuedOn)}</td>
              <td className="num nowrap">{euros(r.amountIncl)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
