import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_PRINT_FORMAT } from '@/lib/domain/pdf/print-format';
import { pdfText } from '@/tests/support/pdf-text';
import { cacheFontsOf, installPdfkitFontCache } from './pdfkit-font-cache';
import { renderInvoicePdf } from './render';
import { SAMPLE_CLASS_A } from './sample-invoices';

function fakeDoc() {
  const opened: unknown[] = [];
  class Doc {
    _font: unknown = null;
    _fontSource: unknown = null;
    _fontFamily: unknown = null;
    size = 0;
    font(src: unknown, family?: unknown, size?: unknown) {
      opened.push(src);
      this._font = { for: src, n: opened.length };
      this._fontSource = src;
      if (typeof family === 'number') this.size = family;
      else if (typeof size === 'number') this.size = size;
      return this;
    }
    fontSize(size: number) {
      this.size = size;
      return this;
    }
    initFonts(defaultFont: unknown = 'Helvetica') {
      if (defaultFont) this.font(defaultFont);
      return this;
    }
  }
  cacheFontsOf(Doc.prototype as never);
  cacheFontsOf(Doc.prototype as never); // idempotent
  return { Doc, opened };
}

describe('cacheFontsOf', () => {
  it('opens each font object once per document, then selects it directly with the new size', () => {
    const { Doc, opened } = fakeDoc();
    const regular = { name: 'regular' };
    const bold = { name: 'bold' };
    const doc = new Doc();
    doc.font(regular, 8);
    const first = doc._font;
    doc.font(bold, 9);
    doc.font(regular, 7.5);
    expect(doc._font).toBe(first);
    expect(doc.size).toBe(7.5);
    expect(doc._fontSource).toBe(regular);
    expect(opened).toEqual([regular, bold]);
    // Another document opens its own fonts.
    new Doc().font(regular, 8);
    expect(opened).toEqual([regular, bold, regular]);
  });

  it('leaves font names (standard fonts, registered names) to pdfkit every time', () => {
    const { Doc, opened } = fakeDoc();
    const doc = new Doc();
    doc.font('Helvetica', 10);
    doc.font('Helvetica', 10);
    expect(opened).toEqual(['Helvetica', 'Helvetica']);
  });

  it('opens no default font for a new document unless one is asked for', () => {
    const { Doc, opened } = fakeDoc();
    new Doc().initFonts();
    expect(opened).toEqual([]);
    new Doc().initFonts('Times-Roman');
    expect(opened).toEqual(['Times-Roman']);
  });
});

describe('installPdfkitFontCache', () => {
  it('renders the same invoice text with the same embedded fonts', async () => {
    const before = Buffer.from(await renderInvoicePdf(SAMPLE_CLASS_A, BUILT_IN_PRINT_FORMAT));
    await installPdfkitFontCache();
    const after = Buffer.from(await renderInvoicePdf(SAMPLE_CLASS_A, BUILT_IN_PRINT_FORMAT));
    expect((await pdfText(after)).pages).toEqual((await pdfText(before)).pages);
    const fonts = (pdf: Buffer) => pdf.toString('latin1').match(/\/BaseFont \/[A-Z]{6}\+[\w-]+/g)?.map((f) => f.replace(/\/[A-Z]{6}\+/, '/')).sort();
    expect(fonts(after)).toEqual(fonts(before));
    expect(fonts(after)?.length).toBeGreaterThanOrEqual(2);
    // It reached pdfkit as Node loads it, both builds (react-pdf gets one of them).
    const cjs = createRequire(import.meta.url)('pdfkit') as { prototype: Record<symbol, unknown> };
    const specifier = 'pdfkit';
    const esm = (await import(specifier)) as { default: { prototype: Record<symbol, unknown> } };
    for (const proto of [cjs.prototype, esm.default.prototype]) expect(proto[Symbol.for('cauce.pdfkitFontCache')]).toBe(true);
  });
});
