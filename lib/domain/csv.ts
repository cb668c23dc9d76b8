/**
 * One CSV line (RFC 4180, comma-separated, CRLF). Quotes fields with comma, quote or newline;
 * cells starting with = + - @ are prefixed with ' so spreadsheets do not run them as formulas.
 * csvLine(['a,b', '=1+1', null]) → '"a,b",\'=1+1,\r\n'
 */
export function csvLine(cells: (string | number | boolean | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Byte-order mark so Excel opens UTF-8 files with accents intact. */
export const CSV_BOM = '\uFEFF';
