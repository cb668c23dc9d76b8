import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { auditLog, billingRuns, exchangeRates, fiscalSequences, invoiceItems, invoices, meterReadings } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { CONSUMPTION_BANDS, HISTORY_PERIODS, issueDateFor } from '@/db/seed-data/history';
import { UserError } from '@/lib/auth/errors';
import { periodBounds } from '@/lib/domain/billing/period';
import { toLocalDateString } from '@/lib/domain/format';
import { estimate } from '@/lib/domain/billing/readings';
import { recordReading } from '@/lib/dal/readings';
import { actorFor } from '../support/actors';
import { createTestDatabase } from '../support/db';

let h: DatabaseHandle;
const logs: string[] = [];
let readingsBeforeHistory = -1;

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const res = (await h.db.execute(query)) as unknown as { rows?: T[] } | T[];
  return Array.isArray(res) ? res : (res.rows ?? []);
}

const counts = async () => ({
  readings: await h.db.$count(meterReadings),
  invoices: await h.db.$count(invoices),
  items: await h.db.$count(invoiceItems),
  runs: await h.db.$count(billingRuns),
  rates: await h.db.$count(exchangeRates),
  audit: await h.db.$count(auditLog),
  numbers: Number((await rows<{ n: string }>(sql`select coalesce(sum(last_number), 0)::text n from fiscal_sequences`))[0].n),
  payments: Number((await rows<{ n: string }>(sql`select count(*)::text n from payments`))[0].n),
});

beforeAll(async () => {
  h = await createTestDatabase();
  // As the tests run (CAUCE_SEED_HISTORY=0): the demo without its history…
  await seedDemo(h);
  readingsBeforeHistory = await h.db.$count(meterReadings);
  // …then seeding again with the history on tops it up once.
  await seedDemo(h, (m) => logs.push(m), { history: true });
}, 240_000);
afterAll(() => h?.close());

