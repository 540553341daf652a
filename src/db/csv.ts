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
