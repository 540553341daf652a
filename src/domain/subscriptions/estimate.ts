import type { Catalogue } from '../catalogue/catalogue.ts';
import { priceOn, type TariffGrid } from '../catalogue/tariff-grid.ts';
import { civilDate, compareCivilDates, partsOf, type CivilDate } from '../civil-date.ts';
import { addCents, multiplyRounded, type Cents } from '../money.ts';
import type { RequestedLine } from './request-checks.ts';

export interface EstimatedLine {
  index: number;
  /** Months of the year the line would run, counting the month it opens. */
  months: number;
  annualUnitPrice: Cents | null;
  amount: Cents | null;
  /** Why there is no amount (no grid, not priced, on quote). */
  note: string | null;
}

export interface YearEstimate {
  year: number;
  lines: EstimatedLine[];
  total: Cents;
}

/**
 * What a request would cost over a calendar year at the grid prices in force, for the member's budget
 * (seed 004 art. 10.1: the grid "facilite la projection budgétaire"). An estimate, not a bill: each line is
 * its annual price × volume × months / 12, rounded once; the bill follows the agreement's billing policy.
 */
export function yearEstimate(lines: RequestedLine[], catalogue: Catalogue, grids: readonly TariffGrid[], year: number): YearEstimate {
  const firstDay = civilDate(year, 1, 1);
  const estimated = lines.map((requested, index): EstimatedLine => {
    const opens = partsOf(requested.wishedOn);
    const months = opens.year < year ? 12 : opens.year > year ? 0 : 13 - opens.month;
    const line = catalogue.lines.find((l) => l.code === requested.line);
    if (line?.kind === 'on_quote') return { index, months, annualUnitPrice: null, amount: null, note: 'sur devis' };
    const on = compareCivilDates(requested.wishedOn, firstDay) > 0 ? requested.wishedOn : firstDay;
    const lookup = priceOn(grids, catalogue, requested.line, requested.options, on as CivilDate);
    if (!lookup.ok) return { index, months, annualUnitPrice: null, amount: null, note: lookup.message };
    const quantity = Number.isInteger(requested.quantity) && requested.quantity > 0 ? requested.quantity : 0;
    // A one-off service priced per unit (hours, days) costs its units once, whatever the month.
    if (line?.kind === 'one_off' && lookup.price.perUnit !== undefined) {
      return { index, months, annualUnitPrice: null, amount: months > 0 ? multiplyRounded(lookup.price.perUnit, quantity) : (0 as Cents), note: 'prestation ponctuelle, au prix unitaire' };
    }
    const annual = lookup.price.annual ?? (lookup.price.monthly !== undefined ? multiplyRounded(lookup.price.monthly, 12) : undefined);
    if (annual === undefined) return { index, months, annualUnitPrice: null, amount: null, note: 'prix à l’unité : selon consommation' };
    return { index, months, annualUnitPrice: annual, amount: multiplyRounded(annual, quantity * months, 12), note: null };
  });
  return { year, lines: estimated, total: addCents(...estimated.map((l) => l.amount ?? (0 as Cents))) };
}
