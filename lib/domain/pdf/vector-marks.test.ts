import bwipjs from 'bwip-js/node';
import jsQR from 'jsqr';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { barsPath, matrixPath } from './vector-marks';

/** The rectangles of a path made of 'M x y h w v h h -w z' pieces. */
function rects(path: string) {
  return [...path.matchAll(/M(-?[\d.]+) (-?[\d.]+)h(-?[\d.]+)v(-?[\d.]+)h(-?[\d.]+)z/g)].map((m) => {
    const [x, y, w, h, back] = m.slice(1).map(Number);
    expect(back).toBeCloseTo(-w, 6);
    return { x, y, w, h };
  });
}

/** Paints a path's rectangles black on a white RGBA bitmap, with a margin (the QR's quiet zone). */
function rasterize(path: string, size: number, scale: number, margin: number) {
  const side = (size + 2 * margin) * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  for (const r of rects(path)) {
    for (let y = Math.round((r.y + margin) * scale); y < Math.round((r.y + r.h + margin) * scale); y++) {
      for (let x = Math.round((r.x + margin) * scale); x < Math.round((r.x + r.w + margin) * scale); x++) {
        pixels.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
      }
    }
  }
  return { pixels, side };
}

describe('matrixPath', () => {
  it('draws each row’s runs of dark modules as one rectangle, scaled to the size', () => {
    expect(matrixPath([1, 1, 0, 1], 2, 2).path).toBe('M0 0h2v1h-2z M1 1h1v1h-1z');
    expect(matrixPath([1, 0, 1, 0], 2, 10).path).toBe('M0 0h5v5h-5z M0 5h5v5h-5z');
    expect(matrixPath([0, 0, 0, 0], 2, 10)).toEqual({ width: 10, height: 10, path: '' });
  });

  it('covers exactly the dark modules of a real QR, which a scanner reads back', () => {
    const content = 'CAUCE|00001-00004217|16518.03|DOP';
    const { modules } = QRCode.create(content, { errorCorrectionLevel: 'M' });
    const mark = matrixPath(modules.data, modules.size, modules.size);
    const area = rects(mark.path).reduce((a, r) => a + r.w * r.h, 0);
    expect(area).toBe(modules.data.reduce((a: number, m: number) => a + (m ? 1 : 0), 0));
    const { pixels, side } = rasterize(mark.path, modules.size, 6, 4);
    expect(jsQR(pixels, side, side)?.data).toBe(content);
  });
});

describe('barsPath', () => {
  it('draws the bars (even positions) stretched to the width, skipping the spaces', () => {
    expect(barsPath([1, 1, 2], 4, 10).path).toBe('M0 0h1v10h-1z M2 0h2v10h-2z');
    expect(barsPath([2, 2], 8, 5).path).toBe('M0 0h4v5h-4z');
  });

  it('keeps every bar of a Code 128 symbol at its module width', () => {
    const [symbol] = bwipjs.raw({ bcid: 'code128', text: '0000100004217' }) as { sbs: number[] }[];
    const modules = symbol.sbs.reduce((a, b) => a + b, 0);
    const bars = rects(barsPath(symbol.sbs, modules, 30).path);
    expect(bars.map((b) => b.w)).toEqual(symbol.sbs.filter((_, i) => i % 2 === 0));
    // Code 128 ends with the stop pattern 2 3 3 1 1 1 2 (bar first): its last bar is 2 modules wide at the very end.
    expect(bars.at(-1)).toEqual({ x: modules - 2, y: 0, w: 2, h: 30 });
  });
});
