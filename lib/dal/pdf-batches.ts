import 'server-only';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { getDb, type Db } from '@/db/client';
import { recordAudit } from '@/db/queries/audit';
import { findRun, type BillingRunRow } from '@/db/queries/billing-runs';
import * as q from '@/db/queries/pdf-batches';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import { can } from '@/lib/auth/roles';
import { branchScope, inBranchScope, type Actor } from '@/lib/auth/scope';
import { billingWorker } from '@/lib/billing/worker-host';
import { executePdfBatch, exportsDir } from '@/lib/pdf/batch/job';
import { countRunInvoices } from '@/lib/pdf/batch/load';
import { enqueuePdfBatch } from '@/lib/pdf/batch/queue';
import { isUuid } from './customers';

/**
 * Background PDF batches of a billing run's invoices (one ZIP). Requesting, following and
 * downloading one need 'billing.read' and the run within the actor's branches — the same rule as
 * reading the run (lib/dal/billing-runs.ts): another branch's run is "not found". The batch runs on
 * the pdf-batch queue when this process works it (the web server), otherwise here (tests, scripts).
 */

const notFound = () => new NotFoundError('No se encontró la corrida de facturación.');

async function readableRun(actor: Actor, runId: string, db: Db): Promise<BillingRunRow> {
  if (!can(actor.role, 'billing.read')) throw new ForbiddenError();
  if (!isUuid(runId)) throw notFound();
  const run = await findRun(db, runId);
  if (!run) throw notFound();
  const scope = branchScope(actor);
  if (!scope.all && !(run.scope.branchId && inBranchScope(scope, run.scope.branchId))) throw notFound();
  return run;
}

/**
 * A RUNNING batch writes its progress every 2 s; one silent for this long died with its process
 * (a restart without the queue, a crash). A QUEUED one may wait behind others on the queue longer.
 */
const STALE_RUNNING_MS = 2 * 60 * 1000;
const STALE_QUEUED_MS = 60 * 60 * 1000;

function isStale(b: q.PdfBatchRow, now = Date.now()): boolean {
  if (b.status === 'RUNNING') return now - b.updatedAt.getTime() > STALE_RUNNING_MS;
  if (b.status === 'QUEUED') return now - b.updatedAt.getTime() > STALE_QUEUED_MS;
  return false;
}

export type PdfBatchView = Pick<q.PdfBatchRow, 'id' | 'status' | 'total' | 'done' | 'pages' | 'bytes' | 'message' | 'createdAt' | 'startedAt' | 'finishedAt'> & {
  downloadable: boolean;
  /** Queued or running without signs of life: shown as stopped, and a new request replaces it. */
  stale: boolean;
};

const toView = (b: q.PdfBatchRow): PdfBatchView => ({
  id: b.id,
  status: b.status,
  total: b.total,
  done: b.done,
  pages: b.pages,
  bytes: b.bytes,
  message: b.message,
  createdAt: b.createdAt,
  startedAt: b.startedAt,
  finishedAt: b.finishedAt,
  downloadable: b.status === 'DONE' && !!b.filePath,
  stale: isStale(b),
});

/** Batches started in this process, so tests (and the process) can wait for them. */
const running = new Map<string, Promise<unknown>>();

async function launch(db: Db, batchId: string) {
  const worker = await billingWorker();
  if (worker && worker.handle.db === db) {
    await enqueuePdfBatch(worker.boss, batchId);
    return;
  }
  const p = executePdfBatch(db, batchId)
    // executePdfBatch stored FAILED with the reason; keep the process alive.
    .catch((err) => console.error(`Lote de PDF ${batchId} fallido:`, err))
    .finally(() => running.delete(batchId));
  running.set(batchId, p);
}

/** Resolves when a batch started in this process has finished (immediately otherwise). */
export async function waitForPdfBatch(batchId: string): Promise<void> {
  await running.get(batchId);
}

/**
 * Requests the ZIP of every invoice of a finished RUN. While one is queued or running, that one is
 * returned instead of starting another (unless it is stale: then it is marked FAILED and replaced).
 * Audited.
 */
export async function requestRunPdfBatch(actor: Actor, runId: string, db = getDb()): Promise<PdfBatchView> {
  const run = await readableRun(actor, runId, db);
  if (run.mode !== 'RUN') throw new UserError('Una vista previa no emite facturas: no hay PDF que generar.');
  if (run.status !== 'DONE') throw new UserError('Espere a que termine la corrida para generar sus PDF.');
  const live = await q.livePdfBatchOfRun(db, run.id);
  if (live && !isStale(live)) return toView(live);
  if (live) await q.updatePdfBatch(db, live.id, { status: 'FAILED', message: 'Se interrumpió sin terminar.', finishedAt: new Date() });
  const total = await countRunInvoices(db, run.id);
  if (total === 0) throw new UserError('La corrida no emitió facturas.');
  const batch = await db.transaction(async (tx) => {
    const row = await q.insertPdfBatch(tx, { billingRunId: run.id, selection: { billingRunId: run.id }, status: 'QUEUED', total, requestedBy: actor.id });
    await recordAudit(tx, { id: actor.id, email: actor.email }, { entity: 'pdf_batch', entityId: row.id, action: 'CREATE', after: { billingRunId: run.id, runNumber: run.number, total } });
    return row;
  });
  await launch(db, batch.id);
  return toView(batch);
}

/** The newest PDF batch of a run the actor may read, or null. */
export async function getRunPdfBatch(actor: Actor, runId: string, db = getDb()): Promise<PdfBatchView | null> {
  const run = await readableRun(actor, runId, db);
  const batch = await q.latestPdfBatchOfRun(db, run.id);
  return batch ? toView(batch) : null;
}

/** The finished ZIP of a run's newest batch, for the download route: its path, size and a file name. */
export async function runPdfZipFile(actor: Actor, runId: string, db = getDb()): Promise<{ path: string; bytes: number; fileName: string }> {
  const run = await readableRun(actor, runId, db);
  const batch = await q.latestPdfBatchOfRun(db, run.id);
  if (!batch || batch.status !== 'DONE' || !batch.filePath) throw new NotFoundError('Todavía no hay un ZIP terminado de esta corrida.');
  // Only files the batch job wrote under the exports folder are ever served.
  const file = path.resolve(batch.filePath);
  if (!file.startsWith(path.resolve(exportsDir()) + path.sep) || !existsSync(file)) throw new NotFoundError('El archivo ZIP ya no está disponible: genérelo de nuevo.');
  return { path: file, bytes: batch.bytes ?? 0, fileName: `facturas-corrida-${run.number}-${run.period}.zip` };
}
