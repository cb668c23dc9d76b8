/**
 * A render thread of the batch pool (lib/pdf/batch/pool.ts), loaded through worker-entry.mjs:
 * renders the invoices of a task to PDF bytes with the same renderer as the route, and retires
 * (exits; the pool replaces it) once its recycle policy says so — react-pdf never gives back the
 * memory of a render.
 */
import { installPdfkitFontCache } from '../pdfkit-font-cache';
import { renderInvoicePdf } from '../render';
import { installShapingCache } from '../shaping-cache';
import type { PrintFormat } from '@/lib/domain/pdf/print-format';
import type { InvoicePdfData } from '../types';
import { countPdfPages, shouldRetire, type RecyclePolicy } from './recycle';

export type RenderTask = {
  items: { id: string; data: InvoicePdfData; formatKey: string }[];
  /** The formats of the task's items by key (a logo travels once per task, not per invoice). */
  formats: Record<string, PrintFormat>;
  recycle: RecyclePolicy;
};
export type RenderedPdf = { id: string; pdf: Uint8Array; pages: number; ms: number };
export type RenderTaskResult = { results: RenderedPdf[]; retiring: boolean; threadId: number; renders: number; heapMb: number };

// Render threads run on Node directly (tsx), where pdfkit and the fonts are patched as loaded:
// see pdfkit-font-cache.ts and shaping-cache.ts.
const fontCache = Promise.all([installPdfkitFontCache(), installShapingCache()]);

let renders = 0;
let retiring = false;

export default async function renderTask(task: RenderTask): Promise<RenderTaskResult> {
  // A task that reached this thread after it decided to retire: exit now; the pool sends it to another.
  if (retiring) process.exit(0);
  await fontCache;
  const results: RenderedPdf[] = [];
  for (const item of task.items) {
    const started = performance.now();
    const pdf = await renderInvoicePdf(item.data, task.formats[item.formatKey]);
    results.push({ id: item.id, pdf, pages: countPdfPages(pdf), ms: performance.now() - started });
    renders++;
  }
  const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
  retiring = shouldRetire({ renders, heapMb }, task.recycle);
  // Exit after piscina has posted this result (a macrotask later); the pool starts a replacement.
  if (retiring) setTimeout(() => process.exit(0), 20);
  const { threadId } = await import('node:worker_threads');
  return { results, retiring, threadId, renders, heapMb };
}
