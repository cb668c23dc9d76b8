import { describe, it, expect } from 'vitest';
import { money, sumMoney } from '@/lib/domain/money';
import { createRng } from '@/lib/domain/random';
import { convert, formatQuantity, formatRate, formatUnitPrice, lineAmounts, sumLines } from './lines';

describe('lineAmounts', () => {
  it('computes a plain line without discount or tax', () => {
    // 25 × 12.50 = 312.50
    expect(lineAmounts({ quantity: 25, unitPrice: '12.50' })).toEqual({
      gross: '312.50', discount: '0.00', net: '312.50', tax: '0.00', total: '312.50',
    });
  });

  it('rounds gross half-up at x.xx5: 3 × 33.335 = 100.005 → 100.01', () => {
    expect(lineAmounts({ quantity: 3, unitPrice: '33.335' }).gross).toBe('100.01');
  });

  it('rounds gross down below the half: 3 × 33.3349 = 100.0047 → 100.00', () => {
    expect(lineAmounts({ quantity: 3, unitPrice: '33.3349' }).gross).toBe('100.00');
  });

  it('rounds the discount half-up: 10 % of 100.05 = 10.005 → 10.01', () => {
    const l = lineAmounts({ quantity: 1, unitPrice: '100.05', discountPct: 10 });
    expect(l.discount).toBe('10.01');
    expect(l.net).toBe('90.04');
  });

  it('rounds the tax half-up: 18 % of 0.25 = 0.045 → 0.05', () => {
    expect(lineAmounts({ quantity: 1, unitPrice: '0.25', taxRate: 18 }).tax).toBe('0.05');
  });

  it('applies the discount to the charge, never to the tax', () => {
    // gross 1000.00; discount 10 % = 100.00; net 900.00; tax 18 % of net = 162.00; total 1062.00
    const l = lineAmounts({ quantity: 1, unitPrice: '1000', discountPct: '10', taxRate: '18' });
    expect(l).toEqual({ gross: '1000.00', discount: '100.00', net: '900.00', tax: '162.00', total: '1062.00' });
    // Discounting the taxed amount would give 1180 × 0.9 = 1062 too, so check the tax is on the net, not on the gross:
    expect(l.tax).not.toBe('180.00');
  });

  it('combines all roundings: 3 × 33.335, 10 % off, 18 % tax', () => {
    // gross 100.005 → 100.01; discount 10.001 → 10.00; net 90.01; tax 16.2018 → 16.20; total 106.21
    expect(lineAmounts({ quantity: 3, unitPrice: '33.335', discountPct: 10, taxRate: 18 })).toEqual({
      gross: '100.01', discount: '10.00', net: '90.01', tax: '16.20', total: '106.21',
    });
  });

  it('a 100 % discount leaves net, tax and total at zero', () => {
    expect(lineAmounts({ quantity: 2, unitPrice: '50', discountPct: 100, taxRate: 18 })).toEqual({
      gross: '100.00', discount: '100.00', net: '0.00', tax: '0.00', total: '0.00',
    });
  });

  it('handles zero quantity without a negative zero', () => {
    expect(lineAmounts({ quantity: 0, unitPrice: '45.5000', discountPct: 5, taxRate: 18 }).total).toBe('0.00');
  });

  it('rounds negative lines half away from zero (credit lines): −3 × 33.335 → −100.01', () => {
    expect(lineAmounts({ quantity: -3, unitPrice: '33.335' }).gross).toBe('-100.01');
  });

  it('refuses a discount or tax rate outside 0–100', () => {
    expect(() => lineAmounts({ quantity: 1, unitPrice: 1, discountPct: 101 })).toThrow(RangeError);
    expect(() => lineAmounts({ quantity: 1, unitPrice: 1, taxRate: -1 })).toThrow(RangeError);
  });

  it('keeps net = gross − discount and total = net + tax on random lines (database check)', () => {
    const rng = createRng(4);
    for (let i = 0; i < 500; i++) {
      const l = lineAmounts({
        quantity: rng.int(0, 500),
        unitPrice: `${rng.int(0, 9999)}.${String(rng.int(0, 9999)).padStart(4, '0')}`,
        discountPct: `${rng.int(0, 100)}`,
        taxRate: rng.pick(['0', '16', '18']),
      });
      expect(money(l.gross).minus(l.discount).equals(money(l.net))).toBe(true);
      expect(money(l.net).plus(l.tax).equals(money(l.total))).toBe(true);
    }
  });
});

describe('sumLines', () => {
  it('sums every amount exactly', () => {
    const a = lineAmounts({ quantity: 1, unitPrice: '0.10', taxRate: 18 }); // tax 0.018 → 0.02
    const b = lineAmounts({ quantity: 1, unitPrice: '0.20', taxRate: 18 }); // tax 0.036 → 0.04
    expect(sumLines([a, b])).toEqual({ gross: '0.30', discount: '0.00', net: '0.30', tax: '0.06', total: '0.36' });
  });

  it('is the sum of the rounded line taxes, not the tax of the sum', () => {
    // Three lines of 0.25 at 18 %: each tax 0.045 → 0.05, total tax 0.15 (tax of the sum would be 0.135 → 0.14)
    const line = lineAmounts({ quantity: 1, unitPrice: '0.25', taxRate: 18 });
    expect(sumLines([line, line, line]).tax).toBe('0.15');
  });

  it('empty → zeros', () => {
    expect(sumLines([])).toEqual({ gross: '0.00', discount: '0.00', net: '0.00', tax: '0.00', total: '0.00' });
  });
});

describe('convert (DOP → invoice currency)', () => {
  it('divides by the rate with 4 decimals half-up: 100 / 58.75 = 1.70212… → 1.7021', () => {
    expect(convert('100', '58.75')).toBe('1.7021');
  });

  it('rounds half-up at the 5th decimal: 1.00005 / 1 → 1.0001', () => {
    expect(convert('1.00005', '1')).toBe('1.0001');
  });

  it('refuses a zero or negative rate', () => {
    expect(() => convert('100', '0')).toThrow(RangeError);
    expect(() => convert('100', '-1')).toThrow(RangeError);
  });

  it('USD lines computed from converted unit prices reconcile to the cent', () => {
    const rate = '60.1234';
    const rng = createRng(7);
    const lines = Array.from({ length: 200 }, () => {
      const unitPrice = convert(`${rng.int(1, 5000)}.${rng.int(0, 99)}`, rate);
      const quantity = rng.int(1, 80);
      const l = lineAmounts({ quantity, unitPrice, discountPct: '7.5', taxRate: rng.pick(['0', '18']) });
      // gross is exactly quantity × converted unit price, rounded once
      expect(l.gross).toBe(money(quantity).times(unitPrice).toDecimalPlaces(2).toFixed(2));
      return l;
    });
    const totals = sumLines(lines);
    expect(totals.total).toBe(sumMoney(lines.map((l) => l.total)).toFixed(2));
    expect(money(totals.net).plus(totals.tax).equals(money(totals.total))).toBe(true);
    expect(money(totals.gross).minus(totals.discount).equals(money(totals.net))).toBe(true);
  });
});

describe('column formats', () => {
  it('formats unit price, quantity and rate in their column scale', () => {
    expect(formatUnitPrice('12.5')).toBe('12.5000');
    expect(formatQuantity(5)).toBe('5.000');
    expect(formatRate('18')).toBe('18.00');
    expect(formatUnitPrice('-0.00001')).toBe('0.0000');
  });
});
