import { describe, it, expect } from 'vitest';
import {
  DOCUMENT_TYPES,
  DOCUMENT_TYPE_LABELS,
  cedulaCheckDigit,
  formatCedula,
  formatDocument,
  formatRnc,
  isDocumentType,
  isValidCedula,
  isValidRnc,
  normalizeDocument,
  rncCheckDigit,
  validateDocument,
} from './documents';

describe('normalizeDocument', () => {
  it('strips spaces and dashes', () => {
    expect(normalizeDocument(' 001-1391820 -5 ')).toBe('00113918205');
  });
});

describe('rncCheckDigit', () => {
  it('computes 2 when the remainder is 0 (101010632)', () => {
    // 1·7 + 0·9 + 1·8 + 0·6 + 1·5 + 0·4 + 6·3 + 3·2 = 7+8+5+18+6 = 44; 44 % 11 = 0 → 2
    expect(rncCheckDigit('10101063')).toBe(2);
  });

  it('computes 11 − r otherwise (131246796)', () => {
    // 1·7 + 3·9 + 1·8 + 2·6 + 4·5 + 6·4 + 7·3 + 9·2 = 7+27+8+12+20+24+21+18 = 137; 137 % 11 = 5 → 11 − 5 = 6
    expect(rncCheckDigit('13124679')).toBe(6);
  });

  it('computes 1 when the remainder is 1', () => {
    // 00000006: only the last weight counts: 6·2 = 12; 12 % 11 = 1 → 1
    expect(rncCheckDigit('00000006')).toBe(1);
  });

  it('rejects input that is not 8 digits', () => {
    expect(() => rncCheckDigit('1234567')).toThrow();
  });
});

describe('isValidRnc', () => {
  it('accepts known valid RNC 101010632', () => {
    expect(isValidRnc('101010632')).toBe(true);
  });

  it('accepts known valid RNC 131246796', () => {
    expect(isValidRnc('131246796')).toBe(true);
  });

  it('accepts a dashed RNC', () => {
    expect(isValidRnc('1-01-01063-2')).toBe(true);
  });

  it('rejects a wrong check digit (101010633: expected 2, got 3)', () => {
    expect(isValidRnc('101010633')).toBe(false);
  });

  it('rejects wrong length', () => {
    expect(isValidRnc('10101063')).toBe(false);
    expect(isValidRnc('1010106321')).toBe(false);
  });

  it('rejects non-digits', () => {
    expect(isValidRnc('10101063A')).toBe(false);
  });
});

describe('cedulaCheckDigit', () => {
  it('computes the Luhn digit for 0011391820 → 5', () => {
    // digits 0 0 1 1 3 9 1 8 2 0 × 1 2 1 2 1 2 1 2 1 2
    // = 0 0 1 2 3 18→9 1 16→7 2 0 → sum 25; (10 − 25 % 10) % 10 = 5
    expect(cedulaCheckDigit('0011391820')).toBe(5);
  });

  it('computes 0 when the sum is a multiple of 10', () => {
    // 1900000000: 1·1 + 9·2=18→1+8=9 → sum 10; (10 − 10 % 10) % 10 = 0
    expect(cedulaCheckDigit('1900000000')).toBe(0);
  });

  it('computes 8 for 4021234567', () => {
    // 4·1 + 0·2 + 2·1 + 1·2 + 2·1 + 3·2 + 4·1 + 5·2=10→1 + 6·1 + 7·2=14→5
    // = 4+0+2+2+2+6+4+1+6+5 = 32; (10 − 2) % 10 = 8
    expect(cedulaCheckDigit('4021234567')).toBe(8);
  });

  it('rejects input that is not 10 digits', () => {
    expect(() => cedulaCheckDigit('001139182')).toThrow();
  });
});

describe('isValidCedula', () => {
  it('accepts known valid cédula 00113918205', () => {
    expect(isValidCedula('00113918205')).toBe(true);
  });

  it('accepts a dashed cédula', () => {
    expect(isValidCedula('001-1391820-5')).toBe(true);
  });

  it('rejects every other last digit for 0011391820x', () => {
    for (const d of '012346789') expect(isValidCedula(`0011391820${d}`)).toBe(false);
  });

  it('rejects 40212345677 (check digit should be 8)', () => {
    expect(isValidCedula('40212345677')).toBe(false);
    expect(isValidCedula('40212345678')).toBe(true);
  });

  it('rejects wrong length', () => {
    expect(isValidCedula('0011391820')).toBe(false);
  });
});

