import { cents, parseEuros, toDecimalString } from '../shared.ts';
import { formatInteger } from './format.ts';

/** Amounts from the API's decimal strings to integer cents (for drawing, differences and totals): never floats. */
export function centsOf(amount: string | null): number | null {
  return amount === null ? null : parseEuros(amount);
}

/** Actual minus forecast, as the API's decimal text; null when either is missing. */
export function amountDifference(actual: string | null, forecast: string | null): string | null {
  if (actual === null || forecast === null) return null;
  return toDecimalString(cents(parseEuros(actual) - parseEuros(forecast)));
}

/** A signed count: « +12 », « −3 », « 0 »; a dash when there is none. */
export function signedUnits(value: number | null): string {
  if (value === null) return '—';
  return value === 0 ? '0' : `${value > 0 ? '+' : '−'}${formatInteger(Math.abs(value))}`;
}

const hoursFormat = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Minutes as decimal hours for French readers, « 12,25 h », rounded half up to the hundredth in integers. */
export function hoursText(minutes: number): string {
  const hundredths = Math.floor((minutes * 100 * 2 + 60) / 120);
  return `${hoursFormat.format(hundredths / 100)}\u00a0h`;
}

/** The API's decimal hours (« 7.00 ») for French readers: « 7,00 h ». */
export function decimalHoursText(hours: string): string {
  return `${hours.replace('.', ',')}\u00a0h`;
}

export const QUARTERS = [1, 2, 3, 4].map((index) => ({ index, label: `${index === 1 ? '1er' : `${index}e`} trimestre` }));

export type UnitsPeriod = 'half' | 'quarter' | 'year';

/** The choices of the statement of uses: half-years first (seed 001 art. 5.2), then quarters, then the year. */
export const UNITS_PERIODS: { group: string; options: { value: string; period: UnitsPeriod; index: number; label: string }[] }[] = [
  {
    group: 'Semestres',
    options: [1, 2].map((index) => ({ value: `half-${index}`, period: 'half', index, label: `${index === 1 ? '1er' : '2e'} semestre` })),
  },
  { group: 'Trimestres', options: QUARTERS.map((q) => ({ value: `quarter-${q.index}`, period: 'quarter', index: q.index, label: q.label })) },
  { group: 'Année', options: [{ value: 'year-1', period: 'year', index: 1, label: 'Année entière' }] },
];

export function unitsPeriodOf(value: string): { period: UnitsPeriod; index: number } {
  const found = UNITS_PERIODS.flatMap((g) => g.options).find((o) => o.value === value);
  return found ? { period: found.period, index: found.index } : { period: 'half', index: 1 };
}

/**
 * The part of the year a statement opens on: the latest one begun by `today` (YYYY-MM-DD) — the last for a past
 * year, the first for a year to come. `parts` is 4 for quarters, 2 for half-years.
 */
export function latestPartBegun(year: number, today: string, parts: 2 | 4): number {
  const thisYear = Number(today.slice(0, 4));
  if (year < thisYear) return parts;
  if (year > thisYear) return 1;
  const month = Number(today.slice(5, 7));
  return Math.floor(((month - 1) * parts) / 12) + 1;
}

/** « au 1er semestre 2026 » / « en 2026 », from the API's period label (« année 2026 » for a whole year). */
export function inPeriod(label: string): string {
  return label.startsWith('année ') ? `en ${label.slice(6)}` : `au ${label}`;
}

/** « du 1er semestre 2026 » / « de l’année 2026 ». */
export function ofPeriod(label: string): string {
  return label.startsWith('année ') ? `de l’${label}` : `du ${label}`;
}

/** « 1er trimestre 2016 », « Année 2016 »: a label from the API at the start of a sentence or a row. */
export function capitalised(label: string): string {
  return label.charAt(0).toUpperCase() + label.slice(1);
}
