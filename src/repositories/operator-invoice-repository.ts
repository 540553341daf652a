import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../db/database.ts';
import { operatorInvoiceLines, operatorInvoices, operatorPenalties, organisations } from '../db/schema/index.ts';
import { providerMemberVisibleTo, visibleProviders } from '../db/scope.ts';
import type { Scope } from '../domain/access/roles.ts';

const header = {
  id: operatorInvoices.id,
  providerId: operatorInvoices.providerId,
  operator: operatorInvoices.operator,
  marketLot: operatorInvoices.marketLot,
  number: operatorInvoices.number,
  issuedOn: operatorInvoices.issuedOn,
  periodFrom: operatorInvoices.periodFrom,
  periodTo: operatorInvoices.periodTo,
  paidOn: operatorInvoices.paidOn,
  amountCents: operatorInvoices.amountCents,
  vatCents: operatorInvoices.vatCents,
  copyFileName: operatorInvoices.copyFileName,
  importedAt: operatorInvoices.importedAt,
};
export type InvoiceHeaderRow = { [K in keyof typeof header]: (typeof operatorInvoices.$inferSelect)[K] };

/** Stored invoices of a provider by (operator, number), with their lines in order: to recognise a re-import. */
export async function invoicesByNumber(db: Db, providerId: string, keys: { operator: string; number: string }[]) {
  if (!keys.length) return new Map<string, { header: InvoiceHeaderRow; lines: (typeof operatorInvoiceLines.$inferSelect)[] }>();
  const numbers = [...new Set(keys.map((k) => k.number))];
  const headers = await db.select(header).from(operatorInvoices).where(and(eq(operatorInvoices.providerId, providerId), inArray(operatorInvoices.number, numbers)));
  const lines = headers.length ? await db.select().from(operatorInvoiceLines).where(inArray(operatorInvoiceLines.invoiceId, headers.map((h) => h.id))).orderBy(asc(operatorInvoiceLines.position)) : [];
  return new Map(headers.map((h) => [`${h.operator}\u0001${h.number}`, { header: h, lines: lines.filter((l) => l.invoiceId === h.id) }]));
}

export async function insertInvoice(db: Db, invoice: typeof operatorInvoices.$inferInsert, lines: (typeof operatorInvoiceLines.$inferInsert)[]): Promise<void> {
  await db.insert(operatorInvoices).values(invoice);
  for (let i = 0; i < lines.length; i += 1000) await db.insert(operatorInvoiceLines).values(lines.slice(i, i + 1000));
}

/**
 * Invoices provider staff see (their provider's), newest first, with each invoice's members. A member sees an
 * invoice only through its own lines (statements), never the list: an invoice may cover several members.
 */
export async function listInvoiceRows(db: Db, scope: Scope, filter: { providerId?: string | undefined; from: string; to: string }) {
  // The outer invoice's id, qualified: an unqualified "id" inside the subquery would be the organisation's.
  const members = sql<string[]>`(SELECT coalesce(array_agg(DISTINCT o.name ORDER BY o.name), '{}') FROM operator_invoice_line l JOIN organisation o ON o.id = l.organisation_id WHERE l.invoice_id = ${operatorInvoices}.id)`;
  const lineCount = sql<number>`(SELECT count(*)::int FROM operator_invoice_line l WHERE l.invoice_id = operator_invoice.id)`;
  return db
    .select({ ...header, members, lineCount })
    .from(operatorInvoices)
    .where(and(visibleProviders(scope, operatorInvoices.providerId), filter.providerId ? eq(operatorInvoices.providerId, filter.providerId) : undefined, gte(operatorInvoices.periodFrom, filter.from), lte(operatorInvoices.periodFrom, filter.to)))
    .orderBy(desc(operatorInvoices.periodFrom), asc(operatorInvoices.operator), asc(operatorInvoices.number))
    .limit(5000);
}

export async function findInvoiceHeader(db: Db, id: string) {
  const [row] = await db.select(header).from(operatorInvoices).where(eq(operatorInvoices.id, id));
  return row ?? null;
}

export async function invoiceLineRows(db: Db, invoiceId: string) {
  return db
    .select({ line: operatorInvoiceLines, organisationName: organisations.name })
    .from(operatorInvoiceLines)
    .innerJoin(organisations, eq(organisations.id, operatorInvoiceLines.organisationId))
    .where(eq(operatorInvoiceLines.invoiceId, invoiceId))
    .orderBy(asc(operatorInvoiceLines.position));
}

/** The members an invoice's lines concern. */
export async function invoiceMembers(db: Db, invoiceId: string): Promise<string[]> {
  const rows = await db.selectDistinct({ id: operatorInvoiceLines.organisationId }).from(operatorInvoiceLines).where(eq(operatorInvoiceLines.invoiceId, invoiceId));
  return rows.map((r) => r.id);
}

