/**
 * The `pdf-batch` job queue (pg-boss, like the billing slices in lib/billing/queue.ts): one job per
 * pdf_batches row, worked one at a time per process (a job already uses every core through the
 * render threads). A job whose process dies is retried by pg-boss and starts its ZIP again.
 */
import type PgBoss from 'pg-boss';
import type { DatabaseHandle } from '@/db/client';
import { executePdfBatch } from './job';

export const PDF_BATCH_QUEUE = 'pdf-batch';
export type PdfBatchJob = { batchId: string };

/** A job expires (and is retried) after this long. */
const EXPIRE_SECONDS = 2 * 60 * 60;

export async function ensurePdfBatchQueue(boss: PgBoss): Promise<void> {
  if (!(await boss.getQueue(PDF_BATCH_QUEUE))) {
    await boss.createQueue(PDF_BATCH_QUEUE, { name: PDF_BATCH_QUEUE, policy: 'standard', retryLimit: 2, retryDelay: 10, expireInSeconds: EXPIRE_SECONDS });
  }
}

export async function enqueuePdfBatch(boss: PgBoss, batchId: string): Promise<void> {
  await boss.send(PDF_BATCH_QUEUE, { batchId } satisfies PdfBatchJob);
}

/** Works the queue in this process; returns the pg-boss worker id. */
export async function workPdfBatches(boss: PgBoss, handle: DatabaseHandle, opts: { pollingIntervalSeconds?: number } = {}): Promise<string> {
  await ensurePdfBatchQueue(boss);
  return boss.work<PdfBatchJob>(PDF_BATCH_QUEUE, { batchSize: 1, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 }, async ([job]) => {
    await executePdfBatch(handle.db, job.data.batchId);
  });
}
