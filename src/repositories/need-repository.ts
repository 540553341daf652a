import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Scope } from '../domain/access/roles.ts';
import type { Db } from '../db/database.ts';
import { memberNeeds, organisations } from '../db/schema/index.ts';
import { providerMemberVisibleTo } from '../db/scope.ts';

/** A member's needs and acquisition requests: the member sees its own, provider staff their provider's. */
export type NeedRow = typeof memberNeeds.$inferSelect & { organisationName: string; providerName: string };

const provider = alias(organisations, 'need_provider');

export async function listNeedRows(
  db: Db,
  scope: Scope,
  filter: { providerId?: string | undefined; organisationId?: string | undefined; year?: number | undefined; status?: string | undefined; ids?: string[] | undefined },
): Promise<NeedRow[]> {
  if (filter.ids && !filter.ids.length) return [];
  const rows = await db
    .select({ need: memberNeeds, organisationName: organisations.name, providerName: provider.name })
    .from(memberNeeds)
    .innerJoin(organisations, eq(organisations.id, memberNeeds.organisationId))
    .innerJoin(provider, eq(provider.id, memberNeeds.providerId))
    .where(
      and(
        providerMemberVisibleTo(scope, memberNeeds.providerId, memberNeeds.organisationId),
        filter.providerId ? eq(memberNeeds.providerId, filter.providerId) : undefined,
        filter.organisationId ? eq(memberNeeds.organisationId, filter.organisationId) : undefined,
        filter.year ? eq(memberNeeds.year, filter.year) : undefined,
        filter.status ? eq(memberNeeds.status, filter.status) : undefined,
        filter.ids ? inArray(memberNeeds.id, filter.ids) : undefined,
      ),
    )
    .orderBy(desc(memberNeeds.year), asc(organisations.name), asc(memberNeeds.createdAt))
    .limit(5000);
  return rows.map((r) => ({ ...r.need, organisationName: r.organisationName, providerName: r.providerName }));
}

export async function findNeedForUpdate(db: Db, scope: Scope, id: string): Promise<typeof memberNeeds.$inferSelect | null> {
  const rows = await db
    .select()
    .from(memberNeeds)
    .where(and(eq(memberNeeds.id, id), providerMemberVisibleTo(scope, memberNeeds.providerId, memberNeeds.organisationId)))
    .for('update');
  return rows[0] ?? null;
}

export async function findNeedByCode(db: Db, providerId: string, code: string): Promise<typeof memberNeeds.$inferSelect | null> {
  const rows = await db.select().from(memberNeeds).where(and(eq(memberNeeds.providerId, providerId), eq(memberNeeds.code, code)));
  return rows[0] ?? null;
}

export async function insertNeed(db: Db, values: Omit<typeof memberNeeds.$inferInsert, 'id'>): Promise<string> {
  const [row] = await db.insert(memberNeeds).values(values).returning({ id: memberNeeds.id });
  return row!.id;
}

export async function updateNeed(db: Db, id: string, values: Pick<typeof memberNeeds.$inferInsert, 'status' | 'state' | 'history' | 'updatedAt'>): Promise<void> {
  await db.update(memberNeeds).set(values).where(eq(memberNeeds.id, id));
}
