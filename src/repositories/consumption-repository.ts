import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { rowsOf, type Db, type Tx } from '../db/database.ts';
import { consumptionImports, consumptionSnapshotHistory, consumptionSnapshots, memberships, organisations } from '../db/schema/index.ts';

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

/**
 * Every line ever opened by the provider's members, with its open period. At national scale that is 360,000
 * rows: they come back as one text (a line each, fields separated by tabs), which both drivers hand over
 * several times faster than as row objects.
 */
export async function openedLines(db: Db, providerId: string): Promise<{ organisationId: string; line: string; optionsKey: string; openedOn: string; withdrawnOn: string | null }[]> {
  const [result] = rowsOf<{ lines: string | null }>(
    await db.execute(sql`SELECT string_agg(concat_ws(E'\t', organisation_id::text, line, options_key, opened_on::text, coalesce(withdrawn_on::text, '')), E'\n') AS lines
      FROM subscription_line WHERE provider_id = ${providerId}::uuid AND opened_on IS NOT NULL`),
  );
  if (!result?.lines) return [];
  return result.lines.split('\n').map((text) => {
    const [organisationId, line, optionsKey, openedOn, withdrawnOn] = text.split('\t') as [string, string, string, string, string];
    return { organisationId, line, optionsKey, openedOn, withdrawnOn: withdrawnOn || null };
  });
}

export const STAGE_COLUMNS = ['kind', 'organisation_id', 'line', 'options_key', 'year', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9', 'm10', 'm11', 'm12'] as const;

/**
 * A temporary table for one import's writes, dropped with the transaction: one row per member, service and
 * year to insert, update, or correct (update after keeping the stored year in history). Twelve plain columns
 * load faster by COPY than an array literal; the array is built in SQL.
 */
export async function createStage(tx: Tx): Promise<void> {
  await tx.db.execute(sql`CREATE TEMP TABLE snapshot_stage_raw (kind text NOT NULL, organisation_id uuid NOT NULL, line text NOT NULL, options_key text NOT NULL, year integer NOT NULL,
    m1 integer, m2 integer, m3 integer, m4 integer, m5 integer, m6 integer, m7 integer, m8 integer, m9 integer, m10 integer, m11 integer, m12 integer) ON COMMIT DROP`);
}

const STAGE = sql.raw(`(SELECT kind, organisation_id, line, options_key, year, ARRAY[m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12] AS units FROM snapshot_stage_raw)`);

/** Serialises imports of one provider: the stored years read for merging cannot change under us. */
export async function lockProviderSnapshots(db: Db, providerId: string): Promise<void> {
  await db.execute(sql`SELECT 1 FROM provider WHERE organisation_id = ${providerId}::uuid FOR UPDATE`);
}

/** The provider's stored years in a range (raw rows: 360,000 a year at national scale). */
export async function storedYears(db: Db, providerId: string, fromYear: number, toYear: number) {
  return rowsOf<{ organisationId: string; line: string; optionsKey: string; year: number; units: (number | null)[] }>(
    await db.execute(sql`SELECT organisation_id AS "organisationId", line, options_key AS "optionsKey", year, units
      FROM consumption_snapshot WHERE provider_id = ${providerId}::uuid AND year BETWEEN ${fromYear} AND ${toYear}`),
  );
}

/** Applies the staged writes: history of corrected years first, then updates, then inserts. */
export async function applyStage(db: Db, providerId: string, importId: string, at: string): Promise<void> {
  const keys = sql`c.provider_id = ${providerId}::uuid AND c.organisation_id = s.organisation_id AND c.line = s.line AND c.options_key = s.options_key AND c.year = s.year`;
  await db.execute(sql`INSERT INTO consumption_snapshot_history (provider_id, organisation_id, line, options_key, year, units, import_id, recorded_at, replaced_at, replaced_by_import)
    SELECT c.provider_id, c.organisation_id, c.line, c.options_key, c.year, c.units, c.import_id, c.recorded_at, ${at}::timestamptz, ${importId}::uuid
    FROM consumption_snapshot c JOIN ${STAGE} AS s ON ${keys} WHERE s.kind = 'correct'`);
  await db.execute(sql`UPDATE consumption_snapshot c SET units = s.units, import_id = ${importId}::uuid, recorded_at = ${at}::timestamptz
    FROM ${STAGE} AS s WHERE ${keys} AND s.kind IN ('update', 'correct')`);
  // In key order: the primary key's B-tree then fills pages one after the other instead of splitting at random.
  await db.execute(sql`INSERT INTO consumption_snapshot (provider_id, organisation_id, line, options_key, year, units, import_id, recorded_at)
    SELECT ${providerId}::uuid, organisation_id, line, options_key, year, units, ${importId}::uuid, ${at}::timestamptz FROM ${STAGE} AS s WHERE s.kind = 'insert'
    ORDER BY organisation_id, line, options_key, year`);
}

export async function insertImport(db: Db, values: typeof consumptionImports.$inferInsert): Promise<void> {
  await db.insert(consumptionImports).values(values);
}

/** A member's snapshot years. */
export async function snapshotsOf(db: Db, providerId: string | null, organisationId: string, fromYear: number, toYear: number) {
  return db
    .select({ providerId: consumptionSnapshots.providerId, line: consumptionSnapshots.line, optionsKey: consumptionSnapshots.optionsKey, year: consumptionSnapshots.year, units: consumptionSnapshots.units })
    .from(consumptionSnapshots)
    .where(
      and(
        providerId ? eq(consumptionSnapshots.providerId, providerId) : undefined,
        eq(consumptionSnapshots.organisationId, organisationId),
        gte(consumptionSnapshots.year, fromYear),
        lte(consumptionSnapshots.year, toYear),
      ),
    )
    .orderBy(asc(consumptionSnapshots.line), asc(consumptionSnapshots.optionsKey), asc(consumptionSnapshots.year));
}

export async function historyOf(db: Db, providerId: string | null, organisationId: string, year: number) {
  return db
    .select()
    .from(consumptionSnapshotHistory)
    .where(
      and(
        providerId ? eq(consumptionSnapshotHistory.providerId, providerId) : undefined,
        eq(consumptionSnapshotHistory.organisationId, organisationId),
        eq(consumptionSnapshotHistory.year, year),
      ),
    )
    .orderBy(asc(consumptionSnapshotHistory.replacedAt));
}
