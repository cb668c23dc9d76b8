import 'server-only';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { and, desc, eq, gt, inArray } from 'drizzle-orm';
import { getDb, type Db, type DbOrTx } from '@/db/client';
import { recordAudit } from '@/db/queries/audit';
import { findRun, type BillingRunRow } from '@/db/queries/billing-runs';
import * as q from '@/db/queries/pdf-batches';
import { customers, pdfBatches } from '@/db/schema';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import { can } from '@/lib/auth/roles';
import { branchScope, inBranchScope, type Actor } from '@/lib/auth/scope';
import { billingWorker } from '@/lib/billing/worker-host';
import { toLocalDateString } from '@/lib/domain/format';
import { executePdfBatch, exportsDir } from '@/lib/pdf/batch/job';
import { countRunInvoices } from '@/lib/pdf/batch/load';
import { enqueuePdfBatch } from '@/lib/pdf/batch/queue';
import { PORTAL_ZIP_MAX_INVOICES, type PortalInvoiceFilter } from '@/lib/validation/portal-invoices';
import { isUuid } from './customers';
import { countPortalInvoices, ownPortalInvoiceIds, portalCustomerId, portalInvoiceIds } from './portal-invoices';

/**
 * Background PDF batches (one ZIP each). A billing run's invoices: requesting, following and
 * downloading one need 'billing.read' and the run within the actor's branches — the same rule as
 * reading the run (lib/dal/billing-runs.ts): another branch's run is "not found". A portal client's
 * invoices (below): 'portal.use', and the batch carries the session's customer — another
 * customer's batch is "not found". The batch runs on the pdf-batch queue when this process works it
 * (the web server), otherwise here (tests, scripts).
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

// ─── Portal: a client's ZIP of its own invoices ─────────────────────────────────────────────

const batchNotFound = () => new NotFoundError('No se encontró el archivo ZIP.');
const fmt = (n: number) => n.toLocaleString('es-DO');

/** The invoices of a filter of /portal/facturas, or the ones the client ticked. */
export type PortalPdfBatchRequest = { filter: PortalInvoiceFilter } | { invoiceIds: readonly string[] };

export type PortalPdfBatchView = PdfBatchView & { filter: PortalInvoiceFilter | null };

const toPortalView = (b: q.PdfBatchRow): PortalPdfBatchView => ({ ...toView(b), filter: (b.selection.filter as PortalInvoiceFilter | undefined) ?? null });

const sameIds = (a: unknown, b: readonly string[]) => Array.isArray(a) && a.length === b.length && a.every((id, i) => id === b[i]);

/** One of the client's batches by id; another customer's (or an unknown or malformed id) is "not found". */
async function ownBatch(actor: Actor, batchId: string, db: DbOrTx): Promise<q.PdfBatchRow> {
  const customerId = portalCustomerId(actor);
  if (!isUuid(batchId)) throw batchNotFound();
  const [row] = await db.select().from(pdfBatches).where(and(eq(pdfBatches.id, batchId), eq(pdfBatches.customerId, customerId))).limit(1);
  if (!row) throw batchNotFound();
  return row;
}

/**
 * The ids a portal request covers, newest first. A filter over more than PORTAL_ZIP_MAX_INVOICES
 * is refused with the count. Ticked ids must ALL be the client's own issued invoices: one that is
 * not (another customer's, a draft, unknown, malformed) refuses the whole request with the answer
 * of an unknown invoice — never a ZIP with fewer invoices than asked, never a hint of what exists.
 */
async function portalSelection(actor: Actor, request: PortalPdfBatchRequest, db: DbOrTx): Promise<string[]> {
  const tooMany = (n: number) =>
    new UserError(`La selección tiene ${fmt(n)} facturas y un ZIP admite como máximo ${fmt(PORTAL_ZIP_MAX_INVOICES)}. Acote el filtro, por ejemplo por período o por acuerdo.`);
  if ('invoiceIds' in request) {
    const asked = new Set(request.invoiceIds.map((id) => id.trim().toLowerCase()));
    if (asked.size > PORTAL_ZIP_MAX_INVOICES) throw tooMany(asked.size);
    const ids = await ownPortalInvoiceIds(actor, [...asked], db);
    if (ids.length !== asked.size) throw new NotFoundError('No se encontró la factura.');
    return ids;
  }
  const ids = await portalInvoiceIds(actor, request.filter, PORTAL_ZIP_MAX_INVOICES + 1, db);
  if (ids.length > PORTAL_ZIP_MAX_INVOICES) throw tooMany(await countPortalInvoices(actor, request.filter, db));
  return ids;
}

