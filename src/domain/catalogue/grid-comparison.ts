import type { Cents } from '../money.ts';
import { optionsKey, type PriceEntry, type TariffGrid } from './tariff-grid.ts';

export type GridChange = 'same' | 'changed' | 'added' | 'removed';

export interface GridComparisonRow {
  line: string;
  options: Record<string, string>;
  before: PriceEntry | null;
  after: PriceEntry | null;
  change: GridChange;
  /** Change of the annual price in cents, when both grids state one. */
  annualDelta: Cents | null;
}

function samePrice(a: PriceEntry, b: PriceEntry): boolean {
  return a.monthly === b.monthly && a.annual === b.annual && a.perUnit === b.perUnit && JSON.stringify(a.vat) === JSON.stringify(b.vat);
}

/** Line-by-line comparison of two grid versions (e.g. the grid in force and the one proposed for a vote). */
export function compareGrids(before: TariffGrid, after: TariffGrid): GridComparisonRow[] {
  const key = (p: PriceEntry) => `${p.line}?${optionsKey(p.options)}`;
  const afterByKey = new Map(after.prices.map((p) => [key(p), p]));
  const rows: GridComparisonRow[] = [];
  for (const old of before.prices) {
    const next = afterByKey.get(key(old)) ?? null;
    afterByKey.delete(key(old));
    rows.push({
      line: old.line,
      options: old.options,
      before: old,
      after: next,
      change: !next ? 'removed' : samePrice(old, next) ? 'same' : 'changed',
      annualDelta: next?.annual !== undefined && old.annual !== undefined ? ((next.annual - old.annual) as Cents) : null,
    });
  }
  for (const added of afterByKey.values()) rows.push({ line: added.line, options: added.options, before: null, after: added, change: 'added', annualDelta: null });
  return rows;
}
