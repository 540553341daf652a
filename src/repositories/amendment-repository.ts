import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { agreementAmendments, agreements, amendmentApprovals, documentTemplates, organisations, renewalLetters } from '../db/schema/index.ts';

export type AmendmentRow = typeof agreementAmendments.$inferSelect;
export type ApprovalRow = typeof amendmentApprovals.$inferSelect & { organisationName: string };

export async function amendmentsOf(db: Db, agreementId: string): Promise<AmendmentRow[]> {
  return db.select().from(agreementAmendments).where(eq(agreementAmendments.agreementId, agreementId)).orderBy(asc(agreementAmendments.number));
}

export async function approvalsOf(db: Db, amendmentIds: string[]): Promise<ApprovalRow[]> {
  if (!amendmentIds.length) return [];
  const rows = await db
    .select({ approval: amendmentApprovals, organisationName: organisations.name })
    .from(amendmentApprovals)
    .innerJoin(organisations, eq(organisations.id, amendmentApprovals.organisationId))
    .where(inArray(amendmentApprovals.amendmentId, amendmentIds))
    .orderBy(asc(amendmentApprovals.approvedOn));
  return rows.map((r) => ({ ...r.approval, organisationName: r.organisationName }));
}

/**
 * Inserts the next amendment of an agreement. The agreement row is locked first so two amendments
 * written at once get consecutive numbers, never the same one.
 */
export async function insertAmendment(db: Db, values: Omit<typeof agreementAmendments.$inferInsert, 'id' | 'number'>): Promise<AmendmentRow> {
  await db.execute(sql`SELECT 1 FROM ${agreements} WHERE ${agreements.id} = ${values.agreementId} FOR UPDATE`);
  const [last] = await db
    .select({ number: sql<number>`coalesce(max(${agreementAmendments.number}), 0)::int` })
    .from(agreementAmendments)
    .where(eq(agreementAmendments.agreementId, values.agreementId));
  const [row] = await db.insert(agreementAmendments).values({ ...values, number: (last?.number ?? 0) + 1 }).returning();
  return row!;
}

export async function insertApproval(db: Db, values: typeof amendmentApprovals.$inferInsert): Promise<void> {
  await db.insert(amendmentApprovals).values(values);
}

export async function markAmendmentRejected(db: Db, amendmentId: string, rejectedOn: string): Promise<void> {
  await db.update(agreementAmendments).set({ rejectedOn }).where(eq(agreementAmendments.id, amendmentId));
}

export type RenewalLetterRow = typeof renewalLetters.$inferSelect;

export async function renewalLettersOf(db: Db, agreementId: string): Promise<RenewalLetterRow[]> {
  return db.select().from(renewalLetters).where(eq(renewalLetters.agreementId, agreementId)).orderBy(asc(renewalLetters.receivedOn));
}

/** Records an accepted renewal letter and counts one more express renewal on the agreement. */
export async function insertRenewalLetter(db: Db, values: Omit<typeof renewalLetters.$inferInsert, 'id'>): Promise<string> {
  const [row] = await db.insert(renewalLetters).values(values).returning({ id: renewalLetters.id });
  await db
    .update(agreements)
    .set({ expressRenewals: sql`${agreements.expressRenewals} + 1`, updatedAt: values.createdAt })
    .where(eq(agreements.id, values.agreementId));
  return row!.id;
}

export type DocumentTemplateRow = typeof documentTemplates.$inferSelect;

export async function findDocumentTemplate(db: Db, providerId: string, kind: string): Promise<DocumentTemplateRow | null> {
  const rows = await db.select().from(documentTemplates).where(and(eq(documentTemplates.providerId, providerId), eq(documentTemplates.kind, kind)));
  return rows[0] ?? null;
}

export async function listDocumentTemplates(db: Db, providerId: string): Promise<Omit<DocumentTemplateRow, 'content'>[]> {
  return db
    .select({ providerId: documentTemplates.providerId, kind: documentTemplates.kind, fileName: documentTemplates.fileName, uploadedAt: documentTemplates.uploadedAt })
    .from(documentTemplates)
    .where(eq(documentTemplates.providerId, providerId))
    .orderBy(asc(documentTemplates.kind));
}

export async function saveDocumentTemplate(db: Db, values: typeof documentTemplates.$inferInsert): Promise<void> {
  await db
    .insert(documentTemplates)
    .values(values)
    .onConflictDoUpdate({ target: [documentTemplates.providerId, documentTemplates.kind], set: { fileName: values.fileName, content: values.content, uploadedAt: values.uploadedAt } });
}

export async function deleteDocumentTemplate(db: Db, providerId: string, kind: string): Promise<boolean> {
  const rows = await db.delete(documentTemplates).where(and(eq(documentTemplates.providerId, providerId), eq(documentTemplates.kind, kind))).returning({ kind: documentTemplates.kind });
  return rows.length > 0;
}
