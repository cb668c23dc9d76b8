/**
 * When a render worker retires: react-pdf keeps memory after each render, so a worker that has
 * rendered `maxRenders` documents — or whose heap has grown past `maxHeapMb` — finishes its task
 * and exits, and the pool starts a fresh one. Measured with the pool's 512 MB heap limit: a render
 * thread's RSS grew 243 → 279 MB over 1,800 one-page invoices (≈ 0.02 MB per render, heap steady at
 * ~70 MB after a task); a fresh thread costs ~1.5 s of CPU to start. Once an invoice took ~25 ms
 * of CPU, retiring every 500 renders spent ~10 % of a thread's work on restarts: 1,500 keeps that
 * near 4 % and the growth near 30 MB (the heap limit still retires a thread of long invoices).
 * Pure; e.g. with { maxRenders: 500, maxHeapMb: 256 }: 499 renders and 200 MB → keep; 500 → retire;
 * 12 renders but 300 MB (a run of long invoices) → retire.
 */
export type RecyclePolicy = { maxRenders: number; maxHeapMb: number };

export const DEFAULT_RECYCLE: RecyclePolicy = { maxRenders: 1500, maxHeapMb: 256 };

export function shouldRetire(state: { renders: number; heapMb: number }, policy: RecyclePolicy): boolean {
  return state.renders >= policy.maxRenders || state.heapMb >= policy.maxHeapMb;
}

/**
 * Splits invoices into worker tasks of at most `maxItems` invoices and about `maxLines` printed
 * lines (a long invoice goes alone), so one task stays a fraction of a second and the threads
 * share the work evenly. E.g. line counts [1, 1, 500, 2] with (10, 300) → [[0, 1], [2], [3]].
 */
export function chunkByLines<T>(items: readonly T[], linesOf: (item: T) => number, maxItems: number, maxLines: number): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let lines = 0;
  for (const item of items) {
    const n = Math.max(1, linesOf(item));
    if (current.length && (current.length >= maxItems || lines + n > maxLines)) {
      chunks.push(current);
      current = [];
      lines = 0;
    }
    current.push(item);
    lines += n;
  }
  if (current.length) chunks.push(current);
  return chunks;
}

/** Pages of a PDF written by react-pdf (pdfkit): its page objects, e.g. '/Type /Page\n' (never '/Pages'). */
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  return text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}
