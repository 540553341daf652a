import { cents, formatEurosFr, multiplyRounded } from '../shared.ts';
import { formatInteger } from './format.ts';

export const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
export const MONTHS_SHORT = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];

export const CHART = { width: 640, height: 240, left: 72, right: 16, top: 16, bottom: 36 };
const PLOT_WIDTH = CHART.width - CHART.left - CHART.right;
const PLOT_HEIGHT = CHART.height - CHART.top - CHART.bottom;

type Values = readonly (number | null)[];

/**
 * What a chart counts: units (integers) or amounts (integer cents, from the API's decimal strings). The words
 * and formats of its title, table and summary; an amount's axis never goes below one euro a gridline.
 */
export interface Measure {
  /** « unités », « montants hors taxes » in titles and captions. */
  noun: string;
  /** How the months with a value are counted in the summary: « relevés sur 3 mois ». */
  counted: string;
  /** A month without value, in the table (read after a dash) and the summary. */
  missing: string;
  none: string;
  minStep: number;
  format(value: number): string;
  axis(value: number): string;
}

export const UNITS_MEASURE: Measure = {
  noun: 'unités',
  counted: 'relevés',
  missing: 'pas de relevé',
  none: 'aucun relevé',
  minStep: 1,
  format: formatInteger,
  axis: formatInteger,
};

export const EUROS_MEASURE: Measure = {
  noun: 'montants hors taxes',
  counted: 'montants',
  missing: 'aucun montant',
  none: 'aucun montant',
  minStep: 100,
  format: (value) => formatEurosFr(cents(value)),
  axis: (value) => (value % 100 === 0 ? `${formatInteger(value / 100)}\u00a0€` : formatEurosFr(cents(value))),
};

/** A round step for about four gridlines: 1, 2, 2.5 or 5 times a power of ten. */
export function niceStep(range: number, minStep = 1): number {
  if (range <= 0) return minStep;
  const rough = range / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  return Math.max(minStep, step);
}

export interface Axis {
  bottom: number;
  top: number;
  ticks: number[];
}

/** The vertical axis: from 0 (or a round value below a negative month, a credit note) to a round top, with its ticks. */
export function axisOf(series: readonly Values[], minStep = 1): Axis {
  const known = series.flat().filter((v): v is number => v !== null);
  const max = Math.max(0, ...known);
  const min = Math.min(0, ...known);
  const step = niceStep(max - min, minStep);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const bottom = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let i = 0; bottom + i * step <= top + step / 2; i += 1) ticks.push(Math.round((bottom + i * step) * 100) / 100);
  return { bottom, top, ticks };
}

export const xOf = (month: number) => CHART.left + (PLOT_WIDTH * (month + 0.5)) / 12;
export const yOf = (value: number, axis: Axis) => CHART.top + PLOT_HEIGHT - (PLOT_HEIGHT * (value - axis.bottom)) / (axis.top - axis.bottom);
export const plotBottom = CHART.top + PLOT_HEIGHT;

/** The series as SVG path data: a month without value breaks the line rather than drawing a false zero. */
export function pathOf(values: Values, axis: Axis): string {
  let d = '';
  let drawing = false;
  values.forEach((value, month) => {
    if (value === null) {
      drawing = false;
      return;
    }
    d += `${drawing ? 'L' : 'M'} ${xOf(month).toFixed(1)} ${yOf(value, axis).toFixed(1)} `;
    drawing = true;
  });
  return d.trim();
}

/** « relevés sur 10 mois, de 320 à 335 (moyenne 330) » or « aucun relevé »; the mean rounded half up in integers (cents for amounts). */
export function seriesSummary(values: Values, measure: Measure = UNITS_MEASURE): string {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return measure.none;
  const min = Math.min(...known);
  const max = Math.max(...known);
  const mean = multiplyRounded(cents(known.reduce((a, b) => a + b, 0)), 1, known.length);
  const span = min === max ? `${measure.format(min)} chaque mois` : `de ${measure.format(min)} à ${measure.format(max)} (moyenne ${measure.format(mean)})`;
  return `${measure.counted} sur ${known.length} mois, ${span}`;
}

/** The difference with the same month of the previous year, signed; a dash when either month has no value. */
export function differenceText(current: number | null, previous: number | null, measure: Measure = UNITS_MEASURE): string {
  if (current === null || previous === null) return '—';
  const diff = current - previous;
  return diff === 0 ? measure.format(0) : `${diff > 0 ? '+' : '−'}${measure.format(Math.abs(diff))}`;
}
