import path from 'node:path';
import { Font } from '@react-pdf/renderer';

/** The one family every PDF uses: DejaVu Sans Condensed, bundled in lib/pdf/fonts (every Spanish glyph: á é í ó ú ñ ü º ª ¿ ¡ €). */
export const PDF_FONT_FAMILY = 'DejaVu Sans Condensed';

let registered = false;

/**
 * Registers the bundled fonts once per process, by absolute path from the project root (the
 * working directory of `next start`, vitest and the scripts) — no network at render time.
 * Words are never hyphenated: react-pdf's default hyphenation is English.
 */
export function registerPdfFonts(root = process.cwd()): void {
  if (registered) return;
  const dir = path.join(root, 'lib', 'pdf', 'fonts');
  Font.register({
    family: PDF_FONT_FAMILY,
    fonts: [
      { src: path.join(dir, 'DejaVuSansCondensed.ttf') },
      { src: path.join(dir, 'DejaVuSansCondensed-Bold.ttf'), fontWeight: 'bold' },
      { src: path.join(dir, 'DejaVuSansCondensed-Oblique.ttf'), fontStyle: 'italic' },
    ],
  });
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}
