import type { ProposalView } from '../../api/costs.ts';
import { euros } from '../../lib/catalogue.ts';
import { formatInteger } from '../../lib/format.ts';
import { TableScroll } from '../ui.tsx';

/** The proposed grid, price by price, beside the current one; with a scenario, the scenario's prices too. */
export function ProposalTable({ proposal, scenario, caption }: { proposal: ProposalView; scenario?: ProposalView | undefined; caption: string }) {
  const scenarioPrice = (line: string, optionsLabel: string) => scenario?.rows.find((r) => r.line === line && r.optionsLabel === optionsLabel);
  return (
    <TableScroll label={caption}>
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Options</th>
            <th scope="col" className="num">Unités prévues</th>
            <th scope="col" className="num">Annuel actuel</th>
            <th scope="col" className="num">Mensuel proposé</th>
            <th scope="col" className="num">Annuel proposé</th>
            <th scope="col" className="num">Évolution</th>
            {scenario ? <th scope="col" className="num">Annuel avec le scénario</th> : null}
          </tr>
        </thead>
        <tbody>
          {proposal.rows.map((r) => (
            <tr key={`${r.line}-${r.optionsLabel}`}>
              <th scope="row">{r.lineName}</th>
              <td>{r.optionsLabel || '—'}</td>
              <td className="num">{formatInteger(r.units)}</td>
              <td className="num">{euros(r.currentAnnual)}</td>
              <td className="num">{euros(r.proposedMonthly)}</td>
              <td className="num">{euros(r.proposedAnnual)}</td>
              <td className="num">{r.changePercent === null ? '—' : `${r.changePercent} %`}</td>
              {scenario ? <td className="num">{euros(scenarioPrice(r.line, r.optionsLabel)?.proposedAnnual)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
