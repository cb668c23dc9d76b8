import { describe, it, expect } from 'vitest';
import DecimalBase from 'decimal.js';
import { formatDate, formatDateTime, formatMoney, formatNumber, formatPeriod, toLocalDateString } from './format';

describe('formatNumber', () => {
  it('groups thousands with commas and uses a dot for decimals', () => {
    expect(formatNumber('1234567.5', 2)).toBe('1,234,567.50');
  });

  it('shows 0–3 decimals when decimals is omitted: 1234.5 → 1,234.5; 12.3456 → 12.346', () => {
    expect(formatNumber(1234.5)).toBe('1,234.5');
    expect(formatNumber('12.3456')).toBe('12.346');
    expect(formatNumber(1000)).toBe('1,000');
  });

  it('rounds half away from zero: 1.005 at 2 decimals → 1.01 (float (1.005).toFixed(2) gives 1.00)', () => {
    expect(formatNumber('1.005', 2)).toBe('1.01');
    expect(formatNumber(1.005, 2)).toBe('1.01');
  });

  it('prefixes negatives with an ASCII hyphen-minus', () => {
    expect(formatNumber('-1234.5', 1)).toBe('-1,234.5');
  });

  it('formats values beyond float precision exactly', () => {
    // 2^53 + 1 = 9007199254740993 is not representable as a double
    expect(formatNumber('9007199254740993', 0)).toBe('9,007,199,254,740,993');
  });
});

describe('formatMoney', () => {
  it('prints RD$, a space and 2 decimals: 1234.5 → "RD$ 1,234.50"', () => {
    expect(formatMoney('1234.5')).toBe('RD$ 1,234.50');
  });

  it('accepts numbers and Decimals', () => {
    expect(formatMoney(1000000)).toBe('RD$ 1,000,000.00');
    expect(formatMoney(new DecimalBase('0.5'))).toBe('RD$ 0.50');
  });

  it('formats negatives as "-" + absolute value', () => {
    expect(formatMoney('-1234.5')).toBe('-RD$ 1,234.50');
  });

  it('rounds to cents half away from zero: 0.005 → 0.01, -0.005 → -0.01', () => {
    expect(formatMoney('0.005')).toBe('RD$ 0.01');
    expect(formatMoney('-0.005')).toBe('-RD$ 0.01');
  });

  it('never shows a negative zero: -0.004 → "RD$ 0.00"', () => {
    expect(formatMoney('-0.004')).toBe('RD$ 0.00');
  });

  it('uses the es-DO symbol for other currencies: USD → US$', () => {
    expect(formatMoney('10', 'USD')).toBe('US$ 10.00');
  });
});

describe('formatDate', () => {
  it('formats a date-only string verbatim as dd/MM/yyyy', () => {
    expect(formatDate('2026-11-23')).toBe('23/11/2026');
  });

  it('does not shift a date-only string on the 1st of the month (UTC midnight would be the 31st in UTC−4)', () => {
    expect(formatDate('2026-01-01')).toBe('01/01/2026');
  });

  it('shows an instant in Santo Domingo time: 2026-11-24T02:00Z is still the 23rd (UTC−4)', () => {
    expect(formatDate(new Date('2026-11-24T02:00:00Z'))).toBe('23/11/2026');
  });

  it('throws on an invalid date', () => {
    expect(() => formatDate('not a date')).toThrow(RangeError);
  });
});

describe('formatDateTime', () => {
  it('18:05 UTC → 14:05 in Santo Domingo (UTC−4)', () => {
    expect(formatDateTime(new Date('2026-11-23T18:05:00Z'))).toBe('23/11/2026 14:05');
  });

  it('uses 24-hour time with leading zeros: 04:05 UTC → 00:05', () => {
    expect(formatDateTime('2026-11-23T04:05:00Z')).toBe('23/11/2026 00:05');
  });

  it('has no DST: July 12:00 UTC → 08:00', () => {
    expect(formatDateTime(new Date('2026-07-15T12:00:00Z'))).toBe('15/07/2026 08:00');
  });
});

describe('formatPeriod', () => {
  it('2026-11 → "noviembre 2026"', () => {
    expect(formatPeriod('2026-11')).toBe('noviembre 2026');
  });

  it('2027-01 → "enero 2027"', () => {
    expect(formatPeriod('2027-01')).toBe('enero 2027');
  });

  it('rejects month 13 and malformed periods', () => {
    expect(() => formatPeriod('2026-13')).toThrow(RangeError);
    expect(() => formatPeriod('2026-1')).toThrow(RangeError);
  });
});

describe('toLocalDateString', () => {
  it('02:00 UTC on the 24th is the 23rd in Santo Domingo', () => {
    expect(toLocalDateString(new Date('2026-11-24T02:00:00Z'))).toBe('2026-11-23');
  });
});
