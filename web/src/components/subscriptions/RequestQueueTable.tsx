import { Link } from 'react-router';
import { Badge, TableScroll } from '../ui.tsx';
import { formatCivilDate } from '../../lib/format.ts';
import { earliestWish, isLate, lineLabel, nextTask, requestTitle, subscriptionTone, type SubscriptionRequest } from '../../lib/subscriptions.ts';
import type { CatalogueView } from '../../shared.ts';

/** The queue: each request with its lines' statuses, the first wished opening, the late flag and the next task. */
export function RequestQueueTable({ requests, caption, catalogue }: { requests: readonly SubscriptionRequest[]; caption: string; catalogue?: CatalogueView | undefined }) {
  return (
    <TableScroll label="Demandes de souscription">
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Demande</th>
            <th scope="col">Services et statut</th>
            <th scope="col">Ouverture souhaitée au plus tôt</th>
            <th scope="col">Délai des souhaits</th>
            <th scope="col">Prochaine tâche</th>
          </tr>
        </thead>
        <tbody>
          {requests.map((r) => {
            const task = nextTask(r);
            const wish = earliestWish(r);
            return (
              <tr key={r.id}>
                <th scope="row">
                  <Link to={`/demandes/${r.id}`}>{requestTitle(r, true)}</Link>
                </th>
                <td>
                  <ul className="plain-list queue-lines">
                    {r.lines.map((l) => (
                      <li key={l.id}>
                        {lineLabel(l, catalogue)} : <Badge tone={subscriptionTone(l.status)}>{l.statusLabel}</Badge>
                      </li>
                    ))}
                  </ul>
                </td>
                <td className="nowrap">{wish ? formatCivilDate(wish) : <span className="muted">Aucune ouverture en attente</span>}</td>
                <td>{isLate(r) ? <Badge tone="warning">Hors délai</Badge> : <span className="muted">Dans les délais</span>}</td>
                <td>
                  {task ? (
                    <>
                      {task.title}, pour le {formatCivilDate(task.dueOn)}
                      {task.overdue ? (
                        <>
                          {' '}
                          <Badge tone="warning">En retard</Badge>
                        </>
                      ) : null}
                    </>
                  ) : (
                    <span className="muted">Aucune</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
