import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { agreements, billingRuns, branches, concepts, invoiceItems, invoices, pointsOfSale } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import type { Actor } from '@/lib/auth/scope';
import { exportInvoices, getInvoiceDetail, INVOICES_PAGE_SIZE, listInvoices, resolveBillingRunScope } from '@/lib/dal/invoices';
import { formatInvoiceCursor, invoiceListSchema, type InvoiceListParams } from '@/lib/validation/invoices';
import { actorFor } from '../support/actors';
import { createTestDatabase } from '../support/db';

// The run form's server action reads the session through Auth.js; here the session is whatever we say.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock('@/lib/auth/auth', () => ({ auth: async () => session.current, signIn: vi.fn(), signOut: vi.fn() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

let h: DatabaseHandle;
let staff: Actor; // BRANCH_STAFF of SDC
let admin: Actor;
let cashier: Actor;
let sdc: { branchId: string; agreementId: string; agreementCode: string; customerId: string; posId: string; posNumber: number };
let sti: typeof sdc;
let conceptId: string;
let stiInvoiceId: string;
let number = 0;
// Every invoice of this file belongs to one billing run, so `corrida` isolates them from any demo invoices.
let runId: string;

const NOW = new Date('2026-11-15T15:00:00Z'); // 15/11/2026 in Santo Domingo

async function placeOf(branchCode: string): Promise<typeof sdc> {
  const [b] = await h.db.select().from(branches).where(eq(branches.code, branchCode));
  const [a] = await h.db.select().from(agreements).where(eq(agreements.branchId, b.id)).limit(1);
  const [pos] = await h.db.select().from(pointsOfSale).where(eq(pointsOfSale.branchId, b.id)).limit(1);
  return { branchId: b.id, agreementId: a.id, agreementCode: a.code, customerId: a.customerId, posId: pos.id, posNumber: pos.number };
}

type Over = Partial<typeof invoices.$inferInsert>;

/** An ISSUED invoice (one item) of `place`, written in one transaction as billing does. */
async function issue(place: typeof sdc, over: Over = {}) {
  number += 1;
  return h.db.transaction(async (tx) => {
    const [inv] = await tx
      .insert(invoices)
      .values({
        invoiceClass: 'B',
        pointOfSaleId: place.posId,
        posNumber: place.posNumber,
        origin: 'AUTOMATIC',
        status: 'ISSUED',
        number,
        fiscalNumber: `${String(place.posNumber).padStart(5, '0')}-${String(number).padStart(8, '0')}`,
        agreementId: place.agreementId,
        customerId: place.customerId,
        branchId: place.branchId,
        billingRunId: runId,
        billingUnit: `T:${number}`,
        period: '2026-10',
        issueDate: '2026-10-31',
        dueDate: '2026-11-30',
        customerSnapshot: { name: 'Cliente de prueba' },
        billingAddress: 'Calle de prueba 1',
        grossTotal: '100.00',
        netTotal: '100.00',
        total: '100.00',
        balance: '100.00',
        ...over,
      })
      .returning();
    await tx.insert(invoiceItems).values({
      invoiceId: inv.id,
      lineNo: 1,
      conceptId,
      conceptCode: 'T-AGUA',
      conceptGroupName: 'Agua potable',
      description: 'Cargo fijo',
      quantity: '1',
      unitPrice: '100',
      gross: '100.00',
      discount: '0.00',
      net: '100.00',
      taxRate: '0',
      tax: '0.00',
      total: '100.00',
    });
    return inv;
  });
}

const params = (raw: Record<string, string> = {}): InvoiceListParams => invoiceListSchema.parse({ corrida: runId, ...raw });
const ids = async (actor: Actor, raw: Record<string, string> = {}) => (await listInvoices(actor, params(raw), h.db, NOW)).rows.map((r) => r.id);

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

