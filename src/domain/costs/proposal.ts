import type { CivilDate } from '../civil-date.ts';
import { optionsKey, type PriceEntry, type TariffGrid } from '../catalogue/tariff-grid.ts';
import { cents, multiplyRounded, type Cents } from '../money.ts';
import type { Budget } from './budget.ts';
import type { LineUnitCost } from './unit-costs.ts';

/**
 * Next year's grid from the budget and the forecast units (seed 004 art. 9.2.3: the grid "pourra évoluer
 * annuellement en révision du nombre de communes adhérentes"; seed 000 art. 4.1: a priced proposal each
 * year at the budget debate). A line priced by options (mailbox level × storage) keeps the ratios between
 * its prices: every price is scaled by the same factor so the line's forecast revenue meets its cost. A line
 * without a current price is priced at its unit cost. Monthly prices are rounded to the cent and the annual
 * price is twelve of them, as in seed 004 annex 5; the rounding gap is shown per line.
 */
export interface ProposalRow {
  line: string;
  options: Record<string, string>;
  units: number;
  currentAnnual: Cents | null;
  proposedMonthly: Cents;
  proposedAnnual: Cents;
  /** Change against the current price, in basis points (1 % = 100), when there is one. */
  changeBasisPoints: number | null;
}

export interface ProposalLine {
  line: string;
  allocated: Cents;
  units: number;
  unitCost: Cents | null;
  /** Proposed prices × forecast units: what the line would bring in. */
  forecastRevenue: Cents;
  /** forecastRevenue − allocated: the rounding left over (or missing) on the line. */
  gap: Cents;
  method: 'unit_cost' | 'scaled' | 'unpriced' | 'unchanged';
}

export interface TariffProposal {
  grid: TariffGrid;
  rows: ProposalRow[];
  lines: ProposalLine[];
  totals: { allocated: Cents; forecastRevenue: Cents; gap: Cents };
}

export function annualOf(price: PriceEntry): Cents | null {
  return price.annual ?? (price.monthly !== undefined ? multiplyRounded(price.monthly, 12) : null);
}

function priced(annual: Cents, base: PriceEntry | null, line: string, options: Record<string, string>): PriceEntry {
  const monthly = multiplyRounded(annual, 1, 12);
  return { line, options, monthly, annual: multiplyRounded(monthly, 12), vat: base?.vat ?? { mode: 'not_subject' } };
}

export function proposeGrid(budget: Budget, unitCosts: readonly LineUnitCost[], current: TariffGrid | null, meta: { code: string; label: string; effectiveFrom: CivilDate }): TariffProposal {
  const prices: PriceEntry[] = [];
  const lines: ProposalLine[] = [];
  const unitsOf = (line: string, options: Record<string, string>) =>
    budget.forecastUnits.filter((u) => u.line === line && optionsKey(u.options) === optionsKey(options)).reduce((s, u) => s + u.units, 0);
  for (const cost of unitCosts) {
    const currentPrices = (current?.prices ?? []).filter((p) => p.line === cost.line && annualOf(p) !== null);
    const combos = budget.forecastUnits.filter((u) => u.line === cost.line && u.units > 0);
    const revenue = combos.reduce((s, u) => {
      const p = currentPrices.find((c) => optionsKey(c.options) === optionsKey(u.options));
      return p ? s + annualOf(p)! * u.units : s;
    }, 0);
    const allCombosPriced = combos.every((u) => currentPrices.some((c) => optionsKey(c.options) === optionsKey(u.options)));
    let method: ProposalLine['method'];
    if (cost.unitCost === null) {
      method = 'unpriced';
    } else if (currentPrices.length > 1 && revenue > 0 && allCombosPriced) {
      method = 'scaled';
      for (const p of currentPrices) prices.push(priced(multiplyRounded(cost.allocated, annualOf(p)!, revenue), p, p.line, p.options));
    } else {
      method = 'unit_cost';
      const optionSets = combos.length ? [...new Map(combos.map((u) => [optionsKey(u.options), u.options])).values()] : [{}];
      for (const options of optionSets) {
        const base = currentPrices.find((c) => optionsKey(c.options) === optionsKey(options)) ?? null;
        prices.push(priced(cost.unitCost, base, cost.line, options));
      }
    }
    const forecastRevenue = cents(prices.filter((p) => p.line === cost.line).reduce((s, p) => s + p.annual! * unitsOf(p.line, p.options), 0));
    lines.push({ line: cost.line, allocated: cost.allocated, units: cost.units, unitCost: cost.unitCost, forecastRevenue, gap: cents(forecastRevenue - cost.allocated), method });
  }
  // Lines of the current grid that the budget does not cost keep their price, said so.
  for (const p of current?.prices ?? []) {
    if (unitCosts.some((c) => c.line === p.line)) continue;
    prices.push(p);
    if (!lines.some((l) => l.line === p.line)) lines.push({ line: p.line, allocated: cents(0), units: 0, unitCost: null, forecastRevenue: cents(0), gap: cents(0), method: 'unchanged' });
  }
  const rows: ProposalRow[] = prices.map((p) => {
    const before = current?.prices.find((c) => c.line === p.line && optionsKey(c.options) === optionsKey(p.options));
    const currentAnnual = before ? annualOf(before) : null;
    const proposedAnnual = annualOf(p)!;
    return {
      line: p.line,
      options: p.options,
      units: unitsOf(p.line, p.options),
      currentAnnual,
      proposedMonthly: p.monthly ?? multiplyRounded(proposedAnnual, 1, 12),
      proposedAnnual,
      changeBasisPoints: currentAnnual ? Number(multiplyRounded(cents(proposedAnnual - currentAnnual), 10_000, currentAnnual)) : null,
    };
  });
  const allocated = cents(lines.reduce((s, l) => s + l.allocated, 0));
  const forecastRevenue = cents(lines.reduce((s, l) => s + l.forecastRevenue, 0));
  return { grid: { code: meta.code, label: meta.label, effectiveFrom: meta.effectiveFrom, prices }, rows, lines, totals: { allocated, forecastRevenue, gap: cents(forecastRevenue - allocated) } };
}
