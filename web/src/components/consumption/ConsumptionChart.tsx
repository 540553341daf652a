import { useId } from 'react';
import { axisOf, CHART, MONTHS_SHORT, pathOf, plotBottom, seriesSummary, UNITS_MEASURE, xOf, yOf, type Axis, type Measure } from '../../lib/consumption-chart.ts';

type Values = readonly (number | null)[];

function Markers({ values, axis, shape }: { values: Values; axis: Axis; shape: 'circle' | 'square' }) {
  return (
    <g className={`chart-markers is-${shape}`}>
      {values.map((value, month) =>
        value === null ? null : shape === 'circle' ? (
          <circle key={month} cx={xOf(month)} cy={yOf(value, axis)} r={4} />
        ) : (
          <rect key={month} x={xOf(month) - 3.5} y={yOf(value, axis) - 3.5} width={7} height={7} />
        ),
      )}
    </g>
  );
}

/**
 * Units (or amounts, in cents) month by month, the year drawn as a solid line with dots and the previous year as
 * a dashed line with squares (told apart by shape, not colour alone). An image with a title and a summary; the
 * table beside it gives every figure.
 */
export function ConsumptionChart({
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
  const id = useId();
  const axis = axisOf([months, previousYear], measure.minStep);
  return (
    <figure className="chart">
      <div className="chart-scroll" role="region" aria-label={`Graphique : ${title} (défilement horizontal sur petit écran)`} tabIndex={0}>
        <svg role="img" aria-labelledby={`${id}-titre`} aria-describedby={`${id}-resume`} viewBox={`0 0 ${CHART.width} ${CHART.height}`} className="chart-svg">
          <title id={`${id}-titre`}>{`${title} : ${measure.noun} par mois, ${year} et ${year - 1}`}</title>
          <desc id={`${id}-resume`}>{`${unit ? `Unité : ${unit}. ` : ''}${year} : ${seriesSummary(months, measure)}. ${year - 1} : ${seriesSummary(previousYear, measure)}.`}</desc>
          <g className="chart-grid">
            {axis.ticks.map((t) => (
              <g key={t}>
                <line x1={CHART.left} x2={CHART.width - CHART.right} y1={yOf(t, axis)} y2={yOf(t, axis)} />
                <text x={CHART.left - 8} y={yOf(t, axis) + 4} textAnchor="end">
                  {measure.axis(t)}
                </text>
              </g>
            ))}
          </g>
          <g className="chart-axis">
            <line x1={CHART.left} x2={CHART.width - CHART.right} y1={plotBottom} y2={plotBottom} />
            {MONTHS_SHORT.map((m, month) => (
              <text key={m} x={xOf(month)} y={plotBottom + 20} textAnchor="middle">
                {m}
              </text>
            ))}
          </g>
          <path d={pathOf(previousYear, axis)} className="chart-line is-previous" />
          <Markers values={previousYear} axis={axis} shape="square" />
          <path d={pathOf(months, axis)} className="chart-line is-current" />
          <Markers values={months} axis={axis} shape="circle" />
        </svg>
      </div>
      <figcaption className="chart-legend">
        <span className="legend-item">
          <svg width="34" height="14" aria-hidden="true" focusable="false">
            <path d="M 2 7 H 32" className="chart-line is-current" />
            <circle cx="17" cy="7" r="4" className="chart-markers is-circle" />
          </svg>
          {year} (trait plein, points ronds)
        </span>
        <span className="legend-item">
          <svg width="34" height="14" aria-hidden="true" focusable="false">
            <path d="M 2 7 H 32" className="chart-line is-previous" />
            <rect x="13.5" y="3.5" width="7" height="7" className="chart-markers is-square" />
          </svg>
          {year - 1} (pointillés, carrés)
        </span>
      </figcaption>
    </figure>
  );
}
