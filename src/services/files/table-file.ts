import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { ValidationError } from '../errors.ts';

/**
 * Small table files as people make them (time sheets, operator invoices, forecasts): CSV with ; , or tab, or
 * the first sheet of an XLSX workbook; a header row naming the columns in French or English, any order, any
 * case, accents optional. Read whole: these files have thousands of rows, not millions (snapshots stream).
 */
export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ColumnSpec {
  /** Accepted headers, the first being the one error messages name. */
  headers: readonly string[];
  required: boolean;
}

export type TableRow<F extends string> = Record<F, string> & { row: number };

const normalise = (header: string) => header.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/^\uFEFF/, '').trim().toLowerCase();

function columnsOf<F extends string>(header: string[], spec: Record<F, ColumnSpec>): Record<F, number> {
  const found: Partial<Record<F, number>> = {};
  const issues: { path: string; message: string }[] = [];
  const fields = Object.keys(spec) as F[];
  header.forEach((name, index) => {
    const field = fields.find((f) => spec[f].headers.some((h) => normalise(h) === normalise(name)));
    if (!field) return;
    if (found[field] !== undefined) issues.push({ path: `ligne 1, colonne ${index + 1}`, message: `colonne « ${name} » en double` });
    found[field] = index;
  });
  for (const field of fields) {
    if (spec[field].required && found[field] === undefined) issues.push({ path: 'ligne 1', message: `colonne manquante : ${spec[field].headers[0]}` });
  }
  if (issues.length) throw new ValidationError('En-tête du fichier invalide', issues);
  return Object.fromEntries(fields.map((f) => [f, found[f] ?? -1])) as Record<F, number>;
}

function rowsOf<F extends string>(cells: string[][], firstRow: number, spec: Record<F, ColumnSpec>): TableRow<F>[] {
  const headerAt = cells.findIndex((r) => r.some((c) => c.trim()));
  if (headerAt < 0) throw new ValidationError('Fichier vide', [{ path: 'ligne 1', message: "le fichier n'a pas de ligne d'en-tête" }]);
  const columns = columnsOf(cells[headerAt]!, spec);
  const fields = Object.keys(spec) as F[];
  const rows: TableRow<F>[] = [];
  for (let i = headerAt + 1; i < cells.length; i++) {
    const record = cells[i]!;
    if (record.every((c) => !c.trim())) continue;
    const row = { row: i + firstRow } as TableRow<F>;
    for (const f of fields) (row as Record<F, string>)[f] = columns[f] < 0 ? '' : (record[columns[f]] ?? '');
    rows.push(row);
  }
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value && typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
  }
  return value === null || value === undefined ? '' : String(value);
}

/**
 * The delimiter of the header line: the most frequent of ; , and tab. (Papa Parse's own guess gives up when
 * a file has blank lines, which hand-made files often have.)
 */
function delimiterOf(text: string): string {
  const header = text.split(/\r?\n/).find((l) => l.trim()) ?? '';
  const counts = [';', ',', '\t'].map((d) => [d, header.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/** Reads a CSV or XLSX body into rows keyed by field, numbered as a spreadsheet shows them (header = row 1). */
export async function readTableFile<F extends string>(body: Buffer | string, contentType: string, spec: Record<F, ColumnSpec>): Promise<TableRow<F>[]> {
  const type = contentType.split(';')[0]!.trim();
  if (type === XLSX_TYPE) {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(Buffer.from(body) as unknown as ArrayBuffer);
    } catch {
      throw new ValidationError('Classeur illisible', [{ path: 'fichier', message: "ce fichier n'est pas un classeur Excel (.xlsx)" }]);
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new ValidationError('Classeur vide', [{ path: 'fichier', message: 'aucune feuille' }]);
    const cells: string[][] = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      cells.push(Array.from({ length: Math.max(row.cellCount, 1) }, (_, c) => cellText(row.getCell(c + 1).value)));
    }
    return rowsOf(cells, 1, spec);
  }
  if (type === CSV_TYPE) {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    const parsed = Papa.parse<string[]>(text, { delimiter: delimiterOf(text), skipEmptyLines: false });
    const fatal = parsed.errors.find((e) => e.type === 'Quotes');
    if (fatal) throw new ValidationError('Fichier illisible', [{ path: `ligne ${(fatal.row ?? 0) + 1}`, message: 'guillemet non fermé' }]);
    return rowsOf(parsed.data, 1, spec);
  }
  throw new ValidationError('Fichier attendu', [{ path: 'body', message: `envoyez le fichier avec l'en-tête Content-Type ${CSV_TYPE} ou ${XLSX_TYPE}` }]);
}
