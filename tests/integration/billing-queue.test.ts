import { asc, eq, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { findRun } from '@/db/queries/billing-runs';
import { billingRunSlices, branches, invoices } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { executeRun, executeSlice, prepareRun } from '@/lib/billing/engine';
import { enqueueRun, startQueue, workSlices } from '@/lib/billing/queue';
import { createRun } from '@/lib/billing/runs';
import type { RunSummary } from '@/lib/billing/summary';
import { createTestDatabase } from '../support/db';

// The job queue (pg-boss) on the test database: PGlite in-process, or the PostgreSQL of TEST_DATABASE_URL.
let h: DatabaseHandle;
const bosses: PgBoss[] = [];
const rows = async <T>(q: ReturnType<typeof sql>) => {
  const r = (await h.db.execute(q)) as unknown as T[] | { rows: T[] };
  return Array.isArray(r) ? r : r.rows;
};

async function waitForStatus(runId: string, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const run = (await findRun(h.db, runId))!;
    if (run.status === 'DONE' || run.status === 'FAILED' || Date.now() > until) return run;
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  h = await createTestDatabase();
  await seedDemo(h);
}, 120_000);

afterAll(async () => {
  for (const b of bosses) await b.stop({ graceful: true, wait: true, close: true }).catch(() => undefined);
  await h?.close();
});

describe('billing runs on the job queue', () => {
  it('two workers share a run slice by slice; the result equals an in-process run of the same period', async () => {
    // Reference: a PREVIEW of the same period executed in this process.
    const preview = await executeRun(h.db, (await createRun(h.db, null, { mode: 'PREVIEW', period: '2027-03', issueDate: '2027-03-31' })).id, { batchSize: 25 });
    expect(preview.status).toBe('DONE');

    for (let i = 0; i < 2; i++) {
      const boss = await startQueue(h, { supervise: i === 0 });
      bosses.push(boss);
      await workSlices(boss, h, { batchSize: 25, pollingIntervalSeconds: 0.5 });
    }
    const run = await createRun(h.db, null, { mode: 'RUN', period: '2027-03', issueDate: '2027-03-31' });
    const queued = await enqueueRun(bosses[0], h, run.id);
    const branchCount = (await h.db.select({ id: branches.id }).from(branches)).length;
    expect(queued).toBe(branchCount * 2);

    const done = await waitForStatus(run.id);
    expect(done.status).toBe('DONE');
    expect(done.processed).toBe(done.total);
    expect(done.total).toBe(preview.total);
    expect(done.invoiceCount).toBe(preview.invoiceCount);
    const summary = done.summary as unknown as RunSummary;
    expect(summary.totals).toEqual((preview.summary as unknown as RunSummary).totals);

    const slices = await h.db.select().from(billingRunSlices).where(eq(billingRunSlices.runId, run.id)).orderBy(asc(billingRunSlices.sliceNo));
    expect(slices.every((s) => s.status === 'DONE')).toBe(true);
    expect(slices.reduce((n, s) => n + s.processed, 0)).toBe(done.processed);
    expect(slices.reduce((n, s) => n + s.invoiceCount, 0)).toBe(done.invoiceCount);

    const [{ n }] = await rows<{ n: number }>(sql`select count(*)::int n from invoices where billing_run_id = ${run.id}`);
    expect(n).toBe(done.invoiceCount);
    const groups = await rows<{ n: number; lo: number; hi: number; d: number }>(sql`
      select count(*)::int n, min(number)::int lo, max(number)::int hi, count(distinct number)::int d from invoices group by point_of_sale_id, invoice_class, doc_type`);
    for (const g of groups) expect([g.lo, g.hi, g.d]).toEqual([1, g.n, g.n]);
  }, 120_000);

  it('a slice delivered again after it is done changes nothing', async () => {
    const [last] = await h.db.select({ runId: invoices.billingRunId }).from(invoices).where(eq(invoices.period, '2027-03')).limit(1);
    const before = await rows<{ n: number }>(sql`select count(*)::int n from invoices`);
    const run = await executeSlice(h.db, last.runId!, 1);
    expect(run.status).toBe('DONE');
    expect(await rows<{ n: number }>(sql`select count(*)::int n from invoices`)).toEqual(before);
    const [slice] = await h.db.select().from(billingRunSlices).where(eq(billingRunSlices.runId, last.runId!)).orderBy(asc(billingRunSlices.sliceNo)).limit(1);
    expect(slice.status).toBe('DONE');
  });

  it('a run stopped by an error mid-slice resumes on the queue after its cursor and bills each agreement once', async () => {
    const run = await createRun(h.db, null, { mode: 'RUN', period: '2027-04', issueDate: '2027-04-30' });
    await prepareRun(h.db, run.id);
    // The first slice stops after its first committed batch of 5 agreements (as if its worker died).
    const crash = new Error('worker stopped');
    await expect(
      executeSlice(h.db, run.id, 1, {
        batchSize: 5,
        onProgress: () => {
          throw crash;
        },
      }),
    ).rejects.toBe(crash);
    const [stopped] = await h.db.select().from(billingRunSlices).where(eq(billingRunSlices.runId, run.id)).orderBy(asc(billingRunSlices.sliceNo)).limit(1);
    expect(stopped).toMatchObject({ status: 'FAILED', processed: 5 });
    expect(stopped.cursor).not.toBeNull();
    expect((await findRun(h.db, run.id))!.status).toBe('FAILED');

    await enqueueRun(bosses[1], h, run.id);
    const done = await waitForStatus(run.id);
    expect(done.status).toBe('DONE');
    expect(done.processed).toBe(done.total);
    // Nothing was processed twice: no agreement was found "already billed" by this run.
    const [{ again: twice }] = await rows<{ again: number }>(sql`select count(*)::int again from billing_run_issues where run_id = ${run.id} and reason like 'Ya facturado%'`);
    expect(twice).toBe(0);
    const [{ n, units }] = await rows<{ n: number; units: number }>(sql`select count(*)::int n, count(distinct billing_unit)::int units from invoices where period = '2027-04'`);
    expect(n).toBe(units);
    expect(n).toBe(done.invoiceCount);

    // Running the whole period again on the queue bills nothing new.
    const again = await createRun(h.db, null, { mode: 'RUN', period: '2027-04', issueDate: '2027-04-30' });
    await enqueueRun(bosses[0], h, again.id);
    const second = await waitForStatus(again.id);
    expect(second.status).toBe('DONE');
    expect(second.invoiceCount).toBe(0);
    expect(second.skippedCount).toBe(second.processed);
  }, 120_000);
});