beforeAll(async () => {
  h = await createTestDatabase();
  await seedDemo(h);
  staff = await actorFor('sucursal@cauce.example');
  admin = await actorFor('admin@cauce.example');
  cashier = await actorFor('cajero@cauce.example');
  sdc = await placeOf('SDC');
  sti = await placeOf('STI');
  [{ id: conceptId }] = await h.db.select({ id: concepts.id }).from(concepts).limit(1);
  [{ id: runId }] = await h.db.insert(billingRuns).values({ mode: 'RUN', status: 'DONE', period: '2026-10', issueDate: '2026-10-31' }).returning();

  // SDC: 28 October invoices (class B), one class A paid, one September overdue, one past due but paid.
  for (let i = 0; i < 28; i++) await issue(sdc);
  await issue(sdc, { invoiceClass: 'A', status: 'PAID', balance: '0.00' });
  await issue(sdc, { period: '2026-09', issueDate: '2026-09-30', dueDate: '2026-10-30' });
  await issue(sdc, { period: '2026-09', issueDate: '2026-09-30', dueDate: '2026-10-30', status: 'PAID', balance: '0.00' });
  // A manual invoice without a period.
  await issue(sdc, { origin: 'MANUAL', billingUnit: null, period: null, issueDate: '2026-11-02', dueDate: '2026-12-02' });
  // STI: two invoices.
  stiInvoiceId = (await issue(sti)).id;
  await issue(sti, { period: '2026-09', dueDate: '2026-10-30' });
});
afterAll(() => h.close());

