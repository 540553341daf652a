import { api } from '../../api/endpoints.ts';
import type { ForecastComparison } from '../../api/statements.ts';
import { signedEuros, euros } from '../../lib/catalogue.ts';
import { differenceText } from '../../lib/consumption-chart.ts';
import { formatInteger, plural } from '../../lib/format.ts';
import { useResource } from '../../lib/hooks.ts';
import { amountDifference, capitalised } from '../../lib/statements.ts';
import { LoadError, TableScroll } from '../ui.tsx';

type Row = ForecastComparison['rows'][number];
type Period = Row['periods'][number];

const dash = (
  <>
    <span aria-hidden="true">—</span>
    <span className="sr-only">non renseigné</span>
  </>
);
const units = (value: number | null) => (value === null ? dash : formatInteger(value));
const amount = (value: string | null) => (value === null ? dash : euros(value));

/** One line: the quarters then the year, forecast beside actual; only the columns (units, amounts) the line has. */
function LineForecast({ row, year }: { row: Row; year: number }) {
  const title = `${row.lineName}${row.options ? ` (${row.options})` : ''}`;
  const hasUnits = row.periods.some((p) => p.forecastUnits !== null || p.actualUnits !== null);
  const hasAmounts = row.periods.some((p) => p.forecastAmount !== null || p.actualAmount !== null);
  const ordered: Period[] = [...row.periods.filter((p) => p.quarter > 0), ...row.periods.filter((p) => p.quarter === 0)];
  return (
    <div className="panel consumption-series">
      <h3>{title}</h3>
      <TableScroll label={`Prévision et réalisé : ${title}`}>
        <table className="table table-compact">
          <caption>
            {title} : prévision et réalisé par trimestre et pour l’année {year}
            {hasUnits && row.unit ? ` (unité : ${row.unit})` : ''} ; écart = réalisé − prévision
          </caption>
          <thead>
            <tr>
              <th scope="col">Période</th>
              {hasUnits ? (
                <>
                  <th scope="col" className="num">
                    Unités prévues
                  </th>
                  <th scope="col" className="num">
                    Unités réalisées
                  </th>
                  <th scope="col" className="num">
                    Écart (unités)
                  </th>
                </>
              ) : null}
              {hasAmounts ? (
                <>
                  <th scope="col" className="num">
                    Montant prévu HT
                  </th>
                  <th scope="col" className="num">
                    Montant réalisé HT
                  </th>
                  <th scope="col" className="num">
                    Écart (montant)
                  </th>
                </>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {ordered.map((p) => (
              <tr key={p.quarter} className={p.quarter === 0 ? 'total-row' : undefined}>
                <th scope="row" className="nowrap">
                  {capitalised(p.label)}
                </th>
                {hasUnits ? (
                  <>
                    <td className="num">{units(p.forecastUnits)}</td>
                    <td className="num">{units(p.actualUnits)}</td>
                    <td className="num">{differenceText(p.actualUnits, p.forecastUnits)}</td>
                  </>
                ) : null}
                {hasAmounts ? (
                  <>
                    <td className="num nowrap">{amount(p.forecastAmount)}</td>
                    <td className="num nowrap">{amount(p.actualAmount)}</td>
                    <td className="num nowrap">{signedEuros(amountDifference(p.actualAmount, p.forecastAmount))}</td>
                  </>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}

/** Forecast use against the actual for the year, line by line (seed 001 annex 3; seed 000 provisional titles); hidden when there is nothing. */
export function ForecastSection({ organisationId, year }: { organisationId: string; year: number }) {
  const key = `forecasts-${organisationId}-${year}`;
  const data = useResource((signal) => api.forecasts.comparison(organisationId, year, signal), key);
  const current = data.dataKey === key ? data.data : undefined;
  if (data.error) return <LoadError error={data.error} retry={data.reload} />;
  if (!current || current.rows.length === 0) return <div aria-busy={data.loading} />;
  const anyForecast = current.rows.some((r) => r.periods.some((p) => p.forecastUnits !== null || p.forecastAmount !== null));
  return (
    <section className="section" aria-labelledby="previsions" aria-busy={data.loading}>
      <h2 id="previsions">
        Prévisions et réalisé {year} <span className="count">({plural(current.rows.length, 'ligne', 'lignes')})</span>
      </h2>
      <p className="muted">
        {anyForecast
          ? 'La prévision d’utilisation ou le montant appelé par le titre provisoire, comparés au réalisé, par trimestre et pour l’année.'
          : `Aucune prévision enregistrée pour ${year} : seul le réalisé figure ci-dessous.`}
      </p>
      {current.rows.map((row) => (
        <LineForecast key={`${row.providerId}|${row.line}|${row.optionsKey}`} row={row} year={year} />
      ))}
    </section>
  );
}
