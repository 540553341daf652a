import { civilDate, daysInMonth, type CivilDate } from '../civil-date.ts';
import type { Catalogue } from '../catalogue/catalogue.ts';
import { optionsKey } from '../catalogue/tariff-grid.ts';

/**
 * One row of a snapshot file (seed 004 art. 9.2.3: monthly snapshots of units), as a spreadsheet gives it:
 * the member (SIREN or INSEE code), the service line's code, its options ("niveau=pro;stockage=25"), the
 * month ("2026-03", "03/2026" or the 1st of the month) and the units.
 */
export interface RawSnapshotRow {
  member: string;
  line: string;
  options: string;
  month: string;
  units: string;
  /** Its row in the file, when the reader knows it (blank lines skipped); else counted. */
  row?: number | undefined;
}

export interface SnapshotRow {
  member: string;
  line: string;
  optionsKey: string;
  /** First day of the month. */
  month: CivilDate;
  units: number;
}

export interface RowError {
  /** Row in the file, counting the header as row 1 (as a spreadsheet shows it). */
  row: number;
  column: 'member' | 'line' | 'options' | 'month' | 'units' | 'ligne';
  message: string;
}

const MONTH = [/^(\d{4})-(\d{2})(?:-01)?$/, /^(\d{2})\/(\d{4})$/, /^01\/(\d{2})\/(\d{4})$/];

export function parseMonth(text: string): CivilDate | null {
  const value = text.trim();
  const iso = MONTH[0]!.exec(value);
  const [year, month] = iso ? [Number(iso[1]), Number(iso[2])] : (() => {
    const fr = MONTH[1]!.exec(value) ?? MONTH[2]!.exec(value);
    return fr ? [Number(fr[2]), Number(fr[1])] : [NaN, NaN];
  })();
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12 || year < 2000 || year > 2100) return null;
  return civilDate(year, month, 1);
}

/** "niveau=pro;stockage=25" (or with &) → { niveau: 'pro', stockage: '25' }; null when malformed. */
export function parseOptions(text: string): Record<string, string> | null {
  const value = text.trim();
  if (!value) return {};
  const options: Record<string, string> = {};
  for (const pair of value.split(/[;&]/)) {
    const [key, val, ...rest] = pair.split('=').map((s) => s.trim());
    if (!key || !val || rest.length || key in options) return null;
    options[key] = val;
  }
  return options;
}

/** The service line and canonical options a row names, or what is wrong with them. */
export function serviceOf(lineText: string, optionsText: string, row: number, catalogue: Catalogue): { line: string; optionsKey: string } | RowError[] {
  const errors: RowError[] = [];
  const line = catalogue.lines.find((l) => l.code === lineText.trim());
  if (!line) errors.push({ row, column: 'line', message: `ligne de service « ${lineText.trim()} » inconnue du catalogue` });
  const options = parseOptions(optionsText);
  if (!options) errors.push({ row, column: 'options', message: `options illisibles « ${optionsText} » : attendu par exemple niveau=pro;stockage=25` });
  else if (line) {
    for (const dimension of line.options) {
      const value = options[dimension.code];
      if (value === undefined) errors.push({ row, column: 'options', message: `option « ${dimension.code} » manquante pour ${line.code}` });
      else if (!dimension.values.some((v) => v.code === value)) errors.push({ row, column: 'options', message: `valeur « ${value} » inconnue pour l'option « ${dimension.code} »` });
    }
    for (const key of Object.keys(options)) if (!line.options.some((d) => d.code === key)) errors.push({ row, column: 'options', message: `la ligne ${line.code} n'a pas d'option « ${key} »` });
  }
  return errors.length ? errors : { line: line!.code, optionsKey: optionsKey(options!) };
}

const UNITS = /^-?\d+$/;
function unitsOf(text: string, row: number): number | RowError {
  const value = text.trim();
  const units = UNITS.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(units)) return { row, column: 'units', message: `unités « ${text} » : un nombre entier est attendu` };
  if (units < 0) return { row, column: 'units', message: `unités négatives (${units})` };
  return units;
}

/**
 * Checks one row against the catalogue: what a spreadsheet can get wrong on its own (format, unknown line or
 * option, negative or non-integer units). Member, subscription and duplicates are checked across the file.
 */
export function parseSnapshotRow(raw: RawSnapshotRow, row: number, catalogue: Catalogue): { ok: true; value: SnapshotRow } | { ok: false; errors: RowError[] } {
  return assemble(raw, row, serviceOf(raw.line, raw.options, row, catalogue), parseMonth(raw.month));
}

function assemble(raw: RawSnapshotRow, row: number, service: { line: string; optionsKey: string } | RowError[], month: CivilDate | null): { ok: true; value: SnapshotRow } | { ok: false; errors: RowError[] } {
  const errors: RowError[] = [];
  const member = raw.member.trim();
  if (!member) errors.push({ row, column: 'member', message: 'adhérent manquant (SIREN ou code INSEE)' });
  if (Array.isArray(service)) errors.push(...service.map((e) => ({ ...e, row })));
  if (!month) errors.push({ row, column: 'month', message: `mois illisible « ${raw.month} » : attendu AAAA-MM ou MM/AAAA` });
  const units = unitsOf(raw.units, row);
  if (typeof units !== 'number') errors.push(units);
  if (errors.length) return { ok: false, errors };
  const { line, optionsKey: key } = service as { line: string; optionsKey: string };
  return { ok: true, value: { member, line, optionsKey: key, month: month!, units: units as number } };
}

/**
 * `parseSnapshotRow` with the work a large file repeats remembered: a year of snapshots has millions of rows
 * but only a handful of (line, options) and month texts, so each is checked once.
 */
export function createRowParser(catalogue: Catalogue) {
  const services = new Map<string, { line: string; optionsKey: string } | RowError[]>();
  const months = new Map<string, CivilDate | null>();
  return (raw: RawSnapshotRow, row: number): { ok: true; value: SnapshotRow } | { ok: false; errors: RowError[] } => {
    const serviceText = `${raw.line}\u0000${raw.options}`;
    let service = services.get(serviceText);
    if (service === undefined) {
      service = serviceOf(raw.line, raw.options, row, catalogue);
      services.set(serviceText, service);
    }
    let month = months.get(raw.month);
    if (month === undefined) {
      month = parseMonth(raw.month);
      months.set(raw.month, month);
    }
    return assemble(raw, row, service, month);
  };
}

/** Last day of a snapshot's month, for coverage checks. */
export function monthEnd(month: CivilDate): CivilDate {
  const [year, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return civilDate(year, m, daysInMonth(year, m));
}

