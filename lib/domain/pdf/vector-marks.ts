/**
 * The payment QR and barcode as vector paths (one SVG path each), from the symbol's modules. Drawn
 * as paths they cost the PDF a few hundred bytes and no image: making a PNG and decoding it again
 * inside react-pdf was about a sixth of an invoice's render time. Pure.
 */

/** A path in points, drawn at `width` × `height`. */
export type VectorMark = { width: number; height: number; path: string };

const n = (v: number) => (Math.round(v * 1000) / 1000).toString();

/**
 * A square matrix of modules (row-major, truthy = dark) as one path: each row's runs of dark modules
 * become one rectangle, scaled to `size` points square (a quiet zone is the caller's margin).
 * E.g. size 2 matrix [1,1, 0,1] at 2 pt → 'M0 0h2v1h-2z M1 1h1v1h-1z'.
 */
export function matrixPath(modules: ArrayLike<number | boolean>, count: number, size: number): VectorMark {
  const unit = size / count;
  const parts: string[] = [];
  for (let row = 0; row < count; row++) {
    let col = 0;
    while (col < count) {
      if (!modules[row * count + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < count && modules[row * count + col]) col++;
      parts.push(`M${n(start * unit)} ${n(row * unit)}h${n((col - start) * unit)}v${n(unit)}h${n(-(col - start) * unit)}z`);
    }
  }
  return { width: size, height: size, path: parts.join(' ') };
}

/**
 * A linear barcode's alternating bar/space widths (in modules, starting with a bar — bwip-js's
 * `sbs`) as one path of bars stretched to `width` × `height` points.
 * E.g. [1, 1, 2] at 4 × 10 → 'M0 0h1v10h-1z M2 0h2v10h-2z'.
 */
export function barsPath(sbs: readonly number[], width: number, height: number): VectorMark {
  const total = sbs.reduce((a, b) => a + b, 0);
  const unit = total > 0 ? width / total : 0;
  const parts: string[] = [];
  let x = 0;
  sbs.forEach((w, i) => {
    if (i % 2 === 0 && w > 0) parts.push(`M${n(x * unit)} 0h${n(w * unit)}v${n(height)}h${n(-w * unit)}z`);
    x += w;
  });
  return { width, height, path: parts.join(' ') };
}
