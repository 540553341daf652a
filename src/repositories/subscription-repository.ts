import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Scope } from '../domain/access/roles.ts';
import type { Db } from '../db/database.ts';
import { authorisedPerimeters, organisations, subscriptionLineEvents, subscriptionLines, subscriptionQuantities, subscriptionRequests, subscriptionTasks, prerequisiteChecks } from '../db/schema/index.ts';
import { providerMemberVisibleTo } from '../db/scope.ts';

export type PerimeterRow = typeof authorisedPerimeters.$inferSelect;
export type RequestRow = typeof subscriptionRequests.$inferSelect & { organisationName: string };
export type LineRow = typeof subscriptionLines.$inferSelect;
export type LineEventRow = typeof subscriptionLineEvents.$inferSelect;

export async function latestPerimeter(db: Db, providerId: string, organisationId: string): Promise<PerimeterRow | null> {
  const rows = await db
    .select()
    .from(authorisedPerimeters)
    .where(and(eq(authorisedPerimeters.providerId, providerId), eq(authorisedPerimeters.organisationId, organisationId)))
    .orderBy(desc(authorisedPerimeters.deliberationDate), desc(authorisedPerimeters.createdAt))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertPerimeter(db: Db, values: Omit<typeof authorisedPerimeters.$inferInsert, 'id'>): Promise<string> {
  const [row] = await db.insert(authorisedPerimeters).values(values).returning({ id: authorisedPerimeters.id });
  return row!.id;
}

export async function insertRequest(db: Db, values: Omit<typeof subscriptionRequests.$inferInsert, 'id'>): Promise<string> {
  const [row] = await db.insert(subscriptionRequests).values(values).returning({ id: subscriptionRequests.id });
  return row!.id;
}

export async function insertLines(db: Db, values: Omit<typeof subscriptionLines.$inferInsert, 'id'>[]): Promise<LineRow[]> {
  return values.length ? db.insert(subscriptionLines).values(values).returning() : [];
}

/** Requests a caller may see (a member: its own), newest first, optionally of one provider, member or status. */
export async function listRequestRows(db: Db, scope: Scope, filter: { providerId?: string | undefined; organisationId?: string | undefined }): Promise<RequestRow[]> {
  const rows = await db
    .select({ request: subscriptionRequests, organisationName: organisations.name })
    .from(subscriptionRequests)
    .innerJoin(organisations, eq(organisations.id, subscriptionRequests.organisationId))
    .where(
      and(
        providerMemberVisibleTo(scope, subscriptionRequests.providerId, subscriptionRequests.organisationId),
        filter.providerId ? eq(subscriptionRequests.providerId, filter.providerId) : undefined,
        filter.organisationId ? eq(subscriptionRequests.organisationId, filter.organisationId) : undefined,
      ),
    )
    .orderBy(desc(subscriptionRequests.receivedOn), desc(subscriptionRequests.createdAt))
    .limit(2000);
  return rows.map((r) => ({ ...r.request, organisationName: r.organisationName }));
}

export async function linesOfRequests(db: Db, requestIds: string[]): Promise<LineRow[]> {
  if (!requestIds.length) return [];
  return db.select().from(subscriptionLines).where(inArray(subscriptionLines.requestId, requestIds)).orderBy(asc(subscriptionLines.wishedOn), asc(subscriptionLines.line));
}

/** Lines of a member that count as taken (accepted or open): they satisfy prerequisites of new requests. */
export async function takenLines(db: Db, providerId: string, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ line: subscriptionLines.line })
    .from(subscriptionLines)
    .where(and(eq(subscriptionLines.providerId, providerId), eq(subscriptionLines.organisationId, organisationId), inArray(subscriptionLines.status, ['accepted', 'opened'])));
  return rows.map((r) => r.line);
}

/** One line, if the caller may see its member; locked for the update that follows. */
export async function findLineForUpdate(db: Db, scope: Scope, id: string): Promise<LineRow | null> {
  const rows = await db
    .select()
    .from(subscriptionLines)
    .where(and(eq(subscriptionLines.id, id), providerMemberVisibleTo(scope, subscriptionLines.providerId, subscriptionLines.organisationId)))
    .for('update');
  return rows[0] ?? null;
}

export async function updateLineState(db: Db, id: string, values: Pick<LineRow, 'state' | 'status' | 'updatedAt' | 'openedOn' | 'withdrawnOn'> & { openingRecord?: string | null }): Promise<void> {
  await db.update(subscriptionLines).set(values).where(eq(subscriptionLines.id, id));
}

export async function appendLineEvent(db: Db, values: Omit<typeof subscriptionLineEvents.$inferInsert, 'id' | 'sequence'>): Promise<void> {
  const [last] = await db
    .select({ sequence: sql<number>`coalesce(max(${subscriptionLineEvents.sequence}), 0)::int` })
    .from(subscriptionLineEvents)
    .where(eq(subscriptionLineEvents.lineId, values.lineId));
  await db.insert(subscriptionLineEvents).values({ ...values, sequence: (last?.sequence ?? 0) + 1 });
}

