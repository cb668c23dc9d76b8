import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of a PDF, page by page, as pdfjs extracts it: `items` are the text runs as drawn,
 * `text` the runs of a page joined with single spaces (a wrapped line reads as one).
 */
export async function pdfText(bytes: Uint8Array): Promise<{ pages: { items: string[]; text: string }[]; all: string }> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: { items: string[]; text: string }[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const items = content.items.map((i) => ('str' in i ? i.str : '')).filter((s) => s.trim() !== '');
    pages.push({ items: items.map((s) => s.trim()), text: items.join(' ').replace(/\s+/g, ' ') });
  }
  await doc.destroy();
  return { pages, all: pages.map((p) => p.text).join(' ') };
}
