import { describe, expect, it } from 'vitest';
import {
  encfRegime,
  formatEncf,
  formatLetterNumber,
  letterRegime,
  ncfType,
  parseEncf,
  parseLetterNumber,
  rangeStatus,
  regimeFor,
  validateEncf,
  validateLetterNumber,
  type EncfRange,
} from './fiscal-number';

describe('LETTER format PPPPP-NNNNNNNN', () => {
  it('pads the point of sale to 5 digits and the number to 8', () => {
    expect(formatLetterNumber(1, 1)).toBe('00001-00000001');
    expect(formatLetterNumber(42, 1234)).toBe('00042-00001234');
    expect(formatLetterNumber(99999, 99999999)).toBe('99999-99999999');
  });

  it('refuses parts out of range as a bug', () => {
    expect(() => formatLetterNumber(0, 1)).toThrow(RangeError);
    expect(() => formatLetterNumber(100000, 1)).toThrow(RangeError);
    expect(() => formatLetterNumber(1, 0)).toThrow(RangeError);
    expect(() => formatLetterNumber(1, 100000000)).toThrow(RangeError);
    expect(() => formatLetterNumber(1, 1.5)).toThrow(RangeError);
  });

  it('parses what it formats, trimming spaces', () => {
    expect(parseLetterNumber(formatLetterNumber(7, 345))).toEqual({ posNumber: 7, number: 345 });
    expect(parseLetterNumber(' 00002-00000010 ')).toEqual({ posNumber: 2, number: 10 });
  });

  it('explains in Spanish what is wrong with a typed number', () => {
    expect(validateLetterNumber('1-1')).toEqual({ ok: false, error: expect.stringMatching(/formato PPPPP-NNNNNNNN/) });
    expect(validateLetterNumber('0001-000000001')).toMatchObject({ ok: false });
    expect(validateLetterNumber('00000-00000001')).toEqual({ ok: false, error: expect.stringMatching(/punto de venta/) });
    expect(validateLetterNumber('00001-00000000')).toEqual({ ok: false, error: expect.stringMatching(/entre 1 y 99999999/) });
    expect(parseLetterNumber('E310000000001')).toBeNull();
  });
});

describe('e-NCF format E + type + 10-digit sequence', () => {
  it('formats and parses', () => {
    expect(formatEncf(31, 1)).toBe('E310000000001');
    expect(formatEncf(46, 9999999999)).toBe('E469999999999');
    expect(parseEncf('E320000000123')).toEqual({ type: 32, sequence: 123 });
    expect(parseEncf(' e340000000007 ')).toEqual({ type: 34, sequence: 7 });
  });

  it('refuses unknown types, zero sequences and wrong shapes', () => {
    expect(() => formatEncf(99 as never, 1)).toThrow(RangeError);
    expect(() => formatEncf(31, 0)).toThrow(RangeError);
    expect(() => formatEncf(31, 10_000_000_000)).toThrow(RangeError);
    expect(validateEncf('E990000000001')).toEqual({ ok: false, error: 'Tipo de e-NCF no válido: E99.' });
    expect(validateEncf('E310000000000')).toEqual({ ok: false, error: expect.stringMatching(/secuencia/) });
    expect(validateEncf('B0100000001')).toEqual({ ok: false, error: expect.stringMatching(/formato E/) });
    expect(parseEncf('00001-00000001')).toBeNull();
  });
});

