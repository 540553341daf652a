import { addDays, civilDate, compareCivilDates, daysBetween, firstDayOfNextMonth, partsOf, type CivilDate } from '../civil-date.ts';

/**
 * The operational committee's activity report (seed 004 art. 4: "faire un compte-rendu des activités courantes
 * (KPIs, problèmes rencontrés…)"): month by month figures of one year, computed from subscription lines, titles and
 * payments. Pure: the caller loads the records.
 */
export interface KpiLine {
  organisationId: string;
  category: string;
  status: string;
  receivedOn: CivilDate;
  openedOn: CivilDate | null;
  withdrawnOn: CivilDate | null;
  /** Volumes from a date (the opening's, then later changes), in date order. */
  quantities: { effectiveFrom: CivilDate; quantity: number }[];
}

export type Monthly = number[];

/** The last day of each month of the year. */
export function monthEnds(year: number): CivilDate[] {
  return Array.from({ length: 12 }, (_, m) => addDays(firstDayOfNextMonth(civilDate(year, m + 1, 1)), -1));
}

const openOn = (line: KpiLine, day: CivilDate) =>
  line.openedOn !== null && compareCivilDates(line.openedOn, day) <= 0 && (line.withdrawnOn === null || compareCivilDates(line.withdrawnOn, day) > 0);

function quantityOn(line: KpiLine, day: CivilDate): number {
  let quantity = 0;
  for (const q of line.quantities) if (compareCivilDates(q.effectiveFrom, day) <= 0) quantity = q.quantity;
  return quantity;
}

/** Lines opened in each month of the year (by their opening record's date). */
export function openingsByMonth(lines: readonly KpiLine[], year: number): Monthly {
  const months = Array<number>(12).fill(0);
  for (const line of lines) {
    if (!line.openedOn) continue;
    const { year: y, month } = partsOf(line.openedOn);
    if (y === year) months[month - 1]! += 1;
  }
  return months;
}

/** Units in force at each month's end, per category of the catalogue (workstations, mailboxes…). */
export function unitsByCategory(lines: readonly KpiLine[], year: number): { category: string; months: Monthly }[] {
  const ends = monthEnds(year);
  const byCategory = new Map<string, Monthly>();
  for (const line of lines) {
    const months = byCategory.get(line.category) ?? Array<number>(12).fill(0);
    ends.forEach((end, m) => {
      if (openOn(line, end)) months[m]! += quantityOn(line, end);
    });
    byCategory.set(line.category, months);
  }
  return [...byCategory].filter(([, months]) => months.some((v) => v > 0)).map(([category, months]) => ({ category, months }));
}

/** Members with at least one line open at each month's end. */
export function membersByMonth(lines: readonly KpiLine[], year: number): Monthly {
  return monthEnds(year).map((end) => new Set(lines.filter((l) => openOn(l, end)).map((l) => l.organisationId)).size);
}

/** Amounts (cents) summed by the month of their date, for the year. */
export function sumByMonth(items: readonly { on: CivilDate; cents: number }[], year: number): Monthly {
  const months = Array<number>(12).fill(0);
  for (const item of items) {
    const { year: y, month } = partsOf(item.on);
    if (y === year) months[month - 1]! += item.cents;
  }
  return months;
}

/** Requests still waiting for a decision (seed 004 art. 10.1.3) and how long they have waited, in days. */
export function pipeline(requests: readonly { receivedOn: CivilDate; pendingLines: number }[], today: CivilDate): { requests: number; lines: number; averageDays: number; oldestDays: number } {
  const pending = requests.filter((r) => r.pendingLines > 0);
  const days = pending.map((r) => Math.max(0, daysBetween(r.receivedOn, today)));
  return {
    requests: pending.length,
    lines: pending.reduce((sum, r) => sum + r.pendingLines, 0),
    averageDays: days.length ? Math.round(days.reduce((a, b) => a + b, 0) / days.length) : 0,
    oldestDays: days.length ? Math.max(...days) : 0,
  };
}
