import { randomUUID } from 'node:crypto';
import { coverageKey, createFileChecker, type OpenPeriod } from '../../domain/consumption/file-checks.ts';
import { parseSnapshotRow, type RawSnapshotRow, type RowError } from '../../domain/consumption/snapshot-row.ts';
import { parseCivilDate } from '../../domain/civil-date.ts';
import { recordAudit } from '../../repositories/audit-repository.ts';
import { applyStage, createStage, insertImport, memberIdentifiers, openedLines, STAGE_COLUMNS } from '../../repositories/consumption-repository.ts';
import { assertActsFor } from '../catalogue/catalogue-service.ts';
import { loadProviderPricing } from '../catalogue/grid-service.ts';
import { require, type Deps, type Principal } from '../context.ts';

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
/** Rows per COPY: a million-row file goes in a few chunks without one huge string. */
const CHUNK_ROWS = 250_000;

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
  records: AsyncIterable<RawSnapshotRow> | Iterable<RawSnapshotRow>,
  options: { source: 'file' | 'api' | 'entry'; fileName?: string | undefined; dryRun?: boolean | undefined },
): Promise<SnapshotImportResult> {
  require(principal, 'consumption:write');
  assertActsFor(principal, providerId);
  const db = deps.database.db;
  const { catalogue } = await loadProviderPricing(db, providerId);
  const members = await memberIdentifiers(db, providerId);
  const coverage = new Map<string, OpenPeriod[]>();
  for (const line of await openedLines(db, providerId)) {
    const key = coverageKey(line.organisationId, line.line, line.optionsKey);
    const period = { openedOn: parseCivilDate(line.openedOn!), withdrawnOn: line.withdrawnOn ? parseCivilDate(line.withdrawnOn) : null };
    coverage.set(key, [...(coverage.get(key) ?? []), period]);
  }
  const checker = createFileChecker(members, coverage);
  const chunks: string[] = [];
  let chunk: string[] = [];
  const errors: RowError[] = [];
  let errorCount = 0;
  let rows = 0;
  for await (const raw of records) {
    rows++;
    // Row 1 is the header in a file; data starts on row 2, as a spreadsheet numbers it.
    const rowNumber = raw.row ?? rows + 1;
    const parsed = parseSnapshotRow(raw, rowNumber, catalogue);
    const checked = parsed.ok ? checker.check(parsed.value, rowNumber) : parsed;
    if (!checked.ok) {
      errorCount += checked.errors.length;
      if (errors.length < MAX_ERRORS) errors.push(...checked.errors.slice(0, MAX_ERRORS - errors.length));
      continue;
    }
    if (errorCount) continue;
    const row = parsed.ok ? parsed.value : null;
    chunk.push(`${checked.organisationId},${csvField(row!.line)},${csvField(row!.optionsKey)},${row!.month},${row!.units}`);
    if (chunk.length === CHUNK_ROWS) {
      chunks.push(chunk.join('\n'));
      chunk = [];
    }
  }
  if (chunk.length) chunks.push(chunk.join('\n'));
  const empty = { importId: null, rows, created: 0, updated: 0, unchanged: 0, dryRun: Boolean(options.dryRun) };
  if (errorCount) return { ...empty, errors, errorCount };
  if (!rows) return { ...empty, errors: [{ row: 1, column: 'ligne', message: 'le fichier ne contient aucune ligne de données' }], errorCount: 1 };
  if (options.dryRun) return { ...empty, errors: [], errorCount: 0, created: rows };
  const at = deps.clock.now().toISOString();
  const importId = randomUUID();
  const written = await deps.database.transaction(async (tx) => {
    await createStage(tx);
    for (const csv of chunks) await tx.copyCsv('snapshot_stage', STAGE_COLUMNS, csv);
    const { updated, unchanged } = await applyStage(tx.db, providerId, importId, at);
    const result = { rows, created: rows - updated - unchanged, updated, unchanged };
    await insertImport(tx.db, { id: importId, providerId, source: options.source, fileName: options.fileName ?? null, ...result, actorLabel: principal.label, importedAt: at });
    // One audit entry per import; the previous value of every corrected snapshot is in the history table.
    await recordAudit(tx.db, principal, deps.clock.now(), { action: 'import', entityType: 'consumption_import', entityId: importId, organisationId: providerId, after: { ...result, fileName: options.fileName ?? null, source: options.source } });
    return result;
  });
  return { importId, ...written, errors: [], errorCount: 0, dryRun: false };
}