describe('ncfType', () => {
  it('maps the class of an invoice: A → 31, B → 32, E → 46', () => {
    expect(ncfType({ docType: 'INVOICE', invoiceClass: 'A', taxCondition: 'REGISTERED', segment: 'COMMERCIAL' })).toBe(31);
    expect(ncfType({ docType: 'INVOICE', invoiceClass: 'B', taxCondition: 'FINAL_CONSUMER', segment: 'RESIDENTIAL' })).toBe(32);
    expect(ncfType({ docType: 'INVOICE', invoiceClass: 'E', taxCondition: 'FOREIGN', segment: 'INDUSTRIAL' })).toBe(46);
  });

  it('lets the customer choose 45 (government segment) and 44 (exempt tax condition), government first', () => {
    expect(ncfType({ docType: 'INVOICE', invoiceClass: 'B', taxCondition: 'FINAL_CONSUMER', segment: 'GOVERNMENT' })).toBe(45);
    expect(ncfType({ docType: 'INVOICE', invoiceClass: 'B', taxCondition: 'EXEMPT', segment: 'GOVERNMENT' })).toBe(45);
    expect(ncfType({ docType: 'INVOICE', invoiceClass: 'B', taxCondition: 'EXEMPT', segment: 'COMMERCIAL' })).toBe(44);
    expect(ncfType({ docType: 'INVOICE', invoiceClass: 'A', taxCondition: 'EXEMPT' })).toBe(44);
  });

  it('numbers notes by their own type whoever the customer is', () => {
    expect(ncfType({ docType: 'DEBIT_NOTE', invoiceClass: 'A', segment: 'GOVERNMENT' })).toBe(33);
    expect(ncfType({ docType: 'CREDIT_NOTE', invoiceClass: 'E', taxCondition: 'EXEMPT' })).toBe(34);
  });
});

describe('regimes', () => {
  const ctx = { docType: 'INVOICE' as const, invoiceClass: 'A' as const, posNumber: 3, taxCondition: 'REGISTERED', segment: 'COMMERCIAL' };

  it('defaults to LETTER and picks ENCF by configuration', () => {
    expect(regimeFor()).toBe(letterRegime);
    expect(regimeFor({ regime: null })).toBe(letterRegime);
    expect(regimeFor({ regime: 'letter' })).toBe(letterRegime);
    expect(regimeFor({ regime: 'ENCF' })).toBe(encfRegime);
    expect(() => regimeFor({ regime: 'NCF' })).toThrow(/Régimen fiscal desconocido/);
  });

  it('formats the same sequence number in each regime', () => {
    expect(letterRegime.format(ctx, 12)).toBe('00003-00000012');
    expect(encfRegime.format(ctx, 12)).toBe('E310000000012');
    expect(encfRegime.format({ ...ctx, docType: 'CREDIT_NOTE' }, 12)).toBe('E340000000012');
  });

  it('parses and validates its own format only', () => {
    expect(letterRegime.parse('00003-00000012')).toEqual({ regime: 'LETTER', posNumber: 3, number: 12 });
    expect(encfRegime.parse('E310000000012')).toEqual({ regime: 'ENCF', type: 31, sequence: 12 });
    expect(letterRegime.parse('E310000000012')).toBeNull();
    expect(encfRegime.validate('00003-00000012')).toMatchObject({ ok: false });
    expect(letterRegime.maxNumber).toBe(99999999);
    expect(encfRegime.maxNumber).toBe(9999999999);
  });

  it('survives being destructured', () => {
    const { parse } = letterRegime;
    expect(parse('00001-00000001')).toEqual({ regime: 'LETTER', posNumber: 1, number: 1 });
  });
});

