import type { z } from 'zod';
import type { BudgetDocument, BudgetView, budgetSummarySchema } from '../../contracts/costs.ts';
import { COST_NATURES } from '../../domain/catalogue/unit-cost.ts';
import { budgetIssues, depreciationSchedule, staffProvision, type Budget } from '../../domain/costs/budget.ts';
import { allocateBudget } from '../../domain/costs/pools.ts';
import { unitCostsOf } from '../../domain/costs/unit-costs.ts';
import { cents, toDecimalString as euros } from '../../domain/money.ts';
import { recordAudit } from '../../repositories/audit-repository.ts';
import { listBudgetRows, upsertBudgetRow } from '../../repositories/cost-repository.ts';
import { canonicalJson } from '../canonical-json.ts';
import { assertActsFor } from '../catalogue/catalogue-service.ts';
import { require, type Deps, type Principal } from '../context.ts';
import { ValidationError } from '../errors.ts';
import { basisPointsToPercent, budgetToDocument, budgetToStored, documentToBudget, storedToBudget } from './budget-mapping.ts';
import { assertProviderStaff, loadBudget, loadCostContext, type CostContext } from './cost-context.ts';

const EMPTY: BudgetDocument = { charges: [], staff: [], investments: [], keys: [], forecastUnits: [] };

export function budgetView(ctx: CostContext, budget: Budget, updatedAt: string | null): BudgetView {
  const issues = budgetIssues(budget, ctx.lines);
  const forecast = allocateBudget(budget, ctx.lines, 'forecast');
  const actual = allocateBudget(budget, ctx.lines, 'actual');
  const costs = unitCostsOf(budget, forecast);
  const lineCodes = [...new Set([...forecast.lines.map((l) => l.line), ...actual.lines.map((l) => l.line)])];
  return {
    providerId: ctx.provider.id,
    providerName: ctx.provider.name,
    fiscalYear: budget.fiscalYear,
    document: budgetToDocument(budget),
    updatedAt,
    issues,
    totals: {
      forecast: euros(forecast.total),
      actual: euros(actual.total),
      sharedForecast: euros(forecast.shared),
      sharedActual: euros(actual.shared),
      providerAloneForecast: euros(forecast.providerAlone),
      providerAloneActual: euros(actual.providerAlone),
    },
    lines: ctx.lines
      .filter((l) => lineCodes.includes(l.code))
      .map((l) => {
        const cost = costs.find((c) => c.line === l.code);
        return {
          line: l.code,
          lineName: ctx.lineName(l.code),
          category: l.categoryCode,
          categoryName: ctx.categoryName(l.categoryCode),
          forecast: euros(forecast.lines.find((p) => p.line === l.code)?.total ?? cents(0)),
          actual: euros(actual.lines.find((p) => p.line === l.code)?.total ?? cents(0)),
          units: cost?.units ?? 0,
          unitCost: cost?.unitCost == null ? null : euros(cost.unitCost),
          byNature: (cost?.byNature ?? []).map((n) => ({ nature: n.nature, natureLabel: COST_NATURES[n.nature], amount: euros(n.amount), perUnit: n.perUnit === null ? null : euros(n.perUnit) })),
          sources: (cost?.sources ?? []).map((s) => ({ ...s, amount: euros(s.amount) })),
        };
      }),
    flows: forecast.flows.map((f) => ({
      sourceKind: f.source.kind,
      sourceId: f.source.id,
      sourceLabel: f.source.label,
      nature: f.source.nature,
      line: f.line,
      lineName: f.line ? ctx.lineName(f.line) : null,
      category: f.line ? (ctx.lines.find((l) => l.code === f.line)?.categoryCode ?? null) : null,
      amount: euros(f.amount),
      basis: f.basis,
    })),
    depreciation: budget.investments.map((inv) => ({
      id: inv.id,
      label: inv.label,
      amount: euros(inv.amount),
      schedule: inv.years >= 1 ? depreciationSchedule(inv).map((y) => ({ year: y.year, amount: euros(y.amount), remaining: euros(y.remaining) })) : [],
    })),
    staffProvision: staffProvision(budget.staff, 'forecast').map((s) => ({ id: s.id, label: s.label, role: s.role, cost: euros(s.cost), percent: basisPointsToPercent(s.basisPoints), reimbursed: euros(s.reimbursed) })),
  };
}

export async function listBudgets(deps: Deps, principal: Principal, providerId: string): Promise<z.infer<typeof budgetSummarySchema>[]> {
  require(principal, 'organisation:read');
  assertProviderStaff(principal);
  const db = deps.database.db;
  const ctx = await loadCostContext(db, principal, providerId);
  const rows = await listBudgetRows(db, providerId);
  return rows.map((row) => {
    const view = budgetView(ctx, storedToBudget(row.document, row.fiscalYear), row.updatedAt);
    return { fiscalYear: row.fiscalYear, forecast: view.totals.forecast, shared: view.totals.sharedForecast, updatedAt: row.updatedAt };
  });
}

/** The year's budget with its allocation; an empty budget when none is recorded yet, to start from. */
export async function getBudget(deps: Deps, principal: Principal, providerId: string, fiscalYear: number): Promise<BudgetView> {
  require(principal, 'organisation:read');
  assertProviderStaff(principal);
  const db = deps.database.db;
  const ctx = await loadCostContext(db, principal, providerId);
  const found = await loadBudget(db, providerId, fiscalYear);
  return budgetView(ctx, found?.budget ?? documentToBudget(EMPTY, fiscalYear), found?.updatedAt ?? null);
}

/** Records the year's budget whole; refused with every issue when it cannot be allocated. */
export async function putBudget(deps: Deps, principal: Principal, providerId: string, fiscalYear: number, doc: BudgetDocument): Promise<BudgetView> {
  require(principal, 'tariff:write');
  assertActsFor(principal, providerId);
  const budget = documentToBudget(doc, fiscalYear);
  return deps.database.transaction(async ({ db }) => {
    const ctx = await loadCostContext(db, principal, providerId);
    const issues = budgetIssues(budget, ctx.lines);
    if (issues.length) throw new ValidationError('Budget refusé', issues);
    const before = await loadBudget(db, providerId, fiscalYear);
    const stored = budgetToStored(budget);
    if (before && canonicalJson(budgetToStored(before.budget)) === canonicalJson(stored)) return budgetView(ctx, before.budget, before.updatedAt);
    const at = deps.clock.now();
    await upsertBudgetRow(db, { providerId, fiscalYear, document: stored, updatedAt: at.toISOString() });
    await recordAudit(db, principal, at, { action: before ? 'update' : 'create', entityType: 'cost_budget', entityId: `${providerId}/${fiscalYear}`, organisationId: providerId, before: before ? budgetToStored(before.budget) : null, after: stored });
    return budgetView(ctx, budget, at.toISOString());
  });
}
