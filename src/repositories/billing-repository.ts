import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../db/database.ts';
import { billingRuns, organisations, receivableTitleLines, receivableTitles, titlePayments } from '../db/schema/index.ts';
import { providerMemberVisibleTo } from '../db/scope.ts';
import type { Scope } from '../domain/access/roles.ts';

export type RunRow = typeof billingRuns.$inferSelect;
export type TitleRow = typeof receivableTitles.$inferSelect;
export type TitleLineRow = typeof receivableTitleLines.$inferSelect;

export async function findRun(db: Db, key: { agreementId: string; kind: string; periodKind: string; year: number; periodIndex: number }): Promise<RunRow | null> {
  const [row] = await db
    .select()
    .from(billingRuns)
    .where(and(eq(billingRuns.agreementId, key.agreementId), eq(billingRuns.kind, key.kind), eq(billingRuns.periodKind, key.periodKind), eq(billingRuns.year, key.year), eq(billingRuns.periodIndex, key.periodIndex)));
  return row ?? null;
}

export async function insertRun(db: Db, values: typeof billingRuns.$inferInsert): Promise<void> {
  await db.insert(billingRuns).values(values);
}

/** Serialises numbering: the provider row is locked until the transaction ends. */
export async function lockProviderNumbering(db: Db, providerId: string): Promise<void> {
  await db.execute(sql`SELECT 1 FROM provider WHERE organisation_id = ${providerId}::uuid FOR UPDATE`);
}

/** The last number used in a series (0 when none): the next documents take the following ones. */
export async function lastSequence(db: Db, providerId: string, fiscalYear: number, series: string): Promise<number> {
  const [row] = rowsOf<{ last: number | null }>(
    await db.execute(sql`SELECT max(sequence) AS last FROM receivable_title WHERE provider_id = ${providerId}::uuid AND fiscal_year = ${fiscalYear} AND series = ${series}`),
  );
  return Number(row?.last ?? 0);
}

export async function insertTitles(db: Db, titles: (typeof receivableTitles.$inferInsert)[], lines: (typeof receivableTitleLines.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < titles.length; i += 1000) await db.insert(receivableTitles).values(titles.slice(i, i + 1000));
  for (let i = 0; i < lines.length; i += 1000) await db.insert(receivableTitleLines).values(lines.slice(i, i + 1000));
}

/** Titles an account may see: a member its own, provider staff their provider's. */
export async function listTitleRows(db: Db, scope: Scope, filter: { providerId?: string | undefined; organisationId?: string | undefined; runId?: string | undefined; fiscalYear?: number | undefined; kind?: string | undefined }) {
  const paid = sql<number>`(SELECT coalesce(sum(p.amount_cents), 0)::bigint FROM title_payment p WHERE p.title_id = ${receivableTitles}.id)`;
  return db
    .select({ title: receivableTitles, organisationName: organisations.name, paidCents: paid })
    .from(receivableTitles)
    .innerJoin(organisations, eq(organisations.id, receivableTitles.organisationId))
    .where(
      and(
        providerMemberVisibleTo(scope, receivableTitles.providerId, receivableTitles.organisationId),
        filter.providerId ? eq(receivableTitles.providerId, filter.providerId) : undefined,
        filter.organisationId ? eq(receivableTitles.organisationId, filter.organisationId) : undefined,
        filter.runId ? eq(receivableTitles.runId, filter.runId) : undefined,
        filter.fiscalYear ? eq(receivableTitles.fiscalYear, filter.fiscalYear) : undefined,
        filter.kind ? eq(receivableTitles.kind, filter.kind) : undefined,
      ),
    )
    .orderBy(desc(receivableTitles.fiscalYear), asc(receivableTitles.series), asc(receivableTitles.sequence))
    .limit(50_000);
}

export async function findTitleRow(db: Db, scope: Scope, id: string): Promise<TitleRow | null> {
  const [row] = await db.select().from(receivableTitles).where(and(eq(receivableTitles.id, id), providerMemberVisibleTo(scope, receivableTitles.providerId, receivableTitles.organisationId)));
  return row ?? null;
}

export async function titleLineRows(db: Db, titleIds: string[]): Promise<TitleLineRow[]> {
  if (!titleIds.length) return [];
  return db.select().from(receivableTitleLines).where(inArray(receivableTitleLines.titleId, titleIds)).orderBy(asc(receivableTitleLines.titleId), asc(receivableTitleLines.position));
}

/** Issued titles of one agreement's run, for a true-up to settle against the provisional ones. */
export async function titlesOfRun(db: Db, runId: string): Promise<TitleRow[]> {
  return db.select().from(receivableTitles).where(eq(receivableTitles.runId, runId));
}

export async function paymentsOf(db: Db, titleIds: string[]) {
  if (!titleIds.length) return [];
  return db.select().from(titlePayments).where(inArray(titlePayments.titleId, titleIds)).orderBy(asc(titlePayments.paidOn));
}

export async function insertPayment(db: Db, values: typeof titlePayments.$inferInsert): Promise<string> {
  const [row] = await db.insert(titlePayments).values(values).returning({ id: titlePayments.id });
  return row!.id;
}

/** Issued runs its provider's staff may see (members do not see runs, only their titles). */
export async function listRunRows(db: Db, scope: Scope, filter: { agreementId?: string | undefined; providerId?: string | undefined }): Promise<RunRow[]> {
  if (scope.kind === 'member') return [];
  return db
    .select()
    .from(billingRuns)
    .where(
      and(
        scope.kind === 'provider' ? eq(billingRuns.providerId, scope.providerId) : undefined,
        filter.agreementId ? eq(billingRuns.agreementId, filter.agreementId) : undefined,
        filter.providerId ? eq(billingRuns.providerId, filter.providerId) : undefined,
      ),
    )
    .orderBy(desc(billingRuns.issuedAt))
    .limit(1000);
}

export async function findRunRow(db: Db, scope: Scope, id: string): Promise<RunRow | null> {
  if (scope.kind === 'member') return null;
  const [row] = await db.select().from(billingRuns).where(and(eq(billingRuns.id, id), scope.kind === 'provider' ? eq(billingRuns.providerId, scope.providerId) : undefined));
  return row ?? null;
}

/** Reductions already issued against titles (their amounts lower what is due). */
export async function reductionsOf(db: Db, titleIds: string[]) {
  if (!titleIds.length) return [];
  return db.select().from(receivableTitles).where(and(inArray(receivableTitles.refersTo, titleIds), inArray(receivableTitles.kind, ['reduction', 'cancellation'])));
}
