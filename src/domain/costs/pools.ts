import type { CostNature } from '../catalogue/unit-cost.ts';
import { cents, type Cents } from '../money.ts';
import { allocateLargestRemainder } from './allocation.ts';
import { depreciationIn, FULL_TIME, type Budget, type CostTarget } from './budget.ts';

/**
 * Cost pools: every charge of the budget (operating charges, technical staff by share of time, yearly
 * depreciation of shared infrastructure) ends on service lines, directly or through a key, or stays with
 * the provider (seed 004 art. 9.2.1). Each split is by largest remainder: the flows add up to the budget.
 */
export type SourceKind = 'charge' | 'staff' | 'depreciation';

export interface CostSource {
  kind: SourceKind;
  id: string;
  label: string;
  nature: CostNature;
  amount: Cents;
}

export interface CostFlow {
  source: CostSource;
  /** The line, or null when the provider bears it alone. */
  line: string | null;
  amount: Cents;
  /** Why it went there, in French ("clé Volume stocké (Go)", "part de temps 35 %"). */
  basis: string;
}

export interface LinePool {
  line: string;
  category: string;
  total: Cents;
  byNature: { nature: CostNature; amount: Cents }[];
}

export interface BudgetAllocation {
  which: 'forecast' | 'actual';
  /** Every cost of the budget, before the split. */
  total: Cents;
  shared: Cents;
  providerAlone: Cents;
  flows: CostFlow[];
  lines: LinePool[];
}

export interface CatalogueLine {
  code: string;
  categoryCode: string;
  name?: string | undefined;
}

function lineUnits(budget: Budget, line: string): number {
  return budget.forecastUnits.filter((u) => u.line === line).reduce((s, u) => s + u.units, 0);
}

function split(budget: Budget, lines: readonly CatalogueLine[], source: CostSource, target: CostTarget): CostFlow[] {
  if (target.kind === 'provider') return [{ source, line: null, amount: source.amount, basis: 'à la charge de la structure seule' }];
  if (target.kind === 'line') return [{ source, line: target.line, amount: source.amount, basis: 'affectation directe' }];
  let weights: { line: string; weight: number }[];
  let basis: string;
  if (target.kind === 'category') {
    weights = lines.filter((l) => l.categoryCode === target.category).map((l) => ({ line: l.code, weight: lineUnits(budget, l.code) }));
    if (!weights.some((w) => w.weight > 0)) weights = weights.map((w) => ({ ...w, weight: 1 }));
    basis = `catégorie ${target.category}, au prorata des unités prévues`;
  } else {
    const key = budget.keys.find((k) => k.code === target.key);
    if (!key) throw new RangeError(`clé « ${target.key} » non définie`);
    weights = key.weights;
    basis = `clé « ${key.label} »`;
  }
  const parts = allocateLargestRemainder(source.amount, weights.map((w) => w.weight));
  return weights.map((w, i) => ({ source, line: w.line, amount: parts[i]!, basis })).filter((f) => f.amount !== 0);
}

export function allocateBudget(budget: Budget, lines: readonly CatalogueLine[], which: 'forecast' | 'actual'): BudgetAllocation {
  const flows: CostFlow[] = [];
  for (const c of budget.charges) {
    const amount = which === 'actual' ? (c.actual ?? cents(0)) : c.forecast;
    flows.push(...split(budget, lines, { kind: 'charge', id: c.id, label: c.label, nature: c.nature, amount }, c.target));
  }
  for (const s of budget.staff) {
    const amount = which === 'actual' ? (s.actual ?? cents(0)) : s.forecast;
    const source: CostSource = { kind: 'staff', id: s.id, label: s.label, nature: 'staff', amount };
    if (s.role !== 'technical') {
      flows.push({ source, line: null, amount, basis: 'management ou administratif : à la charge de la structure (convention 004 art. 9.2.1)' });
      continue;
    }
    // The time not given to shared lines stays with the provider; one largest-remainder split keeps the sum exact.
    const sharedTime = s.shares.reduce((sum, x) => sum + x.basisPoints, 0);
    const parts = allocateLargestRemainder(amount, [...s.shares.map((x) => x.basisPoints), Math.max(0, FULL_TIME - sharedTime)]);
    s.shares.forEach((share, i) => {
      if (parts[i] !== 0) flows.push({ source, line: share.line, amount: parts[i]!, basis: `part de temps ${share.basisPoints / 100} %` });
    });
    const rest = parts[s.shares.length]!;
    if (rest !== 0) flows.push({ source, line: null, amount: rest, basis: 'temps non consacré au service partagé' });
  }
  for (const inv of budget.investments) {
    const amount = depreciationIn(inv, budget.fiscalYear);
    if (amount === 0) continue;
    flows.push(...split(budget, lines, { kind: 'depreciation', id: inv.id, label: `Amortissement : ${inv.label}`, nature: 'renewal', amount }, inv.target));
  }
  const byLine = new Map<string, Map<CostNature, number>>();
  for (const f of flows) {
    if (f.line === null) continue;
    const natures = byLine.get(f.line) ?? new Map<CostNature, number>();
    natures.set(f.source.nature, (natures.get(f.source.nature) ?? 0) + f.amount);
    byLine.set(f.line, natures);
  }
  const pools: LinePool[] = lines
    .filter((l) => byLine.has(l.code))
    .map((l) => {
      const natures = byLine.get(l.code)!;
      return { line: l.code, category: l.categoryCode, total: cents([...natures.values()].reduce((s, a) => s + a, 0)), byNature: [...natures].map(([nature, amount]) => ({ nature, amount: cents(amount) })) };
    });
  const sum = (list: CostFlow[]) => cents(list.reduce((s, f) => s + f.amount, 0));
  return { which, total: sum(flows), shared: sum(flows.filter((f) => f.line !== null)), providerAlone: sum(flows.filter((f) => f.line === null)), flows, lines: pools };
}
