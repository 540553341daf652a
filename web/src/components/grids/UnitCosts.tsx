import type { z } from 'zod';
import { api } from '../../api/endpoints.ts';
import { euros } from '../../lib/catalogue.ts';
import { formatCivilDate, formatInteger, plural } from '../../lib/format.ts';
import { useResource } from '../../lib/hooks.ts';
import type { unitCostViewSchema } from '../../shared.ts';
import { Badge, DescriptionList, LoadError, Loading, TableScroll } from '../ui.tsx';

type UnitCost = z.infer<typeof unitCostViewSchema>;

function NoticeCheck({ cost }: { cost: UnitCost }) {
  if (cost.noticeRespected === null) {
    return <span className="muted">Non vérifiable : {cost.budgetAdoption ? 'date de notification' : "date d'adoption du budget"} non renseignée</span>;
  }
  return cost.noticeRespected ? (
    <Badge tone="success">
      <span aria-hidden="true">✓ </span>Préavis respecté
    </Badge>
  ) : (
    <Badge tone="warning">
      <span aria-hidden="true">✗ </span>Préavis non respecté
    </Badge>
  );
}

/** One line's unit cost for a fiscal year: the figures, the notice, and the charges by nature. */
function UnitCostPanel({ cost }: { cost: UnitCost }) {
  return (
    <article className="panel unit-cost" aria-labelledby={`cout-${cost.line}-${cost.fiscalYear}`}>
      <h3 id={`cout-${cost.line}-${cost.fiscalYear}`}>
        {cost.lineName} — exercice {cost.fiscalYear}
      </h3>
      <div className="two-columns">
        <DescriptionList
          items={[
            { term: 'Coût unitaire', value: <strong>{euros(cost.unitCost)}</strong> },
            { term: 'Total des charges', value: euros(cost.total) },
            { term: 'Unités prévues', value: formatInteger(cost.forecastUnits) },
            { term: "Adoption du budget", value: cost.budgetAdoption ? formatCivilDate(cost.budgetAdoption) : null },
            {
              term: 'Préavis',
              value: `${plural(cost.noticeMonths, 'mois', 'mois')}${cost.noticeDeadline ? ` : à notifier au plus tard le ${formatCivilDate(cost.noticeDeadline)}` : ''}`,
            },
            { term: 'Notifié le', value: cost.notifiedOn ? formatCivilDate(cost.notifiedOn) : null },
            { term: 'Contrôle du préavis', value: <NoticeCheck cost={cost} /> },
          ]}
        />
        <TableScroll label={`Décomposition du coût unitaire : ${cost.lineName}, ${cost.fiscalYear}`}>
          <table className="table">
            <caption>Décomposition par nature de charge</caption>
            <thead>
              <tr>
                <th scope="col">Nature</th>
                <th scope="col" className="num">
                  Montant
                </th>
                <th scope="col" className="num">
                  Par unité
                </th>
              </tr>
            </thead>
            <tbody>
              {cost.breakdown.map((b) => (
                <tr key={b.nature}>
                  <th scope="row">{b.natureLabel}</th>
                  <td className="num">{euros(b.amount)}</td>
                  <td className="num">{euros(b.perUnit)}</td>
                </tr>
              ))}
              <tr className="total-row">
                <th scope="row">Total</th>
                <td className="num">{euros(cost.total)}</td>
                <td className="num">{euros(cost.unitCost)}</td>
              </tr>
            </tbody>
          </table>
        </TableScroll>
      </div>
    </article>
  );
}

/** Unit costs (CGCT D5211-16): the charges of a line divided by its forecast units, and the notice before the budget. */
export function UnitCosts({ providerId }: { providerId: string }) {
  const costs = useResource(() => api.unitCosts.list(providerId), `unit-costs-${providerId}`);
  return (
    <section className="section" aria-labelledby="couts-titre" aria-busy={costs.loading}>
      <h2 id="couts-titre">Coûts unitaires</h2>
      <p>
        Le coût unitaire d'un service est le total de ses charges divisé par le nombre d'unités prévu. Sa mise à jour doit être notifiée aux membres
        avec un préavis avant l'adoption du budget.
      </p>
      {costs.error ? <LoadError error={costs.error} retry={costs.reload} /> : null}
      {costs.loading && !costs.data ? <Loading /> : null}
      {costs.data ? (
        costs.data.length === 0 ? (
          <p className="empty">Aucun coût unitaire enregistré pour ce fournisseur.</p>
        ) : (
          costs.data.map((cost) => <UnitCostPanel key={`${cost.line}-${cost.fiscalYear}`} cost={cost} />)
        )
      ) : null}
    </section>
  );
}
