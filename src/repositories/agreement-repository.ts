import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Scope } from '../domain/access/roles.ts';
import type { Db } from '../db/database.ts';
import { agreementParties, agreements, exitRequests, organisations } from '../db/schema/index.ts';
import { agreementVisibleTo } from '../db/scope.ts';

export type AgreementRow = typeof agreements.$inferSelect;
export type PartyRow = typeof agreementParties.$inferSelect & { organisationName: string };

export async function listAgreementRows(db: Db, scope: Scope, filter: { providerId?: string | undefined; organisationId?: string | undefined } = {}): Promise<AgreementRow[]> {
  const party = filter.organisationId
    ? sql`EXISTS (SELECT 1 FROM agreement_party p WHERE p.agreement_id = ${agreements.id} AND p.organisation_id = ${filter.organisationId})`
    : undefined;
  return db
    .select()
    .from(agreements)
    .where(and(agreementVisibleTo(scope, agreements.id), filter.providerId ? eq(agreements.providerId, filter.providerId) : undefined, party))
    .orderBy(asc(agreements.title));
}

export async function findAgreementRow(db: Db, scope: Scope, id: string): Promise<AgreementRow | null> {
  const rows = await db.select().from(agreements).where(and(eq(agreements.id, id), agreementVisibleTo(scope, agreements.id)));
  return rows[0] ?? null;
}

export async function findAgreementByCode(db: Db, providerId: string, code: string): Promise<AgreementRow | null> {
  const rows = await db.select().from(agreements).where(and(eq(agreements.providerId, providerId), eq(agreements.code, code)));
  return rows[0] ?? null;
}

export async function partiesOf(db: Db, agreementIds: string[]): Promise<PartyRow[]> {
  const result: PartyRow[] = [];
  // Chunks keep each query under PostgreSQL's 65,535 bind parameters at national scale.
  for (let i = 0; i < agreementIds.length; i += 10_000) result.push(...(await partiesOfChunk(db, agreementIds.slice(i, i + 10_000))));
  return result;
}

async function partiesOfChunk(db: Db, agreementIds: string[]): Promise<PartyRow[]> {
  if (!agreementIds.length) return [];
  const rows = await db
    .select({ party: agreementParties, organisationName: organisations.name })
    .from(agreementParties)
    .innerJoin(organisations, eq(organisations.id, agreementParties.organisationId))
    .where(inArray(agreementParties.agreementId, agreementIds))
    .orderBy(asc(agreementParties.role), asc(organisations.name));
  return rows.map((r) => ({ ...r.party, organisationName: r.organisationName }));
}

/** Parties grouped by agreement: lookups stay linear at national scale (35,000 agreements). */
export function partiesByAgreement(parties: PartyRow[]): Map<string, PartyRow[]> {
  const map = new Map<string, PartyRow[]>();
  for (const party of parties) {
    const list = map.get(party.agreementId);
    if (list) list.push(party);
    else map.set(party.agreementId, [party]);
  }
  return map;
}

export type AgreementValues = Omit<typeof agreements.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
export type PartyValues = Omit<typeof agreementParties.$inferInsert, 'id' | 'agreementId'>;

/** Creates or replaces an agreement and its parties; returns its id. */
export async function saveAgreement(db: Db, existingId: string | null, values: AgreementValues, parties: PartyValues[], at: Date): Promise<string> {
  const stamp = at.toISOString();
  let id = existingId;
  if (id) {
    await db.update(agreements).set({ ...values, updatedAt: stamp }).where(eq(agreements.id, id));
    await db.delete(agreementParties).where(eq(agreementParties.agreementId, id));
  } else {
    const [row] = await db.insert(agreements).values({ ...values, createdAt: stamp, updatedAt: stamp }).returning({ id: agreements.id });
    id = row!.id;
  }
  await db.insert(agreementParties).values(parties.map((p) => ({ ...p, agreementId: id! })));
  return id;
}

export type ExitRequestRow = typeof exitRequests.$inferSelect & { organisationName: string };

export async function exitRequestsOf(db: Db, agreementIds: string[]): Promise<ExitRequestRow[]> {
  if (!agreementIds.length) return [];
  if (agreementIds.length > 10_000) {
    const result: ExitRequestRow[] = [];
    for (let i = 0; i < agreementIds.length; i += 10_000) result.push(...(await exitRequestsOf(db, agreementIds.slice(i, i + 10_000))));
    return result;
  }
  const rows = await db
    .select({ request: exitRequests, organisationName: organisations.name })
    .from(exitRequests)
    .innerJoin(organisations, eq(organisations.id, exitRequests.organisationId))
    .where(inArray(exitRequests.agreementId, agreementIds))
    .orderBy(asc(exitRequests.receivedOn));
  return rows.map((r) => ({ ...r.request, organisationName: r.organisationName }));
}

export async function insertExitRequest(db: Db, values: Omit<typeof exitRequests.$inferInsert, 'id'>): Promise<string> {
  const [row] = await db.insert(exitRequests).values(values).returning({ id: exitRequests.id });
  return row!.id;
}
