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

/**
 * Splits CSV text into records of fields (RFC 4180 quoting; a quote may follow blanks), each with
 * the line it starts on; blank lines dropped. Used by the readings import and the bank's
 * direct-debit response. E.g. ('a;"b;c"\n\nd', ';') → [{ line: 1, fields: ['a', 'b;c'] }, { line: 3, fields: ['d'] }].
 */
export function splitCsvRecords(text: string, sep: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRecord = () => {
    fields.push(field);
    if (fields.some((f) => f.trim() !== '')) records.push({ line: start, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (c === sep) {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else field += c;
  }
  if (field !== '' || fields.length) endRecord();
  return records;
}
