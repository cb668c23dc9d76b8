import { describe, expect, it } from 'vitest';
import { PRINT_COLUMNS as SCHEMA_COLUMNS } from '@/db/schema/print';
import { chartEndPeriod, chartScaleMax, consumptionSeries } from './consumption-chart';
import { checkLogo, logoDataUri, MAX_LOGO_BYTES, sniffImageMime } from './logo';
import { barcodeReference, paymentQrContent } from './payment-reference';
import { normalizeColumns } from './print-columns';
import { PRINT_COLUMNS } from './print-format';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]);

describe('logo check', () => {
  it('tells PNG and JPEG by their first bytes', () => {
    expect(sniffImageMime(PNG)).toBe('image/png');
    expect(sniffImageMime(JPEG)).toBe('image/jpeg');
  });

  it('refuses other content whatever the name: GIF, SVG text, a truncated PNG signature, an empty file', () => {
    expect(checkLogo(new TextEncoder().encode('GIF89a……'))).toEqual({ ok: false, error: expect.stringContaining('PNG o JPEG') });
    expect(checkLogo(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>')).ok).toBe(false);
    expect(checkLogo(PNG.subarray(0, 7)).ok).toBe(false);
    expect(checkLogo(new Uint8Array()).ok).toBe(false);
  });

  it('accepts exactly 512 KB and refuses one byte more', () => {
    const big = new Uint8Array(MAX_LOGO_BYTES + 1);
    big.set(PNG);
    expect(checkLogo(big.subarray(0, MAX_LOGO_BYTES))).toEqual({ ok: true, mime: 'image/png' });
    expect(checkLogo(big)).toEqual({ ok: false, error: expect.stringContaining('máximo es 512 KB') });
  });

  it('makes a data URI', () => {
    expect(logoDataUri('image/png', PNG)).toBe(`data:image/png;base64,${Buffer.from(PNG).toString('base64')}`);
  });
});

describe('column set', () => {
  it('mirrors the schema', () => {
    expect(PRINT_COLUMNS).toEqual(SCHEMA_COLUMNS);
  });

  it('keeps print order and drops repeats', () => {
    expect(normalizeColumns(['total', 'quantity', 'total'])).toEqual({ ok: true, columns: ['quantity', 'total'] });
  });

  it('needs at least one amount column', () => {
    expect(normalizeColumns(['quantity', 'unitPrice'])).toEqual({ ok: false, error: expect.stringContaining('al menos una columna de importe') });
    expect(normalizeColumns([]).ok).toBe(false);
    expect(normalizeColumns(['tax'])).toEqual({ ok: true, columns: ['tax'] });
  });

  it('refuses unknown columns', () => {
    expect(normalizeColumns(['total', 'discount'])).toEqual({ ok: false, error: 'Columna desconocida: discount.' });
  });
});

describe('consumption series', () => {
  it('sums per period over the window ending with the invoice period, zero where there is no reading', () => {
    // 2026-09: 30 + 10 = 40 (two accounts); 2026-10: 25; 2026-08: none → 0; 2026-07 is outside a 3-period window.
    const rows = [
      { period: '2026-09', m3: 30 },
      { period: '2026-09', m3: 10 },
      { period: '2026-10', m3: 25 },
      { period: '2026-07', m3: 99 },
    ];
    expect(consumptionSeries(rows, '2026-10', 3)?.map((b) => [b.period, b.m3])).toEqual([
      ['2026-08', 0],
      ['2026-09', 40],
      ['2026-10', 25],
    ]);
  });

  it('labels bars with short Spanish months and the year under the first bar and every January', () => {
    const bars = consumptionSeries([{ period: '2026-01', m3: 5 }], '2026-02', 6)!;
    expect(bars.map((b) => b.month)).toEqual(['sep', 'oct', 'nov', 'dic', 'ene', 'feb']);
    expect(bars.map((b) => b.year)).toEqual(['25', null, null, null, '26', null]);
  });

  it('is null when the window has no readings (the block is omitted)', () => {
    expect(consumptionSeries([], '2026-10', 12)).toBeNull();
    expect(consumptionSeries([{ period: '2025-01', m3: 10 }], '2026-10', 6)).toBeNull();
  });

  it("ends with the invoice's period, or for one without a period with the latest period read up to its month of issue", () => {
    const read = [{ period: '2026-09' }, { period: '2026-10' }, { period: '2026-12' }];
    expect(chartEndPeriod('2026-08', '2026-09-01', read)).toBe('2026-08');
    expect(chartEndPeriod(null, '2026-11-02', read)).toBe('2026-10');
    expect(chartEndPeriod(null, '2026-11-02', [])).toBe('2026-11');
    expect(chartEndPeriod(null, null, read)).toBeNull();
  });

  it('rounds the axis up to 1, 2 or 5 × 10ⁿ', () => {
    expect([0, 1, 37, 50, 120, 4100].map(chartScaleMax)).toEqual([1, 1, 50, 50, 200, 5000]);
  });
});

describe('payment reference', () => {
  it('QR content: CAUCE|number|balance with 2 decimals|currency', () => {
    expect(paymentQrContent('00001-00004217', '8500.5', 'DOP')).toBe('CAUCE|00001-00004217|8500.50|DOP');
  });

  it('barcode: the digits of point of sale and number', () => {
    expect(barcodeReference('00001-00004217')).toBe('0000100004217');
  });
});
