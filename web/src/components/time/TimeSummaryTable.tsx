import type { TimeSummary } from '../../api/consumption-records.ts';
import { formatInteger } from '../../lib/format.ts';
import { decimalFr, durationText } from '../../lib/time-entries.ts';
import { TableScroll } from '../ui.tsx';

/** Time summed per period, member and service: entries, hours (« 10 h 30 ») and days of work (« 1,50 »). */
export function TimeSummaryTable({ summary, caption, showProvider, providerName }: { summary: TimeSummary; caption: string; showProvider: boolean; providerName(id: string): string }) {
  const rows = [...summary.totals].sort((a, b) => a.periodIndex - b.periodIndex || a.organisationName.localeCompare(b.organisationName, 'fr') || a.lineName.localeCompare(b.lineName, 'fr'));
  const workdays = [...new Set(summary.totals.map((t) => t.workdayMinutes))];
  return (
    <>
      <TableScroll label="Temps passés cumulés">
        <table className="table table-compact">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Période</th>
              {showProvider ? <th scope="col">Fournisseur</th> : null}
              <th scope="col">Adhérent</th>
              <th scope="col">Service</th>
              <th scope="col" className="num">
                Saisies
              </th>
              <th scope="col" className="num">
                Heures
              </th>
              <th scope="col" className="num">
                Jours de travail
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((t) => (
              <tr key={`${t.providerId}-${t.organisationId}-${t.line}-${t.periodIndex}`}>
                <th scope="row">{t.periodLabel}</th>
                {showProvider ? <td>{providerName(t.providerId)}</td> : null}
                <td>{t.organisationName}</td>
                <td>{t.lineName}</td>
                <td className="num">{formatInteger(t.entries)}</td>
                <td className="num nowrap">{durationText(t.minutes)}</td>
                <td className="num">{decimalFr(t.days)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="small muted">
        Jours de travail : la durée divisée par celle de la journée du fournisseur ({workdays.map((m) => durationText(m)).join(', ')}), arrondie au centième.
      </p>
    </>
  );
}
