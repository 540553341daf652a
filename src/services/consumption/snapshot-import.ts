import { randomUUID } from 'node:crypto';
import { coverageKey, createFileChecker, type OpenPeriod } from '../../domain/consumption/file-checks.ts';
import { createRowParser, type RawSnapshotRow, type RowError } from '../../domain/consumption/snapshot-row.ts';
import type { CivilDate } from '../../domain/civil-date.ts';
import { recordAudit } from '../../repositories/audit-repository.ts';
import { applyStage, createStage, insertImport, lockProviderSnapshots, memberIdentifiers, openedLines, STAGE_COLUMNS, storedYears } from '../../repositories/consumption-repository.ts';
import { planWrite, yearKey, type StoredYear, type WritePlan } from '../../domain/consumption/merge.ts';
import { assertActsFor } from '../catalogue/catalogue-service.ts';
import { loadProviderPricing } from '../catalogue/grid-service.ts';
import { require, type Deps, type Principal } from '../context.ts';

/** The planned writes as COPY CSV chunks, one column per month. */
function* stageChunks(plan: WritePlan): Generator<string> {
  let chunk: string[] = [];
  for (const y of [...plan.inserts, ...plan.updates]) {
    const kind = !y.replaces ? 'insert' : y.corrects ? 'correct' : 'update';
    // A month without value is an empty unquoted field: NULL in COPY's CSV format.
    const units = y.units.map((u) => (u === null ? '' : String(u))).join(',');
    chunk.push(`${kind},${y.organisationId},${csvField(y.line)},${csvField(y.optionsKey)},${y.year},${units}`);
    if (chunk.length === CHUNK_ROWS) {
      yield chunk.join('\n');
      chunk = [];
    }
  }
  if (chunk.length) yield chunk.join('\n');
}

export interface SnapshotImportResult {
  importId: string | null;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Every error up to `MAX_ERRORS`, with its row and column; `errorCount` counts them all. */
  errors: RowError[];
  errorCount: number;
  dryRun: boolean;
}

const MAX_ERRORS = 1000;
const NEEDS_QUOTES = /[",\r\n]/;
// In COPY's CSV format an empty unquoted field is NULL: the empty options key is written "".
const csvField = (value: string) => (value === '' ? '""' : NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
/** Staged years per COPY: a national year goes in a few chunks without one huge string. */
const CHUNK_ROWS = 100_000;

/**
 * Imports monthly snapshots (seed 004 art. 9.2.3) all or nothing: every row is checked (format, member,
 * line and options, month within an open subscription, duplicates) before anything is written; with any
 * error, nothing is written and every error comes back with its row. Rows identical to what is stored change
 * nothing, so importing the same file twice is harmless; a changed value keeps the previous one in history.
 * Rows stream through: a year at national scale (4.2 million rows) is parsed once and loaded by COPY.
 */
export async function importSnapshots(
  deps: Deps,
  principal: Principal,
  providerId: string,
  batches: AsyncIterable<RawSnapshotRow[]> | Iterable<RawSnapshotRow[]>,
  options: {
    source: 'file' | 'api' | 'entry';
    fileName?: string | undefined;
    dryRun?: boolean | undefined;
    /** Called as the import moves on (rows read so far), for a progress display. */
    onProgress?: ((phase: 'reference' | 'rows' | 'write' | 'done', rows: number) => void) | undefined;
  },
): Promise<SnapshotImportResult> {
  require(principal, 'consumption:write');
  assertActsFor(principal, providerId);
  const db = deps.database.db;
  const { catalogue } = await loadProviderPricing(db, providerId);
  const members = await memberIdentifiers(db, providerId);
  const coverage = new Map<string, OpenPeriod[]>();
  for (const line of await openedLines(db, providerId)) {
    const key = coverageKey(line.organisationId, line.line, line.optionsKey);
    // Dates from the database are valid civil dates already.
    const period = { openedOn: line.openedOn as CivilDate, withdrawnOn: line.withdrawnOn as CivilDate | null };
    coverage.set(key, [...(coverage.get(key) ?? []), period]);
  }
  const checker = createFileChecker(members, coverage);
  const parse = createRowParser(catalogue);
  const progress = options.onProgress ?? (() => undefined);
  progress('reference', 0);
  const errors: RowError[] = [];
  let errorCount = 0;
  let rows = 0;
  for await (const batch of batches) {
    for (const raw of batch) {
      rows++;
      // Row 1 is the header in a file; data starts on row 2, as a spreadsheet numbers it.
      const rowNumber = raw.row ?? rows + 1;
      const parsed = parse(raw, rowNumber);
      const rowErrors = parsed.ok ? checker.check(parsed.value, rowNumber) : parsed.errors;
      if (rowErrors) {
        errorCount += rowErrors.length;
        if (errors.length < MAX_ERRORS) errors.push(...rowErrors.slice(0, MAX_ERRORS - errors.length));
      }
    }
    progress('rows', rows);
  }
  const empty = { importId: null, rows, created: 0, updated: 0, unchanged: 0, dryRun: Boolean(options.dryRun) };
  if (errorCount) return { ...empty, errors, errorCount };
  if (!rows) return { ...empty, errors: [{ row: 1, column: 'ligne', message: 'le fichier ne contient aucune ligne de données' }], errorCount: 1 };
  const incoming = [...checker.years()];
  // A loop, not Math.min(...years): a national year is 360,000 entries, too many for spread arguments.
  let first = Infinity;
  let last = -Infinity;
  for (const y of incoming) {
    first = Math.min(first, y.year);
    last = Math.max(last, y.year);
  }
  const planAgainstStored = async (db: typeof deps.database.db) => {
    const stored = new Map<string, StoredYear>();
    for (const row of await storedYears(db, providerId, first, last)) stored.set(yearKey(row), row);
    return planWrite(incoming, stored);
  };
  if (options.dryRun) {
    // A check says what the import would do: the same comparison with what is stored, nothing written.
    const plan = await planAgainstStored(deps.database.db);
    return { ...empty, errors: [], errorCount: 0, created: plan.created, updated: plan.updated, unchanged: plan.unchanged };
  }
  const at = deps.clock.now().toISOString();
  const importId = randomUUID();
  progress('write', rows);
  const written = await deps.database.transaction(async (tx) => {
    await lockProviderSnapshots(tx.db, providerId);
    const plan = await planAgainstStored(tx.db);
    if (plan.inserts.length || plan.updates.length) {
      await createStage(tx);
      for (const csv of stageChunks(plan)) await tx.copyCsv('snapshot_stage_raw', STAGE_COLUMNS, csv);
      await applyStage(tx.db, providerId, importId, at);
    }
    const result = { rows, created: plan.created, updated: plan.updated, unchanged: plan.unchanged };
    await insertImport(tx.db, { id: importId, providerId, source: options.source, fileName: options.fileName ?? null, ...result, actorLabel: principal.label, importedAt: at });
    // One audit entry per import; the previous values of every corrected year are in the history table.
    await recordAudit(tx.db, principal, deps.clock.now(), { action: 'import', entityType: 'consumption_import', entityId: importId, organisationId: providerId, after: { ...result, fileName: options.fileName ?? null, source: options.source } });
    return result;
  });
  progress('done', rows);
  return { importId, ...written, errors: [], errorCount: 0, dryRun: false };
}
