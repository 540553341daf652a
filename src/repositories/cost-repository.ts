import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { consumptionSnapshots, costBudgets, memberships, organisations, receivableTitles } from '../db/schema/index.ts';
import { providerMemberVisibleTo, visibleTo } from '../db/scope.ts';
import type { Scope } from '../domain/access/roles.ts';
import { titleLineRows } from './billing-repository.ts';

/**
 * The provider's budgets (read by provider staff only: the service checks the scope) and the facts the cost
 * model reads: members' monthly units (snapshots) and the amounts billed to them (titles).
 */
export type BudgetRow = typeof costBudgets.$inferSelect;

export async function findBudgetRow(db: Db, providerId: string, fiscalYear: number): Promise<BudgetRow | null> {
  const [row] = await db.select().from(costBudgets).where(and(eq(costBudgets.providerId, providerId), eq(costBudgets.fiscalYear, fiscalYear)));
  return row ?? null;
}

export async function listBudgetRows(db: Db, providerId: string): Promise<BudgetRow[]> {
  return db.select().from(costBudgets).where(eq(costBudgets.providerId, providerId)).orderBy(asc(costBudgets.fiscalYear));
}

export async function upsertBudgetRow(db: Db, row: { providerId: string; fiscalYear: number; document: unknown; updatedAt: string }): Promise<void> {
  await db
    .insert(costBudgets)
    .values(row)
    .onConflictDoUpdate({ target: [costBudgets.providerId, costBudgets.fiscalYear], set: { document: row.document, updatedAt: row.updatedAt } });
}

/** Members' monthly units with this provider between two years, as the scope may see them. */
export async function snapshotRows(db: Db, scope: Scope, providerId: string, fromYear: number, toYear: number, organisationId?: string) {
  return db
    .select({ organisationId: consumptionSnapshots.organisationId, name: organisations.name, line: consumptionSnapshots.line, optionsKey: consumptionSnapshots.optionsKey, year: consumptionSnapshots.year, units: consumptionSnapshots.units })
    .from(consumptionSnapshots)
    .innerJoin(organisations, eq(organisations.id, consumptionSnapshots.organisationId))
    .where(
      and(
        eq(consumptionSnapshots.providerId, providerId),
        visibleTo(scope, consumptionSnapshots.organisationId),
        organisationId ? eq(consumptionSnapshots.organisationId, organisationId) : undefined,
        gte(consumptionSnapshots.year, fromYear),
        lte(consumptionSnapshots.year, toYear),
      ),
    )
    .orderBy(asc(organisations.name), asc(consumptionSnapshots.line), asc(consumptionSnapshots.optionsKey), asc(consumptionSnapshots.year));
}

/**
 * Net amounts (excl. VAT) billed per member and service line for the periods starting in a year: titles add,
 * reductions, cancellations and payment orders take away (their lines repeat amounts without a sign).
 */
export async function billedRows(db: Db, scope: Scope, providerId: string, fiscalYear: number): Promise<{ organisationId: string; name: string; line: string; amountCents: number }[]> {
  const titles = await db
    .select({ id: receivableTitles.id, organisationId: receivableTitles.organisationId, name: organisations.name, kind: receivableTitles.kind })
    .from(receivableTitles)
    .innerJoin(organisations, eq(organisations.id, receivableTitles.organisationId))
    .where(
      and(
        eq(receivableTitles.providerId, providerId),
        providerMemberVisibleTo(scope, receivableTitles.providerId, receivableTitles.organisationId),
        gte(receivableTitles.periodFrom, `${fiscalYear}-01-01`),
        lte(receivableTitles.periodFrom, `${fiscalYear}-12-31`),
      ),
    );
  const byId = new Map(titles.map((t) => [t.id, t]));
  const sums = new Map<string, { organisationId: string; name: string; line: string; amountCents: number }>();
  for (const line of await titleLineRows(db, titles.map((t) => t.id))) {
    const title = byId.get(line.titleId)!;
    const key = `${title.organisationId}|${line.line}`;
    const entry = sums.get(key) ?? { organisationId: title.organisationId, name: title.name, line: line.line, amountCents: 0 };
    entry.amountCents += (title.kind === 'title' ? 1 : -1) * Math.abs(line.amount);
    sums.set(key, entry);
  }
  return [...sums.values()];
}

/** Members whose membership ends within the year: they pay their share of the whole year (seed 004 art. 13). */
export async function membersLeavingIn(db: Db, providerId: string, fiscalYear: number): Promise<string[]> {
  const rows = await db
    .select({ memberId: memberships.memberId })
    .from(memberships)
    .where(and(eq(memberships.providerId, providerId), gte(memberships.until, `${fiscalYear}-01-01`), lte(memberships.until, `${fiscalYear}-12-31`)));
  return rows.map((r) => r.memberId);
}
