import { cents, type Cents } from '../money.ts';
import { allocateByKey } from './allocation.ts';
import type { BudgetAllocation } from './pools.ts';

/**
 * Year-end reconciliation: the year's actual costs of each line, split over the members by their actual use
 * (largest remainder, to the cent), against what was billed to them. The difference is the true-up: positive,
 * the member still owes it; negative, it is paid back. A member that left during the year pays its share of
 * the whole year's costs (seed 004 art. 13 "calculée sur les dépenses totales de l'année en cours").
 */
export interface MemberUse {
  memberId: string;
  name: string;
  line: string;
  units: number;
}

export interface Billed {
  memberId: string;
  line: string;
  amount: Cents;
}

export interface ReconciliationCell {
  line: string;
  category: string;
  units: number;
  allocated: Cents;
  billed: Cents;
  /** allocated − billed. */
  trueUp: Cents;
}

export interface MemberReconciliation {
  memberId: string;
  name: string;
  leaving: boolean;
  cells: ReconciliationCell[];
  allocated: Cents;
  billed: Cents;
  trueUp: Cents;
}

export interface Reconciliation {
  members: MemberReconciliation[];
  categories: { category: string; cost: Cents; billed: Cents; result: Cents }[];
  /** Lines with actual costs but no recorded use: they cannot be split, shown rather than guessed. */
  unallocated: { line: string; cost: Cents }[];
  /** Billed amounts on lines the budget does not cost (services on quote, pass-through): outside the true-up. */
  outsideBudget: { memberId: string; line: string; amount: Cents }[];
  totals: { cost: Cents; billed: Cents; surplus: Cents };
}

export function reconcile(actual: BudgetAllocation, use: readonly MemberUse[], billed: readonly Billed[], leaving: readonly string[] = []): Reconciliation {
  const names = new Map<string, string>();
  for (const u of use) names.set(u.memberId, u.name);
  const costed = new Set(actual.lines.map((l) => l.line));
  const cells = new Map<string, ReconciliationCell[]>();
  const unallocated: Reconciliation['unallocated'] = [];
  const billedOf = (memberId: string, line: string) => billed.filter((b) => b.memberId === memberId && b.line === line).reduce((s, b) => s + b.amount, 0);
  for (const pool of actual.lines) {
    const users = use.filter((u) => u.line === pool.line);
    const members = [...new Set([...users.map((u) => u.memberId), ...billed.filter((b) => b.line === pool.line).map((b) => b.memberId)])];
    const unitsOf = (id: string) => users.filter((u) => u.memberId === id).reduce((s, u) => s + u.units, 0);
    const totalUnits = members.reduce((s, id) => s + unitsOf(id), 0);
    if (totalUnits === 0 && pool.total !== 0) unallocated.push({ line: pool.line, cost: pool.total });
    const shares = totalUnits === 0 ? new Map<string, Cents>() : allocateByKey(pool.total, members.map((id) => [id, unitsOf(id)] as const));
    for (const id of members) {
      const allocated = shares.get(id) ?? cents(0);
      const b = cents(billedOf(id, pool.line));
      const list = cells.get(id) ?? [];
      list.push({ line: pool.line, category: pool.category, units: unitsOf(id), allocated, billed: b, trueUp: cents(allocated - b) });
      cells.set(id, list);
    }
  }
  const members: MemberReconciliation[] = [...cells].map(([memberId, list]) => {
    const allocated = cents(list.reduce((s, c) => s + c.allocated, 0));
    const b = cents(list.reduce((s, c) => s + c.billed, 0));
    return { memberId, name: names.get(memberId) ?? memberId, leaving: leaving.includes(memberId), cells: list, allocated, billed: b, trueUp: cents(allocated - b) };
  });
  const categoryCodes = [...new Set(actual.lines.map((l) => l.category))];
  const categories = categoryCodes.map((category) => {
    const cost = cents(actual.lines.filter((l) => l.category === category).reduce((s, l) => s + l.total, 0));
    const b = cents(members.flatMap((m) => m.cells).filter((c) => c.category === category).reduce((s, c) => s + c.billed, 0));
    return { category, cost, billed: b, result: cents(b - cost) };
  });
  const cost = cents(actual.lines.reduce((s, l) => s + l.total, 0));
  const billedTotal = cents(members.reduce((s, m) => s + m.billed, 0));
  const outsideBudget = billed.filter((b) => !costed.has(b.line)).map((b) => ({ memberId: b.memberId, line: b.line, amount: b.amount }));
  return { members, categories, unallocated, outsideBudget, totals: { cost, billed: billedTotal, surplus: cents(billedTotal - cost) } };
}
