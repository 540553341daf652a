import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Membership, ProviderSummary } from '../contracts/organisations.ts';
import type { Scope } from '../domain/access/roles.ts';
import type { MembershipStatus, OrganisationKind } from '../domain/organisation/kinds.ts';
import type { Db } from '../db/database.ts';
import { memberships, organisations, providers } from '../db/schema/index.ts';
import { visibleProviders, visibleTo } from '../db/scope.ts';

const provider = alias(organisations, 'provider_org');
const member = alias(organisations, 'member_org');

/** Memberships where the organisation is the member, that the scope may see. */
export async function listMembershipsOfMember(db: Db, scope: Scope, memberId: string): Promise<Membership[]> {
  const rows = await db
    .select({
      id: memberships.id,
      providerId: memberships.providerId,
      providerName: provider.name,
      memberId: memberships.memberId,
      memberName: member.name,
      status: memberships.status,
      since: memberships.since,
      until: memberships.until,
    })
    .from(memberships)
    .innerJoin(provider, eq(provider.id, memberships.providerId))
    .innerJoin(member, eq(member.id, memberships.memberId))
    .where(and(eq(memberships.memberId, memberId), visibleTo(scope, memberships.memberId), visibleProviders(scope, memberships.providerId)))
    .orderBy(asc(provider.name));
  return rows.map((r) => ({ ...r, status: r.status as MembershipStatus }));
}

export async function findMembership(db: Db, providerId: string, memberId: string) {
  const rows = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.providerId, providerId), eq(memberships.memberId, memberId)));
  return rows[0] ?? null;
}

export type MembershipValues = { status: MembershipStatus; since: string | null; until: string | null };

export async function insertMembership(db: Db, providerId: string, memberId: string, values: MembershipValues, at: Date): Promise<string> {
  const [row] = await db
    .insert(memberships)
    .values({ providerId, memberId, ...values, createdAt: at.toISOString() })
    .returning({ id: memberships.id });
  return row!.id;
}

export async function updateMembership(db: Db, id: string, values: MembershipValues): Promise<void> {
  await db.update(memberships).set(values).where(eq(memberships.id, id));
}

export async function isProvider(db: Db, organisationId: string): Promise<boolean> {
  const rows = await db.select({ id: providers.organisationId }).from(providers).where(eq(providers.organisationId, organisationId));
  return rows.length === 1;
}

export async function findProviderProfile(db: Db, organisationId: string) {
  const rows = await db.select().from(providers).where(eq(providers.organisationId, organisationId));
  return rows[0] ?? null;
}

export async function upsertProviderProfile(db: Db, organisationId: string, shortName: string, at: Date): Promise<void> {
  await db
    .insert(providers)
    .values({ organisationId, shortName, createdAt: at.toISOString() })
    .onConflictDoUpdate({ target: providers.organisationId, set: { shortName } });
}

export async function listProviders(db: Db, scope: Scope): Promise<ProviderSummary[]> {
  const rows = await db
    .select({
      id: providers.organisationId,
      name: organisations.name,
      shortName: providers.shortName,
      kind: organisations.kind,
      members: sql<number>`(SELECT count(*)::int FROM membership m WHERE m.provider_id = ${providers.organisationId} AND m.status = 'member')`,
      prospects: sql<number>`(SELECT count(*)::int FROM membership m WHERE m.provider_id = ${providers.organisationId} AND m.status = 'prospect')`,
    })
    .from(providers)
    .innerJoin(organisations, eq(organisations.id, providers.organisationId))
    .where(visibleProviders(scope, providers.organisationId))
    .orderBy(asc(organisations.name));
  return rows.map((r) => ({ ...r, kind: r.kind as OrganisationKind, members: Number(r.members), prospects: Number(r.prospects) }));
}

/** The provider's name when the scope may see its catalogue and grids, else null. */
export async function findVisibleProvider(db: Db, scope: Scope, providerId: string): Promise<{ id: string; name: string } | null> {
  const rows = await db
    .select({ id: providers.organisationId, name: organisations.name })
    .from(providers)
    .innerJoin(organisations, eq(organisations.id, providers.organisationId))
    .where(and(eq(providers.organisationId, providerId), visibleProviders(scope, providers.organisationId)));
  return rows[0] ?? null;
}

export async function organisationNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}