describe('invoice list and detail scope', () => {
  it('shows branch staff only the invoices of their branch', async () => {
    const result = await listInvoices(staff, params(), h.db, NOW);
    expect(result.total).toEqual({ kind: 'exact', count: 32 });
    const all = await collect(exportInvoices(staff, params(), h.db, NOW));
    expect(all).toHaveLength(32);
    expect(all.every((r) => r.branchId === sdc.branchId)).toBe(true);
  });

  it('answers "not found" for another branch\'s invoice, and finds it for the admin', async () => {
    await expect(getInvoiceDetail(staff, stiInvoiceId, h.db)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getInvoiceDetail(staff, 'no-es-un-id', h.db)).rejects.toBeInstanceOf(NotFoundError);
    const detail = await getInvoiceDetail(admin, stiInvoiceId, h.db);
    expect(detail.invoice.branchId).toBe(sti.branchId);
    expect(detail.items).toHaveLength(1);
    expect(detail.items[0]).toMatchObject({ conceptCode: 'T-AGUA', total: '100.00' });
  });

  it('ignores a branch filter outside the scope rather than widening it', async () => {
    expect(await ids(staff, { branchId: sti.branchId })).toEqual([]);
    expect((await ids(admin, { branchId: sti.branchId })).length).toBe(2);
  });

  it('refuses the list to roles without agreements.read', async () => {
    await expect(listInvoices(cashier, params(), h.db, NOW)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('invoice list filters', () => {
  it('filters by period, class and status', async () => {
    const sept = await listInvoices(staff, params({ periodo: '2026-09' }), h.db, NOW);
    expect(sept.total).toEqual({ kind: 'exact', count: 2 });
    expect(sept.rows.every((r) => r.period === '2026-09')).toBe(true);
    const classA = await listInvoices(staff, params({ clase: 'A' }), h.db, NOW);
    expect(classA.rows.map((r) => r.invoiceClass)).toEqual(['A']);
    const paid = await listInvoices(staff, params({ estado: 'PAID' }), h.db, NOW);
    expect(paid.total).toEqual({ kind: 'exact', count: 2 });
    const both = await listInvoices(staff, params({ periodo: '2026-10', estado: 'PAID' }), h.db, NOW);
    expect(both.rows.map((r) => r.invoiceClass)).toEqual(['A']);
  });

  it('lists as overdue only invoices past their due date with a balance', async () => {
    const overdue = await listInvoices(staff, params({ vencidas: '1' }), h.db, NOW);
    expect(overdue.rows).toHaveLength(1);
    expect(overdue.rows[0]).toMatchObject({ period: '2026-09', status: 'ISSUED', dueDate: '2026-10-30' });
    // On the due date itself nothing is overdue yet.
    const onDue = await listInvoices(staff, params({ vencidas: '1' }), h.db, new Date('2026-10-30T15:00:00Z'));
    expect(onDue.rows).toHaveLength(0);
  });

  it('finds invoices by agreement code and customer', async () => {
    expect((await listInvoices(staff, params({ acuerdo: sdc.agreementCode.toLowerCase() }), h.db, NOW)).total).toEqual({ kind: 'exact', count: 32 });
    expect(await ids(staff, { acuerdo: sti.agreementCode })).toEqual([]);
    const [first] = (await listInvoices(staff, params(), h.db, NOW)).rows;
    expect((await ids(staff, { cliente: first.customerName.slice(0, 6) })).length).toBeGreaterThan(0);
    expect(await ids(staff, { cliente: 'zzz-ningún-cliente' })).toEqual([]);
  });
});

describe('keyset pagination', () => {
  it('returns stable, non-overlapping pages that cover every row, forwards and back', async () => {
    const p1 = await listInvoices(staff, params(), h.db, NOW);
    expect(p1.rows).toHaveLength(INVOICES_PAGE_SIZE);
    expect(p1.prev).toBeUndefined();
    expect(p1.next).toBeDefined();
    expect([p1.from, p1.to]).toEqual([1, 25]);
    // The invoice without a period comes first (period desc, nulls first), then 2026-10, then 2026-09.
    expect(p1.rows[0].period).toBeNull();

    const p2 = await listInvoices(staff, params({ despues: formatInvoiceCursor(p1.next!), desde: '26' }), h.db, NOW);
    expect(p2.rows).toHaveLength(32 - INVOICES_PAGE_SIZE);
    expect(p2.next).toBeUndefined();
    expect(p2.prev).toBeDefined();
    expect([p2.from, p2.to]).toEqual([26, 32]);
    const seen = [...p1.rows, ...p2.rows].map((r) => r.id);
    expect(new Set(seen).size).toBe(32);
    expect(p2.rows.slice(-2).map((r) => r.period)).toEqual(['2026-09', '2026-09']);

    // Same request, same page.
    const again = await listInvoices(staff, params({ despues: formatInvoiceCursor(p1.next!) }), h.db, NOW);
    expect(again.rows.map((r) => r.id)).toEqual(p2.rows.map((r) => r.id));

    // Back from page 2 gives page 1 again, in the same order.
    const back = await listInvoices(staff, params({ antes: formatInvoiceCursor(p2.prev!) }), h.db, NOW);
    expect(back.rows.map((r) => r.id)).toEqual(p1.rows.map((r) => r.id));
    expect(back.next).toBeDefined();
    expect(back.prev).toBeUndefined();
  });

  it('pages the export in batches without repeating or losing rows', async () => {
    const { iterateInvoices } = await import('@/db/queries/invoices');
    const rows = await collect(iterateInvoices(h.db, { all: true }, { today: '2026-11-15', billingRunId: runId }, 5));
    expect(rows).toHaveLength(34);
    expect(new Set(rows.map((r) => r.id)).size).toBe(34);
  });

  it('reads the planner\'s row estimate for the unfiltered list (null before the first ANALYZE)', async () => {
    const { estimateInvoiceRows } = await import('@/db/queries/invoices');
    const before = await estimateInvoiceRows(h.db);
    expect(before === null || before >= 0).toBe(true);
    await h.db.execute(sql`analyze invoices`);
    expect(await estimateInvoiceRows(h.db)).toBeGreaterThanOrEqual(34);
  });
});

describe('billing run scope from the form', () => {
  it('resolves agreement codes within the scope and names the unknown ones', async () => {
    expect(await resolveBillingRunScope(staff, { scope: 'AGREEMENTS', agreementCodes: [sdc.agreementCode.toUpperCase()] }, h.db)).toEqual({ branchId: sdc.branchId, agreementIds: [sdc.agreementId] });
    expect(await resolveBillingRunScope(admin, { scope: 'AGREEMENTS', agreementCodes: [sdc.agreementCode, sti.agreementCode] }, h.db)).toEqual({ agreementIds: expect.arrayContaining([sdc.agreementId, sti.agreementId]) });
    const err = await resolveBillingRunScope(staff, { scope: 'AGREEMENTS', agreementCodes: [sdc.agreementCode, sti.agreementCode, 'AC-999999'] }, h.db).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).fieldErrors?.agreementCodes?.[0]).toContain(sti.agreementCode);
    expect((err as UserError).fieldErrors?.agreementCodes?.[0]).toContain('AC-999999');
  });

  it('refuses a branch outside the scope and narrows "all" to the single branch of branch staff', async () => {
    await expect(resolveBillingRunScope(staff, { scope: 'BRANCH', branchId: sti.branchId, agreementCodes: [] }, h.db)).rejects.toBeInstanceOf(UserError);
    expect(await resolveBillingRunScope(staff, { scope: 'ALL', agreementCodes: [] }, h.db)).toEqual({ branchId: sdc.branchId });
    expect(await resolveBillingRunScope(admin, { scope: 'ALL', agreementCodes: [] }, h.db)).toEqual({});
  });
});

describe('the CSV export respects the scope and the filters', () => {
  it('exports only the branch\'s matching invoices', async () => {
    const rows = await collect(exportInvoices(staff, params({ periodo: '2026-09' }), h.db, NOW));
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.branchId === sdc.branchId)).toBe(true);
    const adminRows = await collect(exportInvoices(admin, params({ periodo: '2026-09' }), h.db, NOW));
    expect(adminRows).toHaveLength(3);
    expect(await h.db.$count(invoices, and(eq(invoices.branchId, sti.branchId), eq(invoices.billingRunId, runId)))).toBe(2);
  });

  it('streams the same rows as CSV from /facturas/exportar, and answers 401/403 without a session or permission', async () => {
    const { GET } = await import('@/app/(staff)/facturas/exportar/route');
    const get = () => GET(new Request(`http://localhost/facturas/exportar?corrida=${runId}&periodo=2026-09`));
    session.current = { user: { id: staff.id } };
    const res = await get();
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="facturas-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = (await res.text()).replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
    expect(lines[0]).toMatch(/^Número fiscal,Clase,Tipo de documento,/);
    const expected = await collect(exportInvoices(staff, params({ periodo: '2026-09' }), h.db, NOW));
    expect(lines.slice(1).map((l) => l.split(',')[0]).sort()).toEqual(expected.map((r) => r.fiscalNumber).sort());
    session.current = null;
    expect((await get()).status).toBe(401);
    session.current = { user: { id: (await actorFor('inspector@cauce.example')).id } };
    expect((await get()).status).toBe(403);
  });
});

describe('the run form action', () => {
  const form = (fields: Record<string, string>) => {
    const fd = new FormData();
    for (const [k, v] of Object.entries({ mode: 'PREVIEW', period: '2026-10', issueDate: '2026-11-01', scope: 'ALL', ...fields })) fd.set(k, v);
    return fd;
  };
  const digest = (p: Promise<unknown>) => p.then((v) => v, (e: { digest?: string }) => e.digest ?? String(e));

  it('returns field errors for unknown codes and creates no run', async () => {
    const { startBillingRunAction } = await import('@/lib/actions/billing-runs');
    session.current = { user: { id: staff.id } };
    const before = await h.db.$count(billingRuns);
    const result = await startBillingRunAction(undefined, form({ scope: 'AGREEMENTS', agreementCodes: `${sdc.agreementCode}\nAC-999999` }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { agreementCodes: [expect.stringContaining('AC-999999')] } });
    const bad = await startBillingRunAction(undefined, form({ period: '2026-13' }));
    expect(bad).toMatchObject({ ok: false, fieldErrors: { period: [expect.any(String)] } });
    expect(await h.db.$count(billingRuns)).toBe(before);
  });

  it('starts a preview of the staff member\'s branch and opens its page', async () => {
    const { startBillingRunAction } = await import('@/lib/actions/billing-runs');
    const { waitForBillingRun } = await import('@/lib/dal/billing-runs');
    session.current = { user: { id: staff.id } };
    const answer = await digest(startBillingRunAction(undefined, form({})));
    const m = /^NEXT_REDIRECT;[^;]*;\/facturacion\/([0-9a-f-]{36});/.exec(String(answer));
    expect(m, String(answer)).not.toBeNull();
    await waitForBillingRun(m![1]);
    const [run] = await h.db.select().from(billingRuns).where(eq(billingRuns.id, m![1]));
    expect(run).toMatchObject({ mode: 'PREVIEW', status: 'DONE', period: '2026-10', issueDate: '2026-11-01', scope: { branchId: sdc.branchId } });
    // The run page reads the engine's summary: every branch total is the SDC branch, concepts add up per currency.
    const { readRunSummary } = await import('@/components/billing-runs/run-view');
    const summary = readRunSummary(run.summary);
    if (run.invoiceCount > 0) {
      expect(summary.byConcept.length).toBeGreaterThan(0);
      expect(summary.byBranch.every((b) => b.key.startsWith(sdc.branchId))).toBe(true);
      expect(summary.totals.reduce((n, t) => n + (t.count ?? 0), 0)).toBe(run.invoiceCount);
    }
  });

  it('answers 403 to a role that may not bill', async () => {
    const { startBillingRunAction } = await import('@/lib/actions/billing-runs');
    session.current = { user: { id: (await actorFor('auditor@cauce.example')).id } };
    expect(await digest(startBillingRunAction(undefined, form({})))).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
  });
});
