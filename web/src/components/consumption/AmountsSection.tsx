import { centsOf } from '../../lib/statements.ts';
import { EUROS_MEASURE } from '../../lib/consumption-chart.ts';
import { plural } from '../../lib/format.ts';
import { ConsumptionChart } from './ConsumptionChart.tsx';
import { ConsumptionTable } from './ConsumptionTable.tsx';

export interface AmountSeries {
  providerId: string;
  providerName: string;
  line: string;
  lineName: string;
  months: readonly (string | null)[];
  previousYear: readonly (string | null)[];
}

/**
 * Operator consumption passed through (seed 000 art. 4.2), excl. VAT, by the month its billed period starts:
 * per service the same chart and table as the units, in euros. Not shown when nothing was billed.
 */
export function AmountsSection({ amounts, year }: { amounts: readonly AmountSeries[]; year: number }) {
  if (amounts.length === 0) return null;
  return (
    <section className="section" aria-labelledby="montants-refactures">
      <h2 id="montants-refactures">
        Montants refacturés en {year} <span className="count">({plural(amounts.length, 'service', 'services')})</span>
      </h2>
      <p className="muted">
        Les consommations facturées par les opérateurs et refacturées à l’euro près, hors taxes, rattachées au mois où commence la période facturée (un avoir vient en déduction).
      </p>
      {amounts.map((a, index) => {
        const headingId = `montants-${index}`;
        const months = a.months.map(centsOf);
        const previousYear = a.previousYear.map(centsOf);
        return (
          <section key={`${a.providerId}|${a.line}`} className="panel consumption-series" aria-labelledby={headingId}>
            <h3 id={headingId}>{a.lineName}</h3>
            <p className="muted">{a.providerName} · montants hors taxes</p>
            <div className="consumption-columns">
              <ConsumptionChart title={a.lineName} unit="" year={year} months={months} previousYear={previousYear} measure={EUROS_MEASURE} />
              <ConsumptionTable title={a.lineName} unit="" year={year} months={months} previousYear={previousYear} measure={EUROS_MEASURE} />
            </div>
          </section>
        );
      })}
    </section>
  );
}
