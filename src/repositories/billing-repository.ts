import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { toCopyText } from '../db/csv.ts';
import { rowsOf, type Db, type Tx } from '../db/database.ts';
import { billingRuns, organisations, receivableTitleContents, receivableTitles, titlePayments } from '../db/schema/index.ts';
import { providerMemberVisibleTo } from '../db/scope.ts';
import type { Scope } from '../domain/access/roles.ts';

export type RunRow = typeof billingRuns.$inferSelect;
export type TitleRow = typeof receivableTitles.$inferSelect;

/** A line as stored in a title's content document (`receivable_title_content.lines`, a JSON array). */
export interface StoredTitleLine {
  line: string;
  optionsKey: string;
  label: string;
  quantity: { numerator: number; denominator: number };
  quantityText: string;
  unitPrice: number;
  amount: number;
  vat: unknown;
  vatCents: number;
  basis: string;
  sources: unknown[];
}

/** A stored line with the title it belongs to and its place in it. */
export interface TitleLineRow extends StoredTitleLine {
  titleId: string;
  position: number;
}

/** A title's lines to write: the JSON text of its `StoredTitleLine` array. */
export interface TitleContent {
  titleId: string;
  lines: string;
}

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

/** A run's count of documents and total, known once its last chunk is written (same transaction). */
export async function completeRun(db: Db, runId: string, documents: number, totalCents: number): Promise<void> {
  await db.update(billingRuns).set({ documents, totalCents }).where(eq(billingRuns.id, runId));
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

const TITLE_COLUMNS = ['id', 'provider_id', 'organisation_id', 'run_id', 'kind', 'series', 'fiscal_year', 'sequence', 'number', 'refers_to', 'subject', 'period_from', 'period_to', 'issued_on', 'due_on', 'amount_excl_cents', 'vat_cents', 'amount_incl_cents', 'issued_at'] as const;
const CONTENT_COLUMNS = ['title_id', 'lines'] as const;
/** Titles per COPY: a national run (36,000 titles) goes in a few statements, each a few megabytes. */
const COPY_ROWS = 2_000;

/**
 * Writes documents by COPY (one statement per 2,000 titles instead of one per row) in the text format, which
 * leaves the contents' JSON as it is where CSV would double its quotes (half the load time on PGlite): first the
 * titles, then their contents, which refer to them. A run calls it once per chunk of members, so memory stays bounded.
 */
export async function insertTitles(tx: Tx, titles: readonly (typeof receivableTitles.$inferInsert)[], contents: readonly TitleContent[]): Promise<void> {
  // Sent one after the other without waiting (the connection runs them in order, titles before the contents that
  // refer to them), so the database loads while the caller goes on.
  const copies: Promise<void>[] = [];
  for (let i = 0; i < titles.length; i += COPY_ROWS) {
    const rows: (string | number | null | undefined)[][] = [];
    for (const t of titles.slice(i, i + COPY_ROWS)) rows.push([t.id, t.providerId, t.organisationId, t.runId, t.kind, t.series, t.fiscalYear, t.sequence, t.number, t.refersTo, t.subject, t.periodFrom, t.periodTo, t.issuedOn, t.dueOn, t.amountExclCents, t.vatCents, t.amountInclCents, t.issuedAt]);
    copies.push(tx.copyText('receivable_title', TITLE_COLUMNS, toCopyText(rows)));
  }
  for (let i = 0; i < contents.length; i += COPY_ROWS) {
    const rows: string[][] = [];
    for (const c of contents.slice(i, i + COPY_ROWS)) rows.push([c.titleId, c.lines]);
    copies.push(tx.copyText('receivable_title_content', CONTENT_COLUMNS, toCopyText(rows)));
  }
  await Promise.all(copies);
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

/** The lines of titles, in each title's order. */
export async function titleLineRows(db: Db, titleIds: string[]): Promise<TitleLineRow[]> {
  const rows: TitleLineRow[] = [];
  for (const content of await titleContents(db, titleIds)) {
    const lines = JSON.parse(content.lines) as StoredTitleLine[];
    lines.forEach((line, position) => rows.push({ ...line, titleId: content.titleId, position }));
  }
  return rows;
}

/** Lines gathered per title (a run's 36,000 titles: no scan of all lines per title). */
export function groupByTitle(rows: readonly TitleLineRow[]): Map<string, TitleLineRow[]> {
  const groups = new Map<string, TitleLineRow[]>();
  for (const row of rows) {
    const group = groups.get(row.titleId);
    if (group) group.push(row);
    else groups.set(row.titleId, [row]);
  }
  return groups;
}

/** Titles' contents as stored (a cancellation repeats its title's lines from them). */
export async function titleContents(db: Db, titleIds: string[]): Promise<TitleContent[]> {
  if (!titleIds.length) return [];
  return db.select().from(receivableTitleContents).where(inArray(receivableTitleContents.titleId, titleIds)).orderBy(asc(receivableTitleContents.titleId));
}

/** Issued titles of one agreement's run, for a true-up to settle against the provisional ones. */
export async function titlesOfRun(db: Db, runId: string): Promise<TitleRow[]> {
  return db.select().from(receivableTitles).where(eq(receivableTitles.runId, runId));
}

/** Titles by id, for the documents that refer to them (no scope: the caller already holds the referring titles). */
export async function titlesByIds(db: Db, ids: readonly string[]): Promise<TitleRow[]> {
  if (!ids.length) return [];
  return db.select().from(receivableTitles).where(inArray(receivableTitles.id, [...new Set(ids)]));
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
