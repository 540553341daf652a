import { Link } from 'react-router';
import { AGREEMENT_STATUSES, entryKindLabel, frenchText, partyLabel, type AgreementStatus, type AgreementSummary } from '../lib/agreements.ts';
import { formatCivilDate } from '../lib/format.ts';
import type { CalendarEntry } from '../shared.ts';
import { Badge, TableScroll } from './ui.tsx';

/** An agreement's status, in words. */
export function StatusBadge({ status }: { status: AgreementStatus }) {
  const s = AGREEMENT_STATUSES[status];
  return <Badge tone={s.tone}>{s.label}</Badge>;
}

/** A calendar entry's label, with the party it concerns. */
export function EntryLabel({ entry }: { entry: Pick<CalendarEntry, 'label' | 'kind' | 'party'> }) {
  const party = partyLabel(entry.party);
  return (
    <>
      <span className="entry-kind">{entryKindLabel(entry.kind)}</span>
      <span className="block">
        {frenchText(entry.label)}
        {party && !entry.label.includes(`(${party})`) ? ` (${party})` : ''}
      </span>
    </>
  );
}

/** A table of agreements: code and title, status, provider, members, effective date, next deadline. */
export function AgreementsTable({ agreements, caption, label, showProvider = true }: { agreements: AgreementSummary[]; caption: string; label: string; showProvider?: boolean }) {
  return (
    <TableScroll label={label}>
      <table className="table agreements-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Convention</th>
            <th scope="col">Statut</th>
            {showProvider ? <th scope="col">Fournisseur</th> : null}
            <th scope="col">Adhérents</th>
            <th scope="col">Prise d'effet</th>
            <th scope="col">Prochaine échéance</th>
          </tr>
        </thead>
        <tbody>
          {agreements.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                <Link to={`/conventions/${a.id}`}>{a.title}</Link>
                <span className="block mono small">{a.code}</span>
              </th>
              <td>
                <StatusBadge status={a.status} />
              </td>
              {showProvider ? <td>{a.providerName}</td> : null}
              <td>
                {a.members.length ? (
                  <ul className="plain-list">
                    {a.members.map((m) => (
                      <li key={m}>{m}</li>
                    ))}
                  </ul>
                ) : (
                  '—'
                )}
              </td>
              <td className="nowrap">{a.effectiveOn ? formatCivilDate(a.effectiveOn) : <span className="muted">Non connue</span>}</td>
              <td>
                {a.nextDeadline ? (
                  <>
                    <span className="nowrap">{formatCivilDate(a.nextDeadline.date)}</span>
                    <span className="block small">{frenchText(a.nextDeadline.label)}</span>
                  </>
                ) : (
                  <span className="muted">Aucune</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
