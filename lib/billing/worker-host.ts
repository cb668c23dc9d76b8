/**
 * The billing worker of a long-lived process (the web server): pg-boss started once per process on
 * the process's database, working the slice queue and the invoice PDF batch queue (pdf-batch).
 * While it runs, runs and PDF batches started in this process go through the queues (and any other
 * worker on the same database helps); without it (tests, scripts) the data layer executes them
 * in-process.
 */
import type PgBoss from 'pg-boss';
import { getDatabaseHandle, type DatabaseHandle } from '@/db/client';
import { startDelinquencySchedule } from '@/lib/collections/delinquency-schedule';
import { workPdfBatches } from '@/lib/pdf/batch/queue';
import { startQueue, workSlices } from './queue';

type Host = { boss: PgBoss; handle: DatabaseHandle; delinquency?: PgBoss | null };
const g = globalThis as unknown as { __cauceBillingWorker?: Promise<Host> };

/** Starts the worker once per process (idempotent). */
export function startBillingWorker(handle: DatabaseHandle = getDatabaseHandle()): Promise<Host> {
  g.__cauceBillingWorker ??= (async () => {
    const boss = await startQueue(handle);
    await workSlices(boss, handle);
    await workPdfBatches(boss, handle);
    // Optional daily delinquency run (CAUCE_DELINQUENCY_CRON, PostgreSQL): its failure never stops billing.
    const delinquency = await startDelinquencySchedule(handle).catch((err) => (console.error('[morosidad] no se pudo programar la corrida diaria:', err), null));
    return { boss, handle, delinquency };
  })();
  g.__cauceBillingWorker.catch((err) => {
    console.error('[cola] no se pudo iniciar el trabajador de facturación:', err);
    g.__cauceBillingWorker = undefined;
  });
  return g.__cauceBillingWorker;
}

/** The running worker of this process, if any. */
export async function billingWorker(): Promise<Host | null> {
  return (await g.__cauceBillingWorker?.catch(() => null)) ?? null;
}

/** Stops the worker (waiting for its current slice). */
export async function stopBillingWorker(): Promise<void> {
  const host = await billingWorker();
  g.__cauceBillingWorker = undefined;
  await host?.delinquency?.stop({ graceful: true, wait: true, close: true });
  await host?.boss.stop({ graceful: true, wait: true, close: true });
}
