import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../db/database.ts';
import { annualReports } from '../db/schema/index.ts';

/**
 * The year's records of one agreement for its annual report (seed 001 art. 6.3). Callers have already checked
 * that the agreement is visible (agreementVisibleTo); every row read here belongs to that agreement.
 */
export type AnnualReportRow = typeof annualReports.$inferSelect;

export async function findAnnualReport(db: Db, agreementId: string, year: number, forUpdate = false): Promise<AnnualReportRow | null> {
  const query = db.select().from(annualReports).where(and(eq(annualReports.agreementId, agreementId), eq(annualReports.year, year)));
  const rows = forUpdate ? await query.for('update') : await query;
  return rows[0] ?? null;
}

export async function insertAnnualReport(db: Db, values: Omit<typeof annualReports.$inferInsert, 'id'>): Promise<void> {
  await db.insert(annualReports).values(values);
}

export async function updateAnnualReport(db: Db, id: string, values: Partial<Pick<typeof annualReports.$inferInsert, 'texts' | 'status' | 'figures' | 'finalisedOn' | 'finalisedBy' | 'updatedAt'>>): Promise<void> {
  await db.update(annualReports).set(values).where(eq(annualReports.id, id));
}

/** Lines opened under the agreement, with the volume in force at the end of the year. */
export async function agreementServiceLines(db: Db, agreementId: string, yearEnd: string) {
  const result = await db.execute(sql`
    SELECT o.name AS "organisationName", l.line, l.opened_on::text AS "openedOn", l.withdrawn_on::text AS "withdrawnOn",
      coalesce((SELECT q.quantity FROM subscription_quantity q WHERE q.line_id = l.id AND q.effective_from <= ${yearEnd} ORDER BY q.effective_from DESC LIMIT 1), l.quantity)::int AS quantity
    FROM subscription_line l
    JOIN subscription_request r ON r.id = l.request_id
    JOIN organisation o ON o.id = l.organisation_id
    WHERE r.agreement_id = ${agreementId} AND l.opened_on IS NOT NULL
    ORDER BY o.name, l.line, l.opened_on`);
  return rowsOf<{ organisationName: string; line: string; openedOn: string; withdrawnOn: string | null; quantity: number }>(result);
}

/** Documents issued by the agreement's billing runs for the periods of a year (whenever issued), with what was paid on each. */
export async function agreementDocuments(db: Db, agreementId: string, fiscalYear: number) {
  const result = await db.execute(sql`
    SELECT t.kind, t.amount_incl_cents::bigint AS "amountInclCents",
      coalesce((SELECT sum(p.amount_cents) FROM title_payment p WHERE p.title_id = t.id), 0)::bigint AS "paidCents"
    FROM receivable_title t
    JOIN billing_run b ON b.id = t.run_id
    WHERE b.agreement_id = ${agreementId} AND b.year = ${fiscalYear}`);
  return rowsOf<{ kind: string; amountInclCents: string | number; paidCents: string | number }>(result).map((r) => ({ kind: r.kind, amountInclCents: Number(r.amountInclCents), paidCents: Number(r.paidCents) }));
}

/** The lines billed under the agreement in a fiscal year (to attribute the provider's unit costs). */
export async function agreementBilledLines(db: Db, agreementId: string, fiscalYear: number): Promise<string[]> {
  const result = await db.execute(sql`
    SELECT DISTINCT l.value->>'line' AS line FROM receivable_title_content c
    JOIN receivable_title t ON t.id = c.title_id
    JOIN billing_run b ON b.id = t.run_id
    CROSS JOIN LATERAL jsonb_array_elements(c.lines::jsonb) AS l
    WHERE b.agreement_id = ${agreementId} AND b.year = ${fiscalYear}`);
  return rowsOf<{ line: string }>(result).map((r) => r.line);
}

export async function providerUnitCosts(db: Db, providerId: string, fiscalYear: number) {
  const result = await db.execute(sql`SELECT line_code AS line, forecast_units AS "forecastUnits", charges FROM unit_cost WHERE provider_id = ${providerId} AND fiscal_year = ${fiscalYear} ORDER BY line_code`);
  return rowsOf<{ line: string; forecastUnits: number; charges: { amountCents: number }[] }>(result);
}
