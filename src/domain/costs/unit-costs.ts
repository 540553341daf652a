import { computeUnitCost, type CostNature } from '../catalogue/unit-cost.ts';
import { cents, type Cents } from '../money.ts';
import type { Budget } from './budget.ts';
import type { BudgetAllocation, CostFlow } from './pools.ts';

/**
 * Unit cost of each line = cost allocated to it / forecast units (CGCT D5211-16; seed 001 art. 5.1), with
 * the full breakdown: per nature of charge (the six natures of seed 001 art. 5.1) and per source.
 */
export interface LineUnitCost {
  line: string;
  category: string;
  allocated: Cents;
  units: number;
  /** Null when the line has costs but no forecast unit: it cannot be priced, it is reported. */
  unitCost: Cents | null;
  byNature: { nature: CostNature; amount: Cents; perUnit: Cents | null }[];
  sources: { kind: CostFlow['source']['kind']; id: string; label: string; amount: Cents; basis: string }[];
}

export function unitCostsOf(budget: Budget, allocation: BudgetAllocation): LineUnitCost[] {
  return allocation.lines.map((pool) => {
    const units = budget.forecastUnits.filter((u) => u.line === pool.line).reduce((s, u) => s + u.units, 0);
    const sources = allocation.flows
      .filter((f) => f.line === pool.line)
      .map((f) => ({ kind: f.source.kind, id: f.source.id, label: f.source.label, amount: f.amount, basis: f.basis }));
    if (units <= 0) {
      return { line: pool.line, category: pool.category, allocated: pool.total, units, unitCost: null, byNature: pool.byNature.map((n) => ({ ...n, perUnit: null })), sources };
    }
    const result = computeUnitCost({ charges: pool.byNature.map((n) => ({ nature: n.nature, amount: n.amount })), forecastUnits: units });
    return {
      line: pool.line,
      category: pool.category,
      allocated: pool.total,
      units,
      unitCost: result.unitCost,
      byNature: result.perUnitByNature.map((n) => ({ nature: n.nature, amount: n.amount, perUnit: n.perUnit })),
      sources,
    };
  });
}

/** Sum of a list of amounts, as Cents. */
export function sumCents(amounts: readonly number[]): Cents {
  return cents(amounts.reduce((s, a) => s + a, 0));
}
