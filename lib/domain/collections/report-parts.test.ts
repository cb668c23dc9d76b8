import { describe, expect, it } from 'vitest';
import { mergeAgingParts, uuidRanges, type AgingRow } from './report-parts';

const row = (dimension: AgingRow['dimension'], key: string, currency: string, buckets: [string, string, string, string, string], documents: number, label = key): AgingRow => {
  const cents = buckets.reduce((n, b) => n + BigInt(b.replace('.', '')), 0n);
  const total = `${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}`;
  const [b0_30, b31_60, b61_90, b91_180, b180] = buckets;
  return { dimension, key, label, currency, b0_30, b31_60, b61_90, b91_180, b180, total, documents };
};

describe('uuidRanges', () => {
  it('is the whole space for one part', () => {
    expect(uuidRanges(1)).toEqual([[null, null]]);
  });

  it('halves the space at 8000…', () => {
    expect(uuidRanges(2)).toEqual([
      [null, '80000000-0000-0000-0000-000000000000'],
      ['80000000-0000-0000-0000-000000000000', null],
    ]);
  });

  it('makes contiguous ranges, each starting where the previous ends', () => {
    const r = uuidRanges(3);
    expect(r).toEqual([
      [null, '55555555-5555-5555-5555-555555555555'],
      ['55555555-5555-5555-5555-555555555555', 'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa'],
      ['aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa', null],
    ]);
  });

  it('refuses a part count that is not a small positive integer', () => {
    expect(() => uuidRanges(0)).toThrow(RangeError);
    expect(() => uuidRanges(1.5)).toThrow(RangeError);
    expect(() => uuidRanges(65)).toThrow(RangeError);
  });
});

describe('mergeAgingParts', () => {
  it('adds the total, branch and segment lines of the parts bucket by bucket, exactly to the cent', () => {
    const merged = mergeAgingParts(
      [
        row('total', '', 'DOP', ['0.10', '0.00', '0.00', '0.00', '1.05'], 2, ''),
        row('branch', 'b1', 'DOP', ['0.10', '0.00', '0.00', '0.00', '1.05'], 2, 'Centro'),
        row('total', '', 'DOP', ['0.20', '3.33', '0.00', '0.00', '0.00'], 3, ''),
        row('branch', 'b1', 'DOP', ['0.20', '3.33', '0.00', '0.00', '0.00'], 3, 'Centro'),
        row('total', '', 'USD', ['5.00', '0.00', '0.00', '0.00', '0.00'], 1, ''),
      ],
      10,
    );
    expect(merged).toEqual([
      row('branch', 'b1', 'DOP', ['0.30', '3.33', '0.00', '0.00', '1.05'], 5, 'Centro'),
      row('total', '', 'DOP', ['0.30', '3.33', '0.00', '0.00', '1.05'], 5, ''),
      row('total', '', 'USD', ['5.00', '0.00', '0.00', '0.00', '0.00'], 1, ''),
    ]);
    expect(merged[1].total).toBe('4.68');
  });

  it('keeps the customers owing the most per currency across parts, ties by id', () => {
    const merged = mergeAgingParts(
      [
        row('customer', 'c3', 'DOP', ['10.00', '0.00', '0.00', '0.00', '0.00'], 1, 'Tres'),
        row('customer', 'c1', 'DOP', ['5.00', '0.00', '0.00', '0.00', '0.00'], 1, 'Uno'),
        row('customer', 'c9', 'USD', ['1.00', '0.00', '0.00', '0.00', '0.00'], 1, 'Nueve'),
        // second part
        row('customer', 'c2', 'DOP', ['5.00', '0.00', '0.00', '0.00', '0.00'], 1, 'Dos'),
        row('customer', 'c0', 'DOP', ['4.99', '0.00', '0.00', '0.00', '0.00'], 1, 'Cero'),
        row('customer', 'c8', 'USD', ['2.00', '0.00', '0.00', '0.00', '0.00'], 1, 'Ocho'),
      ],
      2,
    );
    expect(merged.map((r) => [r.currency, r.key, r.total])).toEqual([
      ['DOP', 'c3', '10.00'],
      ['DOP', 'c1', '5.00'],
      ['USD', 'c8', '2.00'],
      ['USD', 'c9', '1.00'],
    ]);
  });

  it('orders by dimension, currency, total (largest first) and label', () => {
    const merged = mergeAgingParts(
      [
        row('segment', 'RESIDENTIAL', 'DOP', ['1.00', '0.00', '0.00', '0.00', '0.00'], 1),
        row('segment', 'INDUSTRIAL', 'DOP', ['9.00', '0.00', '0.00', '0.00', '0.00'], 1),
        row('branch', 'b2', 'DOP', ['5.00', '0.00', '0.00', '0.00', '0.00'], 1, 'Óvalo'),
        row('branch', 'b1', 'DOP', ['5.00', '0.00', '0.00', '0.00', '0.00'], 1, 'Norte'),
        row('branch', 'b3', 'DOP', ['5.00', '0.00', '0.00', '0.00', '0.00'], 1, 'Ozama'),
        row('branch', 'b0', 'DOP', ['100.00', '0.00', '0.00', '0.00', '0.00'], 1, 'Sur'),
      ],
      5,
    );
    expect(merged.map((r) => r.key)).toEqual(['b0', 'b1', 'b2', 'b3', 'INDUSTRIAL', 'RESIDENTIAL']);
  });

  it('gives nothing for no rows and no customers for a top of zero', () => {
    expect(mergeAgingParts([], 5)).toEqual([]);
    expect(mergeAgingParts([row('customer', 'c1', 'DOP', ['1.00', '0.00', '0.00', '0.00', '0.00'], 1)], 0)).toEqual([]);
  });
});
