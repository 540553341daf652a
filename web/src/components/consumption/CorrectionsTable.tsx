import { TableScroll } from '../ui.tsx';
import { MONTHS } from '../../lib/consumption-chart.ts';
import { formatDateTime, formatInteger, plural } from '../../lib/format.ts';

export interface Correction {
  line: string;
  month: string;
  previousUnits: number;
  replacedAt: string;
}

/** Months whose units a later import changed: the figure replaced and when. */
export function CorrectionsTable({ corrections, lineName, year }: { corrections: readonly Correction[]; lineName(code: string): string; year: number }) {
  if (corrections.length === 0) return <p className="empty">Aucune correction des relevés de {year}.</p>;
  return (
    <TableScroll label={`Corrections des relevés de ${year}`} compact>
      <table className="table table-compact">
        <caption>
          {plural(corrections.length, 'correction', 'corrections')} des relevés de {year} : la valeur remplacée par un import ultérieur
        </caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Mois</th>
            <th scope="col" className="num">
              Unités remplacées
            </th>
            <th scope="col">Remplacées le</th>
          </tr>
        </thead>
        <tbody>
          {corrections.map((c) => (
            <tr key={`${c.line}-${c.month}-${c.replacedAt}`}>
              <th scope="row">{lineName(c.line)}</th>
              <td>
                {MONTHS[Number(c.month.slice(5, 7)) - 1]} {c.month.slice(0, 4)}
              </td>
              <td className="num">{formatInteger(c.previousUnits)}</td>
              <td className="nowrap">{formatDateTime(c.replacedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
