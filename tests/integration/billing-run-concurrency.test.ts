import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { insertRun } from '@/db/queries/billing-runs';
import { seedDemo } from '@/db/seed';
import { executeRun } from '@/lib/billing/engine';
import { createTestDatabase } from '../support/db';

// Real concurrency needs real connections: PostgreSQL only (PGlite runs one statement at a time).
const onPostgres = !!process.env.TEST_DATABASE_URL;
const PERIOD = '2027-05';

let h: DatabaseHandle;
const rows = async <T>(q: ReturnType<typeof sql>) => {
  const r = (await h.db.execute(q)) as unknown as T[] | { rows: T[] };
  return Array.isArray(r) ? r : r.rows;
};

describe.skipIf(!onPostgres)('two billing runs of one period at once (PostgreSQL)', () => {
  beforeAll(async () => {
    h = await createTestDatabase();
    await seedDemo(h);
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  it('bill every billing unit exactly once, with gapless numbers', async () => {
    // Both rows exist before either starts, as when two operators start them in the same instant
    // (createRun's "already running" check is a courtesy; the database is the guarantee).
    const a = await insertRun(h.db, { mode: 'RUN', period: PERIOD, issueDate: '2027-05-31', scope: {}, status: 'QUEUED' });
    const b = await insertRun(h.db, { mode: 'RUN', period: PERIOD, issueDate: '2027-05-31', scope: {}, status: 'QUEUED' });
    const [ra, rb] = await Promise.all([executeRun(h.db, a.id, { batchSize: 10 }), executeRun(h.db, b.id, { batchSize: 10 })]);
    expect(ra.status).toBe('DONE');
    expect(rb.status).toBe('DONE');

    const [{ n, units }] = await rows<{ n: number; units: number }>(sql`select count(*)::int n, count(distinct billing_unit)::int units from invoices where period = ${PERIOD}`);
    expect(n).toBe(units);
    expect(ra.invoiceCount + rb.invoiceCount).toBe(n);
    expect(n).toBeGreaterThan(0);
    // Both runs walked every eligible agreement; what one billed the other skipped.
    expect(ra.processed).toBe(ra.total);
    expect(rb.processed).toBe(rb.total);

    const dupAccounts = await rows(sql`select it.account_id from invoice_items it join invoices i on i.id = it.invoice_id where i.period = ${PERIOD} group by 1 having count(distinct i.id) > 1`);
    expect(dupAccounts).toEqual([]);
    const groups = await rows<{ n: number; lo: number; hi: number; d: number }>(sql`
      select count(*)::int n, min(number)::int lo, max(number)::int hi, count(distinct number)::int d from invoices group by point_of_sale_id, invoice_class, doc_type`);
    for (const g of groups) expect([g.lo, g.hi, g.d]).toEqual([1, g.n, g.n]);
    const [{ readings, distinctReadings }] = await rows<{ readings: number; distinctReadings: number }>(
      sql`select count(*)::int readings, count(distinct account_id)::int "distinctReadings" from meter_readings where period = ${PERIOD}`,
    );
    expect(readings).toBe(distinctReadings);
  }, 120_000);
});
