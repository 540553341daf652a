import type { TimeEntry } from '../../api/consumption-records.ts';
import { formatCivilDate } from '../../lib/format.ts';
import { durationText } from '../../lib/time-entries.ts';
import { TableScroll } from '../ui.tsx';
import { TimeEntryDelete } from './TimeEntryDelete.tsx';

/** The time entries, newest first: date, member, service, person, duration in hours, travel, description, reference. */
export function TimeEntriesTable({
  entries,
  caption,
  showProvider,
  canDelete,
  onDeleted,
}: {
  entries: readonly TimeEntry[];
  caption: string;
  showProvider: boolean;
  canDelete: boolean;
  onDeleted(entry: TimeEntry): void;
}) {
  return (
    <TableScroll label="Temps passés">
      <table className="table table-compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            {showProvider ? <th scope="col">Fournisseur</th> : null}
            <th scope="col">Adhérent</th>
            <th scope="col">Service</th>
            <th scope="col">Intervenant</th>
            <th scope="col" className="num">
              Durée
            </th>
            <th scope="col">Déplacement compris</th>
            <th scope="col">Description</th>
            <th scope="col">Référence</th>
            {canDelete ? <th scope="col">Action</th> : null}
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <th scope="row" className="nowrap">
                <time dateTime={e.workedOn}>{formatCivilDate(e.workedOn)}</time>
              </th>
              {showProvider ? <td>{e.providerName}</td> : null}
              <td>{e.organisationName}</td>
              <td>{e.lineName}</td>
              <td>{e.person}</td>
              <td className="num nowrap">{durationText(e.minutes)}</td>
              <td>{e.travelIncluded ? 'oui' : 'non'}</td>
              <td>{e.description || <span className="muted">—</span>}</td>
              <td className="break-anywhere">{e.reference || <span className="muted">—</span>}</td>
              {canDelete ? (
                <td>
                  <TimeEntryDelete entryId={e.id} what={`${durationText(e.minutes)} le ${formatCivilDate(e.workedOn)} pour ${e.organisationName}`} onDeleted={() => onDeleted(e)} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
