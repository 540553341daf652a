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
function sharedUnits(charge: SharedCharge, series: readonly SnapshotSeries[], monthIndex: number): number | null {
  const own = series.filter((s) => s.line === charge.chargeLine).map((s) => s.months[monthIndex]);
  if (own.some((u) => u !== null && u !== undefined)) return own.reduce<number>((sum, u) => sum + (u ?? 0), 0);
  let largest: number | null = null;
  for (const trigger of charge.triggeredBy) {
    const units = series.filter((s) => s.line === trigger).map((s) => s.months[monthIndex]);
    if (!units.some((u) => u !== null && u !== undefined)) continue;
    const total = units.reduce<number>((sum, u) => sum + (u ?? 0), 0);
    largest = largest === null ? total : Math.max(largest, total);
  }
  return largest;
}

export function snapshotCharges(input: SnapshotChargeInput): { lines: BillLine[]; issues: { line: string; message: string }[] } {
  const lines: BillLine[] = [];
  const issues: { line: string; message: string }[] = [];
  const shared = new Set(input.sharedCharges.map((c) => c.chargeLine));
  const keys = new Map<string, SnapshotSeries>();
  for (const s of input.series) if (!shared.has(s.line)) keys.set(`${s.line}\u0001${s.optionsKey}`, s);
  // Shared charges become one series each, built month by month from the rule above.
  for (const charge of input.sharedCharges) {
    const months = Array.from({ length: 12 }, (_, i) => sharedUnits(charge, input.series, i));
    if (months.some((u) => u !== null)) keys.set(`${charge.chargeLine}\u0001`, { line: charge.chargeLine, optionsKey: '', months });
  }
  for (const series of keys.values()) {
    // Months with units, grouped by the price in force each month (a new grid may start mid-period).
    const groups = new Map<string, { price: Extract<UnitPrice, { ok: true }>; months: number[]; units: number; sources: BillSource[] }>();
    for (const month of input.months) {
      const units = series.months[month - 1];
      if (units === null || units === undefined || units === 0) continue;
      const price = input.priceOf(series.line, series.optionsKey, firstOfMonth(input.year, month));
      if (!price.ok) {
        issues.push({ line: series.line, message: price.message });
        continue;
      }
      const key = `${price.unitPrice}|${price.priceLabel}|${JSON.stringify(price.vat)}`;
      const group = groups.get(key) ?? { price, months: [], units: 0, sources: [] };
      group.months.push(month);
      group.units += units;
      group.sources.push({ kind: 'snapshot', line: series.line, optionsKey: series.optionsKey, month: `${input.year}-${String(month).padStart(2, '0')}`, units });
      groups.set(key, group);
    }
    for (const g of groups.values()) {
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
          sources: g.sources,
        }),
      );
    }
  }
  return { lines: lines.sort((a, b) => a.line.localeCompare(b.line) || a.optionsKey.localeCompare(b.optionsKey)), issues };
}
