import type { UnitsStatement } from '../../api/statements.ts';
import { formatInteger } from '../../lib/format.ts';
import { inPeriod, signedUnits } from '../../lib/statements.ts';
import { TableScroll } from '../ui.tsx';

type Statement = UnitsStatement['statements'][number];

const units = (value: number | null, missing: string) =>
  value === null ? (
    <>
      <span aria-hidden="true">—</span>
      <span className="sr-only">{missing}</span>
    </>
  ) : (
    formatInteger(value)
  );

/** One provider's uses in units over the period: each month, the total, the year to date, the forecast and the difference. */
export function UnitsStatementTable({ statement, period, headingId }: { statement: Statement; period: string; headingId: string }) {
  const months = statement.rows[0]?.months ?? [];
  return (
    <section className="panel statement" aria-labelledby={headingId}>
      <h4 id={headingId}>{statement.providerName}</h4>
      {statement.rows.length === 0 ? (
        <p className="empty">Aucun recours relevé {inPeriod(period)}.</p>
      ) : (
        <TableScroll label={`Recours en unités : ${statement.providerName}`}>
          <table className="table">
            <caption>
              Recours aux services en unités, {period} : {statement.providerName} ; « — » : pas de relevé ou pas de prévision
            </caption>
            <thead>
              <tr>
                <th scope="col">Service et unité</th>
                {months.map((m) => (
                  <th key={m.month} scope="col" className="num">
                    {m.label}
                  </th>
                ))}
                <th scope="col" className="num">
                  Total
                </th>
                <th scope="col" className="num">
                  Cumul de l’année
                </th>
                <th scope="col" className="num">
                  Prévision
                </th>
                <th scope="col" className="num">
                  Écart
                </th>
              </tr>
            </thead>
            <tbody>
              {statement.rows.map((r) => (
                <tr key={`${r.line}|${r.options}`}>
                  <th scope="row" className="col-service">
                    {r.lineName}
                    {r.options ? <span className="row-detail">{r.options}</span> : null}
                    {r.unit ? <span className="row-detail">unité : {r.unit}</span> : null}
                  </th>
                  {r.months.map((m) => (
                    <td key={m.month} className="num">
                      {units(m.units, 'pas de relevé')}
                    </td>
                  ))}
                  <td className="num">{formatInteger(r.totalUnits)}</td>
                  <td className="num">{formatInteger(r.yearToDateUnits)}</td>
                  <td className="num">{units(r.forecastUnits, 'pas de prévision')}</td>
                  <td className="num">{signedUnits(r.differenceUnits)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
