import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { catalogueCategories, catalogueDependencies, serviceLines, sharedCharges, tariffGrids, tariffPrices, unitCosts } from '../db/schema/index.ts';

export type CategoryRow = typeof catalogueCategories.$inferSelect;
export type LineRow = typeof serviceLines.$inferSelect;
export type DependencyRow = typeof catalogueDependencies.$inferSelect;
export type SharedChargeRow = typeof sharedCharges.$inferSelect;
export type GridRow = typeof tariffGrids.$inferSelect;
export type PriceRow = typeof tariffPrices.$inferSelect;
export type UnitCostRow = typeof unitCosts.$inferSelect;

export interface CatalogueRows {
  categories: CategoryRow[];
  lines: LineRow[];
  dependencies: DependencyRow[];
  sharedCharges: SharedChargeRow[];
}

/** Sequential on purpose: inside a transaction the queries share one connection (pg refuses to pipeline them). */
export async function loadCatalogueRows(db: Db, providerId: string): Promise<CatalogueRows> {
  const categories = await db.select().from(catalogueCategories).where(eq(catalogueCategories.providerId, providerId)).orderBy(asc(catalogueCategories.position));
  const lines = await db.select().from(serviceLines).where(eq(serviceLines.providerId, providerId)).orderBy(asc(serviceLines.position));
  const dependencies = await db
    .select()
    .from(catalogueDependencies)
    .where(eq(catalogueDependencies.providerId, providerId))
    .orderBy(asc(catalogueDependencies.fromCode), asc(catalogueDependencies.requiresCode));
  const charges = await db.select().from(sharedCharges).where(eq(sharedCharges.providerId, providerId)).orderBy(asc(sharedCharges.chargeLine));
  return { categories, lines, dependencies, sharedCharges: charges };
}

type Insert<T extends { $inferInsert: unknown }> = Omit<T['$inferInsert'], 'id' | 'providerId'>;

/** Replaces a provider's whole catalogue structure; the caller has validated it and audits the change. */
export async function replaceCatalogueRows(
  db: Db,
  providerId: string,
  rows: { categories: Insert<typeof catalogueCategories>[]; lines: Insert<typeof serviceLines>[]; dependencies: Insert<typeof catalogueDependencies>[]; sharedCharges: Insert<typeof sharedCharges>[] },
): Promise<void> {
  for (const table of [catalogueDependencies, sharedCharges, serviceLines, catalogueCategories]) {
    await db.delete(table).where(eq(table.providerId, providerId));
  }
  const withProvider = <T extends object>(list: T[]) => list.map((r) => ({ ...r, providerId }));
  if (rows.categories.length) await db.insert(catalogueCategories).values(withProvider(rows.categories));
  if (rows.lines.length) await db.insert(serviceLines).values(withProvider(rows.lines));
  if (rows.dependencies.length) await db.insert(catalogueDependencies).values(withProvider(rows.dependencies));
  if (rows.sharedCharges.length) await db.insert(sharedCharges).values(withProvider(rows.sharedCharges));
}

export async function listGridRows(db: Db, providerId: string): Promise<GridRow[]> {
  return db.select().from(tariffGrids).where(eq(tariffGrids.providerId, providerId)).orderBy(asc(tariffGrids.effectiveFrom));
}

export async function loadPricesOf(db: Db, gridIds: string[]): Promise<PriceRow[]> {
  if (!gridIds.length) return [];
  return db.select().from(tariffPrices).where(inArray(tariffPrices.gridId, gridIds)).orderBy(asc(tariffPrices.lineCode), asc(tariffPrices.optionsKey));
}

export async function insertGrid(db: Db, grid: Omit<typeof tariffGrids.$inferInsert, 'id'>, prices: Omit<typeof tariffPrices.$inferInsert, 'id' | 'gridId'>[]): Promise<string> {
  const [row] = await db.insert(tariffGrids).values(grid).returning({ id: tariffGrids.id });
  if (prices.length) await db.insert(tariffPrices).values(prices.map((p) => ({ ...p, gridId: row!.id })));
  return row!.id;
}

export async function listUnitCostRows(db: Db, providerId: string): Promise<UnitCostRow[]> {
  return db.select().from(unitCosts).where(eq(unitCosts.providerId, providerId)).orderBy(asc(unitCosts.fiscalYear), asc(unitCosts.lineCode));
}

export async function upsertUnitCost(db: Db, row: Omit<typeof unitCosts.$inferInsert, 'id'>): Promise<void> {
  await db
    .insert(unitCosts)
    .values(row)
    .onConflictDoUpdate({
      target: [unitCosts.providerId, unitCosts.lineCode, unitCosts.fiscalYear],
      set: { forecastUnits: row.forecastUnits, charges: row.charges, noticeMonths: row.noticeMonths, budgetAdoption: row.budgetAdoption, notifiedOn: row.notifiedOn },
    });
}

export async function findUnitCost(db: Db, providerId: string, lineCode: string, fiscalYear: number): Promise<UnitCostRow | null> {
  const rows = await db
    .select()
    .from(unitCosts)
    .where(and(eq(unitCosts.providerId, providerId), eq(unitCosts.lineCode, lineCode), eq(unitCosts.fiscalYear, fiscalYear)));
  return rows[0] ?? null;
}
