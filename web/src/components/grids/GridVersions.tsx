import { Link } from 'react-router';
import { deliberationText, GRID_STATES, gridState, type GridSummary } from '../../lib/grids.ts';
import { formatCivilDate, formatInteger, plural } from '../../lib/format.ts';
import { Badge, TableScroll } from '../ui.tsx';

/** The versions of a provider's grid, latest first, each with its state, effective date and deliberation. */
export function GridVersions({ providerId, providerName, grids }: { providerId: string; providerName: string; grids: GridSummary[] }) {
  if (grids.length === 0) return <p className="empty">Aucune grille tarifaire enregistrée pour ce fournisseur.</p>;
  return (
    <TableScroll label="Versions de la grille tarifaire">
      <table className="table">
        <caption>
          {plural(grids.length, 'version', 'versions')} de la grille de {providerName}, de la plus récente à la plus ancienne
        </caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">État</th>
            <th scope="col">Date d'effet</th>
            <th scope="col">Délibération</th>
            <th scope="col" className="num">
              Prix
            </th>
          </tr>
        </thead>
        <tbody>
          {grids.map((g) => {
            const state = GRID_STATES[gridState(g, grids)];
            return (
              <tr key={g.code} className={g.inForce ? 'is-current' : undefined}>
                <th scope="row">
                  <Link to={`/fournisseurs/${providerId}/tarifs/grilles/${encodeURIComponent(g.code)}`}>{g.label}</Link>
                  <span className="block mono small">{g.code}</span>
                </th>
                <td>
                  <Badge tone={state.tone}>
                    {g.inForce ? <span aria-hidden="true">★ </span> : null}
                    {state.label}
                  </Badge>
                </td>
                <td>{formatCivilDate(g.effectiveFrom)}</td>
                <td>{deliberationText(g.deliberation) ?? <span className="muted">Non renseignée</span>}</td>
                <td className="num">{formatInteger(g.prices)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
