import { useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { SimulationView } from '../api/costs.ts';
import { CostScopeBar, useCostScope } from '../components/costs/CostScope.tsx';
import { ProposalTable } from '../components/costs/ProposalTable.tsx';
import { SimulationForm } from '../components/costs/SimulationForm.tsx';
import { Badge, LoadError, Loading, PageHeader, TableScroll } from '../components/ui.tsx';
import { useAnnounce } from '../lib/announcer.tsx';
import { euros } from '../lib/catalogue.ts';
import { useResource, useTitle } from '../lib/hooks.ts';

const STATUS = { member: 'adhérent', joining: 'adhère', leaving: 'part' } as const;

function MembersTable({ sim }: { sim: SimulationView }) {
  return (
    <TableScroll label="Ce que chaque adhérent paierait">
      <table className="table">
        <caption>Ce que chaque adhérent paierait sur l’année</caption>
        <thead>
          <tr>
            <th scope="col">Adhérent</th>
            <th scope="col" className="num">Grille actuelle</th>
            <th scope="col" className="num">Grille proposée</th>
            <th scope="col" className="num">Avec le scénario</th>
            <th scope="col" className="num">Écart (scénario − actuel)</th>
          </tr>
        </thead>
        <tbody>
          {sim.members.map((m) => (
            <tr key={m.memberId}>
              <th scope="row">
                {m.name} {m.status !== 'member' ? <Badge tone={m.status === 'joining' ? 'info' : 'warning'}>{STATUS[m.status]}</Badge> : null}
              </th>
              <td className="num">{euros(m.current)}</td>
              <td className="num">{euros(m.proposed)}</td>
              <td className="num">{euros(m.scenario)}</td>
              <td className="num">{euros(m.difference)}</td>
            </tr>
          ))}
          <tr className="total-row">
            <th scope="row">Total</th>
            <td className="num">{euros(sim.totals.current)}</td>
            <td className="num">{euros(sim.totals.proposed)}</td>
            <td className="num">{euros(sim.totals.scenario)}</td>
            <td />
          </tr>
        </tbody>
      </table>
    </TableScroll>
  );
}

/**
 * Next year's grid from the budget and the forecast units, downloadable as the annex a council votes and the
 * budget-debate document; and a simulation of communes joining or leaving.
 */
export function CostProposalPage() {
  useTitle('Proposition tarifaire');
  const scope = useCostScope('/proposition');
  const announce = useAnnounce();
  const key = `${scope.providerId}-${scope.year}`;
  const base = useResource(() => (scope.providerId ? api.costs.simulate(scope.providerId, scope.year, {}) : Promise.resolve(null)), `proposal-${key}`);
  const catalogue = useResource((signal) => (scope.providerId ? api.catalogue.get(scope.providerId, signal) : Promise.resolve(null)), `proposal-catalogue-${scope.providerId}`);
  const [result, setResult] = useState<{ key: string; sim: SimulationView } | null>(null);
  if (scope.redirect) return scope.redirect;
  const sim = base.dataKey === `proposal-${key}` ? base.data : null;
  const scenario = result?.key === key ? result.sim : null;
  const simpleLines = (catalogue.data?.lines ?? []).filter((l) => !l.options?.length && l.kind === 'continuous').map((l) => ({ code: l.code, name: l.name }));
  return (
    <>
      <PageHeader title={`Proposition tarifaire ${scope.year}`} lead="La grille tirée du budget et des unités prévues : le coût unitaire de chaque service (coût affecté / unités prévues), arrondi au centime par mois." />
      <CostScopeBar platform={scope.platform} providerId={scope.providerId} year={scope.year} providers={scope.providers.data} section="/proposition" />
      <div aria-busy={Boolean(scope.providerId) && !sim && !base.error}>
        {base.error ? <LoadError error={base.error} retry={base.reload} /> : null}
        {!scope.providerId ? <p className="empty">Choisissez un fournisseur.</p> : null}
        {scope.providerId && !sim && !base.error ? <Loading /> : null}
        {sim ? (
          <>
            <section className="section" aria-labelledby="grille-titre">
              <h2 id="grille-titre">Grille proposée</h2>
              <p>
                Coûts à couvrir {euros(sim.proposal.totals.allocated)}, recette prévue {euros(sim.proposal.totals.forecastRevenue)} (écart d’arrondi {euros(sim.proposal.totals.gap)}).
                {sim.proposal.currentGrid ? ` Grille actuelle : ${sim.proposal.currentGrid.label}.` : ''}
              </p>
              <ul className="inline-list">
                <li>
                  <a className="btn" href={api.costs.proposalUrl(scope.providerId, scope.year, 'pdf')} download>
                    Télécharger l’annexe et le document du débat budgétaire (PDF)
                  </a>
                </li>
                <li>
                  <a className="btn" href={api.costs.proposalUrl(scope.providerId, scope.year, 'xlsx')} download>
                    Télécharger le classeur (XLSX)
                  </a>
                </li>
              </ul>
              <ProposalTable proposal={sim.proposal} caption={`Grille proposée pour ${scope.year}`} />
            </section>
            <section className="section" aria-labelledby="simulation-titre">
              <h2 id="simulation-titre">Simulation : adhésions et départs</h2>
              <SimulationForm
                providerId={scope.providerId}
                year={scope.year}
                lines={simpleLines}
                members={sim.members}
                onResult={(next, summary) => {
                  setResult({ key, sim: next });
                  announce(`${summary} Total avec le scénario : ${euros(next.totals.scenario)}.`);
                }}
              />
              {scenario ? (
                <div>
                  <h3>Résultat du scénario</h3>
                  <ProposalTable proposal={scenario.proposal} scenario={scenario.scenarioProposal} caption="Prix annuels : actuel, proposé, avec le scénario" />
                  <MembersTable sim={scenario} />
                </div>
              ) : (
                <MembersTable sim={sim} />
              )}
            </section>
          </>
        ) : null}
      </div>
    </>
  );
}