/**
 * Requests the ZIP of a client's invoices (a filter, or ticked ids). One batch per customer at a
 * time: asking again for the same invoices while it is queued or running returns it; asking for
 * others is refused until it ends (a stale one is marked FAILED and replaced). Audited.
 */
export async function requestPortalPdfBatch(actor: Actor, request: PortalPdfBatchRequest, db = getDb()): Promise<PortalPdfBatchView> {
  const customerId = portalCustomerId(actor);
  const ids = await portalSelection(actor, request, db);
  if (!ids.length) throw new UserError('Ninguna factura coincide con el filtro: no hay nada que descargar.');
  const filter = 'filter' in request ? request.filter : null;
  const outcome = await db.transaction(async (tx) => {
    // Serializes a customer's requests, so two clicks never start two batches.
    await tx.select({ id: customers.id }).from(customers).where(eq(customers.id, customerId)).for('update');
    const [live] = await tx
      .select()
      .from(pdfBatches)
      .where(and(eq(pdfBatches.customerId, customerId), inArray(pdfBatches.status, ['QUEUED', 'RUNNING'])))
      .orderBy(desc(pdfBatches.createdAt))
      .limit(1);
    if (live && !isStale(live)) {
      if (sameIds(live.selection.invoiceIds, ids)) return { batch: live, created: false };
      throw new UserError('Ya se está preparando otro ZIP de sus facturas: espere a que termine y vuelva a pedirlo.');
    }
    if (live) await q.updatePdfBatch(tx, live.id, { status: 'FAILED', message: 'Se interrumpió sin terminar.', finishedAt: new Date() });
    const row = await q.insertPdfBatch(tx, { customerId, selection: { invoiceIds: ids, ...(filter ? { filter } : {}) }, status: 'QUEUED', total: ids.length, requestedBy: actor.id });
    await recordAudit(tx, { id: actor.id, email: actor.email }, { entity: 'pdf_batch', entityId: row.id, action: 'CREATE', after: { customerId, total: ids.length, filter } });
    return { batch: row, created: true };
  });
  if (outcome.created) await launch(db, outcome.batch.id);
  return toPortalView(outcome.batch);
}

/** A failed or interrupted batch of the client, asked again with the same invoices. */
export async function retryPortalPdfBatch(actor: Actor, batchId: string, db = getDb()): Promise<PortalPdfBatchView> {
  const batch = await ownBatch(actor, batchId, db);
  if (batch.status !== 'FAILED' && !isStale(batch)) return toPortalView(batch);
  const ids = Array.isArray(batch.selection.invoiceIds) ? (batch.selection.invoiceIds as string[]) : [];
  const filter = batch.selection.filter as PortalInvoiceFilter | undefined;
  return requestPortalPdfBatch(actor, filter ? { filter } : { invoiceIds: ids }, db);
}

/** One of the client's batches, for its progress page. */
export async function getPortalPdfBatch(actor: Actor, batchId: string, db = getDb()): Promise<PortalPdfBatchView> {
  return toPortalView(await ownBatch(actor, batchId, db));
}

/** The client's newest batch of the last day (the list page offers it; its own page keeps it afterwards), or null. */
export async function latestPortalPdfBatch(actor: Actor, db = getDb(), now = new Date()): Promise<PortalPdfBatchView | null> {
  const customerId = portalCustomerId(actor);
  const since = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const [row] = await db
    .select()
    .from(pdfBatches)
    .where(and(eq(pdfBatches.customerId, customerId), gt(pdfBatches.createdAt, since)))
    .orderBy(desc(pdfBatches.createdAt))
    .limit(1);
  return row ? toPortalView(row) : null;
}

/** The finished ZIP of one of the client's batches, for the download route. */
export async function portalPdfZipFile(actor: Actor, batchId: string, db = getDb()): Promise<{ path: string; bytes: number; fileName: string }> {
  const batch = await ownBatch(actor, batchId, db);
  if (batch.status !== 'DONE' || !batch.filePath) throw new NotFoundError('El archivo ZIP todavía no está listo.');
  const file = path.resolve(batch.filePath);
  if (!file.startsWith(path.resolve(exportsDir()) + path.sep) || !existsSync(file)) throw new NotFoundError('El archivo ZIP ya no está disponible: genérelo de nuevo.');
  const day = toLocalDateString(batch.finishedAt ?? batch.createdAt);
  return { path: file, bytes: batch.bytes ?? 0, fileName: `facturas-${day}-${batch.id.slice(0, 8)}.zip` };
}
