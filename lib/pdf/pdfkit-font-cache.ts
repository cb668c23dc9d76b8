import { createRequire } from 'node:module';

type FontDoc = { _font: unknown; _fontSource: unknown; _fontFamily: unknown; fontSize(size: number): unknown };
type FontFn = (this: FontDoc, src: unknown, family?: unknown, size?: unknown) => unknown;
type InitFontsFn = (this: unknown, defaultFont?: unknown, family?: unknown, size?: unknown) => unknown;
type PdfkitProto = { font: FontFn; initFonts?: InitFontsFn } & Record<symbol, unknown>;

const PATCHED = Symbol.for('cauce.pdfkitFontCache');

/**
 * pdfkit's doc.font(src) with a font OBJECT (what react-pdf passes for every text run) opens a new
 * embedded font each time and compares it with the open one by serializing its name table — about
 * a tenth of an invoice's render time. This keeps, per document, the embedded font of each font
 * object and selects it directly; strings (standard fonts, registered names) take pdfkit's path.
 * A new document no longer opens pdfkit's default Helvetica either (see initFonts below).
 */
export function cacheFontsOf(proto: PdfkitProto) {
  if (proto[PATCHED]) return;
  const original = proto.font;
  const cache = new WeakMap<FontDoc, Map<object, unknown>>();
  proto.font = function font(this: FontDoc, src, family, size) {
    if (src === null || typeof src !== 'object') return original.call(this, src, family, size);
    if (typeof family === 'number') {
      size = family;
      family = null;
    }
    let fonts = cache.get(this);
    if (!fonts) cache.set(this, (fonts = new Map()));
    const known = fonts.get(src);
    if (known === undefined) {
      original.call(this, src, family, size);
      fonts.set(src, this._font);
      return this;
    }
    this._font = known;
    this._fontSource = src;
    this._fontFamily = family;
    if (size != null) this.fontSize(size as number);
    return this;
  };
  // Every new document also opened Helvetica (pdfkit's default font, parsing its metrics each
  // time) that react-pdf never draws with: it sets a font before every text run.
  const initFonts = proto.initFonts;
  if (initFonts) {
    proto.initFonts = function (this: unknown, defaultFont, family, size) {
      return initFonts.call(this, defaultFont === undefined ? null : defaultFont, family, size);
    };
  }
  proto[PATCHED] = true;
}

/**
 * Installs the cache on pdfkit as Node loads it (both its ESM and CommonJS builds, whichever
 * react-pdf got). For the batch render threads, which run on Node directly; idempotent.
 */
export async function installPdfkitFontCache(): Promise<void> {
  type PdfkitModule = { prototype: PdfkitProto };
  // pdfkit ships no types: the specifier is a variable so TypeScript does not look for them.
  const specifier = 'pdfkit';
  const esm = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ specifier)) as { default: PdfkitModule };
  cacheFontsOf(esm.default.prototype);
  cacheFontsOf((createRequire(import.meta.url)(specifier) as PdfkitModule).prototype);
}
