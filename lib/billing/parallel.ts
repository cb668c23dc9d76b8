/**
 * Executing a billing run with several worker processes, for the CLI and the benchmark.
 *
 * On PostgreSQL the run's slices go on the job queue (lib/billing/queue.ts) and are worked by this
 * process plus `workers − 1` child processes (scripts/worker.ts --until-run), and by any other
 * worker on the same database (web servers, `npm run worker`). A slice is CPU-bound in Node, so on
 * a machine with N cores about N processes keep both Node and PostgreSQL busy. On PGlite (one
 * process owns the database) or with one worker, the run executes in this process (executeRun).
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import type PgBoss from 'pg-boss';
import type { DatabaseHandle } from '@/db/client';
import * as q from '@/db/queries/billing-runs';
import { rawQuery } from './bulk';
import { executeRun, type ExecuteOptions } from './engine';
import { enqueueRun, SLICE_QUEUE, startQueue, workSlices } from './queue';

export type ParallelResult = { run: q.BillingRunRow; workers: number; childPeakRssMb: number[] };

/** Whether a run is over: DONE, or FAILED with no slice job left to run or retry. */
export async function runIsOver(handle: DatabaseHandle, runId: string): Promise<q.BillingRunRow | null> {
  const run = await q.findRun(handle.db, runId);
  if (!run) throw new Error(`No existe la corrida de facturación ${runId}.`);
  if (run.status === 'DONE' || run.status === 'CANCELLED') return run;
  if (run.status !== 'FAILED') return null;
  // pg-boss keeps jobs in pgboss.job: a FAILED run whose slices may still be retried is not over.
  const [{ n }] = await rawQuery<{ n: number }>(
    handle.db,
    `select count(*)::int as n from pgboss.job where name = $1 and state in ('created', 'retry', 'active') and data->>'runId' = $2`,
    [SLICE_QUEUE, runId],
  );
  return n === 0 ? run : null;
}

/** Resolves with the run once it is over, polling every `everyMs`. */
export async function waitUntilOver(handle: DatabaseHandle, runId: string, everyMs = 500): Promise<q.BillingRunRow> {
  for (;;) {
    const over = await runIsOver(handle, runId);
    if (over) return over;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export async function executeRunWithWorkers(handle: DatabaseHandle, runId: string, opts: ExecuteOptions & { workers: number }): Promise<ParallelResult> {
  const workers = Math.max(1, Math.floor(opts.workers));
  if (handle.kind !== 'postgres' || workers === 1) {
    return { run: await executeRun(handle.db, runId, opts), workers: 1, childPeakRssMb: [] };
  }
  let boss: PgBoss | undefined;
  const children: Promise<number>[] = [];
  try {
    boss = await startQueue(handle);
    await enqueueRun(boss, handle, runId);
    const script = path.join(process.cwd(), 'scripts', 'worker.ts');
    for (let i = 1; i < workers; i++) {
      const child = fork(script, ['--until-run', runId, ...(opts.batchSize ? ['--batch-size', String(opts.batchSize)] : [])], {
        env: { ...process.env, DATABASE_URL: handle.url },
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      });
      children.push(
        new Promise((resolve) => {
          let peak = 0;
          child.on('message', (m: { peakRssMb?: number }) => {
            if (typeof m?.peakRssMb === 'number') peak = m.peakRssMb;
          });
          child.on('exit', () => resolve(peak));
        }),
      );
    }
    await workSlices(boss, handle, { ...opts, pollingIntervalSeconds: 0.5 });
    const run = await waitUntilOver(handle, runId);
    return { run, workers, childPeakRssMb: await Promise.all(children) };
  } finally {
    await boss?.stop({ graceful: true, wait: true, close: true });
  }
}
