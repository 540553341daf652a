import { civilDate, partsOf, type CivilDate } from '../civil-date.ts';
import { monthNameFr } from '../consumption/periods.ts';

/**
 * Which months of a year a service is billable, from its first billable day (opening record, or the date set
 * for the membership base) to the first day it no longer is (withdrawal). A month started after its first day
 * counts or not depending on the policy (`partialMonthCounts`); so does the month a withdrawal falls in.
 */
export function billableMonths(year: number, months: readonly number[], from: CivilDate, before: CivilDate | null, partialMonthCounts: boolean): number[] {
  const start = partsOf(from);
  const firstIndex = start.year * 12 + start.month - 1 + (start.day > 1 && !partialMonthCounts ? 1 : 0);
  let lastIndex = Infinity;
  if (before) {
    const end = partsOf(before);
    // `before` is the first day not billable: its month counts only if it started earlier and partial months count.
    lastIndex = end.year * 12 + end.month - 1 - (end.day > 1 && partialMonthCounts ? 0 : 1);
  }
  return months.filter((m) => {
    const index = year * 12 + m - 1;
    return index >= firstIndex && index <= lastIndex;
  });
}

/** "janvier–juin 2026", "avril 2026", "avril–décembre 2025": the months a line covers, for its explanation. */
export function monthsText(year: number, months: readonly number[]): string {
  if (!months.length) return `aucun mois en ${year}`;
  const first = monthNameFr(months[0]!);
  const last = monthNameFr(months[months.length - 1]!);
  const consecutive = months.every((m, i) => i === 0 || m === months[i - 1]! + 1);
  if (months.length === 1) return `${first} ${year}`;
  return consecutive ? `${first}–${last} ${year}` : `${months.map(monthNameFr).join(', ')} ${year}`;
}

export const firstOfMonth = (year: number, month: number): CivilDate => civilDate(year, month, 1);

/** Integers for people: "2 040" with a narrow no-break space, as French documents print them. */
export const integerFr = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
