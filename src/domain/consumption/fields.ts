import { civilDateError, type CivilDate } from '../civil-date.ts';
import { parseEuros, type Cents } from '../money.ts';

/**
 * Field readers shared by the consumption files (time spent, operator invoices, forecasts): what a French
 * spreadsheet export holds — "15/03/2026" or "2026-03-15", "1 234,56", "oui"/"non".
 */

const FR_DAY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** A day as "2026-03-15" or "15/03/2026"; null when unreadable or not a real date. */
export function parseDay(text: string): CivilDate | null {
  const value = text.trim();
  const fr = FR_DAY.exec(value);
  const iso = fr ? `${fr[3]}-${fr[2]!.padStart(2, '0')}-${fr[1]!.padStart(2, '0')}` : value.slice(0, 10);
  if (!fr && value.length !== 10) return null;
  return civilDateError(iso) ? null : (iso as CivilDate);
}

/** Euros with a comma or a dot and spaces between thousands ("1 234,56"); null when unreadable. */
export function parseAmount(text: string): Cents | null {
  try {
    return parseEuros(text.replace(/[\s\u00a0\u202f€]/g, ''));
  } catch {
    return null;
  }
}

const YES = new Set(['oui', 'o', 'yes', 'y', 'true', 'vrai', '1', 'x']);
const NO = new Set(['non', 'n', 'no', 'false', 'faux', '0', '']);

/** "oui"/"non" and their usual spellings; an empty cell is "non"; null when neither. */
export function parseYesNo(text: string): boolean | null {
  const value = text.trim().toLowerCase();
  if (YES.has(value)) return true;
  if (NO.has(value)) return false;
  return null;
}

/** An error found in a file, named by its row (the header is row 1) and the column's French name. */
export interface FileError {
  row: number;
  column: string;
  message: string;
}
