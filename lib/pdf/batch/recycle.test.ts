import { describe, expect, it } from 'vitest';
import { chunkByLines, countPdfPages, shouldRetire } from './recycle';

describe('render thread recycling', () => {
  const policy = { maxRenders: 500, maxHeapMb: 256 };
  it('retires after maxRenders renders or past maxHeapMb of heap', () => {
    expect(shouldRetire({ renders: 499, heapMb: 200 }, policy)).toBe(false);
    expect(shouldRetire({ renders: 500, heapMb: 200 }, policy)).toBe(true);
    expect(shouldRetire({ renders: 12, heapMb: 300 }, policy)).toBe(true);
  });

  it('tasks of at most maxItems invoices and about maxLines lines; a long invoice alone', () => {
    const lines = [1, 1, 500, 2, 3, 3, 3];
    const chunks = chunkByLines(lines.map((n, i) => ({ i, n })), (x) => x.n, 3, 300).map((c) => c.map((x) => x.i));
    expect(chunks).toEqual([[0, 1], [2], [3, 4, 5], [6]]);
    expect(chunkByLines([], () => 1, 3, 300)).toEqual([]);
  });

  it('counts page objects, not the page tree', () => {
    const pdf = Buffer.from('1 0 obj << /Type /Pages /Count 2 >> 2 0 obj << /Type /Page /Parent 1 0 R >> 3 0 obj <</Type/Page/Parent 1 0 R>>', 'latin1');
    expect(countPdfPages(pdf)).toBe(2);
  });
});