describe('demo billing history', () => {
  it('is off when CAUCE_SEED_HISTORY=0 and added to an already seeded database when asked', async () => {
    expect(readingsBeforeHistory).toBe(0);
    expect(await h.db.$count(meterReadings)).toBeGreaterThan(5_000);
    expect(logs.some((l) => l.startsWith('Historial:'))).toBe(true);
  });

  it('bills the twelve periods with one finished RUN each, issued on the first business day of the next month, and leaves 2026-11 unbilled', async () => {
    const runs = await rows<{ period: string; issue_date: string; status: string; created_by: string | null; error_count: number; invoice_count: number }>(sql`
      select period, issue_date::text, status::text, created_by, error_count, invoice_count from billing_runs where mode = 'RUN' order by period`);
    expect(runs.map((r) => r.period)).toEqual([...HISTORY_PERIODS]);
    for (const r of runs) {
      expect(r).toMatchObject({ status: 'DONE', created_by: null, error_count: 0, issue_date: issueDateFor(r.period) });
      expect(r.invoice_count).toBeGreaterThan(250);
    }
    expect(issueDateFor('2025-12')).toBe('2026-01-02');
    expect(issueDateFor('2026-10')).toBe('2026-11-02');
    const perPeriod = await rows<{ period: string; n: number }>(sql`select period, count(*)::int n from invoices group by period order by period`);
    expect(perPeriod.map((p) => p.period)).toEqual([...HISTORY_PERIODS]);
    for (const p of perPeriod) expect(p.n).toBeGreaterThan(250);
  });

  it('every invoice total equals the sum of its items and of its printable items', async () => {
    const bad = await rows(sql`
      select i.id from invoices i
      left join (select invoice_id, sum(net) n, sum(tax) t, sum(total) tt from invoice_items group by 1) it on it.invoice_id = i.id
      left join (select invoice_id, sum(total) tt from invoice_printable_items group by 1) p on p.invoice_id = i.id
      where it.n is distinct from i.net_total or it.t is distinct from i.tax_total or it.tt is distinct from i.total or p.tt is distinct from i.total`);
    expect(bad).toEqual([]);
    const [{ n }] = await rows<{ n: number }>(sql`select count(*)::int n from invoices where status not in ('ISSUED', 'PARTIALLY_PAID', 'PAID') or fiscal_number !~ '^[0-9]{5}-[0-9]{8}$'`);
    expect(n).toBe(0);
  });

  it('numbers invoices gaplessly per point of sale and class, matching the fiscal sequences', async () => {
    const groups = await rows<{ pos: string; cls: string; n: number; lo: number; hi: number; distinct_n: number }>(sql`
      select point_of_sale_id pos, invoice_class::text cls, count(*)::int n, min(number)::int lo, max(number)::int hi, count(distinct number)::int distinct_n
      from invoices where doc_type = 'INVOICE' group by 1, 2`);
    expect(groups.length).toBeGreaterThan(1);
    const seqs = await h.db.select().from(fiscalSequences);
    for (const g of groups) {
      expect(g).toMatchObject({ lo: 1, hi: g.n, distinct_n: g.n });
      expect(seqs.find((s) => s.pointOfSaleId === g.pos && s.invoiceClass === g.cls && s.docType === 'INVOICE')?.lastNumber).toBe(g.n);
    }
    // Numbers follow the periods: a later period's invoices come after an earlier one's.
    const [{ n }] = await rows<{ n: number }>(sql`
      select count(*)::int n from invoices a join invoices b on a.point_of_sale_id = b.point_of_sale_id and a.invoice_class = b.invoice_class
      where a.period < b.period and a.number > b.number`);
    expect(n).toBe(0);
  });

  it('never bills an account for a period before it started', async () => {
    const early = await rows<{ n: number }>(sql`
      select count(*)::int n from billed_accounts b join accounts a on a.id = b.account_id
      where a.start_date > (to_date(b.period || '-01', 'YYYY-MM-DD') + interval '1 month' - interval '1 day')::date`);
    expect(early[0].n).toBe(0);
    const started = await rows<{ n: number }>(sql`
      select count(*)::int n from accounts a where a.start_date > '2025-11-30' and exists (select 1 from billed_accounts b where b.account_id = a.id)`);
    expect(started[0].n).toBeGreaterThan(0); // accounts that started mid-history are billed from then on
  });

  it('bills measured consumption every period', async () => {
    const lines = await rows<{ period: string; n: number; m3: string }>(sql`
      select i.period, count(*)::int n, sum(it.quantity)::text m3 from invoice_items it join invoices i on i.id = it.invoice_id
      where it.concept_code = 'AGUA-CONS' and it.quantity > 0 group by 1 order by 1`);
    expect(lines.map((l) => l.period)).toEqual([...HISTORY_PERIODS]);
    for (const l of lines) {
      expect(l.n).toBeGreaterThan(100);
      expect(Number(l.m3)).toBeGreaterThan(10_000);
    }
  });

  it('reads every metered account monthly from its start, with realistic consumption, roll-overs and estimated anomalies', async () => {
    const early = await rows(sql`
      select m.id from meter_readings m join accounts a on a.id = m.account_id
      where m.source = 'IMPORT' and a.start_date > (to_date(m.period || '-01', 'YYYY-MM-DD') + interval '1 month' - interval '1 day')::date`);
    expect(early).toEqual([]);
    const outside = await rows(sql`select id from meter_readings where source = 'IMPORT' and (reading_date < (period || '-01')::date or reading_date > ${periodBounds('2026-10').last}::date)`);
    expect(outside).toEqual([]);
    const [{ n: unread }] = await rows<{ n: number }>(sql`
      select count(*)::int n from accounts a join agreements g on g.id = a.agreement_id
      where g.billing_opportunity = 'METERED' and a.meter_number is not null and g.status = 'ACTIVE' and a.status = 'ACTIVE' and a.start_date < '2026-10-01'
        and not exists (select 1 from meter_readings m where m.account_id = a.id and m.period = '2026-10' and m.source = 'IMPORT')`);
    expect(unread).toBe(0);

    const bands = await rows<{ code: string; avg: string }>(sql`
      select tc.code, avg(m.consumption)::text avg from meter_readings m join accounts a on a.id = m.account_id join tariff_categories tc on tc.id = a.tariff_category_id
      where m.source = 'IMPORT' and not m.estimated and m.consumption > 0 group by 1`);
    expect(bands.length).toBe(5);
    for (const b of bands) {
      const [lo, hi] = CONSUMPTION_BANDS[b.code as keyof typeof CONSUMPTION_BANDS];
      expect(Number(b.avg), b.code).toBeGreaterThanOrEqual(lo * 0.9);
      expect(Number(b.avg), b.code).toBeLessThanOrEqual(hi * 1.1);
    }

    // Roll-over: a register value below the previous one, billed as the way round (5-digit meters).
    const rolled = await rows<{ prev: number; value: number; consumption: number }>(sql`
      select prev, value, consumption from (
        select value, consumption, estimated, lag(value) over (partition by account_id order by period) prev
        from meter_readings where value is not null) r
      where prev is not null and value < prev and not estimated`);
    expect(rolled.length).toBeGreaterThan(0);
    for (const r of rolled) expect(r.consumption).toBeLessThanOrEqual(100_000 - r.prev + r.value);

    // Anomalies: no register value, stored estimated with the estimate of the account's history.
    const readings = await h.db.select().from(meterReadings).orderBy(meterReadings.accountId, meterReadings.period);
    const anomalies = readings.filter((r) => r.source === 'IMPORT' && r.anomalyCode);
    expect(anomalies.length).toBeGreaterThan(10);
    expect(new Set(anomalies.map((r) => r.anomalyCode))).toEqual(new Set(['MI', 'SL']));
    for (const a of anomalies) {
      expect(a).toMatchObject({ estimated: true, value: null });
      // The reader's readings only: the engine's own estimates (source ESTIMATE) never count as history.
      const past = readings.filter((r) => r.accountId === a.accountId && r.period < a.period && r.source === 'IMPORT');
      // The meter's base reading (0 m³, first of a meter installed during the history) is not averaged.
      const history = past.filter((r, i) => !(i === 0 && !r.estimated && r.consumption === 0)).map((r) => ({ consumption: r.consumption, estimated: r.estimated }));
      expect(a.consumption, `${a.accountId} ${a.period}`).toBe(estimate(history));
    }
    expect(readings.every((r) => r.source !== 'IMPORT' || r.readerName)).toBe(true);
  });

  it('pays most of the history: balances follow the allocations, receipts are gapless per branch, some debt is left', async () => {
    const [t] = await rows<{ payments: number; paid: number; partial: number; open: number; bad: number; overalloc: number }>(sql`
      select (select count(*)::int from payments) payments,
        (select count(*)::int from invoices where status = 'PAID') paid,
        (select count(*)::int from invoices where status = 'PARTIALLY_PAID') partial,
        (select count(*)::int from invoices where status = 'ISSUED') open,
        (select count(*)::int from invoices i left join (select invoice_id, sum(amount) s from payment_allocations group by 1) a on a.invoice_id = i.id
          where i.balance <> i.total - coalesce(a.s, 0)) bad,
        (select count(*)::int from payments p where p.applied + p.unapplied <> p.amount or p.applied <> (select sum(amount) from payment_allocations x where x.payment_id = p.id)) overalloc`);
    const [{ total }] = await rows<{ total: number }>(sql`select count(*)::int total from invoices`);
    expect(t.bad).toBe(0);
    expect(t.overalloc).toBe(0);
    expect(t.paid).toBeGreaterThan(total * 0.6);
    expect(t.partial).toBeGreaterThan(0);
    expect(t.open).toBeGreaterThan(0);
    expect(t.payments).toBe(t.paid + t.partial);
    const gaps = await rows<{ branch: string; n: number; hi: number; last: number }>(sql`
      select b.code branch, count(*)::int n, max(substring(p.receipt_number from '[0-9]+$')::int) hi, s.last_number::int last
      from payments p join branches b on b.id = p.branch_id join receipt_sequences s on s.branch_id = b.id group by b.code, s.last_number`);
    expect(gaps.length).toBeGreaterThan(1);
    for (const g of gaps) expect([g.hi, g.last]).toEqual([g.n, g.n]);
  });

  it('leaves the agreements with their delinquency status as of today (statuses and history, no actions)', async () => {
    // "Today" is the utility's local date, as the seed and the daily run take it.
    const today = toLocalDateString(new Date());
    const [d] = await rows<{ delinquent: number; history: number; today: number; actions: number }>(sql`
      select (select count(*)::int from agreements where delinquency_status = 'DELINQUENT') delinquent,
        (select count(*)::int from delinquency_history) history,
        (select count(*)::int from delinquency_history where run_date = ${today}::date) today,
        (select count(*)::int from delinquency_actions) actions`);
    expect(d.delinquent).toBeGreaterThan(0);
    expect(d.today).toBe(d.history);
    expect(d.actions).toBe(0);
    expect(logs.some((m) => m.startsWith('Morosidad al '))).toBe(true);
  });

  it('refuses to change a billed reading', async () => {
    const [billed] = await rows<{ account_id: string; period: string; value: number; reading_date: string }>(sql`
      select m.account_id, m.period, m.value, m.reading_date::text from meter_readings m
      join billed_accounts b on b.account_id = m.account_id and b.period = m.period
      join accounts a on a.id = m.account_id
      where m.value is not null and a.status = 'ACTIVE' and m.period = '2026-10' order by a.number limit 1`);
    expect(billed).toBeDefined();
    const admin = await actorFor('admin@cauce.example');
    const before = await counts();
    const change = recordReading(admin, { accountId: billed.account_id, period: billed.period, readingDate: billed.reading_date, value: billed.value + 1, anomalyCode: null, readerName: 'Ana Pérez' }, '2026-11-23');
    await expect(change).rejects.toThrow(UserError);
    await expect(change).rejects.toThrow(/ya fue facturada/);
    expect(await counts()).toEqual(before);
  });

  it('seeding again adds nothing', async () => {
    const before = await counts();
    await seedDemo(h, () => {}, { history: true });
    expect(await counts()).toEqual(before);
  });
});