export async function eventsOfLines(db: Db, lineIds: string[]): Promise<LineEventRow[]> {
  if (!lineIds.length) return [];
  return db.select().from(subscriptionLineEvents).where(inArray(subscriptionLineEvents.lineId, lineIds)).orderBy(asc(subscriptionLineEvents.lineId), asc(subscriptionLineEvents.sequence));
}

export async function upsertQuantity(db: Db, values: typeof subscriptionQuantities.$inferInsert): Promise<void> {
  await db
    .insert(subscriptionQuantities)
    .values(values)
    .onConflictDoUpdate({ target: [subscriptionQuantities.lineId, subscriptionQuantities.effectiveFrom], set: { quantity: values.quantity, recordedAt: values.recordedAt } });
}

export async function quantitiesOfLines(db: Db, lineIds: string[]) {
  if (!lineIds.length) return [];
  return db.select().from(subscriptionQuantities).where(inArray(subscriptionQuantities.lineId, lineIds)).orderBy(asc(subscriptionQuantities.effectiveFrom));
}

export async function findRequestByCode(db: Db, providerId: string, code: string) {
  const rows = await db.select().from(subscriptionRequests).where(and(eq(subscriptionRequests.providerId, providerId), eq(subscriptionRequests.code, code)));
  return rows[0] ?? null;
}

/** The lines of a member opened under one opening record (seed 004 annex 8). */
export async function linesWithOpeningRecord(db: Db, providerId: string, organisationId: string, reference: string): Promise<LineRow[]> {
  return db
    .select()
    .from(subscriptionLines)
    .where(and(eq(subscriptionLines.providerId, providerId), eq(subscriptionLines.organisationId, organisationId), eq(subscriptionLines.openingRecord, reference)))
    .orderBy(asc(subscriptionLines.line));
}

export type TaskRow = typeof subscriptionTasks.$inferSelect;

export async function tasksOfRequests(db: Db, requestIds: string[]): Promise<TaskRow[]> {
  if (!requestIds.length) return [];
  return db.select().from(subscriptionTasks).where(inArray(subscriptionTasks.requestId, requestIds)).orderBy(asc(subscriptionTasks.dueOn));
}

export async function insertTask(db: Db, values: Omit<typeof subscriptionTasks.$inferInsert, 'id'>): Promise<string> {
  const [row] = await db.insert(subscriptionTasks).values(values).returning({ id: subscriptionTasks.id });
  return row!.id;
}

export async function findTaskForUpdate(db: Db, scope: Scope, id: string): Promise<(TaskRow & { providerId: string; organisationId: string }) | null> {
  const rows = await db
    .select({ task: subscriptionTasks, providerId: subscriptionRequests.providerId, organisationId: subscriptionRequests.organisationId })
    .from(subscriptionTasks)
    .innerJoin(subscriptionRequests, eq(subscriptionRequests.id, subscriptionTasks.requestId))
    .where(and(eq(subscriptionTasks.id, id), providerMemberVisibleTo(scope, subscriptionRequests.providerId, subscriptionRequests.organisationId)))
    .for('update', { of: subscriptionTasks });
  const row = rows[0];
  return row ? { ...row.task, providerId: row.providerId, organisationId: row.organisationId } : null;
}

export async function markTaskDone(db: Db, id: string, doneOn: string, note: string | null): Promise<void> {
  await db.update(subscriptionTasks).set({ doneOn, note }).where(eq(subscriptionTasks.id, id));
}

export async function findRequestRow(db: Db, scope: Scope, id: string) {
  const rows = await db
    .select()
    .from(subscriptionRequests)
    .where(and(eq(subscriptionRequests.id, id), providerMemberVisibleTo(scope, subscriptionRequests.providerId, subscriptionRequests.organisationId)));
  return rows[0] ?? null;
}

export type PrerequisiteCheckRow = typeof prerequisiteChecks.$inferSelect;

export async function checksOfRequests(db: Db, requestIds: string[]): Promise<PrerequisiteCheckRow[]> {
  if (!requestIds.length) return [];
  return db.select().from(prerequisiteChecks).where(inArray(prerequisiteChecks.requestId, requestIds));
}

/** The latest answer for an item replaces the previous one; the audit log keeps the history. */
export async function upsertCheck(db: Db, values: PrerequisiteCheckRow): Promise<void> {
  await db
    .insert(prerequisiteChecks)
    .values(values)
    .onConflictDoUpdate({ target: [prerequisiteChecks.requestId, prerequisiteChecks.line, prerequisiteChecks.item], set: { met: values.met, checkedOn: values.checkedOn, checkedBy: values.checkedBy, note: values.note } });
}

/** One line, if the caller may see it (no lock: for reading). */
export async function findLine(db: Db, scope: Scope, id: string): Promise<LineRow | null> {
  const rows = await db.select().from(subscriptionLines).where(and(eq(subscriptionLines.id, id), providerMemberVisibleTo(scope, subscriptionLines.providerId, subscriptionLines.organisationId)));
  return rows[0] ?? null;
}
