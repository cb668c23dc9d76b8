/**
 * One background PDF batch (a pdf_batches row) into one ZIP under the data folder: all the printable
 * invoices of a billing run, or a portal client's chosen invoices (`customer_id` set, `selection`
 * = { invoiceIds }), of which only those still owned by that customer are rendered. Executed by the
 * `pdf-batch` queue's workers (queue.ts) or, without one, in the requesting process
 * (lib/dal/pdf-batches.ts). The batch was authorized when requested; this runs as the system.
 * Idempotent: a retried job starts the ZIP again from scratch (the partial file
 * is truncated) and counts from zero, so no entry is ever written twice.
 */
import path from 'node:path';
import { tmpdir } from 'node:os';
import type { Db } from '@/db/client';
import * as q from '@/db/queries/pdf-batches';
import { countRunInvoices, customerInvoiceIds, runInvoiceIds } from './load';
import { RenderPool, type RenderPoolOptions } from './pool';
import { pagedIds, renderInvoicesToZip } from './render-zip';

/** Ids read (and invoices loaded) per chunk. */
const CHUNK = 200;

/**
 * Where finished ZIPs live: `exports/` next to the PGlite folder (CAUCE_DATA_DIR's parent), or
 * `.data/exports` in the project.
 */
export function exportsDir(): string {
  const dataDir = process.env.CAUCE_DATA_DIR;
  if (dataDir && dataDir.startsWith('memory://')) return path.join(tmpdir(), 'cauce-exports');
  return dataDir ? path.join(path.dirname(path.resolve(dataDir)), 'exports') : path.join(process.cwd(), '.data', 'exports');
}

export const pdfBatchZipPath = (batchId: string) => path.join(exportsDir(), 'pdf-batches', `${batchId}.zip`);

export type PdfBatchOptions = { pool?: RenderPool; poolOptions?: RenderPoolOptions; progressEveryMs?: number };

/**
 * What a batch renders: a run's printable invoices (keyset pages), or a customer's selection —
 * re-checked here against the invoices' customer, so a selection holding another customer's id
 * (or a draft, or junk) never puts that invoice in the ZIP.
 */
async function batchInvoices(db: Db, batch: q.PdfBatchRow): Promise<{ total: number; idChunks: AsyncIterable<string[]> }> {
  if (batch.billingRunId) {
    const runId = batch.billingRunId;
    return { total: await countRunInvoices(db, runId), idChunks: pagedIds((after) => runInvoiceIds(db, runId, after, CHUNK)) };
  }
  const selected = batch.selection.invoiceIds;
  if (batch.customerId && Array.isArray(selected)) {
    const ids = await customerInvoiceIds(db, batch.customerId, selected.filter((v): v is string => typeof v === 'string'));
    if (!ids.length) throw new Error('Ninguna de las facturas elegidas está disponible.');
    return { total: ids.length, idChunks: chunksOf(ids, CHUNK) };
  }
  throw new Error('Este lote de PDF no indica qué facturas generar.');
}

async function* chunksOf(ids: readonly string[], size: number): AsyncGenerator<string[]> {
  for (let i = 0; i < ids.length; i += size) yield ids.slice(i, i + size);
}

/** Executes a batch to the end: RUNNING → DONE with the ZIP's path and size, or FAILED with the reason (and rethrows). */
export async function executePdfBatch(db: Db, batchId: string, opts: PdfBatchOptions = {}): Promise<q.PdfBatchRow> {
  const batch = await q.findPdfBatch(db, batchId);
  if (!batch) throw new Error(`No existe el lote de PDF ${batchId}.`);
  if (batch.status === 'DONE') return batch;
  let selection;
  try {
    selection = await batchInvoices(db, batch);
  } catch (err) {
    await q.updatePdfBatch(db, batchId, { status: 'FAILED', message: err instanceof Error ? err.message : String(err), finishedAt: new Date() });
    throw err;
  }
  const { total, idChunks } = selection;
  await q.updatePdfBatch(db, batchId, { status: 'RUNNING', total, done: 0, pages: 0, filePath: null, bytes: null, message: null, startedAt: new Date(), finishedAt: null });
  const pool = opts.pool ?? (await RenderPool.create(opts.poolOptions));
  try {
    const zipPath = pdfBatchZipPath(batchId);
    const result = await renderInvoicesToZip({
      db,
      pool,
      idChunks,
      zipPath,
      progressEveryMs: opts.progressEveryMs ?? 2000,
      onProgress: (p) => q.updatePdfBatch(db, batchId, { done: p.done, pages: p.pages }),
    });
    const done = await q.updatePdfBatch(db, batchId, {
      status: 'DONE',
      total: result.done,
      done: result.done,
      pages: result.pages,
      filePath: zipPath,
      bytes: result.bytes,
      message: `${result.done.toLocaleString('es-DO')} PDF (${result.pages.toLocaleString('es-DO')} páginas) en ${result.seconds.toFixed(1)} s.`,
      finishedAt: new Date(),
    });
    return done!;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await q.updatePdfBatch(db, batchId, { status: 'FAILED', message: `No se pudieron generar los PDF: ${message}`, finishedAt: new Date() }).catch(() => undefined);
    throw err;
  } finally {
    if (!opts.pool) await pool.close();
  }
}
