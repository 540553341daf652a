import type { VatTreatment } from '../catalogue/tariff-grid.ts';
import type { Cents } from '../money.ts';
import { billLine, type BillLine, type BillSource } from './bill-line.ts';
import { firstOfMonth, integerFr, monthsText } from './months.ts';
import type { CivilDate } from '../civil-date.ts';

/**
 * Bills measured by monthly snapshots: seed 004 art. 9.2.3 ("des photographies mensuelles des unités
 * consommées […] permettront d'ajuster cette facturation à la juste volumétrie") at the grid's monthly price,
 * and seed 001 art. 5.1 (unit cost × units of service observed). One line per service, options and price:
 * the units of the period's months are summed (unit-months) and multiplied once.
 */
export interface SnapshotSeries {
  line: string;
  optionsKey: string;
  /** January to December; null for a month without snapshot. */
  months: readonly (number | null)[];
}

/** A charge billed once for several lines (seed 004 annex 5: the base "qu'une seule fois pour les catégories 1 ou 3"). */
export interface SharedCharge {
  chargeLine: string;
  triggeredBy: readonly string[];
}

export type UnitPrice = { ok: true; unitPrice: Cents; vat: VatTreatment; priceLabel: string } | { ok: false; message: string };

export interface SnapshotChargeInput {
  year: number;
  /** The billed months (1–12): a half-year, a quarter, the year. */
  months: readonly number[];
  series: readonly SnapshotSeries[];
  sharedCharges: readonly SharedCharge[];
  /** The price of one unit for one month (or one unit of service), read from the grid or unit costs in force that month. */
  priceOf: (line: string, optionsKey: string, month: CivilDate) => UnitPrice;
  labelOf: (line: string, optionsKey: string) => string;
  unitLabel: (line: string) => string;
}

/**
 * The base's units for a month: its own snapshot when there is one; else, once, the largest count among the
 * lines that trigger it (workstations managed or hosted: the same workstations, never added together).
 */
// Hot path (millions of calls in a national run): plain functions, no closure created per call.
function unitsOf(byLine: ReadonlyMap<string, SnapshotSeries[]>, line: string, monthIndex: number): number | null {
  let total: number | null = null;
  for (const s of byLine.get(line) ?? []) {
    const u = s.months[monthIndex];
    if (u !== null && u !== undefined) total = (total ?? 0) + u;
  }
  return total;
}

function sharedUnits(charge: SharedCharge, byLine: ReadonlyMap<string, SnapshotSeries[]>, monthIndex: number): number | null {
  const own = unitsOf(byLine, charge.chargeLine, monthIndex);
  if (own !== null) return own;
  let largest: number | null = null;
  for (const trigger of charge.triggeredBy) {
    const total = unitsOf(byLine, trigger, monthIndex);
    if (total !== null) largest = largest === null ? total : Math.max(largest, total);
  }
  return largest;
}

function samePrice(a: Extract<UnitPrice, { ok: true }>, b: Extract<UnitPrice, { ok: true }>): boolean {
  return a.unitPrice === b.unitPrice && a.priceLabel === b.priceLabel;
}

/** The first day of each month of a year, made once: building and checking dates millions of times costs seconds. */
const monthDates = new Map<number, CivilDate[]>();
function datesOf(year: number): CivilDate[] {
  let dates = monthDates.get(year);
  if (!dates) monthDates.set(year, (dates = Array.from({ length: 12 }, (_, i) => firstOfMonth(year, i + 1))));
  return dates;
}

export function snapshotCharges(input: SnapshotChargeInput): { lines: BillLine[]; issues: { line: string; message: string }[] } {
  const lines: BillLine[] = [];
  const issues: { line: string; message: string }[] = [];
  const shared = new Set(input.sharedCharges.map((c) => c.chargeLine));
  const keys = new Map<string, SnapshotSeries>();
  for (const s of input.series) if (!shared.has(s.line)) keys.set(`${s.line}\u0001${s.optionsKey}`, s);
  // Shared charges become one series each, built month by month from the rule above.
  const byLine = new Map<string, SnapshotSeries[]>();
  for (const s of input.series) byLine.set(s.line, [...(byLine.get(s.line) ?? []), s]);
  for (const charge of input.sharedCharges) {
    const months = Array.from({ length: 12 }, (_, i) => sharedUnits(charge, byLine, i));
    if (months.some((u) => u !== null)) keys.set(`${charge.chargeLine}\u0001`, { line: charge.chargeLine, optionsKey: '', months });
  }
  for (const series of keys.values()) {
    // Months with units, grouped by the price in force each month (a new grid may start mid-period).
    const groups: { price: Extract<UnitPrice, { ok: true }>; months: number[]; units: number; monthUnits: number[] }[] = [];
    const dates = datesOf(input.year);
    for (const month of input.months) {
      const units = series.months[month - 1];
      if (units === null || units === undefined || units === 0) continue;
      const price = input.priceOf(series.line, series.optionsKey, dates[month - 1]!);
      if (!price.ok) {
        issues.push({ line: series.line, message: price.message });
        continue;
      }
      // Usually the same price as the month before: compare with the last group first, no key to build.
      let group = groups[groups.length - 1];
      if (!group || !samePrice(group.price, price)) {
        group = undefined;
        for (const g of groups) if (samePrice(g.price, price)) group = g;
      }
      if (!group) {
        group = { price, months: [], units: 0, monthUnits: [] };
        groups.push(group);
      }
      group.months.push(month);
      group.units += units;
      group.monthUnits.push(units);
    }
    for (const g of groups) {
      lines.push(
        billLine({
          line: series.line,
          optionsKey: series.optionsKey,
          label: input.labelOf(series.line, series.optionsKey),
          quantity: { numerator: g.units, denominator: 1 },
          quantityText: `${integerFr(g.units)} ${input.unitLabel(series.line)} × mois`,
          unitPrice: g.price.unitPrice,
          vat: g.price.vat,
          basis: `relevés mensuels de ${monthsText(input.year, g.months)}, ${g.price.priceLabel}`,
          sources: [{ kind: 'snapshots', line: series.line, optionsKey: series.optionsKey, year: input.year, months: g.months, units: g.monthUnits } satisfies BillSource],
        }),
      );
    }
  }
  return { lines: lines.sort((a, b) => a.line.localeCompare(b.line) || a.optionsKey.localeCompare(b.optionsKey)), issues };
}