describe('formatting', () => {
  it('formats an RNC as 1-01-01063-2', () => {
    expect(formatRnc('101010632')).toBe('1-01-01063-2');
  });

  it('formats a cédula as 001-1391820-5', () => {
    expect(formatCedula('00113918205')).toBe('001-1391820-5');
  });

  it('leaves malformed input untouched', () => {
    expect(formatRnc('12345')).toBe('12345');
    expect(formatCedula('12345')).toBe('12345');
  });

  it('formatDocument dispatches by type', () => {
    expect(formatDocument('RNC', '131246796')).toBe('1-31-24679-6');
    expect(formatDocument('PASSPORT', ' ab123456 ')).toBe('AB123456');
  });
});

describe('document types', () => {
  it('lists four types with Spanish labels', () => {
    expect(DOCUMENT_TYPES).toEqual(['RNC', 'CEDULA', 'PASSPORT', 'FOREIGN_TAX_ID']);
    expect(DOCUMENT_TYPE_LABELS.CEDULA).toBe('Cédula');
    expect(DOCUMENT_TYPE_LABELS.PASSPORT).toBe('Pasaporte');
    expect(DOCUMENT_TYPE_LABELS.FOREIGN_TAX_ID).toBe('Identificación fiscal extranjera');
  });

  it('isDocumentType recognizes only the enum', () => {
    expect(isDocumentType('RNC')).toBe(true);
    expect(isDocumentType('DNI')).toBe(false);
  });
});

describe('validateDocument', () => {
  it('normalizes a valid dashed RNC', () => {
    expect(validateDocument('RNC', '1-01-01063-2')).toEqual({ ok: true, normalized: '101010632' });
  });

  it('reports RNC length', () => {
    expect(validateDocument('RNC', '12345678')).toEqual({ ok: false, error: 'El RNC debe tener 9 dígitos' });
  });

  it('reports RNC check digit', () => {
    expect(validateDocument('RNC', '101010633')).toEqual({
      ok: false,
      error: 'El dígito verificador del RNC no es válido',
    });
  });

  it('normalizes a valid cédula', () => {
    expect(validateDocument('CEDULA', '001-1391820-5')).toEqual({ ok: true, normalized: '00113918205' });
  });

  it('reports cédula length', () => {
    expect(validateDocument('CEDULA', '101010632')).toEqual({
      ok: false,
      error: 'La cédula debe tener 11 dígitos',
    });
  });

  it('reports cédula check digit', () => {
    expect(validateDocument('CEDULA', '00113918204')).toEqual({
      ok: false,
      error: 'El dígito verificador de la cédula no es válido',
    });
  });

  it('reports an empty number', () => {
    expect(validateDocument('RNC', '   ').ok).toBe(false);
  });

  it('accepts a 5–20 alphanumeric passport, uppercased', () => {
    expect(validateDocument('PASSPORT', 'ab12345')).toEqual({ ok: true, normalized: 'AB12345' });
  });

  it('rejects a 4-character passport and symbols', () => {
    expect(validateDocument('PASSPORT', 'AB12').ok).toBe(false);
    expect(validateDocument('PASSPORT', 'AB12#45').ok).toBe(false);
    expect(validateDocument('PASSPORT', 'A'.repeat(21)).ok).toBe(false);
  });

  it('accepts a foreign tax id with dashes (US EIN style)', () => {
    expect(validateDocument('FOREIGN_TAX_ID', '12-3456789')).toEqual({ ok: true, normalized: '12-3456789' });
  });

  it('rejects foreign tax ids that are too short, too long, dash-only or with symbols', () => {
    expect(validateDocument('FOREIGN_TAX_ID', 'AB').ok).toBe(false);
    expect(validateDocument('FOREIGN_TAX_ID', 'A'.repeat(31)).ok).toBe(false);
    expect(validateDocument('FOREIGN_TAX_ID', '---').ok).toBe(false);
    expect(validateDocument('FOREIGN_TAX_ID', 'AB/123').ok).toBe(false);
  });
});
