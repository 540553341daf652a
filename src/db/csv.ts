/** Encodes rows as CSV for COPY: empty unquoted field = NULL, everything else quoted. */
export function toCopyCsv(rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  let out = '';
  for (const row of rows) {
    out += row.map(encodeField).join(',') + '\n';
  }
  return out;
}

function encodeField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  // Most fields hold no quote: no replace to run (a national billing run encodes 5 million fields).
  return text.includes('"') ? `"${text.replaceAll('"', '""')}"` : `"${text}"`;
}

/**
 * Encodes rows in COPY's text format: fields by tab, rows by newline, NULL as \N, and backslash, tab, newline
 * and carriage return escaped. Nothing else changes, so long JSON values go through almost as they are (CSV would
 * double each of their quotes).
 */
export function toCopyText(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  let out = '';
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      if (i) out += '\t';
      const value = row[i];
      out += value === null || value === undefined ? '\\N' : typeof value === 'number' ? String(value) : escapeText(value);
    }
    out += '\n';
  }
  return out;
}

const SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escapeText(text: string): string {
  return SPECIAL.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : text;
}