describe('rangeStatus', () => {
  // 1–10,000 authorized, valid through 2026-12-31.
  const range: EncfRange = { type: 32, from: 1, to: 10000, expiresOn: '2026-12-31' };
  const today = '2026-06-01'; // 213 days before expiry

  it('is OK with plenty left and far from expiry', () => {
    // 10,000 − 2,000 used = 8,000 left.
    expect(rangeStatus(range, 2000, today)).toEqual({
      status: 'OK',
      remaining: 8000,
      daysToExpiry: 213,
      next: 2001,
      message: 'El rango E320000000001–E320000010000 está vigente: quedan 8,000 números hasta el 31/12/2026.',
    });
  });

  it('counts a range nothing was taken from as full', () => {
    expect(rangeStatus(range, null, today)).toMatchObject({ status: 'OK', remaining: 10000, next: 1 });
    // A later range (5001–6000) while the counter is still at 120: all 1,000 left.
    expect(rangeStatus({ ...range, from: 5001, to: 6000 }, 120, today)).toMatchObject({ remaining: 1000, next: 5001 });
  });

  it('is LOW at 10 % left (1,000 of 10,000) but not at 1,001', () => {
    expect(rangeStatus(range, 8999, today)).toMatchObject({ status: 'OK', remaining: 1001 });
    expect(rangeStatus(range, 9000, today)).toMatchObject({ status: 'LOW', remaining: 1000, next: 9001 });
  });

  it('is LOW under 500 left even when that is more than 10 % of a small range', () => {
    // 1–600: 100 used → 500 left (83 %) is fine; 101 used → 499 left is low.
    const small = { ...range, to: 600 };
    expect(rangeStatus(small, 100, today)).toMatchObject({ status: 'OK', remaining: 500 });
    const low = rangeStatus(small, 101, today);
    expect(low).toMatchObject({ status: 'LOW', remaining: 499 });
    expect(low.message).toBe('El rango E320000000001–E320000000600 está por agotarse: quedan 499 números; solicite un nuevo rango a la DGII.');
  });

  it('is EXPIRING within 30 days of the expiry date, counting the expiry day itself', () => {
    expect(rangeStatus(range, 10, '2026-11-30')).toMatchObject({ status: 'OK', daysToExpiry: 31 });
    expect(rangeStatus(range, 10, '2026-12-01')).toMatchObject({ status: 'EXPIRING', daysToExpiry: 30 });
    const last = rangeStatus(range, 10, '2026-12-31');
    expect(last).toMatchObject({ status: 'EXPIRING', daysToExpiry: 0, next: 11 });
    expect(last.message).toBe('El rango E320000000001–E320000010000 vence hoy (31/12/2026); quedan 9,990 números; solicite un nuevo rango a la DGII.');
  });

  it('mentions both when low and expiring', () => {
    const s = rangeStatus(range, 9999, '2026-12-30');
    expect(s).toMatchObject({ status: 'LOW', remaining: 1, daysToExpiry: 1 });
    expect(s.message).toBe('El rango E320000000001–E320000010000 está por agotarse: queda 1 número y vence mañana (31/12/2026); solicite un nuevo rango a la DGII.');
  });

  it('is EXHAUSTED when the last number was used', () => {
    expect(rangeStatus(range, 10000, today)).toEqual({
      status: 'EXHAUSTED',
      remaining: 0,
      daysToExpiry: 213,
      next: null,
      message: 'El rango E320000000001–E320000010000 está agotado; solicite un nuevo rango a la DGII.',
    });
    expect(rangeStatus(range, 12000, today)).toMatchObject({ status: 'EXHAUSTED', remaining: 0 });
  });

  it('is EXPIRED the day after the expiry date, before anything else', () => {
    const s = rangeStatus(range, 10000, '2027-01-01');
    expect(s).toMatchObject({ status: 'EXPIRED', daysToExpiry: -1, next: null });
    expect(s.message).toBe('El rango E320000000001–E320000010000 venció el 31/12/2026; solicite un nuevo rango a la DGII.');
    expect(rangeStatus(range, 5, '2027-01-01')).toMatchObject({ status: 'EXPIRED', remaining: 9995, next: null });
  });

  it('refuses impossible ranges and dates as bugs', () => {
    expect(() => rangeStatus({ ...range, from: 10, to: 9 }, null, today)).toThrow(RangeError);
    expect(() => rangeStatus({ ...range, from: 0 }, null, today)).toThrow(RangeError);
    expect(() => rangeStatus(range, null, '2026-02-30')).toThrow(/Fecha no válida/);
    expect(() => rangeStatus({ ...range, expiresOn: '31/12/2026' }, null, today)).toThrow(/Fecha no válida/);
  });
});
