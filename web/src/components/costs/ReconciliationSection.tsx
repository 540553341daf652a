import type { ReconciliationView } from '../../api/costs.ts';
import { euros } from '../../lib/catalogue.ts';
import { Badge, TableScroll } from '../ui.tsx';

/** Year-end: actual costs split by actual use against what was billed, per category and per member (seed 004 art. 13). */
export function ReconciliationSection({ view }: { view: ReconciliationView }) {
  const surplus = Number(view.totals.surplus);
  return (
    <section className="section" aria-labelledby="bilan-titre">
      <h2 id="bilan-titre">Bilan de l’exercice {view.fiscalYear}</h2>
      <p>
        Coûts réels {euros(view.totals.cost)}, facturé {euros(view.totals.billed)} : {surplus >= 0 ? `excédent de ${euros(view.totals.surplus)}` : `déficit de ${euros(String(-surplus))}`}. Les coûts réels de chaque service
        sont répartis selon l’usage réel (somme des relevés mensuels) ; un adhérent qui quitte le service paie sa part des dépenses de toute l’année.
      </p>
      <TableScroll label="Bilan par catégorie">
        <table className="table">
          <caption>Par catégorie</caption>
          <thead>
            <tr>
              <th scope="col">Catégorie</th>
              <th scope="col" className="num">Coût réel</th>
              <th scope="col" className="num">Facturé</th>
              <th scope="col" className="num">Résultat</th>
            </tr>
          </thead>
          <tbody>
            {view.categories.map((c) => (
              <tr key={c.category}>
                <th scope="row">{c.categoryName}</th>
                <td className="num">{euros(c.cost)}</td>
                <td className="num">{euros(c.billed)}</td>
                <td className="num">{euros(c.result)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <TableScroll label="Régularisation par adhérent">
        <table className="table">
          <caption>Par adhérent : part des coûts réels, facturé et régularisation</caption>
          <thead>
            <tr>
              <th scope="col">Adhérent</th>
              <th scope="col" className="num">Part des coûts réels</th>
              <th scope="col" className="num">Facturé</th>
              <th scope="col" className="num">Régularisation</th>
            </tr>
          </thead>
          <tbody>
            {view.members.map((m) => (
              <tr key={m.memberId}>
                <th scope="row">
                  {m.name} {m.leaving ? <Badge tone="warning">sortant</Badge> : null}
                </th>
                <td className="num">{euros(m.allocated)}</td>
                <td className="num">{euros(m.billed)}</td>
                <td className="num">{Number(m.trueUp) > 0 ? `${euros(m.trueUp)} à titrer` : Number(m.trueUp) < 0 ? `${euros(String(-Number(m.trueUp)))} à rembourser` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {view.unallocated.length ? (
        <p>
          Sans usage relevé, non réparti : {view.unallocated.map((u) => `${u.lineName} (${euros(u.cost)})`).join(', ')}.
        </p>
      ) : null}
    </section>
  );
}
