import path from 'node:path';
import { Font } from '@react-pdf/renderer';

/**
 * The family every PDF prints in: DejaVu Sans Condensed, bundled in lib/pdf/fonts (no network at
 * render time). First its Latin subset (every Spanish glyph — á é í ó ú ñ ü º ª ¿ ¡ € m³ — and any
 * Latin-script name, punctuation and symbols; made by scripts/subset-pdf-fonts.sh), which is
 * cheaper to shape and to embed; a character it lacks (a Greek or Cyrillic name, say) falls back
 * to the full font.
 */
export const PDF_FONT_FAMILY = 'DejaVu Sans Condensed';
export const PDF_FONT_FALLBACK_FAMILY = 'DejaVu Sans Condensed (completa)';
/** What a document's root style names: the subset, then the full font. */
export const PDF_FONT_STACK = [PDF_FONT_FAMILY, PDF_FONT_FALLBACK_FAMILY];

let registered = false;

/**
 * Registers the bundled fonts once per process, by absolute path from the project root (the
 * working directory of `next start`, vitest and the scripts). Words are never hyphenated:
 * react-pdf's default hyphenation is English.
 */
export function registerPdfFonts(root = process.cwd()): void {
  if (registered) return;
  const dir = path.join(root, 'lib', 'pdf', 'fonts');
  const family = (file: string) => [
    { src: path.join(dir, `${file}.ttf`) },
    { src: path.join(dir, `${file}-Bold.ttf`), fontWeight: 'bold' as const },
    { src: path.join(dir, `${file}-Oblique.ttf`), fontStyle: 'italic' as const },
  ];
  Font.register({ family: PDF_FONT_FAMILY, fonts: family('DejaVuSansCondensedLatin') });
  Font.register({ family: PDF_FONT_FALLBACK_FAMILY, fonts: family('DejaVuSansCondensed') });
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}
