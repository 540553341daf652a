import { addMonths, civilDate, compareCivilDates, daysInMonth, partsOf, type CivilDate } from '../civil-date.ts';

/**
 * Recurring dates an agreement sets besides its term: committee rhythms, vote windows, the members'
 * wish deadline, the annual title window, the unit-cost notice. Data, expanded into dates by `occurrences`.
 */
export type Obligation =
  /** Every year on a month-day, e.g. wishes for next year by 30 June (seed 004 art. 3.1). */
  | { kind: 'yearly'; label: string; monthDay: string }
  /** Every year between two month-days, e.g. catalogue vote 1 January–31 March (seed 003 art. 4.3). */
  | { kind: 'yearly_window'; label: string; from: string; to: string }
  /** Every N months from the effective date, e.g. strategic committee every half-year (seed 004 art. 4). */
  | { kind: 'every_months'; label: string; months: number; startMonthsAfterEffective?: number | undefined };

export interface Occurrence {
  date: CivilDate;
  /** For windows: the last day. */
  until?: CivilDate | undefined;
  label: string;
}

function onYear(year: number, monthDay: string): CivilDate {
  const [month, day] = monthDay.split('-').map(Number) as [number, number];
  return civilDate(year, month, Math.min(day, daysInMonth(year, month)));
}

export function monthDayError(value: string): string | null {
  const match = /^(\d{2})-(\d{2})$/.exec(value);
  if (!match) return 'attendu au format MM-JJ (ex. 06-30)';
  const [month, day] = [Number(match[1]), Number(match[2])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(2024, month)) return `le ${value} n'existe pas`;
  return null;
}

export function occurrences(obligation: Obligation, effective: CivilDate, from: CivilDate, until: CivilDate): Occurrence[] {
  const inRange = (d: CivilDate) => compareCivilDates(d, from) >= 0 && compareCivilDates(d, until) <= 0 && compareCivilDates(d, effective) >= 0;
  const list: Occurrence[] = [];
  const years = Array.from({ length: partsOf(until).year - partsOf(from).year + 1 }, (_, i) => partsOf(from).year + i);
  switch (obligation.kind) {
    case 'yearly':
      for (const year of years) list.push({ date: onYear(year, obligation.monthDay), label: obligation.label });
      break;
    case 'yearly_window':
      for (const year of years) list.push({ date: onYear(year, obligation.from), until: onYear(year, obligation.to), label: obligation.label });
      break;
    case 'every_months':
      for (let n = 0; n < 1200; n++) {
        const date = addMonths(effective, (obligation.startMonthsAfterEffective ?? obligation.months) + n * obligation.months);
        if (compareCivilDates(date, until) > 0) break;
        list.push({ date, label: obligation.label });
      }
      break;
  }
  return list.filter((o) => inRange(o.date));
}
