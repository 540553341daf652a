import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Scope } from '../domain/access/roles.ts';
import type { Db } from '../db/database.ts';
import { organisations, providers, quoteLines, quotes } from '../db/schema/index.ts';
import { providerMemberVisibleTo } from '../db/scope.ts';

export type QuoteRow = Omit<typeof quotes.$inferSelect, 'signedDocument'> & { organisationName: string };
export type QuoteLineRow = typeof quoteLines.$inferSelect;

const columns = {
  id: quotes.id,
  providerId: quotes.providerId,
  organisationId: quotes.organisationId,
  requestId: quotes.requestId,
  year: quotes.year,
  sequence: quotes.sequence,
  number: quotes.number,
  subject: quotes.subject,
  issuedOn: quotes.issuedOn,
  validUntil: quotes.validUntil,
  sentOn: quotes.sentOn,
  acceptedOn: quotes.acceptedOn,
  acceptedBy: quotes.acceptedBy,
  signedFileName: quotes.signedFileName,
  declinedOn: quotes.declinedOn,
  totalCents: quotes.totalCents,
  createdAt: quotes.createdAt,
  organisationName: organisations.name,
};

export async function listQuoteRows(db: Db, scope: Scope, filter: { providerId?: string | undefined; organisationId?: string | undefined }, id?: string): Promise<QuoteRow[]> {
  return db
    .select(columns)
    .from(quotes)
    .innerJoin(organisations, eq(organisations.id, quotes.organisationId))
    .where(
      and(
        providerMemberVisibleTo(scope, quotes.providerId, quotes.organisationId),
        filter.providerId ? eq(quotes.providerId, filter.providerId) : undefined,
        filter.organisationId ? eq(quotes.organisationId, filter.organisationId) : undefined,
        id ? eq(quotes.id, id) : undefined,
      ),
    )
    .orderBy(desc(quotes.year), desc(quotes.sequence))
    .limit(2000);
}

export async function linesOfQuotes(db: Db, quoteIds: string[]): Promise<QuoteLineRow[]> {
  if (!quoteIds.length) return [];
  return db.select().from(quoteLines).where(inArray(quoteLines.quoteId, quoteIds)).orderBy(asc(quoteLines.quoteId), asc(quoteLines.position));
}

/**
 * Inserts a quote with the next number of its provider and year. The provider row is locked first, so two
 * quotes issued at once never share a number and no number is skipped.
 */
export async function insertQuote(
  db: Db,
  values: Omit<typeof quotes.$inferInsert, 'id' | 'sequence' | 'number'>,
  lines: Omit<typeof quoteLines.$inferInsert, 'id' | 'quoteId'>[],
): Promise<string> {
  await db.execute(sql`SELECT 1 FROM ${providers} WHERE ${providers.organisationId} = ${values.providerId} FOR UPDATE`);
  const [last] = await db
    .select({ sequence: sql<number>`coalesce(max(${quotes.sequence}), 0)::int` })
    .from(quotes)
    .where(and(eq(quotes.providerId, values.providerId), eq(quotes.year, values.year)));
  const sequence = (last?.sequence ?? 0) + 1;
  const [row] = await db
    .insert(quotes)
    .values({ ...values, sequence, number: `DEV-${values.year}-${String(sequence).padStart(4, '0')}` })
    .returning({ id: quotes.id });
  await db.insert(quoteLines).values(lines.map((l) => ({ ...l, quoteId: row!.id })));
  return row!.id;
}

export async function updateQuote(db: Db, id: string, values: Partial<Pick<typeof quotes.$inferInsert, 'sentOn' | 'acceptedOn' | 'acceptedBy' | 'signedFileName' | 'signedDocument' | 'declinedOn'>>): Promise<void> {
  await db.update(quotes).set(values).where(eq(quotes.id, id));
}

export async function signedDocumentOf(db: Db, id: string): Promise<{ fileName: string | null; content: Buffer | null } | null> {
  const rows = await db.select({ fileName: quotes.signedFileName, content: quotes.signedDocument }).from(quotes).where(eq(quotes.id, id));
  return rows[0] ?? null;
}
