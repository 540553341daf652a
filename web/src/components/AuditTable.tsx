import { Link } from 'react-router';
import { ACTION_LABELS, changesOf, subjectOf } from '../lib/audit.ts';
import { formatDateTime } from '../lib/format.ts';
import type { AuditEvent } from '../shared.ts';
import { TableScroll } from './ui.tsx';

/** Who did what and when, with each changed field's value before and after. */
export function AuditTable({
  events,
  caption,
  names = {},
  linkOrganisations = false,
}: {
  events: AuditEvent[];
  caption: string;
  /** Display names of ids that appear in events (providers, EPCI). */
  names?: Record<string, string>;
  linkOrganisations?: boolean;
}) {
  return (
    <TableScroll label={caption}>
      <table className="table audit-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Auteur</th>
            <th scope="col">Action</th>
            <th scope="col">Détail</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => {
            const changes = changesOf(event, names);
            return (
              <tr key={event.id}>
                <td className="nowrap">
                  <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time>
                </td>
                <td className="actor">{event.actorLabel}</td>
                <td>{ACTION_LABELS[event.action] ?? event.action}</td>
                <td>
                  <p className="audit-subject">
                    {linkOrganisations && event.organisationId ? (
                      <Link to={`/organisations/${event.organisationId}`}>{subjectOf(event)}</Link>
                    ) : (
                      subjectOf(event)
                    )}
                  </p>
                  {changes.length ? (
                    <ul className="diff-list">
                      {changes.map((c) => (
                        <li key={c.field}>
                          <span className="diff-field">{c.label}</span> :{' '}
                          {c.before !== undefined && c.after !== undefined ? (
                            <>
                              <del>
                                <span className="sr-only">avant : </span>
                                {c.before}
                              </del>{' '}
                              <span aria-hidden="true">→</span>{' '}
                              <ins>
                                <span className="sr-only">, après : </span>
                                {c.after}
                              </ins>
                            </>
                          ) : c.after !== undefined ? (
                            <ins>{c.after}</ins>
                          ) : (
                            <del>{c.before}</del>
                          )}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
