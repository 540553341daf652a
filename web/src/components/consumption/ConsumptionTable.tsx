import { TableScroll } from '../ui.tsx';
import { differenceText, MONTHS, UNITS_MEASURE, type Measure } from '../../lib/consumption-chart.ts';

type Values = readonly (number | null)[];

function Cell({ value, measure }: { value: number | null; measure: Measure }) {
  return value === null ? (
    <>
      <span aria-hidden="true">—</span>
      <span className="sr-only">{measure.missing}</span>
    </>
  ) : (
    <>{measure.format(value)}</>
  );
}

/** The chart's figures: one row per month, the year, the previous year and the difference. */
export function ConsumptionTable({
  title,
  unit,
  year,
  months,
  previousYear,
  measure = UNITS_MEASURE,
}: {
  title: string;
  unit: string;
  year: number;
  months: Values;
  previousYear: Values;
  measure?: Measure;
}) {
  return (
    <TableScroll label={`Tableau : ${title}`} compact>
      <table className="table table-compact">
        <caption>
          {title} : {measure.noun}
          {unit ? ` (${unit})` : ''} par mois, {year} comparé à {year - 1} ; « — » : {measure.missing}
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
              <td className="num nowrap">
                <Cell value={months[month] ?? null} measure={measure} />
              </td>
              <td className="num nowrap">
                <Cell value={previousYear[month] ?? null} measure={measure} />
              </td>
              <td className="num nowrap">{differenceText(months[month] ?? null, previousYear[month] ?? null, measure)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
