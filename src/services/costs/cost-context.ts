import type { Db } from '../../db/database.ts';
import type { Catalogue } from '../../domain/catalogue/catalogue.ts';
import type { TariffGrid } from '../../domain/catalogue/tariff-grid.ts';
import type { Budget } from '../../domain/costs/budget.ts';
import type { CatalogueLine } from '../../domain/costs/pools.ts';
import { findBudgetRow } from '../../repositories/cost-repository.ts';
import { loadProviderPricing } from '../catalogue/grid-service.ts';
import { visibleProviderOrThrow } from '../catalogue/catalogue-service.ts';
import type { Principal } from '../context.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { storedToBudget } from './budget-mapping.ts';

/** What every cost use case reads first: the provider, its catalogue and grids, and the year's budget. */
export interface CostContext {
  provider: { id: string; name: string };
  catalogue: Catalogue;
  grids: TariffGrid[];
  lines: CatalogueLine[];
  lineName: (code: string) => string;
  categoryName: (code: string) => string;
}

/** The budget and its allocation are the provider's working papers: staff of that provider (or the platform) only. */
export function assertProviderStaff(principal: Principal): void {
  if (principal.scope.kind === 'member') throw new ForbiddenError("Le budget du service est réservé au personnel du fournisseur ; un adhérent consulte sa part dans « Ce que je paie »");
}

export async function loadCostContext(db: Db, principal: Principal, providerId: string): Promise<CostContext> {
  const provider = await visibleProviderOrThrow(db, principal.scope, providerId);
  const { catalogue, grids } = await loadProviderPricing(db, providerId);
  const lines = catalogue.lines.map((l) => ({ code: l.code, categoryCode: l.categoryCode, name: l.name }));
  return {
    provider,
    catalogue,
    grids,
    lines,
    lineName: (code) => catalogue.lines.find((l) => l.code === code)?.name ?? code,
    categoryName: (code) => catalogue.categories.find((c) => c.code === code)?.name ?? code,
  };
}

export async function loadBudget(db: Db, providerId: string, fiscalYear: number): Promise<{ budget: Budget; updatedAt: string } | null> {
  const row = await findBudgetRow(db, providerId, fiscalYear);
  return row ? { budget: storedToBudget(row.document, fiscalYear), updatedAt: row.updatedAt } : null;
}

export async function budgetOrThrow(db: Db, providerId: string, fiscalYear: number): Promise<Budget> {
  const found = await loadBudget(db, providerId, fiscalYear);
  if (!found) throw new NotFoundError(`Budget ${fiscalYear}`);
  return found.budget;
}
