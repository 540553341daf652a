import { civilDate, daysInMonth, type CivilDate } from '../civil-date.ts';

/**
 * The periods consumption is reported on: the quarter (seed 000 art. 4.2, quarterly statement and titles),
 * the half-year (seed 001 art. 5.2, half-yearly statement of uses) and the civil year.
 */
export type PeriodKind = 'month' | 'quarter' | 'half' | 'year';

export interface Period {
  kind: PeriodKind;
  year: number;
  /** 1–12 for a month, 1–4 for a quarter, 1–2 for a half-year, 1 for a year. */
  index: number;
}

const SPAN: Record<PeriodKind, number> = { month: 1, quarter: 3, half: 6, year: 12 };
const COUNT: Record<PeriodKind, number> = { month: 12, quarter: 4, half: 2, year: 1 };

export function periodError(period: Period): string | null {
  if (!Number.isInteger(period.year) || period.year < 2000 || period.year > 2100) return `année ${period.year} hors de 2000–2100`;
  if (!Number.isInteger(period.index) || period.index < 1 || period.index > COUNT[period.kind]) return `numéro de période ${period.index} invalide (1 à ${COUNT[period.kind]})`;
  return null;
}

/** Months (1–12) a period covers. */
export function monthsOf(period: Period): number[] {
  const first = (period.index - 1) * SPAN[period.kind] + 1;
  return Array.from({ length: SPAN[period.kind] }, (_, i) => first + i);
}

/** The period of a kind that holds a month. */
export function periodOfMonth(kind: PeriodKind, year: number, month: number): Period {
  return { kind, year, index: Math.floor((month - 1) / SPAN[kind]) + 1 };
}

export function periodBounds(period: Period): { from: CivilDate; to: CivilDate } {
  const months = monthsOf(period);
  const last = months[months.length - 1]!;
  return { from: civilDate(period.year, months[0]!, 1), to: civilDate(period.year, last, daysInMonth(period.year, last)) };
}

const ORDINAL = (n: number) => (n === 1 ? '1er' : `${n}e`);
const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

export function monthNameFr(month: number): string {
  return MONTHS_FR[month - 1]!;
}

/** "1er trimestre 2026", "2e semestre 2025", "mars 2026", "année 2026". */
export function periodLabelFr(period: Period): string {
  switch (period.kind) {
    case 'month':
      return `${monthNameFr(period.index)} ${period.year}`;
    case 'quarter':
      return `${ORDINAL(period.index)} trimestre ${period.year}`;
    case 'half':
      return `${ORDINAL(period.index)} semestre ${period.year}`;
    case 'year':
      return `année ${period.year}`;
  }
}
