import { TableScroll } from '../ui.tsx';
import { SubHeading } from './SubHeading.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { lineLabel, type SubscriptionRequest } from '../../lib/subscriptions.ts';
import type { CatalogueView } from '../../shared.ts';

/** Each line's history (submitted, decided, opened…), folded by default: who recorded what, when, with its note. */
export function LineHistory({ request, catalogue, level = 3 }: { request: SubscriptionRequest; catalogue?: CatalogueView | undefined; level?: 3 | 4 }) {
  return (
    <div className="line-history">
      <SubHeading level={level}>Historique des services</SubHeading>
      {request.lines.map((line) => {
        const label = lineLabel(line, catalogue);
        return (
          <details key={line.id} className="history-details">
            <summary>
              Historique : {label} ({line.history.length} {line.history.length > 1 ? 'événements' : 'événement'})
            </summary>
            <TableScroll label={`Historique : ${label}`} compact>
              <table className="table table-compact">
                <caption>Historique de la ligne {label}, du plus ancien au plus récent</caption>
                <thead>
                  <tr>
                    <th scope="col">Événement</th>
                    <th scope="col">Enregistré le</th>
                    <th scope="col">Par</th>
                    <th scope="col">Note</th>
                  </tr>
                </thead>
                <tbody>
                  {line.history.map((h) => (
                    <tr key={h.sequence}>
                      <th scope="row">{h.label}</th>
                      <td className="nowrap">{formatDateTime(h.recordedAt)}</td>
                      <td>{h.actor}</td>
                      <td>{h.note ?? <span className="muted">—</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </details>
        );
      })}
    </div>
  );
}
