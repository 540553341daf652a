import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { organisations, providers, timeEntries } from '../db/schema/index.ts';
import { providerMemberVisibleTo } from '../db/scope.ts';
import type { Scope } from '../domain/access/roles.ts';

export type TimeEntryRow = typeof timeEntries.$inferSelect;

export async function timeEntriesByReference(db: Db, providerId: string, references: string[]): Promise<Map<string, TimeEntryRow>> {
  if (!references.length) return new Map();
  const rows = await db.select().from(timeEntries).where(and(eq(timeEntries.providerId, providerId), inArray(timeEntries.reference, references)));
  return new Map(rows.map((r) => [r.reference, r]));
}

export async function insertTimeEntries(db: Db, rows: (typeof timeEntries.$inferInsert)[]): Promise<void> {
  // Parameters are capped per statement: 1,000 rows × 11 columns stays well under PostgreSQL's 65,535.
  for (let i = 0; i < rows.length; i += 1000) await db.insert(timeEntries).values(rows.slice(i, i + 1000));
}

export async function updateTimeEntry(db: Db, id: string, values: Partial<typeof timeEntries.$inferInsert>): Promise<void> {
  await db.update(timeEntries).set(values).where(eq(timeEntries.id, id));
}

export async function deleteTimeEntry(db: Db, id: string): Promise<void> {
  await db.delete(timeEntries).where(eq(timeEntries.id, id));
}

export async function findTimeEntry(db: Db, scope: Scope, id: string): Promise<TimeEntryRow | null> {
  const [row] = await db.select().from(timeEntries).where(and(eq(timeEntries.id, id), providerMemberVisibleTo(scope, timeEntries.providerId, timeEntries.organisationId)));
  return row ?? null;
}

/** Time entries an account may see, filtered, with the member's and provider's names. */
export async function listTimeEntryRows(db: Db, scope: Scope, filter: { providerId?: string | undefined; organisationId?: string | undefined; from: string; to: string }) {
  const provider = sql<string>`(SELECT o.name FROM organisation o WHERE o.id = ${timeEntries.providerId})`;
  return db
    .select({ entry: timeEntries, organisationName: organisations.name, providerName: provider, workdayMinutes: providers.workdayMinutes })
    .from(timeEntries)
    .innerJoin(organisations, eq(organisations.id, timeEntries.organisationId))
    .innerJoin(providers, eq(providers.organisationId, timeEntries.providerId))
    .where(
      and(
        providerMemberVisibleTo(scope, timeEntries.providerId, timeEntries.organisationId),
        filter.providerId ? eq(timeEntries.providerId, filter.providerId) : undefined,
        filter.organisationId ? eq(timeEntries.organisationId, filter.organisationId) : undefined,
        gte(timeEntries.workedOn, filter.from),
        lte(timeEntries.workedOn, filter.to),
      ),
    )
    .orderBy(asc(timeEntries.workedOn), asc(organisations.name), asc(timeEntries.recordedAt))
    .limit(20_000);
}

export async function workdayMinutesOf(db: Db, providerId: string): Promise<number> {
  const [row] = await db.select({ minutes: providers.workdayMinutes }).from(providers).where(eq(providers.organisationId, providerId));
  return row?.minutes ?? 420;
}
