import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Scope } from '../domain/access/roles.ts';
import { rowsOf, type Db } from '../db/database.ts';
import { agreements, committeeDecisions, committeeMeetings, committees, organisations } from '../db/schema/index.ts';
import { visibleProviders } from '../db/scope.ts';

/** Committees, their meetings and decisions: a provider's own records, seen by its staff (visibleProviders). */
export type CommitteeRow = typeof committees.$inferSelect & { providerName: string; agreementTitle: string | null; lastHeldOn: string | null; nextPlannedOn: string | null };
export type MeetingRow = typeof committeeMeetings.$inferSelect;
export type DecisionRow = typeof committeeDecisions.$inferSelect;

export async function listCommitteeRows(db: Db, scope: Scope, filter: { providerId?: string | undefined; agreementId?: string | undefined; id?: string | undefined }): Promise<CommitteeRow[]> {
  const rows = await db
    .select({
      committee: committees,
      providerName: organisations.name,
      agreementTitle: agreements.title,
      lastHeldOn: sql<string | null>`(SELECT max(m.held_on)::text FROM committee_meeting m WHERE m.committee_id = ${committees.id} AND m.status IN ('held', 'final'))`,
      nextPlannedOn: sql<string | null>`(SELECT min(m.scheduled_on)::text FROM committee_meeting m WHERE m.committee_id = ${committees.id} AND m.status = 'planned')`,
    })
    .from(committees)
    .innerJoin(organisations, eq(organisations.id, committees.providerId))
    .leftJoin(agreements, eq(agreements.id, committees.agreementId))
    .where(
      and(
        visibleProviders(scope, committees.providerId),
        filter.providerId ? eq(committees.providerId, filter.providerId) : undefined,
        filter.agreementId ? eq(committees.agreementId, filter.agreementId) : undefined,
        filter.id ? eq(committees.id, filter.id) : undefined,
      ),
    )
    .orderBy(asc(organisations.name), asc(committees.name))
    .limit(1000);
  return rows.map((r) => ({ ...r.committee, providerName: r.providerName, agreementTitle: r.agreementTitle, lastHeldOn: r.lastHeldOn, nextPlannedOn: r.nextPlannedOn }));
}

export async function findCommitteeByCode(db: Db, providerId: string, code: string): Promise<typeof committees.$inferSelect | null> {
  const rows = await db.select().from(committees).where(and(eq(committees.providerId, providerId), eq(committees.code, code)));
  return rows[0] ?? null;
}

export type CommitteeValues = Omit<typeof committees.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export async function insertCommittee(db: Db, values: CommitteeValues, at: Date): Promise<string> {
  const [row] = await db.insert(committees).values({ ...values, createdAt: at.toISOString(), updatedAt: at.toISOString() }).returning({ id: committees.id });
  return row!.id;
}

export async function updateCommittee(db: Db, id: string, values: CommitteeValues, at: Date): Promise<void> {
  await db.update(committees).set({ ...values, updatedAt: at.toISOString() }).where(eq(committees.id, id));
}

export async function listMeetingRows(db: Db, scope: Scope, filter: { providerId?: string | undefined; committeeId?: string | undefined; from?: string | undefined; to?: string | undefined }): Promise<(MeetingRow & { committeeName: string; committeeKind: string })[]> {
  const rows = await db
    .select({ meeting: committeeMeetings, committeeName: committees.name, committeeKind: committees.kind })
    .from(committeeMeetings)
    .innerJoin(committees, eq(committees.id, committeeMeetings.committeeId))
    .where(
      and(
        visibleProviders(scope, committeeMeetings.providerId),
        filter.providerId ? eq(committeeMeetings.providerId, filter.providerId) : undefined,
        filter.committeeId ? eq(committeeMeetings.committeeId, filter.committeeId) : undefined,
        filter.from ? gte(committeeMeetings.scheduledOn, filter.from) : undefined,
        filter.to ? lte(committeeMeetings.scheduledOn, filter.to) : undefined,
      ),
    )
    .orderBy(desc(committeeMeetings.scheduledOn))
    .limit(2000);
  return rows.map((r) => ({ ...r.meeting, committeeName: r.committeeName, committeeKind: r.committeeKind }));
}

/** One meeting, if the caller may see its provider; locked for the update that follows when asked. */
export async function findMeeting(db: Db, scope: Scope, id: string, forUpdate = false): Promise<MeetingRow | null> {
  const query = db.select().from(committeeMeetings).where(and(eq(committeeMeetings.id, id), visibleProviders(scope, committeeMeetings.providerId)));
  const rows = forUpdate ? await query.for('update') : await query;
  return rows[0] ?? null;
}

export async function insertMeeting(db: Db, values: Omit<typeof committeeMeetings.$inferInsert, 'id'>): Promise<string> {
  const [row] = await db.insert(committeeMeetings).values(values).returning({ id: committeeMeetings.id });
  return row!.id;
}

export async function updateMeeting(db: Db, id: string, values: Partial<Omit<typeof committeeMeetings.$inferInsert, 'id' | 'committeeId' | 'providerId' | 'createdAt'>>): Promise<void> {
  await db.update(committeeMeetings).set(values).where(eq(committeeMeetings.id, id));
}

export async function insertDecision(db: Db, values: Omit<typeof committeeDecisions.$inferInsert, 'id'>): Promise<string> {
  const [row] = await db.insert(committeeDecisions).values(values).returning({ id: committeeDecisions.id });
  return row!.id;
}

export async function decisionsOfMeetings(db: Db, meetingIds: string[]): Promise<(DecisionRow & { organisationName: string | null })[]> {
  if (!meetingIds.length) return [];
  const rows = await db
    .select({ decision: committeeDecisions, organisationName: organisations.name })
    .from(committeeDecisions)
    .leftJoin(organisations, eq(organisations.id, committeeDecisions.organisationId))
    .where(inArray(committeeDecisions.meetingId, meetingIds))
    .orderBy(asc(committeeDecisions.createdAt));
  return rows.map((r) => ({ ...r.decision, organisationName: r.organisationName }));
}

/** Meetings and decisions of the committees of one agreement in a period (the annual report, seed 001 art. 6.3). */
export async function meetingsOfAgreement(db: Db, agreementId: string, from: string, to: string): Promise<(MeetingRow & { committeeName: string })[]> {
  const rows = await db
    .select({ meeting: committeeMeetings, committeeName: committees.name })
    .from(committeeMeetings)
    .innerJoin(committees, eq(committees.id, committeeMeetings.committeeId))
    .where(and(eq(committees.agreementId, agreementId), inArray(committeeMeetings.status, ['held', 'final']), gte(committeeMeetings.heldOn, from), lte(committeeMeetings.heldOn, to)))
    .orderBy(asc(committeeMeetings.heldOn));
  return rows.map((r) => ({ ...r.meeting, committeeName: r.committeeName }));
}

/** A provider and its current members, for a committee that belongs to no single agreement. */
export async function providerParties(db: Db, providerId: string): Promise<{ organisationId: string; name: string; role: 'provider' | 'member' }[]> {
  const result = await db.execute(sql`
    SELECT o.id AS "organisationId", o.name, 'provider' AS role FROM organisation o WHERE o.id = ${providerId}
    UNION ALL
    SELECT o.id, o.name, 'member' FROM membership m JOIN organisation o ON o.id = m.member_id WHERE m.provider_id = ${providerId} AND m.status = 'member'`);
  return rowsOf(result);
}
