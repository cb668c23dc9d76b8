import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { ANY_SLICE, eligibleAgreementBatch, insertRun } from '@/db/queries/billing-runs';
import { accounts, agreements, auditLog, billedAccounts, billingRunIssues, branches, exchangeRates, fiscalSequences, invoices, meterReadings } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { UserError } from '@/lib/auth/errors';
import { executeRun } from '@/lib/billing/engine';
import { createRun } from '@/lib/billing/runs';
import type { RunSummary } from '@/lib/billing/summary';
import { getBillingRun, listBillingRuns, startBillingRun, waitForBillingRun } from '@/lib/dal/billing-runs';
import { actorFor } from '../support/actors';
import { createTestDatabase } from '../support/db';

// A period after the demo's own history, so whatever the seed bills this one is new.
const PERIOD = '2027-01';
const ISSUE = '2027-01-31';

let h: DatabaseHandle;
const rows = async <T>(q: ReturnType<typeof sql>) => {
  const r = (await h.db.execute(q)) as unknown as T[] | { rows: T[] };
  return Array.isArray(r) ? r : r.rows;
};

async function state() {
  const [[inv], [seq], [rd]] = await Promise.all([
    rows<{ n: number }>(sql`select count(*)::int as n from invoices`),
    rows<{ n: number }>(sql`select coalesce(sum(last_number), 0)::int as n from fiscal_sequences`),
    rows<{ n: number }>(sql`select count(*)::int as n from meter_readings`),
  ]);
  return { invoices: inv.n, sequences: seq.n, readings: rd.n };
}

const comparable = (s: RunSummary) => ({ totals: s.totals, byConcept: s.byConcept, byBranch: s.byBranch });

let previewSummary: RunSummary;
let runId: string;
const measured = new Map<string, number>();
let historyAccount: string;

