import { and, asc, eq, gte, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import { rowsOf, type Db, type Tx } from '../db/database.ts';
import { consumptionImports, consumptionSnapshotHistory, consumptionSnapshots, memberships, organisations, subscriptionLines } from '../db/schema/index.ts';

/** The provider's members and former members by every identifier a file may use: SIREN, INSEE code, id. */
export async function memberIdentifiers(db: Db, providerId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: organisations.id, siren: organisations.siren, insee: organisations.inseeCode })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.memberId))
    .where(and(eq(memberships.providerId, providerId), inArray(memberships.status, ['member', 'former'])));
  const map = new Map<string, string>();
  for (const row of rows) {
    map.set(row.id, row.id);
    if (row.siren) map.set(row.siren, row.id);
    if (row.insee) map.set(row.insee, row.id);
  }
  return map;
}

/** Every line ever opened by the provider's members, with its open period. */
export async function openedLines(db: Db, providerId: string) {
  return db
    .select({ organisationId: subscriptionLines.organisationId, line: subscriptionLines.line, optionsKey: subscriptionLines.optionsKey, openedOn: subscriptionLines.openedOn, withdrawnOn: subscriptionLines.withdrawnOn })
    .from(subscriptionLines)
    .where(and(eq(subscriptionLines.providerId, providerId), isNotNull(subscriptionLines.openedOn)));
}

export const STAGE_COLUMNS = ['organisation_id', 'line', 'options_key', 'month', 'units'] as const;

/** A temporary table for one import, dropped with the transaction. */
export async function createStage(tx: Tx): Promise<void> {
  await tx.db.execute(sql`CREATE TEMP TABLE snapshot_stage (organisation_id uuid NOT NULL, line text NOT NULL, options_key text NOT NULL, month date NOT NULL, units integer NOT NULL) ON COMMIT DROP`);
}

/**
 * Writes the staged rows: previous values of changed snapshots go to the history, then one set-based upsert.
 * When the provider has no snapshot yet in the months staged (a first load), it is a plain INSERT.
 */
export async function applyStage(db: Db, providerId: string, importId: string, at: string): Promise<{ updated: number; unchanged: number }> {
  const [range] = rowsOf<{ from: string | null; to: string | null }>(await db.execute(sql`SELECT min(month)::text AS "from", max(month)::text AS "to" FROM snapshot_stage`));
  if (!range?.from || !range.to) return { updated: 0, unchanged: 0 };
  const existing = await db
    .select({ one: sql`1` })
    .from(consumptionSnapshots)
    .where(and(eq(consumptionSnapshots.providerId, providerId), gte(consumptionSnapshots.month, range.from), lte(consumptionSnapshots.month, range.to)))
    .limit(1);
  if (!existing.length) {
    await db.execute(sql`INSERT INTO consumption_snapshot (provider_id, organisation_id, line, options_key, month, units, import_id, recorded_at)
      SELECT ${providerId}::uuid, organisation_id, line, options_key, month, units, ${importId}::uuid, ${at}::timestamptz FROM snapshot_stage`);
    return { updated: 0, unchanged: 0 };
  }
  const join = sql`FROM snapshot_stage s JOIN consumption_snapshot c ON c.provider_id = ${providerId}::uuid AND c.organisation_id = s.organisation_id AND c.line = s.line AND c.options_key = s.options_key AND c.month = s.month`;
  const [counts] = rowsOf<{ updated: number; unchanged: number }>(await db.execute(sql`SELECT count(*) FILTER (WHERE c.units <> s.units)::int AS updated, count(*) FILTER (WHERE c.units = s.units)::int AS unchanged ${join}`));
  if (counts!.updated) {
    await db.execute(sql`INSERT INTO consumption_snapshot_history (provider_id, organisation_id, line, options_key, month, units, import_id, recorded_at, replaced_at, replaced_by_import)
      SELECT c.provider_id, c.organisation_id, c.line, c.options_key, c.month, c.units, c.import_id, c.recorded_at, ${at}::timestamptz, ${importId}::uuid ${join} WHERE c.units <> s.units`);
  }
  await db.execute(sql`INSERT INTO consumption_snapshot (provider_id, organisation_id, line, options_key, month, units, import_id, recorded_at)
    SELECT ${providerId}::uuid, organisation_id, line, options_key, month, units, ${importId}::uuid, ${at}::timestamptz FROM snapshot_stage
    ON CONFLICT ON CONSTRAINT consumption_snapshot_pkey DO UPDATE SET units = excluded.units, import_id = excluded.import_id, recorded_at = excluded.recorded_at
    WHERE consumption_snapshot.units <> excluded.units`);
  return { updated: Number(counts!.updated), unchanged: Number(counts!.unchanged) };
}

export async function insertImport(db: Db, values: typeof consumptionImports.$inferInsert): Promise<void> {
  await db.insert(consumptionImports).values(values);
}

/** A member's snapshots over a period, month by month. */
export async function snapshotsOf(db: Db, providerId: string | null, organisationId: string, from: string, to: string) {
  return db
    .select({ providerId: consumptionSnapshots.providerId, line: consumptionSnapshots.line, optionsKey: consumptionSnapshots.optionsKey, month: consumptionSnapshots.month, units: consumptionSnapshots.units })
    .from(consumptionSnapshots)
    .where(
      and(
        providerId ? eq(consumptionSnapshots.providerId, providerId) : undefined,
        eq(consumptionSnapshots.organisationId, organisationId),
        gte(consumptionSnapshots.month, from),
        lte(consumptionSnapshots.month, to),
      ),
    )
    .orderBy(asc(consumptionSnapshots.line), asc(consumptionSnapshots.optionsKey), asc(consumptionSnapshots.month));
}

export async function historyOf(db: Db, providerId: string | null, organisationId: string, from: string, to: string) {
  return db
    .select()
    .from(consumptionSnapshotHistory)
    .where(
      and(
        providerId ? eq(consumptionSnapshotHistory.providerId, providerId) : undefined,
        eq(consumptionSnapshotHistory.organisationId, organisationId),
        gte(consumptionSnapshotHistory.month, from),
        lte(consumptionSnapshotHistory.month, to),
      ),
    )
    .orderBy(asc(consumptionSnapshotHistory.month), asc(consumptionSnapshotHistory.replacedAt));
}
