import type { z } from 'zod';
import type { reconciliationSchema, transparencySchema } from '../../contracts/costs.ts';
import { COST_NATURES } from '../../domain/catalogue/unit-cost.ts';
import { allocateLargestRemainder } from '../../domain/costs/allocation.ts';
import { allocateBudget } from '../../domain/costs/pools.ts';
import { reconcile } from '../../domain/costs/reconciliation.ts';
import { unitCostsOf } from '../../domain/costs/unit-costs.ts';
import { cents, toDecimalString as euros } from '../../domain/money.ts';
import { billedRows, membersLeavingIn, snapshotRows } from '../../repositories/cost-repository.ts';
import { findOrganisation } from '../../repositories/organisation-repository.ts';
import { require, type Deps, type Principal } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { memberVolumes } from './cost-proposals.ts';
import { assertProviderStaff, budgetOrThrow, loadCostContext } from './cost-context.ts';

/**
 * Year-end reconciliation: actual costs split by actual use (the year's unit-months from the monthly
 * snapshots, seed 004 art. 9.2.3) against the amounts billed (titles, less reductions).
 */
export async function getReconciliation(deps: Deps, principal: Principal, providerId: string, fiscalYear: number): Promise<z.infer<typeof reconciliationSchema>> {
  require(principal, 'organisation:read');
  assertProviderStaff(principal);
  const db = deps.database.db;
  const ctx = await loadCostContext(db, principal, providerId);
  const budget = await budgetOrThrow(db, providerId, fiscalYear);
  const actual = allocateBudget(budget, ctx.lines, 'actual');
  const use = new Map<string, { memberId: string; name: string; line: string; units: number }>();
  for (const r of await snapshotRows(db, principal.scope, providerId, fiscalYear, fiscalYear)) {
    const key = `${r.organisationId}|${r.line}`;
    const entry = use.get(key) ?? { memberId: r.organisationId, name: r.name, line: r.line, units: 0 };
    entry.units += (r.units as (number | null)[]).reduce<number>((s, u) => s + (u ?? 0), 0);
    use.set(key, entry);
  }
  const billed = await billedRows(db, principal.scope, providerId, fiscalYear);
  for (const b of billed) if (![...use.values()].some((u) => u.memberId === b.organisationId)) use.set(`${b.organisationId}|`, { memberId: b.organisationId, name: b.name, line: '', units: 0 });
  const leaving = await membersLeavingIn(db, providerId, fiscalYear);
  const r = reconcile(actual, [...use.values()], billed.map((b) => ({ memberId: b.organisationId, line: b.line, amount: cents(b.amountCents) })), leaving);
  return {
    providerId,
    fiscalYear,
    members: r.members.map((m) => ({
      memberId: m.memberId,
      name: m.name,
      leaving: m.leaving,
      cells: m.cells.map((c) => ({ line: c.line, lineName: ctx.lineName(c.line), units: c.units, allocated: euros(c.allocated), billed: euros(c.billed), trueUp: euros(c.trueUp) })),
      allocated: euros(m.allocated),
      billed: euros(m.billed),
      trueUp: euros(m.trueUp),
    })),
    categories: r.categories.map((c) => ({ category: c.category, categoryName: ctx.categoryName(c.category), cost: euros(c.cost), billed: euros(c.billed), result: euros(c.result) })),
    unallocated: r.unallocated.map((u) => ({ line: u.line, lineName: ctx.lineName(u.line), cost: euros(u.cost) })),
    outsideBudget: r.outsideBudget.map((o) => ({ ...o, amount: euros(o.amount) })),
    totals: { cost: euros(r.totals.cost), billed: euros(r.totals.billed), surplus: euros(r.totals.surplus) },
  };
}

/**
 * What a member's share is made of (seed 004 art. 2: "tous les éléments nécessaires … à la bonne répartition
 * des coûts"): for each line it uses, the line's cost, forecast units and unit cost, and its own share of each
 * nature of charge in proportion to its units. Nothing about any other member.
 */
export async function getTransparency(deps: Deps, principal: Principal, organisationId: string, query: { providerId: string; year: number }): Promise<z.infer<typeof transparencySchema>> {
  require(principal, 'organisation:read');
  if (principal.scope.kind === 'member' && principal.scope.organisationId !== organisationId) throw new NotFoundError('Organisation');
  const db = deps.database.db;
  const organisation = await findOrganisation(db, principal.scope, organisationId);
  if (!organisation) throw new NotFoundError('Organisation');
  const ctx = await loadCostContext(db, principal, query.providerId);
  const budget = await budgetOrThrow(db, query.providerId, query.year);
  const forecast = allocateBudget(budget, ctx.lines, 'forecast');
  const costs = unitCostsOf(budget, forecast);
  const [mine] = await memberVolumes(db, principal, query.providerId, query.year, organisationId);
  const lines = costs.flatMap((cost) => {
    const units = (mine?.volumes ?? []).filter((v) => v.line === cost.line).reduce((s, v) => s + v.units, 0);
    if (units === 0 || cost.units === 0) return [];
    const byNature = cost.byNature.map((n) => ({ nature: n.nature, natureLabel: COST_NATURES[n.nature], amount: allocateLargestRemainder(n.amount, [units, Math.max(0, cost.units - units)])[0]! }));
    const share = cents(byNature.reduce((s, n) => s + n.amount, 0));
    return [{ line: cost.line, lineName: ctx.lineName(cost.line), units, serviceUnits: cost.units, serviceCost: euros(cost.allocated), unitCost: cost.unitCost === null ? null : euros(cost.unitCost), share: euros(share), byNature: byNature.map((n) => ({ ...n, amount: euros(n.amount) })), shareCents: share }];
  });
  return {
    organisationId,
    organisationName: organisation.name,
    providerId: ctx.provider.id,
    providerName: ctx.provider.name,
    fiscalYear: query.year,
    lines: lines.map(({ shareCents: _s, ...l }) => l),
    total: euros(cents(lines.reduce((s, l) => s + l.shareCents, 0))),
    providerAlone: euros(forecast.providerAlone),
  };
}
