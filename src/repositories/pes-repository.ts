import { eq, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../db/database.ts';
import { organisations, pesSettings } from '../db/schema/index.ts';

export type PesSettingsRow = typeof pesSettings.$inferSelect;

export async function findPesSettings(db: Db, providerId: string): Promise<PesSettingsRow | null> {
  const [row] = await db.select().from(pesSettings).where(eq(pesSettings.providerId, providerId));
  return row ?? null;
}

export async function savePesSettings(db: Db, values: typeof pesSettings.$inferInsert): Promise<void> {
  await db.insert(pesSettings).values(values).onConflictDoUpdate({ target: pesSettings.providerId, set: { ...values } });
}

/**
 * The bordereau number of a run's titles (or reductions) in its fiscal year: its rank among the provider's runs
 * of that year holding such documents, by issue time. Runs never change, so the number is stable and the
 * numbers have no gap (PES-V2-NOTES R11: sequential per exercise and bordereau type).
 */
export async function bordereauNumber(db: Db, providerId: string, fiscalYear: number, issuedAt: string, kind: 'title' | 'reduction'): Promise<number> {
  const [row] = rowsOf<{ rank: number }>(
    await db.execute(sql`SELECT count(DISTINCT r.id)::int AS rank FROM billing_run r JOIN receivable_title t ON t.run_id = r.id
      WHERE r.provider_id = ${providerId}::uuid AND t.fiscal_year = ${fiscalYear} AND t.kind = ${kind} AND r.issued_at <= ${issuedAt}::timestamptz`),
  );
  return Number(row?.rank ?? 0);
}

export async function debtorsOf(db: Db, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind, siret: organisations.siret, siren: organisations.siren, insee: organisations.inseeCode, line1: organisations.addressLine1, postalCode: organisations.postalCode, city: organisations.city })
    .from(organisations)
    .where(sql`${organisations.id} = ANY(${`{${ids.join(',')}}`}::uuid[])`);
}
