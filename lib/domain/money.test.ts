import { describe, it, expect } from 'vitest';
import DecimalBase from 'decimal.js';
import { Decimal, isValidMoneyInput, money, percentOf, roundHalfUp, sumMoney, toMoneyString, sumMoneyString, toCents, fromCents, isPositiveAmount } from './money';

describe('money', () => {
  it('parses a plain string exactly', () => {
    expect(money('1234.567').toString()).toBe('1234.567');
  });

  it('parses a string with thousands commas', () => {
    // '1,234,567.89' → 1234567.89
    expect(money('1,234,567.89').toString()).toBe('1234567.89');
  });

  it('parses a number via its shortest representation (0.1 stays 0.1)', () => {
    expect(money(0.1).toString()).toBe('0.1');
  });

  it('accepts a Decimal from the global constructor', () => {
    expect(money(new DecimalBase('42.5')).toString()).toBe('42.5');
  });

  it('rejects garbage, misplaced commas and non-finite numbers', () => {
    expect(() => money('abc')).toThrow();
    expect(() => money('1,23.4')).toThrow();
    expect(() => money('')).toThrow();
    expect(() => money(Number.NaN)).toThrow();
  });

  it('does not mutate the global Decimal configuration', () => {
    expect(Decimal.precision).toBe(40);
    expect(DecimalBase.precision).toBe(20); // decimal.js default
  });

  it('keeps 40 significant digits', () => {
    // 1/3 with precision 40 → 0.3333333333333333333333333333333333333333 (40 threes)
    expect(money(1).dividedBy(3).toString()).toBe('0.' + '3'.repeat(40));
  });
});

describe('roundHalfUp (half away from zero)', () => {
  it('rounds 2.345 up to 2.35', () => {
    expect(roundHalfUp('2.345').toFixed(2)).toBe('2.35');
  });

  it('rounds -2.345 to -2.35 (away from zero)', () => {
    expect(roundHalfUp('-2.345').toFixed(2)).toBe('-2.35');
  });

  it('rounds 2.344 down to 2.34', () => {
    expect(roundHalfUp('2.344').toFixed(2)).toBe('2.34');
  });

  it('rounds 1.005 to 1.01 even when given as a number', () => {
    // Number 1.005 is 1.00499999999999989…, but String(1.005) = '1.005' → 1.01
    expect(roundHalfUp(1.005).toFixed(2)).toBe('1.01');
  });

  it('supports other place counts: 12.5 → 13 at 0 places', () => {
    expect(roundHalfUp('12.5', 0).toString()).toBe('13');
  });
});

describe('sumMoney', () => {
  it('sums exactly: 0.1 + 0.2 = 0.3', () => {
    expect(sumMoney(['0.1', '0.2']).toString()).toBe('0.3');
  });

  it('sums mixed inputs: 1,000.50 + 250.25 + 10 = 1260.75', () => {
    expect(sumMoney(['1,000.50', 250.25, new DecimalBase(10)]).toString()).toBe('1260.75');
  });

  it('returns 0 for an empty list', () => {
    expect(sumMoney([]).toString()).toBe('0');
  });
});

describe('toMoneyString', () => {
  it('pads to 2 decimals: 1234.5 → "1234.50"', () => {
    expect(toMoneyString('1234.5')).toBe('1234.50');
  });

  it('rounds half away from zero: 0.125 → "0.13", -0.125 → "-0.13"', () => {
    expect(toMoneyString('0.125')).toBe('0.13');
    expect(toMoneyString('-0.125')).toBe('-0.13');
  });

  it('never prints negative zero: -0.001 → "0.00"', () => {
    expect(toMoneyString('-0.001')).toBe('0.00');
  });

  it('never uses exponent notation for large values', () => {
    expect(toMoneyString('123456789012345678901234.5')).toBe('123456789012345678901234.50');
  });
});

describe('percentOf', () => {
  it('18% ITBIS of 1000 = 180.00', () => {
    expect(percentOf('1000', '18').toFixed(2)).toBe('180.00');
  });

  it('rounds to cents: 18% of 333.33 = 59.9994 → 60.00', () => {
    expect(percentOf('333.33', 18).toFixed(2)).toBe('60.00');
  });

  it('rounds half up: 5% of 0.50 = 0.025 → 0.03', () => {
    expect(percentOf('0.50', '5').toFixed(2)).toBe('0.03');
  });
});