export async function updateInvoice(db: Db, id: string, values: Partial<typeof operatorInvoices.$inferInsert>): Promise<void> {
  await db.update(operatorInvoices).set(values).where(eq(operatorInvoices.id, id));
}

export async function invoiceCopy(db: Db, id: string) {
  const [row] = await db.select({ fileName: operatorInvoices.copyFileName, contentType: operatorInvoices.copyContentType, content: operatorInvoices.copy }).from(operatorInvoices).where(eq(operatorInvoices.id, id));
  return row ?? null;
}

/**
 * One member's invoice lines with their invoice, billed periods starting between two dates (the attachment of
 * an invoice to a quarter: seed 000's quarterly statement). Filtered through the provider–member scope.
 */
export async function memberInvoiceLines(db: Db, scope: Scope, organisationId: string, providerId: string | null, from: string, to: string) {
  return db
    .select({
      providerId: operatorInvoices.providerId,
      invoiceId: operatorInvoices.id,
      operator: operatorInvoices.operator,
      marketLot: operatorInvoices.marketLot,
      number: operatorInvoices.number,
      issuedOn: operatorInvoices.issuedOn,
      periodFrom: operatorInvoices.periodFrom,
      periodTo: operatorInvoices.periodTo,
      paidOn: operatorInvoices.paidOn,
      hasCopy: sql<boolean>`${operatorInvoices.copyFileName} IS NOT NULL`,
      line: operatorInvoiceLines.line,
      site: operatorInvoiceLines.site,
      label: operatorInvoiceLines.label,
      amountCents: operatorInvoiceLines.amountCents,
      vatCents: operatorInvoiceLines.vatCents,
    })
    .from(operatorInvoiceLines)
    .innerJoin(operatorInvoices, eq(operatorInvoices.id, operatorInvoiceLines.invoiceId))
    .where(
      and(
        eq(operatorInvoiceLines.organisationId, organisationId),
        providerMemberVisibleTo(scope, operatorInvoices.providerId, operatorInvoiceLines.organisationId),
        providerId ? eq(operatorInvoices.providerId, providerId) : undefined,
        gte(operatorInvoices.periodFrom, from),
        lte(operatorInvoices.periodFrom, to),
      ),
    )
    .orderBy(asc(operatorInvoices.periodFrom), asc(operatorInvoices.number), asc(operatorInvoiceLines.position));
}

export async function insertPenalty(db: Db, values: typeof operatorPenalties.$inferInsert): Promise<string> {
  const [row] = await db.insert(operatorPenalties).values(values).returning({ id: operatorPenalties.id });
  return row!.id;
}

export async function penaltyRows(db: Db, scope: Scope, filter: { providerId?: string | null | undefined; organisationId?: string | undefined; from: string; to: string }) {
  return db
    .select({ penalty: operatorPenalties, organisationName: organisations.name })
    .from(operatorPenalties)
    .innerJoin(organisations, eq(organisations.id, operatorPenalties.organisationId))
    .where(
      and(
        providerMemberVisibleTo(scope, operatorPenalties.providerId, operatorPenalties.organisationId),
        filter.providerId ? eq(operatorPenalties.providerId, filter.providerId) : undefined,
        filter.organisationId ? eq(operatorPenalties.organisationId, filter.organisationId) : undefined,
        gte(operatorPenalties.receivedOn, filter.from),
        lte(operatorPenalties.receivedOn, filter.to),
      ),
    )
    .orderBy(asc(operatorPenalties.receivedOn), asc(organisations.name));
}

/** A member's operator invoice amounts (excl. VAT) per provider, line and month of the billed period's start. */
export async function memberInvoiceAmountsByMonth(db: Db, scope: Scope, organisationId: string, providerId: string | null, fromYear: number, toYear: number) {
  const visible = providerMemberVisibleTo(scope, sql`i.provider_id`, sql`l.organisation_id`);
  return rowsOf<{ providerId: string; line: string; year: number; month: number; amountCents: string | number }>(
    await db.execute(sql`SELECT i.provider_id AS "providerId", l.line, extract(year FROM i.period_from)::int AS year, extract(month FROM i.period_from)::int AS month, sum(l.amount_cents) AS "amountCents"
      FROM operator_invoice_line l JOIN operator_invoice i ON i.id = l.invoice_id
      WHERE l.organisation_id = ${organisationId}::uuid AND ${visible} ${providerId ? sql`AND i.provider_id = ${providerId}::uuid` : sql``}
        AND i.period_from BETWEEN ${`${fromYear}-01-01`}::date AND ${`${toYear}-12-31`}::date
      GROUP BY 1, 2, 3, 4 ORDER BY 2, 3, 4`),
  );
}
