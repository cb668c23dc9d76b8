import { describe, it, expect } from 'vitest';
import { blockLabel, consumptionCharge, tariffInForce, validateBlocks, type TariffBlock } from './tariff';

// 0–20 at 10.00, 20–40 at 15.50, 40+ at 25.1234 (blocks cover (from, to]).
const BLOCKS: TariffBlock[] = [
  { fromM3: 0, toM3: 20, price: '10' },
  { fromM3: 20, toM3: 40, price: '15.50' },
  { fromM3: 40, toM3: null, price: '25.1234' },
];

const split = (m3: number) => consumptionCharge(m3, BLOCKS).map((c) => [c.quantity, c.unitPrice]);

describe('consumptionCharge: every block edge', () => {
  it('0 m³ → no block lines', () => {
    expect(split(0)).toEqual([]);
  });
  it('1 m³ → 1 in block 1', () => {
    expect(split(1)).toEqual([[1, '10.0000']]);
  });
  it('20 m³ (block 1 "to", inclusive) → 20 in block 1 only', () => {
    expect(split(20)).toEqual([[20, '10.0000']]);
  });
  it('21 m³ → 20 in block 1 + 1 in block 2', () => {
    expect(split(21)).toEqual([[20, '10.0000'], [1, '15.5000']]);
  });
  it('25 m³ → 20 in block 1 + 5 in block 2', () => {
    expect(split(25)).toEqual([[20, '10.0000'], [5, '15.5000']]);
  });
  it('40 m³ (block 2 "to", inclusive) → 20 + 20, nothing in block 3', () => {
    expect(split(40)).toEqual([[20, '10.0000'], [20, '15.5000']]);
  });
  it('41 m³ → 20 + 20 + 1 in the open block', () => {
    expect(split(41)).toEqual([[20, '10.0000'], [20, '15.5000'], [1, '25.1234']]);
  });
  it('a huge consumption (1,000,000 m³) goes to the open block: 20 + 20 + 999,960', () => {
    expect(split(1_000_000)).toEqual([[20, '10.0000'], [20, '15.5000'], [999_960, '25.1234']]);
  });
  it('the quantities always add up to the consumption', () => {
    for (let m3 = 0; m3 <= 100; m3++) {
      expect(consumptionCharge(m3, BLOCKS).reduce((s, c) => s + c.quantity, 0)).toBe(m3);
    }
  });
  it('labels each block as people read whole m³', () => {
    expect(consumptionCharge(41, BLOCKS).map((c) => c.label)).toEqual(['0–20 m³', '21–40 m³', '41+ m³']);
  });
  it('a single open block takes everything', () => {
    expect(consumptionCharge(7, [{ fromM3: 0, toM3: null, price: '3' }]).map((c) => c.quantity)).toEqual([7]);
  });
  it('throws on fractional or negative consumption, and on invalid blocks (bugs)', () => {
    expect(() => consumptionCharge(1.5, BLOCKS)).toThrow(RangeError);
    expect(() => consumptionCharge(-1, BLOCKS)).toThrow(RangeError);
    expect(() => consumptionCharge(5, [{ fromM3: 0, toM3: 20, price: '1' }])).toThrow(RangeError);
  });
});

describe('blockLabel', () => {
  it('first block from 0, later blocks from the next whole m³, the last one open', () => {
    expect(blockLabel({ fromM3: 0, toM3: 20 })).toBe('0–20 m³');
    expect(blockLabel({ fromM3: 20, toM3: 40 })).toBe('21–40 m³');
    expect(blockLabel({ fromM3: 40, toM3: null })).toBe('41+ m³');
    expect(blockLabel({ fromM3: 0, toM3: null })).toBe('0+ m³');
  });
});

