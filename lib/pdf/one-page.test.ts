import { renderToBuffer, type DocumentProps } from '@react-pdf/renderer';
import { createElement, type ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_PRINT_FORMAT } from '@/lib/domain/pdf/print-format';
import { pdfText } from '@/tests/support/pdf-text';
import { registerPdfFonts } from './fonts';
import { InvoiceDocument } from './invoice-document';
import { fitsOnePage, onePageLineLimit } from './one-page';
import { paymentImages } from './payment-images';
import { renderInvoicePdf } from './render';
import { SAMPLE_CLASS_A, SAMPLE_CLASS_E, sampleLongInvoice } from './sample-invoices';

const page = (height: number, paper = 792) => ({ children: [{ box: { height }, style: { height: paper } }] });

describe('fitsOnePage', () => {
  it('fits while the laid-out page is no taller than the paper', () => {
    expect(fitsOnePage(page(792))).toBe(true);
    expect(fitsOnePage(page(653.14))).toBe(true);
    expect(fitsOnePage(page(792.5))).toBe(false);
    expect(fitsOnePage(page(1161.16, 841.89))).toBe(false);
  });

  it('counts anything unexpected as not fitting, so the paginating render runs', () => {
    expect(fitsOnePage(undefined)).toBe(false);
    expect(fitsOnePage({})).toBe(false);
    expect(fitsOnePage({ children: [] })).toBe(false);
    expect(fitsOnePage({ children: [page(500).children[0], page(500).children[0]] })).toBe(false);
    expect(fitsOnePage({ children: [{ box: {}, style: { height: 792 } }] })).toBe(false);
  });
});

async function paginated(data: typeof SAMPLE_CLASS_A, onePage?: (layout: unknown) => void) {
  registerPdfFonts();
  const images = await paymentImages(data, BUILT_IN_PRINT_FORMAT);
  return renderToBuffer(createElement(InvoiceDocument, { data, format: BUILT_IN_PRINT_FORMAT, images, onePage }) as unknown as ReactElement<DocumentProps>);
}

/** What the unbroken-page layout of an invoice says: does it fit? */
async function fits(data: typeof SAMPLE_CLASS_A) {
  let layout: unknown;
  await paginated(data, (l) => (layout = l));
  return fitsOnePage(layout);
}

describe('renderInvoicePdf, one-page fast path', () => {
  it('prints a short invoice exactly as the paginating render does: same text in the same order, "Página 1 de 1"', async () => {
    for (const data of [SAMPLE_CLASS_A, SAMPLE_CLASS_E]) {
      expect(await fits(data)).toBe(true);
      const [fast, slow] = await Promise.all([renderInvoicePdf(data), paginated(data)]);
      const [a, b] = await Promise.all([pdfText(fast), pdfText(slow)]);
      expect(a.pages).toHaveLength(1);
      expect(a.pages[0].items).toEqual(b.pages[0].items);
      expect(a.all).toContain('Página 1 de 1');
    }
  });

  it('falls back to pagination when the invoice does not fit one page: every line once, "Página X de N"', async () => {
    // Within the line limit (so the one-page attempt runs) but too long for one page.
    const data = sampleLongInvoice(onePageLineLimit(BUILT_IN_PRINT_FORMAT));
    expect(await fits(data)).toBe(false);
    const text = await pdfText(await renderInvoicePdf(data));
    const n = text.pages.length;
    expect(n).toBeGreaterThan(1);
    text.pages.forEach((p, i) => expect(p.text).toContain(`Página ${i + 1} de ${n}`));
    for (const line of data.lines) expect(text.all.split(line.description).length - 1).toBe(1);
  });
});

describe('bundled fonts', () => {
  it('prints Spanish text with the Latin subset and falls back to the full font for other scripts', async () => {
    const data = { ...SAMPLE_CLASS_A, customer: { ...SAMPLE_CLASS_A.customer, name: 'Ñandú y Cía. — ООО «Вода» Ωmega' } };
    const pdf = Buffer.from(await renderInvoicePdf(data));
    const text = await pdfText(pdf);
    // pdfjs splits text runs where the font changes: compare without spaces.
    expect(text.all.replace(/\s/g, '')).toContain('Ñandúy Cía.—ООО«Вода»Ωmega'.replace(/\s/g, ''));
    expect(text.all).toContain('Consumo de agua potable 0–20 m³');
    // Two embedded subsets of DejaVu: the Latin one (most text) and the full font (Cyrillic, Greek).
    const fonts = pdf.toString('latin1').match(/\/FontFile2 \d+ 0 R/g) ?? [];
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    // Every font is embedded: no text run fell back to the viewer's Helvetica.
    expect(pdf.toString('latin1')).not.toMatch(/\/BaseFont \/Helvetica/);
  });
});
