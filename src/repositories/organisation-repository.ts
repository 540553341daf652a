import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Organisation, OrganisationListQuery } from '../contracts/organisations.ts';
import type { Scope } from '../domain/access/roles.ts';
import type { OrganisationKind } from '../domain/organisation/kinds.ts';
import type { Db } from '../db/database.ts';
import { memberships, organisations, providers } from '../db/schema/index.ts';
import { visibleProviders, visibleTo } from '../db/scope.ts';

const parent = alias(organisations, 'parent');

const organisationColumns = {
  id: organisations.id,
  kind: organisations.kind,
  name: organisations.name,
  siren: organisations.siren,
  siret: organisations.siret,
  inseeCode: organisations.inseeCode,
  departement: organisations.departement,
  addressLine1: organisations.addressLine1,
  addressLine2: organisations.addressLine2,
  postalCode: organisations.postalCode,
  city: organisations.city,
  population: organisations.population,
  parentEpciId: organisations.parentEpciId,
  parentEpciName: parent.name,
  representativeName: organisations.representativeName,
  representativeTitle: organisations.representativeTitle,
  isProvider: sql<boolean>`${providers.organisationId} IS NOT NULL`,
  version: organisations.version,
  updatedAt: organisations.updatedAt,
};

type OrganisationRow = Omit<Organisation, 'kind'> & { kind: string };

function toOrganisation(row: OrganisationRow): Organisation {
  return { ...row, kind: row.kind as OrganisationKind, isProvider: Boolean(row.isProvider), updatedAt: new Date(row.updatedAt).toISOString() };
}

function baseSelect(db: Db) {
  return db
    .select(organisationColumns)
    .from(organisations)
    .leftJoin(parent, eq(parent.id, organisations.parentEpciId))
    .leftJoin(providers, eq(providers.organisationId, organisations.id));
}

const SORT_COLUMNS = {
  name: organisations.name,
  kind: organisations.kind,
  population: organisations.population,
  inseeCode: organisations.inseeCode,
  siren: organisations.siren,
  updatedAt: organisations.updatedAt,
} as const;

function listFilter(scope: Scope, query: Omit<OrganisationListQuery, 'sort' | 'order' | 'limit' | 'offset'>): SQL | undefined {
  const q = query.q?.trim();
  const search = q
    ? /^\d{9}$/.test(q)
      ? eq(organisations.siren, q)
      : /^(\d{5}|2[AB]\d{3})$/i.test(q)
        ? eq(organisations.inseeCode, q.toUpperCase())
        : or(ilike(organisations.name, `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`), eq(organisations.inseeCode, q))
    : undefined;
  const status = query.membershipStatus ? sql` AND m.status = ${query.membershipStatus}` : sql``;
  const linked = query.providerId
    ? sql`${organisations.id} IN (SELECT m.member_id FROM membership m WHERE m.provider_id = ${query.providerId}${status})`
    : query.membershipStatus
      ? sql`${organisations.id} IN (SELECT m.member_id FROM membership m WHERE ${visibleProviders(scope, sql`m.provider_id`)}${status})`
      : undefined;
  return and(
    visibleTo(scope, organisations.id),
    search,
    query.kind ? eq(organisations.kind, query.kind) : undefined,
    query.departement ? eq(organisations.departement, query.departement) : undefined,
    query.providersOnly ? sql`${providers.organisationId} IS NOT NULL` : undefined,
    linked,
  );
}

export async function listOrganisations(db: Db, scope: Scope, query: OrganisationListQuery): Promise<{ items: Organisation[]; total: number }> {
  const where = listFilter(scope, query);
  const sortColumn = SORT_COLUMNS[query.sort];
  // Empty values (a syndicat has no population) sort last in both directions.
  const order = query.order === 'desc' ? sql`${sortColumn} DESC NULLS LAST` : sql`${sortColumn} ASC NULLS LAST`;
  const [rows, count] = await Promise.all([
    baseSelect(db)
      .where(where)
      .orderBy(order, asc(organisations.name), asc(organisations.id))
      .limit(query.limit)
      .offset(query.offset),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(organisations)
      .leftJoin(providers, eq(providers.organisationId, organisations.id))
      .where(where),
  ]);
  return { items: rows.map(toOrganisation), total: Number(count[0]?.total ?? 0) };
}

/** Streams every matching row in pages, for exports, without holding the whole registry in memory. */
export async function* iterateOrganisations(db: Db, scope: Scope, query: OrganisationListQuery, pageSize = 2000): AsyncGenerator<Organisation> {
  for (let offset = 0; ; offset += pageSize) {
    const page = await listOrganisations(db, scope, { ...query, limit: pageSize, offset });
    yield* page.items;
    if (page.items.length < pageSize) return;
  }
}

export async function findOrganisation(db: Db, scope: Scope, id: string): Promise<Organisation | null> {
  const rows = await baseSelect(db).where(and(eq(organisations.id, id), visibleTo(scope, organisations.id)));
  return rows[0] ? toOrganisation(rows[0]) : null;
}

export type OrganisationValues = Omit<typeof organisations.$inferInsert, 'id' | 'createdAt' | 'updatedAt' | 'version'>;

export async function insertOrganisation(db: Db, values: OrganisationValues, at: Date): Promise<string> {
  const stamp = at.toISOString();
  const [row] = await db.insert(organisations).values({ ...values, createdAt: stamp, updatedAt: stamp }).returning({ id: organisations.id });
  return row!.id;
}

/** Updates when the row is still at `version`; returns false when someone else changed it first. */
export async function updateOrganisation(db: Db, id: string, version: number, values: Partial<OrganisationValues>, at: Date): Promise<boolean> {
  const rows = await db
    .update(organisations)
    .set({ ...values, updatedAt: at.toISOString(), version: sql`${organisations.version} + 1` })
    .where(and(eq(organisations.id, id), eq(organisations.version, version)))
    .returning({ id: organisations.id });
  return rows.length === 1;
}

export async function findOrganisationIdByNaturalKey(
  db: Db,
  key: { siren?: string | null; inseeCode?: string | null; kind: string; name: string },
): Promise<string | null> {
  const condition = key.siren
    ? eq(organisations.siren, key.siren)
    : key.inseeCode
      ? eq(organisations.inseeCode, key.inseeCode)
      : and(eq(organisations.kind, key.kind), eq(organisations.name, key.name));
  const rows = await db.select({ id: organisations.id }).from(organisations).where(condition).limit(2);
  return rows.length === 1 ? rows[0]!.id : null;
}

export async function findRawOrganisation(db: Db, id: string) {
  const rows = await db.select().from(organisations).where(eq(organisations.id, id));
  return rows[0] ?? null;
}

export async function countMembersByStatus(db: Db, providerId: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ status: memberships.status, n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(eq(memberships.providerId, providerId))
    .groupBy(memberships.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** Postal addresses and legal representatives of some organisations (parties named in a document). */
export async function organisationAddresses(db: Db, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({
      organisationId: organisations.id,
      addressLine1: organisations.addressLine1,
      addressLine2: organisations.addressLine2,
      postalCode: organisations.postalCode,
      city: organisations.city,
      representativeName: organisations.representativeName,
      representativeTitle: organisations.representativeTitle,
    })
    .from(organisations)
    .where(inArray(organisations.id, ids));
}
