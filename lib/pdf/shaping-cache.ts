import { Font } from '@react-pdf/renderer';
import { PDF_FONT_STACK, registerPdfFonts } from './fonts';

type Layout = (text: string, features?: unknown, script?: string, language?: string, direction?: string) => unknown;
type Shapeable = { layout: Layout } & Record<symbol, unknown>;

const MEMOIZED = Symbol.for('cauce.shapingCache');

/**
 * Shaping a run of text (fontkit's font.layout: OpenType substitution and positioning) was an
 * eighth of an invoice's render time, and most runs repeat from one invoice to the next: labels,
 * concept names, month names, the company's data. This keeps a font's shaped runs by text and
 * options, up to `max` of them (then starts over). Safe because react-pdf only reads a glyph run:
 * it copies the positions it scales and never changes the glyphs.
 */
export function memoizeLayout(font: Shapeable, max = 20_000): void {
  if (font[MEMOIZED]) return;
  const original = font.layout;
  const runs = new Map<string, unknown>();
  font.layout = function layout(this: unknown, text, features, script, language, direction) {
    const key = `${features === undefined ? '' : JSON.stringify(features)}\u0000${script ?? ''}\u0000${language ?? ''}\u0000${direction ?? ''}\u0000${text}`;
    let run = runs.get(key);
    if (run === undefined) {
      run = original.call(this, text, features, script, language, direction);
      if (runs.size >= max) runs.clear();
      runs.set(key, run);
    }
    return run;
  };
  font[MEMOIZED] = true;
}

/**
 * Memoizes the shaping of the PDF fonts as react-pdf loads them (the batch render threads;
 * idempotent). Loading stays lazy: a variant no document uses (the italic, most of the fallback
 * font) is never read.
 */
export async function installShapingCache(): Promise<void> {
  registerPdfFonts();
  type Source = { load(): Promise<void>; data: Shapeable | null } & Record<symbol, unknown>;
  const families = Font.getRegisteredFonts() as unknown as Record<string, { sources: Source[] } | undefined>;
  for (const name of PDF_FONT_STACK) {
    for (const source of families[name]?.sources ?? []) {
      if (source[MEMOIZED]) continue;
      const load = source.load.bind(source);
      source.load = async () => {
        await load();
        if (source.data && typeof source.data.layout === 'function') memoizeLayout(source.data);
      };
      source[MEMOIZED] = true;
    }
  }
}
