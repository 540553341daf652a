import { Readable } from 'node:stream';
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import type { RawSnapshotRow } from '../../domain/consumption/snapshot-row.ts';
import { ValidationError } from '../errors.ts';

/**
 * Snapshot files as people make them: CSV (comma or semicolon, as French spreadsheets export) or XLSX, with
 * a header row naming the columns in French or English, in any order and any case, accents optional.
 */
const HEADERS: Record<keyof Columns, string[]> = {
  member: ['membre', 'adherent', 'siren', 'insee', 'code insee', 'collectivite', 'member'],
  line: ['ligne', 'service', 'ligne de service', 'line'],
  options: ['options', 'option'],
  month: ['mois', 'month', 'periode'],
  units: ['unites', 'quantite', 'volume', 'units', 'nombre'],
};

const normalise = (header: string) => header.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase();

/** Which column holds which field; every error names the header that is missing or repeated. */
export function columnsOf(header: string[]): Columns {
  const found: Partial<Columns> = {};
  const issues: { path: string; message: string }[] = [];
  header.forEach((name, index) => {
    const field = (Object.keys(HEADERS) as (keyof Columns)[]).find((f) => HEADERS[f].includes(normalise(name)));
    if (!field) return;
    if (found[field] !== undefined) issues.push({ path: `ligne 1, colonne ${index + 1}`, message: `colonne « ${name} » en double` });
    found[field] = index;
  });
  for (const field of ['member', 'line', 'month', 'units'] as const) {
    if (found[field] === undefined) issues.push({ path: 'ligne 1', message: `colonne manquante : ${HEADERS[field][0]} (ou ${HEADERS[field].slice(1, 3).join(', ')})` });
  }
  if (issues.length) throw new ValidationError("En-tête du fichier invalide", issues);
  return { options: -1, ...found } as Columns;
}

type Columns = Record<'member' | 'line' | 'options' | 'month' | 'units', number>;

function toRaw(record: string[], columns: Columns, row: number): RawSnapshotRow {
  // Millions of calls: plain indexed reads, no closure. A missing options column reads as "".
  return {
    member: record[columns.member] ?? '',
    line: record[columns.line] ?? '',
    options: columns.options < 0 ? '' : (record[columns.options] ?? ''),
    month: record[columns.month] ?? '',
    units: record[columns.units] ?? '',
    row,
  };
}

/**
 * CSV from a string or a stream, in batches: Papa Parse's chunk mode reads millions of rows a second, where
 * one async step per row would cost more than the whole import. The delimiter is guessed (; , or tab).
 * Rows keep the number a spreadsheet shows (the header is row 1; blank lines count but are skipped).
 */
export async function* readSnapshotCsv(input: string | Readable): AsyncGenerator<RawSnapshotRow[]> {
  const queue: string[][][] = [];
  let finished = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  let parser: Papa.Parser | null = null;
  const signal = () => {
    wake?.();
    wake = null;
  };
  const source = typeof input === 'string' ? input : (input as unknown as NodeJS.ReadableStream);
  Papa.parse<string[]>(source as never, {
    delimitersToGuess: [';', ',', '\t'],
    skipEmptyLines: false,
    chunk: (result, chunkParser) => {
      queue.push(result.data);
      // Backpressure: the file is not read faster than rows are checked.
      if (queue.length > 4 && typeof input !== 'string') {
        parser = chunkParser;
        chunkParser.pause();
      }
      signal();
    },
    complete: () => {
      finished = true;
      signal();
    },
    error: (error: unknown) => {
      failure = error;
      finished = true;
      signal();
    },
  });
  let columns: Columns | null = null;
  let row = 0;
  while (true) {
    if (!queue.length) {
      if (finished) break;
      if (parser) {
        (parser as Papa.Parser).resume();
        parser = null;
      }
      await new Promise<void>((resolve) => (wake = resolve));
      continue;
    }
    const records = queue.shift()!;
    const batch: RawSnapshotRow[] = [];
    for (const record of records) {
      row++;
      if (record.length === 1 && record[0]!.trim() === '') continue;
      if (!columns) {
        columns = columnsOf(record.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h)));
        continue;
      }
      batch.push(toRaw(record, columns, row));
    }
    if (batch.length) yield batch;
  }
  if (failure) throw new ValidationError('Fichier illisible', [{ path: 'fichier', message: String((failure as Error).message ?? failure) }]);
  if (!columns) throw new ValidationError('Fichier vide', [{ path: 'ligne 1', message: "le fichier n'a pas de ligne d'en-tête" }]);
}

/** The first worksheet of an XLSX workbook, cells read as text (dates as YYYY-MM). */
export async function* readSnapshotXlsx(content: Buffer): AsyncGenerator<RawSnapshotRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new ValidationError('Classeur illisible', [{ path: 'fichier', message: "ce fichier n'est pas un classeur Excel (.xlsx)" }]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ValidationError('Classeur vide', [{ path: 'fichier', message: 'aucune feuille' }]);
  const text = (value: ExcelJS.CellValue): string => {
    if (value instanceof Date) return value.toISOString().slice(0, 7);
    if (value && typeof value === 'object' && 'result' in value) return text(value.result as ExcelJS.CellValue);
    return value === null || value === undefined ? '' : String(value);
  };
  let columns: Columns | null = null;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells = Array.from({ length: Math.max(row.cellCount, 1) }, (_, c) => text(row.getCell(c + 1).value).trim());
    if (!columns) {
      columns = columnsOf(cells);
      continue;
    }
    if (cells.every((c) => !c)) continue;
    yield [toRaw(cells, columns, r)];
  }
  if (!columns) throw new ValidationError('Classeur vide', [{ path: 'ligne 1', message: "la feuille n'a pas de ligne d'en-tête" }]);
}
