import { Font } from '@react-pdf/renderer';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_PRINT_FORMAT } from '@/lib/domain/pdf/print-format';
import { pdfText } from '@/tests/support/pdf-text';
import { PDF_FONT_FAMILY } from './fonts';
import { installShapingCache, memoizeLayout } from './shaping-cache';
import { renderInvoicePdf } from './render';
import { SAMPLE_CLASS_B, sampleLongInvoice } from './sample-invoices';

function fakeFont() {
  const calls: unknown[][] = [];
  const font = {
    layout(this: unknown, ...args: unknown[]) {
      calls.push(args);
      return { glyphs: [args[0]], self: this };
    },
  } as unknown as { layout: (...args: unknown[]) => { glyphs: unknown[]; self: unknown } } & Record<symbol, unknown>;
  return { font, calls };
}

describe('memoizeLayout', () => {
  it('shapes a text once per options and hands back the same run, called on the font', () => {
    const { font, calls } = fakeFont();
    memoizeLayout(font as never);
    memoizeLayout(font as never); // idempotent
    const a = font.layout('Total', undefined, undefined, undefined, 'ltr');
    expect(font.layout('Total', undefined, undefined, undefined, 'ltr')).toBe(a);
    expect(a.self).toBe(font);
    const withFeatures = font.layout('Total', ['liga'], undefined, undefined, 'ltr');
    expect(withFeatures).not.toBe(a);
    font.layout('Total', ['liga'], undefined, undefined, 'ltr');
    font.layout('Total', undefined, undefined, undefined, 'rtl');
    font.layout('Totales', undefined, undefined, undefined, 'ltr');
    expect(calls.map((c) => [c[0], c[1], c[4]])).toEqual([
      ['Total', undefined, 'ltr'],
      ['Total', ['liga'], 'ltr'],
      ['Total', undefined, 'rtl'],
      ['Totales', undefined, 'ltr'],
    ]);
  });

  it('starts over when it holds `max` runs', () => {
    const { font, calls } = fakeFont();
    memoizeLayout(font as never, 2);
    for (const t of ['a', 'b', 'a', 'c', 'a']) font.layout(t);
    // a, b shaped; a cached; c clears (2 held) and is shaped; a shaped again.
    expect(calls.map((c) => c[0])).toEqual(['a', 'b', 'c', 'a']);
  });
});

describe('installShapingCache', () => {
  it('renders the same text, wrapped the same way, with the cache as without it', async () => {
    const long = sampleLongInvoice(40);
    const before = await Promise.all([renderInvoicePdf(SAMPLE_CLASS_B, BUILT_IN_PRINT_FORMAT), renderInvoicePdf(long, BUILT_IN_PRINT_FORMAT)]);
    await installShapingCache();
    const after = await Promise.all([renderInvoicePdf(SAMPLE_CLASS_B, BUILT_IN_PRINT_FORMAT), renderInvoicePdf(long, BUILT_IN_PRINT_FORMAT)]);
    for (let i = 0; i < 2; i++) expect((await pdfText(after[i])).pages).toEqual((await pdfText(before[i])).pages);
    // The fonts the documents used are memoized; the italic, never used, was never loaded.
    const sources = (Font.getRegisteredFonts() as unknown as Record<string, { sources: { data: Record<symbol, unknown> | null; fontStyle?: string }[] }>)[PDF_FONT_FAMILY].sources;
    expect(sources.filter((f) => f.data?.[Symbol.for('cauce.shapingCache')]).length).toBe(2);
    const italic = sources.find((f) => f.fontStyle === 'italic');
    expect(italic).toBeDefined();
    expect(italic!.data).toBeNull();
  });
});
