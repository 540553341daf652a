import { useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { BudgetView } from '../api/costs.ts';
import { BudgetEditor } from '../components/costs/BudgetEditor.tsx';
import { CostScopeBar, useCostScope } from '../components/costs/CostScope.tsx';
import { Alert, LoadError, Loading, PageHeader, TableScroll } from '../components/ui.tsx';
import { useAnnounce } from '../lib/announcer.tsx';
import { euros } from '../lib/catalogue.ts';
import { formatDateTime } from '../lib/format.ts';
import { useResource, useTitle } from '../lib/hooks.ts';
import { useCan } from '../lib/session.tsx';

/** The totals of a budget, forecast and actual side by side. */
function BudgetTotals({ view }: { view: BudgetView }) {
  const t = view.totals;
  return (
    <TableScroll label="Totaux du budget">
      <table className="table">
        <caption>Totaux du budget {view.fiscalYear}</caption>
        <thead>
          <tr>
            <th scope="col">Poste</th>
            <th scope="col" className="num">
              Prévu
            </th>
            <th scope="col" className="num">
              Réalisé
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Charges réparties entre les adhérents</th>
            <td className="num">{euros(t.sharedForecast)}</td>
            <td className="num">{euros(t.sharedActual)}</td>
          </tr>
          <tr>
            <th scope="row">Portées par la structure seule</th>
            <td className="num">{euros(t.providerAloneForecast)}</td>
            <td className="num">{euros(t.providerAloneActual)}</td>
          </tr>
          <tr className="total-row">
            <th scope="row">Total du budget</th>
            <td className="num">{euros(t.forecast)}</td>
            <td className="num">{euros(t.actual)}</td>
          </tr>
        </tbody>
      </table>
    </TableScroll>
  );
}

/**
 * The shared service's budget for a fiscal year (seed 004 art. 9.1): totals forecast and actual, and the editor of its
 * charges, staff, investments and forecast units (`tariff:write`).
 */
export function CostBudgetPage() {
  useTitle('Budget du service');
  const scope = useCostScope('');
  const can = useCan();
  const announce = useAnnounce();
  const key = `budget-${scope.providerId}-${scope.year}`;
  const budget = useResource((signal) => (scope.providerId ? api.costs.get(scope.providerId, scope.year, signal) : Promise.resolve(null)), key);
  const catalogue = useResource((signal) => (scope.providerId ? api.catalogue.get(scope.providerId, signal) : Promise.resolve(null)), `budget-catalogue-${scope.providerId}`);
  const [saved, setSaved] = useState<{ key: string; view: BudgetView } | null>(null);
  if (scope.redirect) return scope.redirect;
  const view = saved?.key === key ? saved.view : budget.dataKey === key ? budget.data : null;
  const lines = (catalogue.data?.lines ?? []).map((l) => ({ code: l.code, name: l.name, categoryCode: l.category, categoryName: catalogue.data?.categories.find((c) => c.code === l.category)?.name ?? l.category }));
  const error = budget.error ?? catalogue.error;
  return (
    <>
      <PageHeader
        title={`Budget du service ${scope.year}`}
        lead={`Charges de fonctionnement, personnel et part de temps par service, investissements amortis et unités prévues${scope.providerName ? ` de ${scope.providerName}` : ''} : la base de la répartition des coûts et de la grille tarifaire (CGCT D5211-16).`}
      />
      <CostScopeBar platform={scope.platform} providerId={scope.providerId} year={scope.year} providers={scope.providers.data} section="" />
      <div aria-busy={Boolean(scope.providerId) && !view && !error}>
        {error ? <LoadError error={error} retry={budget.reload} /> : null}
        {!scope.providerId ? <p className="empty">Choisissez un fournisseur pour voir son budget.</p> : null}
        {scope.providerId && !view && !error ? <Loading /> : null}
        {view ? (
          <>
            {view.updatedAt ? <p>Enregistré le {formatDateTime(view.updatedAt)}.</p> : <Alert tone="info" title="Aucun budget enregistré pour cet exercice"><p>Saisissez ses charges, son personnel, ses investissements et ses unités prévues.</p></Alert>}
            {view.issues.length ? (
              <Alert tone="warning" title="Le budget doit être corrigé">
                <ul>
                  {view.issues.map((i) => (
                    <li key={i.path}>
                      {i.path} : {i.message}
                    </li>
                  ))}
                </ul>
              </Alert>
            ) : null}
            <BudgetTotals view={view} />
            {can('tariff:write') && catalogue.data ? (
              <BudgetEditor
                key={`${key}-${view.updatedAt ?? 'new'}`}
                providerId={scope.providerId}
                year={scope.year}
                view={view}
                lines={lines}
                onSaved={(next) => {
                  setSaved({ key, view: next });
                  announce(`Budget ${scope.year} enregistré : ${euros(next.totals.forecast)} de charges prévues, dont ${euros(next.totals.sharedForecast)} réparties.`);
                }}
              />
            ) : null}
          </>
        ) : null}
      </div>
    </>
  );
}
