import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
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
  const at = (index: number) => (index < 0 ? '' : (record[index] ?? ''));
  return { member: at(columns.member), line: at(columns.line), options: at(columns.options), month: at(columns.month), units: at(columns.units), row };
}

/** CSV from a string or a stream; the delimiter is read from the header line. */
export async function* readSnapshotCsv(input: string | Readable): AsyncGenerator<RawSnapshotRow> {
  const stream = typeof input === 'string' ? Readable.from([input]) : input;
  const parser = stream.pipe(parse({ delimiter: [';', ',', '\t'], bom: true, skip_empty_lines: true, relax_column_count: true, trim: true, info: true }));
  let columns: Columns | null = null;
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    if (!columns) {
      columns = columnsOf(record);
      continue;
    }
    yield toRaw(record, columns, info.lines);
  }
  if (!columns) throw new ValidationError('Fichier vide', [{ path: 'ligne 1', message: "le fichier n'a pas de ligne d'en-tête" }]);
}

/** The first worksheet of an XLSX workbook, cells read as text (dates as YYYY-MM). */
export async function* readSnapshotXlsx(content: Buffer): AsyncGenerator<RawSnapshotRow> {
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
    yield toRaw(cells, columns, r);
  }
  if (!columns) throw new ValidationError('Classeur vide', [{ path: 'ligne 1', message: "la feuille n'a pas de ligne d'en-tête" }]);
}
