import { api } from '../api/endpoints.ts';
import type { BudgetView } from '../api/costs.ts';
import { CostFlowChart } from '../components/costs/CostFlowChart.tsx';
import { CostScopeBar, useCostScope } from '../components/costs/CostScope.tsx';
import { ReconciliationSection } from '../components/costs/ReconciliationSection.tsx';
import { LoadError, Loading, PageHeader, TableScroll } from '../components/ui.tsx';
import { euros } from '../lib/catalogue.ts';
import { formatInteger } from '../lib/format.ts';
import { useResource, useTitle } from '../lib/hooks.ts';

/** Each line's cost, forecast units and unit cost, with what it is made of. */
function UnitCostTable({ view }: { view: BudgetView }) {
  return (
    <TableScroll label="Coûts unitaires par service">
      <table className="table">
        <caption>Coût unitaire = coût affecté / unités prévues (CGCT D5211-16)</caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col" className="num">Coût affecté prévu</th>
            <th scope="col" className="num">Réalisé</th>
            <th scope="col" className="num">Unités prévues</th>
            <th scope="col" className="num">Coût unitaire</th>
            <th scope="col">Composition (par unité)</th>
          </tr>
        </thead>
        <tbody>
          {view.lines.map((l) => (
            <tr key={l.line}>
              <th scope="row">{l.lineName}</th>
              <td className="num">{euros(l.forecast)}</td>
              <td className="num">{euros(l.actual)}</td>
              <td className="num">{formatInteger(l.units)}</td>
              <td className="num">{l.unitCost ? euros(l.unitCost) : 'sans unité prévue'}</td>
              <td>{l.byNature.map((n) => `${n.natureLabel} ${euros(n.perUnit)}`).join(' ; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Agents made available: their cost and the share reimbursed (seed 001 art. 3, seed 004 art. 8.1.1). */
function StaffProvision({ view }: { view: BudgetView }) {
  return (
    <TableScroll label="Mise à disposition du personnel">
      <table className="table">
        <caption>Personnel mis à disposition : remboursement au prorata de la part d’activité</caption>
        <thead>
          <tr>
            <th scope="col">Agent ou poste</th>
            <th scope="col" className="num">Coût annuel</th>
            <th scope="col" className="num">Part d’activité</th>
            <th scope="col" className="num">Remboursé</th>
          </tr>
        </thead>
        <tbody>
          {view.staffProvision.map((s) => (
            <tr key={s.id}>
              <th scope="row">{s.label}</th>
              <td className="num">{euros(s.cost)}</td>
              <td className="num">{s.percent.replace('.', ',')} %</td>
              <td className="num">{euros(s.reimbursed)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Where the budget goes: the cost flows, unit costs, staff made available, depreciation, and the year-end reconciliation. */
export function CostAllocationPage() {
  useTitle('Répartition des coûts');
  const scope = useCostScope('/repartition');
  const key = `${scope.providerId}-${scope.year}`;
  const budget = useResource((signal) => (scope.providerId ? api.costs.get(scope.providerId, scope.year, signal) : Promise.resolve(null)), `alloc-${key}`);
  const simulation = useResource(() => (scope.providerId ? api.costs.simulate(scope.providerId, scope.year, {}).catch(() => null) : Promise.resolve(null)), `alloc-sim-${key}`);
  const reconciliation = useResource((signal) => (scope.providerId ? api.costs.reconciliation(scope.providerId, scope.year, signal).catch(() => null) : Promise.resolve(null)), `alloc-rec-${key}`);
  if (scope.redirect) return scope.redirect;
  const view = budget.dataKey === `alloc-${key}` ? budget.data : null;
  const ready = view && simulation.dataKey === `alloc-sim-${key}` && reconciliation.dataKey === `alloc-rec-${key}`;
  return (
    <>
      <PageHeader title={`Répartition des coûts ${scope.year}`} lead="Des charges aux services, puis aux adhérents : chaque montant est réparti au centime près (méthode du plus fort reste)." />
      <CostScopeBar platform={scope.platform} providerId={scope.providerId} year={scope.year} providers={scope.providers.data} section="/repartition" />
      <div aria-busy={Boolean(scope.providerId) && !ready && !budget.error}>
        {budget.error ? <LoadError error={budget.error} retry={budget.reload} /> : null}
        {!scope.providerId ? <p className="empty">Choisissez un fournisseur.</p> : null}
        {scope.providerId && !ready && !budget.error ? <Loading /> : null}
        {ready && view ? (
          view.updatedAt === null ? (
            <p className="empty">Aucun budget enregistré pour {scope.year}.</p>
          ) : (
            <>
              <section className="section" aria-labelledby="flux-titre">
                <h2 id="flux-titre">Flux de coûts</h2>
                <CostFlowChart budget={view} simulation={simulation.data ?? null} />
              </section>
              <section className="section" aria-labelledby="unitaires-titre">
                <h2 id="unitaires-titre">Coûts unitaires</h2>
                <UnitCostTable view={view} />
              </section>
              <section className="section" aria-labelledby="personnel-titre">
                <h2 id="personnel-titre">Mise à disposition du personnel</h2>
                <StaffProvision view={view} />
              </section>
              <section className="section" aria-labelledby="amortissements-titre">
                <h2 id="amortissements-titre">Amortissements</h2>
                <ul className="plain-list">
                  {view.depreciation.map((d) => (
                    <li key={d.id}>
                      {d.label} ({euros(d.amount)}) : {d.schedule.map((s) => `${s.year} ${euros(s.amount)}`).join(' ; ')}
                    </li>
                  ))}
                </ul>
              </section>
              {reconciliation.data ? <ReconciliationSection view={reconciliation.data} /> : null}
            </>
          )
        ) : null}
      </div>
    </>
  );
}
