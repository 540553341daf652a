import { TableScroll } from '../ui.tsx';
import { differenceText, MONTHS } from '../../lib/consumption-chart.ts';
import { formatInteger } from '../../lib/format.ts';

type Values = readonly (number | null)[];

const cell = (value: number | null) =>
  value === null ? (
    <>
      <span aria-hidden="true">—</span>
      <span className="sr-only">pas de relevé</span>
    </>
  ) : (
    formatInteger(value)
  );

/** The chart's figures: one row per month, the year, the previous year and the difference. */
export function ConsumptionTable({ title, unit, year, months, previousYear }: { title: string; unit: string; year: number; months: Values; previousYear: Values }) {
  return (
    <TableScroll label={`Tableau : ${title}`} compact>
      <table className="table table-compact">
        <caption>
          {title} : unités{unit ? ` (${unit})` : ''} par mois, {year} comparé à {year - 1} ; « — » : pas de relevé
        </caption>
        <thead>
          <tr>
            <th scope="col">Mois</th>
            <th scope="col" className="num">
              {year}
            </th>
            <th scope="col" className="num">
              {year - 1}
            </th>
            <th scope="col" className="num">
              Écart
            </th>
          </tr>
        </thead>
        <tbody>
          {MONTHS.map((name, month) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td className="num">{cell(months[month] ?? null)}</td>
              <td className="num">{cell(previousYear[month] ?? null)}</td>
              <td className="num">{differenceText(months[month] ?? null, previousYear[month] ?? null)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
