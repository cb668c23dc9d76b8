/**
 * The billing-run job queue: pg-boss (a PostgreSQL-backed queue) in the application's own database.
 * A run is cut into slices (lib/domain/billing/slices.ts); each slice is one job on the queue
 * `billing-run-slice`, and every process that works the queue — the web server, `npm run worker`,
 * the CLI and its helper processes — executes slices with executeSlice. Several processes, on one
 * machine or several, thus share one run; a slice whose worker dies is retried by pg-boss and
 * goes on after its cursor (runs are idempotent, see engine.ts).
 *
 * - PostgreSQL: pg-boss opens its own small pool (`pg`) on the same URL.
 * - PGlite: pg-boss runs its SQL through the process's PGlite (one process owns PGlite).
 * Plain server code (no 'server-only'): the CLI and worker scripts use it under tsx.
 */
import type { PGlite } from '@electric-sql/pglite';
import PgBoss from 'pg-boss';
import type { DatabaseHandle } from '@/db/client';
import { executeSlice, prepareRun, type ExecuteOptions } from './engine';

export const SLICE_QUEUE = 'billing-run-slice';
export type SliceJob = { runId: string; sliceNo: number };

/** A slice job expires (and is retried) after this long without finishing. */
const EXPIRE_SECONDS = 60 * 60;

function pgliteAdapter(client: PGlite): PgBoss.Db {
  return {
    async executeSql(text, values) {
      if (values && values.length) return client.query(text, values);
      // pg-boss sends multi-statement scripts (schema, migrations) without parameters.
      const results = await client.exec(text);
      return results.at(-1) ?? { rows: [] };
    },
  };
}

/** A started pg-boss on the handle's database, with the slice queue created. */
export async function startQueue(handle: DatabaseHandle, opts: { supervise?: boolean } = {}): Promise<PgBoss> {
  const common = { schema: 'pgboss', schedule: false, supervise: opts.supervise ?? true, application_name: 'cauce-queue' };
  const boss =
    handle.kind === 'postgres'
      ? new PgBoss({ ...common, connectionString: handle.url!, max: 3 })
      : new PgBoss({ ...common, db: pgliteAdapter((handle.db as unknown as { $client: PGlite }).$client) });
  boss.on('error', (err) => console.error('[cola] error de pg-boss:', err));
  await boss.start();
  if (!(await boss.getQueue(SLICE_QUEUE))) {
    await boss.createQueue(SLICE_QUEUE, { name: SLICE_QUEUE, policy: 'standard', retryLimit: 3, retryDelay: 5, retryBackoff: true, expireInSeconds: EXPIRE_SECONDS });
  }
  return boss;
}

/**
 * Cuts the run into slices (once) and queues a job for each slice not DONE, first slices first
 * (they alternate branches, so workers start on different points of sale). Returns how many.
 */
export async function enqueueRun(boss: PgBoss, handle: DatabaseHandle, runId: string): Promise<number> {
  const { pending } = await prepareRun(handle.db, runId);
  if (pending.length === 0) return 0;
  await boss.insert(pending.map((sliceNo) => ({ name: SLICE_QUEUE, data: { runId, sliceNo } satisfies SliceJob, priority: Math.max(0, 10_000 - sliceNo) })));
  return pending.length;
}

/**
 * Works the slice queue in this process, one slice at a time (a slice is CPU-bound in Node and
 * pipelines its own reads and writes). Returns the pg-boss worker id (for boss.offWork).
 */
export async function workSlices(boss: PgBoss, handle: DatabaseHandle, opts: ExecuteOptions & { pollingIntervalSeconds?: number } = {}): Promise<string> {
  return boss.work<SliceJob>(SLICE_QUEUE, { batchSize: 1, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 }, async ([job]) => {
    await executeSlice(handle.db, job.data.runId, job.data.sliceNo, opts);
  });
}