describe('validateBlocks', () => {
  const messages = (blocks: TariffBlock[]) => {
    const v = validateBlocks(blocks);
    return v.ok ? [] : v.issues.map((i) => i.message);
  };

  it('accepts contiguous blocks from 0 with the last open', () => {
    expect(validateBlocks(BLOCKS)).toEqual({ ok: true });
  });
  it('refuses an empty list', () => {
    expect(messages([])).toEqual(['Defina al menos un tramo de consumo.']);
  });
  it('refuses a first block not starting at 0', () => {
    expect(messages([{ fromM3: 5, toM3: null, price: '1' }])).toEqual(['El primer tramo debe empezar en 0 m³.']);
  });
  it('refuses a gap between blocks', () => {
    const v = validateBlocks([{ fromM3: 0, toM3: 20, price: '1' }, { fromM3: 25, toM3: null, price: '2' }]);
    expect(v).toEqual({ ok: false, issues: [{ index: 1, field: 'fromM3', message: 'El tramo 2 debe empezar en 20 m³, donde termina el anterior.' }] });
  });
  it('refuses an overlap', () => {
    expect(messages([{ fromM3: 0, toM3: 20, price: '1' }, { fromM3: 15, toM3: null, price: '2' }])).toEqual([
      'El tramo 2 debe empezar en 20 m³, donde termina el anterior.',
    ]);
  });
  it('refuses "to" not greater than "from"', () => {
    expect(messages([{ fromM3: 0, toM3: 0, price: '1' }, { fromM3: 0, toM3: null, price: '1' }])).toContain('En el tramo 1, «hasta» debe ser mayor que «desde».');
  });
  it('refuses an open block that is not the last', () => {
    expect(messages([{ fromM3: 0, toM3: null, price: '1' }, { fromM3: 20, toM3: null, price: '1' }])[0]).toMatch(/^Solo el último tramo puede quedar abierto/);
  });
  it('refuses a closed last block', () => {
    expect(messages([{ fromM3: 0, toM3: 20, price: '1' }])).toEqual(['El último tramo debe quedar abierto (sin «hasta»), para cualquier consumo mayor.']);
  });
  it('refuses negative, malformed and over-precise prices', () => {
    expect(messages([{ fromM3: 0, toM3: null, price: '-1' }])).toEqual(['El precio del tramo 1 no puede ser negativo.']);
    expect(messages([{ fromM3: 0, toM3: null, price: 'abc' }])).toEqual(['El precio del tramo 1 no es un importe válido.']);
    expect(messages([{ fromM3: 0, toM3: null, price: '1.23456' }])).toEqual(['El precio del tramo 1 admite hasta 4 decimales.']);
  });
  it('accepts a zero price (a free first block)', () => {
    expect(validateBlocks([{ fromM3: 0, toM3: 10, price: '0' }, { fromM3: 10, toM3: null, price: '5' }]).ok).toBe(true);
  });
  it('refuses fractional m³ bounds', () => {
    expect(messages([{ fromM3: 0, toM3: 10.5, price: '1' }, { fromM3: 10.5, toM3: null, price: '1' }])).toEqual([
      'El tramo 1 debe terminar en un número entero de m³.',
      'El tramo 2 debe empezar en un número entero de m³ (0 o más).',
    ]);
  });
});

describe('tariffInForce', () => {
  const T = [
    { id: 'jan', effectiveFrom: '2026-01-01' },
    { id: 'oct15', effectiveFrom: '2026-10-15' },
    { id: 'nov', effectiveFrom: '2026-11-01' },
  ];
  it('takes the latest tariff in force on the last day of the period', () => {
    // 2026-10-15 ≤ 2026-10-31 and later than 2026-01-01; 2026-11-01 is not yet in force
    expect(tariffInForce(T, '2026-10')?.id).toBe('oct15');
  });
  it('a tariff effective on the last day counts', () => {
    expect(tariffInForce([{ id: 'x', effectiveFrom: '2026-02-28' }], '2026-02')?.id).toBe('x');
  });
  it('a tariff effective the day after does not', () => {
    expect(tariffInForce([{ id: 'x', effectiveFrom: '2026-03-01' }], '2026-02')).toBeNull();
  });
  it('earlier periods take the earlier tariff; input order does not matter', () => {
    expect(tariffInForce([...T].reverse(), '2026-09')?.id).toBe('jan');
    expect(tariffInForce([...T].reverse(), '2027-01')?.id).toBe('nov');
  });
  it('null when nothing is in force yet', () => {
    expect(tariffInForce(T, '2025-12')).toBeNull();
    expect(tariffInForce([], '2026-10')).toBeNull();
  });
});
