import { describe, expect, it } from 'vitest';
import { csvLine } from './csv';

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
