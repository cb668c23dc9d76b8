/**
 * The batch path: invoice ids in, one ZIP of their PDFs out. The main thread reads the invoices'
 * stored data a chunk at a time (the next chunk is read while the current one renders), the render
 * threads turn them into PDFs, and each PDF goes into the ZIP on disk as soon as it comes back —
 * at most a few tasks' PDFs are ever in memory. Entries are named by class and fiscal number,
 * e.g. 'B-00001-00000042.pdf' (the same number may exist in two classes).
 */
import type { DbOrTx } from '@/db/client';
import { loadInvoicePdfBatch, type BatchInvoice } from './load';
import { RenderPool } from './pool';
import { ZipWriter } from './zip-writer';

export type BatchProgress = { done: number; pages: number };
/** `loadSeconds`: time spent reading the invoices' data (on the main thread, overlapping the renders). */
export type BatchResult = BatchProgress & { bytes: number; seconds: number; entries: number; loadSeconds: number };

export const entryName = (i: Pick<BatchInvoice, 'data'>) => `${i.data.document.invoiceClass}-${i.data.document.fiscalNumber}.pdf`;

/**
 * Renders the invoices of `idChunks` (e.g. pages of 200 ids) into `zipPath`. `onProgress` is called
 * at most every `progressEveryMs` and once at the end; its promise is awaited (e.g. a row update).
 */
export async function renderInvoicesToZip(opts: {
  db: DbOrTx;
  pool: RenderPool;
  idChunks: AsyncIterable<string[]>;
  zipPath: string;
  onProgress?: (p: BatchProgress) => unknown;
  progressEveryMs?: number;
}): Promise<BatchResult> {
  const { db, pool } = opts;
  const started = performance.now();
  const zip = await ZipWriter.open(opts.zipPath);
  const progress: BatchProgress = { done: 0, pages: 0 };
  let loadMs = 0;
  let lastReport = 0;
  const report = async (force = false) => {
    const now = performance.now();
    if (!opts.onProgress || (!force && now - lastReport < (opts.progressEveryMs ?? 2000))) return;
    lastReport = now;
    await opts.onProgress({ ...progress });
  };
  // At most this many tasks in flight: every thread busy, one more queued for each.
  const window = pool.threads * 2;
  const inFlight = new Set<Promise<void>>();
  const run = (task: BatchInvoice[]) => {
    const names = new Map(task.map((i) => [i.id, entryName(i)]));
    const p: Promise<void> = pool
      .render(task)
      .then(async (results) => {
        for (const r of results) {
          await zip.add(names.get(r.id)!, r.pdf);
          progress.done++;
          progress.pages += r.pages;
        }
        await report();
      })
      .finally(() => inFlight.delete(p));
    // Observed by race/allSettled below; this keeps a failure meanwhile from being "unhandled".
    p.catch(() => undefined);
    inFlight.add(p);
  };
  try {
    const chunks = opts.idChunks[Symbol.asyncIterator]();
    const load = async () => {
      const next = await chunks.next();
      if (next.done) return null;
      const t = performance.now();
      const loaded = await loadInvoicePdfBatch(db, next.value);
      loadMs += performance.now() - t;
      return loaded;
    };
    let pending = load();
    for (;;) {
      const loaded = await pending;
      if (!loaded) break;
      pending = load();
      for (const task of RenderPool.tasksOf(loaded)) {
        while (inFlight.size >= window) await Promise.race(inFlight);
        run(task);
      }
    }
    // Settle everything; the first failure (if any) fails the batch.
    const outcomes = await Promise.allSettled([...inFlight]);
    const failed = outcomes.find((o) => o.status === 'rejected');
    if (failed) throw failed.reason;
    await report(true);
    const bytes = await zip.finish();
    return { ...progress, bytes, entries: zip.entries, seconds: (performance.now() - started) / 1000, loadSeconds: loadMs / 1000 };
  } catch (err) {
    await Promise.allSettled([...inFlight]);
    await zip.abort();
    throw err;
  }
}

/** Ids from a keyset-paged source: `page(afterId)` returns the next ids in order, [] at the end. */
export async function* pagedIds(page: (afterId: string | null) => Promise<string[]>): AsyncGenerator<string[]> {
  let after: string | null = null;
  for (;;) {
    const ids = await page(after);
    if (!ids.length) return;
    yield ids;
    after = ids[ids.length - 1];
  }
}