beforeAll(async () => {
  h = await createTestDatabase();
  await seedDemo(h);
  // Actual readings for some metered accounts; the others are estimated by the run.
  const metered = await h.db
    .select({ id: accounts.id })
    .from(accounts)
    .innerJoin(agreements, eq(agreements.id, accounts.agreementId))
    .where(and(eq(agreements.status, 'ACTIVE'), eq(agreements.billingOpportunity, 'METERED'), eq(accounts.status, 'ACTIVE'), sql`${accounts.meterNumber} is not null`))
    .orderBy(accounts.number)
    .limit(40);
  await h.db.delete(meterReadings).where(eq(meterReadings.period, PERIOD));
  // One more metered account with a short history: base value (0 m³), then 30 and 10 m³. Its
  // missing reading must be estimated from the two consumptions (20 m³), not from the base too.
  [{ id: historyAccount }] = await h.db
    .select({ id: accounts.id })
    .from(accounts)
    .innerJoin(agreements, eq(agreements.id, accounts.agreementId))
    .where(and(eq(agreements.status, 'ACTIVE'), eq(agreements.billingOpportunity, 'METERED'), eq(agreements.billingFrequency, 'MONTHLY'), sql`${agreements.validTo} is null`, eq(accounts.status, 'ACTIVE'), sql`${accounts.meterNumber} is not null`))
    .orderBy(desc(accounts.number))
    .limit(1);
  await h.db.delete(meterReadings).where(eq(meterReadings.accountId, historyAccount));
  await h.db.insert(meterReadings).values([
    { accountId: historyAccount, period: '2026-10', readingDate: '2026-10-28', value: 500, consumption: 0, source: 'MANUAL' as const },
    { accountId: historyAccount, period: '2026-11', readingDate: '2026-11-28', value: 530, consumption: 30, source: 'MANUAL' as const },
    { accountId: historyAccount, period: '2026-12', readingDate: '2026-12-28', value: 540, consumption: 10, source: 'MANUAL' as const },
  ]);
  await h.db.insert(meterReadings).values(
    metered.map((a, i) => {
      const consumption = (i * 7) % 60;
      measured.set(a.id, consumption);
      return { accountId: a.id, period: PERIOD, readingDate: '2027-01-28', value: 1000 + consumption, consumption, source: 'MANUAL' as const };
    }),
  );
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('billing run', () => {
  it('a PREVIEW changes no invoice, number or reading, and records its summary', async () => {
    const before = await state();
    const run = await createRun(h.db, null, { mode: 'PREVIEW', period: PERIOD, issueDate: ISSUE });
    const done = await executeRun(h.db, run.id, { batchSize: 50 });
    expect(done.status).toBe('DONE');
    expect(done.processed).toBe(done.total);
    expect(done.invoiceCount).toBeGreaterThan(0);
    expect(await state()).toEqual(before);
    previewSummary = done.summary as unknown as RunSummary;
    expect(previewSummary.totals.length).toBeGreaterThan(0);
  });

  it('a RUN bills every eligible agreement or records why not, with totals equal to the preview', async () => {
    const run = await createRun(h.db, null, { mode: 'RUN', period: PERIOD, issueDate: ISSUE });
    runId = run.id;
    const progress: number[] = [];
    const done = await executeRun(h.db, run.id, { batchSize: 50, onProgress: (p) => progress.push(p.processed) });
    expect(done.status).toBe('DONE');
    expect(progress.at(-1)).toBe(done.total);
    expect(comparable(done.summary as unknown as RunSummary)).toEqual(comparable(previewSummary));

    const eligible = await eligibleAgreementBatch(h.db, PERIOD, {}, ANY_SLICE, null, 100_000);
    expect(eligible.length).toBe(done.total);
    const billed = new Set((await h.db.selectDistinct({ id: invoices.agreementId }).from(invoices).where(eq(invoices.billingRunId, run.id))).map((r) => r.id));
    const withIssue = new Set((await h.db.selectDistinct({ id: billingRunIssues.agreementId }).from(billingRunIssues).where(eq(billingRunIssues.runId, run.id))).map((r) => r.id));
    for (const a of eligible) expect(billed.has(a.id) || withIssue.has(a.id), a.code).toBe(true);
    const [{ n }] = await rows<{ n: number }>(sql`select count(*)::int as n from invoices where billing_run_id = ${run.id}`);
    expect(n).toBe(done.invoiceCount);
    // One audit row for the run, none per invoice.
    const audits = await h.db.select().from(auditLog).where(eq(auditLog.entityId, run.id));
    expect(audits.map((a) => a.entity)).toEqual(['billing_run']);
  });

  it('invoice totals equal their items and their printable items, to the cent', async () => {
    const bad = await rows(sql`
      select i.id from invoices i
      left join (select invoice_id, sum(gross) g, sum(discount) d, sum(net) n, sum(tax) t, sum(total) tt from invoice_items group by 1) it on it.invoice_id = i.id
      left join (select invoice_id, sum(net) n, sum(tax) t, sum(total) tt from invoice_printable_items group by 1) p on p.invoice_id = i.id
      where i.billing_run_id = ${runId}
        and (it.g is distinct from i.gross_total or it.d is distinct from i.discount_total or it.n is distinct from i.net_total
          or it.t is distinct from i.tax_total or it.tt is distinct from i.total or p.n is distinct from i.net_total
          or p.t is distinct from i.tax_total or p.tt is distinct from i.total or i.balance <> i.total)`);
    expect(bad).toEqual([]);
    const [inv] = await h.db.select().from(invoices).where(eq(invoices.billingRunId, runId)).limit(1);
    expect(inv).toMatchObject({ status: 'ISSUED', origin: 'AUTOMATIC', period: PERIOD, issueDate: ISSUE, docType: 'INVOICE' });
    expect(inv.fiscalNumber).toMatch(/^\d{5}-\d{8}$/);
    expect(inv.customerSnapshot).toHaveProperty('taxCondition');
  });

  it('numbers are gapless per point of sale and class and match the counters', async () => {
    const groups = await rows<{ pos: string; cls: string; n: number; lo: number; hi: number; distinct_n: number }>(sql`
      select point_of_sale_id pos, invoice_class cls, count(*)::int n, min(number)::int lo, max(number)::int hi, count(distinct number)::int distinct_n
      from invoices where doc_type = 'INVOICE' group by 1, 2`);
    expect(groups.length).toBeGreaterThan(1);
    for (const g of groups) {
      expect(g.lo).toBe(1);
      expect(g.hi).toBe(g.n);
      expect(g.distinct_n).toBe(g.n);
      const [seq] = await h.db.select().from(fiscalSequences).where(and(eq(fiscalSequences.pointOfSaleId, g.pos), sql`${fiscalSequences.invoiceClass} = ${g.cls}`, eq(fiscalSequences.docType, 'INVOICE')));
      expect(Number(seq.lastNumber)).toBe(g.n);
    }
  });

  it('keeps actual readings and stores estimates for the metered accounts it billed without one', async () => {
    const period = await h.db.select().from(meterReadings).where(eq(meterReadings.period, PERIOD));
    for (const r of period.filter((x) => measured.has(x.accountId))) {
      expect(r.source).toBe('MANUAL');
      expect(r.consumption).toBe(measured.get(r.accountId));
    }
    const estimates = period.filter((r) => r.source === 'ESTIMATE');
    expect(estimates.length).toBeGreaterThan(0);
    for (const r of estimates) expect(r).toMatchObject({ estimated: true, value: null });
    expect(estimates.find((r) => r.accountId === historyAccount)).toMatchObject({ consumption: 20 });
    // Every account of an item is in billed_accounts once.
    const [{ missing }] = await rows<{ missing: number }>(sql`
      select count(*)::int missing from (select distinct it.account_id from invoice_items it join invoices i on i.id = it.invoice_id where i.billing_run_id = ${runId}) a
      where not exists (select 1 from billed_accounts b where b.account_id = a.account_id and b.period = ${PERIOD})`);
    expect(missing).toBe(0);
  });

  it('rerunning the period bills nothing new', async () => {
    const before = await state();
    const run = await createRun(h.db, null, { mode: 'RUN', period: PERIOD, issueDate: ISSUE });
    const done = await executeRun(h.db, run.id);
    expect(done.status).toBe('DONE');
    expect(done.invoiceCount).toBe(0);
    expect(done.skippedCount).toBe(done.processed);
    expect(await state()).toEqual(before);
    const issues = await h.db.select().from(billingRunIssues).where(eq(billingRunIssues.runId, run.id));
    expect(issues.every((i) => i.severity === 'SKIP')).toBe(true);
    expect(issues.some((i) => i.reason.startsWith('Ya facturado'))).toBe(true);
  });

  it('the database refuses to change an issued invoice', async () => {
    const [inv] = await h.db.select({ id: invoices.id }).from(invoices).where(eq(invoices.billingRunId, runId)).limit(1);
    await expect(h.db.update(invoices).set({ total: '1.00' }).where(eq(invoices.id, inv.id))).rejects.toThrow();
    await expect(h.db.execute(sql`update invoice_items set net = net + 1, total = total + 1 where invoice_id = ${inv.id}`)).rejects.toThrow();
    await expect(h.db.delete(billedAccounts).where(eq(billedAccounts.invoiceId, inv.id)).then(() => h.db.insert(billedAccounts).values({ accountId: '00000000-0000-0000-0000-000000000000', period: PERIOD, invoiceId: inv.id }))).rejects.toThrow();
  });

  it('an agreement that fails is recorded and the others are billed', async () => {
    await h.db.delete(exchangeRates).where(eq(exchangeRates.currency, 'USD'));
    const period = '2027-02';
    const usd = (await eligibleAgreementBatch(h.db, period, {}, ANY_SLICE, null, 100_000)).filter((a) => a.currency === 'USD');
    expect(usd.length).toBeGreaterThan(0);
    const run = await createRun(h.db, null, { mode: 'RUN', period, issueDate: '2027-02-28' });
    const done = await executeRun(h.db, run.id);
    expect(done.status).toBe('DONE');
    expect(done.errorCount).toBe(usd.length);
    expect(done.invoiceCount).toBeGreaterThan(0);
    const errors = await h.db.select().from(billingRunIssues).where(and(eq(billingRunIssues.runId, run.id), eq(billingRunIssues.severity, 'ERROR')));
    expect(new Set(errors.map((e) => e.agreementId))).toEqual(new Set(usd.map((a) => a.id)));
    expect(errors[0].reason).toMatch(/tasa de cambio de USD/);
    const [{ n }] = await rows<{ n: number }>(sql`select count(*)::int n from invoices where billing_run_id = ${run.id} and currency = 'USD'`);
    expect(n).toBe(0);
  });
});

describe('billing runs in the data layer', () => {
  it('validates the period and the issue date', async () => {
    const admin = await actorFor('admin@cauce.example');
    await expect(startBillingRun(admin, { mode: 'PREVIEW', period: '2027-13', issueDate: '2027-01-31' })).rejects.toThrow(UserError);
    await expect(startBillingRun(admin, { mode: 'PREVIEW', period: '2027-03', issueDate: '2027-02-28' })).rejects.toThrow(/anterior al primer día/);
  });

  it('refuses a RUN while another RUN of the period with an overlapping scope is running', async () => {
    const live = await insertRun(h.db, { mode: 'RUN', period: '2027-04', issueDate: '2027-04-30', scope: {}, status: 'RUNNING', heartbeatAt: new Date() });
    await expect(createRun(h.db, null, { mode: 'RUN', period: '2027-04', issueDate: '2027-04-30' })).rejects.toThrow(/en curso/);
    // A preview is always allowed.
    await expect(createRun(h.db, null, { mode: 'PREVIEW', period: '2027-04', issueDate: '2027-04-30' })).resolves.toBeTruthy();
    await h.db.execute(sql`update billing_runs set status = 'CANCELLED' where id = ${live.id}`);
  });

  it('branch staff run only their branch and see only its runs', async () => {
    const staff = await actorFor('sucursal@cauce.example');
    const [sdc] = await h.db.select().from(branches).where(eq(branches.code, 'SDC'));
    const [sti] = await h.db.select().from(branches).where(eq(branches.code, 'STI'));
    await expect(startBillingRun(staff, { mode: 'PREVIEW', period: '2027-03', issueDate: '2027-03-31' })).rejects.toThrow(/sucursales/);
    await expect(startBillingRun(staff, { mode: 'PREVIEW', period: '2027-03', issueDate: '2027-03-31', branchId: sti.id })).rejects.toThrow(/otra sucursal/);
    const { runId: mine } = await startBillingRun(staff, { mode: 'PREVIEW', period: '2027-03', issueDate: '2027-03-31', branchId: sdc.id });
    await waitForBillingRun(mine);
    const view = await getBillingRun(staff, mine);
    expect(view.run.status).toBe('DONE');
    expect(view.run.total).toBeGreaterThan(0);
    expect(view.issues.page).toBe(1);
    const list = await listBillingRuns(staff);
    expect(list.rows.map((r) => r.id)).toEqual([mine]);
    await expect(getBillingRun(staff, runId)).rejects.toThrow(/No se encontró/);
    const cashier = await actorFor('cajero@cauce.example');
    await expect(startBillingRun(cashier, { mode: 'PREVIEW', period: '2027-03', issueDate: '2027-03-31', branchId: sdc.id })).rejects.toThrow(/permiso/);
    const admin = await actorFor('admin@cauce.example');
    expect((await listBillingRuns(admin)).total).toBeGreaterThan(1);
  });
});
