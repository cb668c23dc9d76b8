import { describe, expect, it } from 'vitest';
import { csvLine, splitCsvRecords } from './csv';

describe('csvLine', () => {
  it('joins plain cells with commas and ends with CRLF', () => {
    expect(csvLine(['CL-000001', 'Juan Pérez', 42])).toBe('CL-000001,Juan Pérez,42\r\n');
  });

  it('quotes cells with commas, quotes or newlines, doubling quotes', () => {
    expect(csvLine(['Constructora, S.R.L.', 'El "Millón"', 'a\nb'])).toBe('"Constructora, S.R.L.","El ""Millón""","a\nb"\r\n');
  });

  it('neutralises spreadsheet formulas', () => {
    expect(csvLine(['=HYPERLINK("x")', '+1', '@SUM'])).toBe('"\'=HYPERLINK(""x"")",\'+1,\'@SUM\r\n');
  });

  it('writes null and undefined as empty cells', () => {
    expect(csvLine([null, undefined, ''])).toBe(',,\r\n');
  });
});

describe('splitCsvRecords', () => {
  it('keeps a quoted field after blanks, drops blank lines', () => {
    expect(splitCsvRecords('x; "y;z"\n ; \n', ';')).toEqual([{ line: 1, fields: ['x', 'y;z'] }]);
  });

  it('keeps quoted separators and newlines, and the line each record starts on', () => {
    expect(splitCsvRecords('a,"b,c"\r\n\r\n"d\ne",f\ng', ',')).toEqual([
      { line: 1, fields: ['a', 'b,c'] },
      { line: 3, fields: ['d\ne', 'f'] },
      { line: 5, fields: ['g'] },
    ]);
  });
});