describe('isValidMoneyInput', () => {
  it('accepts grouped and plain amounts', () => {
    for (const s of ['1,234.50', '1234.5', '0', '0.99', '.5', '1,000,000', ' 12 ']) {
      expect(isValidMoneyInput(s), s).toBe(true);
    }
  });

  it('rejects malformed amounts', () => {
    for (const s of ['', 'abc', '1,23.4', '1234,5', '12.345', '1.', '12,3456', '1e3', 'RD$10']) {
      expect(isValidMoneyInput(s), s).toBe(false);
    }
  });

  it('rejects negatives unless allowed', () => {
    expect(isValidMoneyInput('-10.00')).toBe(false);
    expect(isValidMoneyInput('-10.00', { allowNegative: true })).toBe(true);
  });
});

describe('sumMoney / sumMoneyString fast path', () => {
  // The Decimal-only reference: what sumMoney computed before its BigInt path.
  const reference = (list: string[]) => list.reduce((acc, x) => acc.plus(new Decimal(x)), new Decimal(0));

  it('sums plain strings exactly, at the largest scale, negatives and zeros included', () => {
    expect(sumMoney(['0.1', '0.2']).toString()).toBe('0.3');
    expect(sumMoney(['-0.10', '0.10']).isZero()).toBe(true);
    expect(sumMoney(['1.005', '2']).toString()).toBe('3.005');
    expect(sumMoney([]).toString()).toBe('0');
    expect(sumMoneyString([])).toBe('0.00');
    expect(sumMoneyString(['0.10', '0.2'])).toBe('0.30');
    expect(sumMoneyString(['-0.10', '0.10'])).toBe('0.00');
    expect(sumMoneyString(['-5', '2.5'])).toBe('-2.50');
    expect(sumMoneyString(['99999999999999.99', '0.01'])).toBe('100000000000000.00');
    // More than 2 decimals: rounded half away from zero, like toMoneyString.
    expect(sumMoneyString(['1.004', '0.001'])).toBe('1.01');
    expect(sumMoneyString(['-1.004', '-0.001'])).toBe('-1.01');
  });

  it('falls back to Decimal for numbers, grouped strings and Decimals, with the same results', () => {
    expect(sumMoneyString([1.1, '2.20'])).toBe('3.30');
    expect(sumMoneyString(['1,000.50', '0.50'])).toBe('1001.00');
    expect(sumMoneyString([new Decimal('0.333'), '0.337'])).toBe('0.67');
    expect(() => sumMoneyString(['abc'])).toThrow(/Importe no válido/);
  });

  it('agrees with the Decimal reference on many random amounts', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 2000; n++) {
      const list = Array.from({ length: 1 + (next() % 8) }, () => {
        const cents = next() % 10_000_000;
        const scale = next() % 4;
        const text = (cents / 10 ** 0).toString();
        const value = scale ? `${text.slice(0, -scale) || '0'}.${text.slice(-scale).padStart(scale, '0')}` : text;
        return next() % 3 === 0 ? `-${value}` : value;
      });
      expect(sumMoney(list).equals(reference(list))).toBe(true);
      expect(sumMoneyString(list)).toBe(toMoneyString(reference(list)));
    }
  });
});

describe('toCents / fromCents', () => {
  it('round-trips 2-decimal amounts exactly and rounds others half away from zero', () => {
    expect(toCents('12.34')).toBe(BigInt(1234));
    expect(toCents('-0.05')).toBe(BigInt(-5));
    expect(toCents('12.345')).toBe(BigInt(1235));
    expect(toCents('-12.345')).toBe(BigInt(-1235));
    expect(toCents(7)).toBe(BigInt(700));
    expect(toCents('123456789012345.67')).toBe(BigInt('12345678901234567'));
    for (const s of ['0.00', '0.01', '-0.01', '1.10', '-99.99', '123456789012345.67']) expect(fromCents(toCents(s))).toBe(s);
    expect(fromCents(BigInt(-5))).toBe('-0.05');
    expect([isPositiveAmount('0.01'), isPositiveAmount('0.00'), isPositiveAmount('0.004'), isPositiveAmount('-1.00'), isPositiveAmount('12.50')]).toEqual([true, false, false, false, true]);
  });
});
