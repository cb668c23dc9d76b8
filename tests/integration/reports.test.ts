import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle, Tx } from '@/db/client';
import { agreements, branches, customers, invoices, paymentAllocations, paymentEntities, payments, pointsOfSale } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { agingReport, topDebtors } from '@/db/queries/reports';
import { onOneSnapshot } from '@/db/queries/snapshot';
import { hasConnectionPool } from '@/lib/billing/bulk';
import { findUserByEmail } from '@/db/queries/users';
import { ForbiddenError } from '@/lib/auth/errors';
import type { Actor } from '@/lib/auth/scope';
import { collectionEfficiency, exportOverdue, getAgingReport, getEfficiencyReport, getOverduePage, getPaymentsReport, getTopDebtors, OVERDUE_PAGE_SIZE } from '@/lib/dal/reports';
import { reportFilterSchema } from '@/lib/validation/reports';
import { actorFor } from '../support/actors';
import { createTestDatabase } from '../support/db';

// The collection reports on a small hand-made dataset (the demo without its billed history, so
// these documents and payments are the only ones): every aging edge on 2026-06-30, currencies
// apart, payments by day/method summing to the payments, efficiency, keyset pages, scope, CSV.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock('@/lib/auth/auth', () => ({ auth: async () => session.current, signIn: vi.fn(), signOut: vi.fn() }));

const ROUTES = {
  cartera: () => import('@/app/(staff)/reportes/cartera/exportar/route'),
  cobros: () => import('@/app/(staff)/reportes/cobros/exportar/route'),
  vencidas: () => import('@/app/(staff)/reportes/vencidas/exportar/route'),
  eficiencia: () => import('@/app/(staff)/reportes/eficiencia/exportar/route'),
  deudores: () => import('@/app/(staff)/reportes/deudores/exportar/route'),
};

const AS_OF = '2026-06-30';
const NOW = new Date('2026-06-30T12:00:00');
const p = (values: Record<string, string>) => reportFilterSchema.parse(values);

let h: DatabaseHandle;
let admin: Actor;
let staff: Actor;
let otherStaff: Actor;
let auditor: Actor;
let cashier: Actor;
let client: Actor;
let sdcId: string;
let customerId: string;
let agreementId: string;
let usdAgreementId: string;
let pagerCustomerId: string;

let seq = 99_990_000;
type InvoiceSpec = { due: string; balance: string; total?: string; currency?: string; status?: 'ISSUED' | 'PARTIALLY_PAID' | 'PAID' | 'VOIDED'; docType?: 'INVOICE' | 'CREDIT_NOTE' | 'DEBIT_NOTE'; issue?: string; period?: string; agreement?: string; customer?: string };

async function addInvoices(specs: InvoiceSpec[]): Promise<string[]> {
  const [pos] = await h.db.select({ id: pointsOfSale.id }).from(pointsOfSale).where(eq(pointsOfSale.branchId, sdcId)).limit(1);
  const rows = specs.map((s) => {
    const number = ++seq;
    return {
      id: randomUUID(),
      docType: s.docType ?? 'INVOICE',
      invoiceClass: 'B' as const,
      pointOfSaleId: pos.id,
      posNumber: 1,
      number,
      fiscalNumber: `T-${number}`,
      origin: 'MANUAL' as const,
      status: s.status ?? (s.balance === (s.total ?? s.balance) ? 'ISSUED' : s.balance === '0.00' ? 'PAID' : 'PARTIALLY_PAID'),
      agreementId: s.agreement ?? agreementId,
      customerId: s.customer ?? customerId,
      branchId: sdcId,
      period: s.period ?? '2026-01',
      issueDate: s.issue ?? '2025-12-01',
      dueDate: s.due,
      currency: s.currency ?? 'DOP',
      customerSnapshot: {},
      billingAddress: 'Calle de prueba 1',
      total: s.total ?? s.balance,
      netTotal: s.total ?? s.balance,
      grossTotal: s.total ?? s.balance,
      balance: s.balance,
    };
  });
  await h.db.insert(invoices).values(rows);
  return rows.map((r) => r.id);
}

async function addPayment(v: { amount: string; currency?: string; method: 'CASH' | 'CARD' | 'BANK_TRANSFER'; paidOn: string; status?: 'CONFIRMED' | 'REVERSED'; agreement?: string; entity?: string; allocations?: [string, string][] }) {
  const id = randomUUID();
  const applied = (v.allocations ?? []).reduce((n, [, a]) => n + Math.round(Number(a) * 100), 0);
  await h.db.insert(payments).values({
    id,
    idempotencyKey: id,
    agreementId: v.agreement ?? agreementId,
    customerId,
    branchId: sdcId,
    amount: v.amount,
    currency: v.currency ?? 'DOP',
    applied: (applied / 100).toFixed(2),
    unapplied: ((Math.round(Number(v.amount) * 100) - applied) / 100).toFixed(2),
    method: v.method,
    channel: 'CASHIER',
    status: v.status ?? 'CONFIRMED',
    reversedAt: v.status === 'REVERSED' ? new Date() : null,
    paymentEntityId: v.entity ?? null,
    paidOn: v.paidOn,
    createdBy: cashier.id,
  });
  if (v.allocations?.length) await h.db.insert(paymentAllocations).values(v.allocations.map(([invoiceId, amount]) => ({ paymentId: id, invoiceId, amount })));
}

async function csvOf(route: keyof typeof ROUTES, email: string | null, query = '') {
  if (email) {
    const user = await findUserByEmail(h.db, email);
    session.current = { user: { id: user!.id } };
  } else session.current = null;
  const { GET } = await ROUTES[route]();
  const res = await GET(new Request(`http://localhost/reportes/${route}/exportar${query}`));
  return { status: res.status, type: res.headers.get('content-type'), lines: (await res.text()).replace(/^\uFEFF/, '').split('\r\n').filter(Boolean) };
}

beforeAll(async () => {
  h = await createTestDatabase();
  await seedDemo(h, () => {}, { history: false });
  [admin, staff, auditor, cashier, client] = await Promise.all(['admin@cauce.example', 'sucursal@cauce.example', 'auditor@cauce.example', 'cajero@cauce.example', 'cliente@cauce.example'].map(actorFor));
  const all = await h.db.select({ id: branches.id, code: branches.code }).from(branches).orderBy(asc(branches.code));
  sdcId = all.find((b) => b.code === 'SDC')!.id;
  otherStaff = { ...staff, branchIds: [all.find((b) => b.code !== 'SDC')!.id] };

  // Two customers of our own (copies of a demo one) with an agreement in pesos and one in dollars.
  const [baseCustomer] = await h.db.select().from(customers).where(eq(customers.branchId, sdcId)).limit(1);
  const [baseAgreement] = await h.db.select().from(agreements).where(eq(agreements.branchId, sdcId)).limit(1);
  const copyCustomer = async (name: string, code: string, segment: 'INDUSTRIAL' | 'GOVERNMENT') => {
    const id = randomUUID();
    await h.db.insert(customers).values({ ...baseCustomer, id, code, legalName: name, documentNumber: code, segment });
    return id;
  };
  customerId = await copyCustomer('Zeta Reportes Industriales SRL', 'ZRP-0001', 'INDUSTRIAL');
  pagerCustomerId = await copyCustomer('Zeta Paginación Estatal', 'ZRP-0002', 'GOVERNMENT');
  const copyAgreement = async (code: string, currency: string, customer: string) => {
    const id = randomUUID();
    await h.db.insert(agreements).values({ ...baseAgreement, id, code, name: `Acuerdo ${code}`, currency, customerId: customer, delinquencyStatus: 'DELINQUENT', delinquencyLevelId: null });
    return id;
  };
  agreementId = await copyAgreement('ZRP-A1', 'DOP', customerId);
  usdAgreementId = await copyAgreement('ZRP-A2', 'USD', customerId);
  const pagerAgreement = await copyAgreement('ZRP-A3', 'DOP', pagerCustomerId);

  // Aging edges on 2026-06-30: days past due → bucket.
  await addInvoices([
    { due: '2026-07-10', balance: '100.00' }, // not yet due → 0–30
    { due: '2026-05-31', balance: '10.00' }, // 30 → 0–30
    { due: '2026-05-30', balance: '20.00' }, // 31 → 31–60
    { due: '2026-05-01', balance: '30.00' }, // 60 → 31–60
    { due: '2026-04-30', balance: '40.00' }, // 61 → 61–90
    { due: '2026-04-01', balance: '50.00' }, // 90 → 61–90
    { due: '2026-03-31', balance: '60.00' }, // 91 → 91–180
    { due: '2026-01-01', balance: '70.00' }, // 180 → 91–180
    { due: '2025-12-31', balance: '80.00', total: '90.00' }, // 181 → 180+ (partially paid)
    { due: '2026-03-22', balance: '5.00', currency: 'USD', agreement: usdAgreementId }, // 100 → 91–180, in dollars
    { due: '2026-06-29', balance: '7.50', docType: 'DEBIT_NOTE' }, // 1 → 0–30: a debit note is a receivable
    // Never receivables: a credit note, a paid, a voided invoice; one issued after the date.
    { due: '2026-01-01', balance: '999.00', docType: 'CREDIT_NOTE' },
    { due: '2026-01-01', balance: '0.00', total: '500.00', status: 'PAID' },
    { due: '2026-01-01', balance: '777.00', status: 'VOIDED' },
    { due: '2026-08-01', balance: '333.00', issue: '2026-07-01' },
  ]);
  // Billed vs collected, period 2025-11: 1000 + 500 billed; 1000 + 166.66 collected, 50 reversed.
  const [e1, e2] = await addInvoices([
    { due: '2025-12-15', total: '1000.00', balance: '0.00', period: '2025-11' },
    { due: '2025-12-15', total: '500.00', balance: '333.34', period: '2025-11' }, // 197 days → 180+
  ]);
  const [entity] = await h.db.select({ id: paymentEntities.id }).from(paymentEntities).limit(1);
  await addPayment({ amount: '1000.00', method: 'CASH', paidOn: '2026-06-10', allocations: [[e1, '1000.00']] });
  await addPayment({ amount: '166.66', method: 'CARD', paidOn: '2026-06-11', entity: entity.id, allocations: [[e2, '166.66']] });
  await addPayment({ amount: '50.00', method: 'CASH', paidOn: '2026-06-11', status: 'REVERSED', allocations: [[e2, '50.00']] });
  await addPayment({ amount: '25.00', currency: 'USD', method: 'BANK_TRANSFER', paidOn: '2026-06-12', agreement: usdAgreementId });
  await addPayment({ amount: '40.00', method: 'CASH', paidOn: '2026-07-01' }); // outside June

  // 120 overdue documents of another customer to page through (due dates repeat: the id breaks ties).
  await addInvoices(Array.from({ length: 120 }, (_, i) => ({ due: `2026-02-${String(1 + (i % 20)).padStart(2, '0')}`, balance: '1.00', customer: pagerCustomerId, agreement: pagerAgreement })));
}, 180_000);

afterAll(() => h?.close());
beforeEach(() => {
  session.current = null;
});

describe('receivables aging', () => {
  it('puts each document in its bucket at every edge, keeps currencies apart and leaves out non-receivables', async () => {
    const r = await getAgingReport(admin, p({ fecha: AS_OF, cliente: 'Zeta Reportes' }), h.db, NOW);
    expect(r.currencies.map((c) => c.currency)).toEqual(['DOP', 'USD']);
    const dop = r.currencies[0].total;
    // 0–30: 100 + 10 + 7.50; 31–60: 20 + 30; 61–90: 40 + 50; 91–180: 60 + 70; 180+: 80 + 333.34.
    expect(dop).toMatchObject({ b0_30: '117.50', b31_60: '50.00', b61_90: '90.00', b91_180: '130.00', b180: '413.34', total: '800.84', documents: 11 });
    expect(r.currencies[1].total).toMatchObject({ b0_30: '0.00', b91_180: '5.00', total: '5.00', documents: 1 });
  });

  it('gives the same totals by branch, by segment and by customer', async () => {
    const r = await getAgingReport(admin, p({ fecha: AS_OF }), h.db, NOW);
    const dop = r.currencies.find((c) => c.currency === 'DOP')!;
    // Our customer (800.84) plus the 120 paged documents of 1.00 (all 91–180 days on 2026-06-30).
    expect(dop.total.total).toBe('920.84');
    for (const list of [dop.branches, dop.segments, dop.customers]) {
      expect(list.reduce((n, l) => n + Math.round(Number(l.total) * 100), 0)).toBe(92084);
    }
    expect(dop.segments.map((s) => [s.key, s.total])).toEqual([
      ['INDUSTRIAL', '800.84'],
      ['GOVERNMENT', '120.00'],
    ]);
    expect(dop.customers[0]).toMatchObject({ key: customerId, label: 'Zeta Reportes Industriales SRL' });
    expect(dop.branches).toHaveLength(1);
    expect(dop.branches[0]).toMatchObject({ key: sdcId, label: 'Santo Domingo Centro' });
  });

  it('lists only the customers owing the most per currency, each with all its buckets; the other lines stay whole', async () => {
    const rows = await agingReport(h.db, { all: true }, { asOf: AS_OF, topCustomers: 1 });
    const dop = rows.filter((r) => r.currency === 'DOP');
    expect(dop.filter((r) => r.dimension === 'customer')).toEqual([
      expect.objectContaining({ key: customerId, label: 'Zeta Reportes Industriales SRL', b0_30: '117.50', b180: '413.34', total: '800.84', documents: 11 }),
    ]);
    expect(dop.find((r) => r.dimension === 'total')).toMatchObject({ total: '920.84', documents: 131 });
    expect(dop.filter((r) => r.dimension === 'segment').map((r) => [r.key, r.label, r.total])).toEqual([
      ['INDUSTRIAL', 'INDUSTRIAL', '800.84'],
      ['GOVERNMENT', 'GOVERNMENT', '120.00'],
    ]);
    const two = await agingReport(h.db, { all: true }, { asOf: AS_OF, topCustomers: 2 });
    expect(two.filter((r) => r.currency === 'DOP' && r.dimension === 'customer').map((r) => [r.key, r.total, r.b91_180])).toEqual([
      [customerId, '800.84', '130.00'],
      [pagerCustomerId, '120.00', '120.00'],
    ]);
  });

  it('gives the same report computed whole or in customer-id parts (at the same time on PostgreSQL)', async () => {
    const whole = await agingReport(h.db, { all: true }, { asOf: AS_OF, topCustomers: 3, parts: 1 });
    expect(whole.length).toBeGreaterThan(5);
    for (const parts of [2, 3, 7]) expect(await agingReport(h.db, { all: true }, { asOf: AS_OF, topCustomers: 3, parts })).toEqual(whole);
    expect(await agingReport(h.db, { all: true }, { asOf: AS_OF, topCustomers: 3 })).toEqual(whole);
  });

  it.runIf(process.env.TEST_DATABASE_URL)('reads every part on one snapshot: a payment committed while the parts run is in none of them', async () => {
    expect(hasConnectionPool(h.db)).toBe(true);
    const [target] = await h.db.select({ id: invoices.id, balance: invoices.balance }).from(invoices).where(eq(invoices.customerId, customerId)).limit(1);
    const read = (tx: Tx) => tx.select({ balance: invoices.balance }).from(invoices).where(eq(invoices.id, target.id)).then((r) => r[0].balance);
    let changed!: Promise<unknown>;
    try {
      const seen = await onOneSnapshot(h.db, 3, async (tx, part) => {
        // The first part changes the balance on another connection (committed at once) before any part reads it.
        if (part === 0) changed = h.db.update(invoices).set({ balance: '0.01' }).where(eq(invoices.id, target.id));
        await new Promise((r) => setTimeout(r, 20));
        await changed;
        return read(tx);
      });
      expect(seen).toEqual([target.balance, target.balance, target.balance]);
      expect(await read(h.db as unknown as Tx)).toBe('0.01');
    } finally {
      await h.db.update(invoices).set({ balance: target.balance }).where(eq(invoices.id, target.id));
    }
  });

  it('filters by segment', async () => {
    const r = await getAgingReport(admin, p({ fecha: AS_OF, segmento: 'GOVERNMENT' }), h.db, NOW);
    expect(r.currencies.map((c) => [c.currency, c.total.total])).toEqual([['DOP', '120.00']]);
  });
});

describe('payments received', () => {
  it('sums confirmed payments of the range per currency; by day and by method they add up to the total', async () => {
    const r = await getPaymentsReport(admin, p({ desde: '2026-06-01', hasta: '2026-06-30' }), h.db, NOW);
    const [dop, usd] = r.currencies;
    expect(dop.currency).toBe('DOP');
    expect(dop.total).toMatchObject({ amount: '1166.66', payments: 2 });
    expect(dop.days.map((d) => [d.key, d.amount])).toEqual([
      ['2026-06-10', '1000.00'],
      ['2026-06-11', '166.66'],
    ]);
    expect(dop.methods.map((d) => [d.key, d.amount])).toEqual([
      ['CASH', '1000.00'],
      ['CARD', '166.66'],
    ]);
    for (const list of [dop.days, dop.methods, dop.entities, dop.branches, dop.cashiers]) expect(list.reduce((n, l) => n + Math.round(Number(l.amount) * 100), 0)).toBe(116666);
    expect(dop.cashiers).toEqual([expect.objectContaining({ key: cashier.id, label: cashier.name, amount: '1166.66' })]);
    expect(usd).toMatchObject({ currency: 'USD', total: { amount: '25.00', payments: 1 } });
    expect(usd.methods).toEqual([expect.objectContaining({ key: 'BANK_TRANSFER', amount: '25.00' })]);
  });
});

describe('overdue invoices', () => {
  it('lists documents due before the date, oldest first, through keyset pages with no repeats', async () => {
    const seen: string[] = [];
    const dueDates: string[] = [];
    let despues: string | undefined;
    let pages = 0;
    do {
      const page = await getOverduePage(admin, p({ fecha: AS_OF, ...(despues ? { despues } : {}) }), h.db, NOW);
      expect(page.rows.length).toBeLessThanOrEqual(OVERDUE_PAGE_SIZE);
      seen.push(...page.rows.map((r) => r.id));
      dueDates.push(...page.rows.map((r) => r.due_date));
      despues = page.next;
      pages++;
    } while (despues);
    // Ours: 8 invoices + the debit note + the dollar one + e2 (not the not-yet-due ones) = 11; + 120 paged.
    expect(seen).toHaveLength(131);
    expect(new Set(seen).size).toBe(131);
    expect(pages).toBe(3);
    expect([...dueDates].sort()).toEqual(dueDates);
    const first = await getOverduePage(admin, p({ fecha: AS_OF }), h.db, NOW);
    expect(first.rows[0]).toMatchObject({ due_date: '2025-12-15', balance: '333.34', daysOverdue: 197 });
    // The CSV export walks the same list.
    const all: string[] = [];
    for await (const r of exportOverdue(admin, p({ fecha: AS_OF }), h.db, NOW)) all.push(r.id);
    expect(all).toEqual(seen);
  });

  it('does not count a document due on the date itself', async () => {
    const page = await getOverduePage(admin, p({ fecha: '2026-05-31', cliente: 'Zeta Reportes' }), h.db, NOW);
    expect(page.rows.map((r) => r.due_date)).not.toContain('2026-05-31');
    expect(page.rows.map((r) => r.due_date)).toContain('2026-05-30');
  });
});

describe('billed vs collected', () => {
  it('computes the collection efficiency with one decimal, reversed payments left out', async () => {
    const r = await getEfficiencyReport(admin, p({ periodoDesde: '2025-11', periodoHasta: '2025-11' }), h.db, NOW);
    expect(r.currencies).toHaveLength(1);
    // 1166.66 / 1500.00 = 77.777… → 77.8
    expect(r.currencies[0].rows).toEqual([{ period: '2025-11', currency: 'DOP', billed: '1500.00', collected: '1166.66', invoices: 2, efficiency: '77.8' }]);
  });

  it('rounds half up and has no efficiency without billing', () => {
    expect(collectionEfficiency('1000.00', '666.66')).toBe('66.7');
    expect(collectionEfficiency('200.00', '0.10')).toBe('0.1'); // 0.05 → 0.1
    expect(collectionEfficiency('0', '10.00')).toBeNull();
    expect(collectionEfficiency('3.00', '3.00')).toBe('100.0');
  });
});

describe('top debtors', () => {
  it('ranks agreements by balance per currency with the oldest due date and delinquency status', async () => {
    // Today's balances: ZRP-A1 owes the 800.84 aged above plus the 333.00 issued after that date.
    const r = await getTopDebtors(admin, p({}), h.db, NOW);
    expect(r.rows.map((d) => [d.agreement_code, d.currency, d.balance])).toEqual([
      ['ZRP-A1', 'DOP', '1133.84'],
      ['ZRP-A3', 'DOP', '120.00'],
      ['ZRP-A2', 'USD', '5.00'],
    ]);
    expect(r.rows[0]).toMatchObject({ oldest_due_date: '2025-12-15', delinquency_status: 'DELINQUENT', documents: 12, daysOverdue: 197 });
  });

  it('gives the same ranking computed whole or in customer-id parts, the top N per currency over all parts', async () => {
    const whole = await topDebtors(h.db, { all: true }, { limit: 50, parts: 1 });
    expect(whole.map((d) => d.agreement_code)).toEqual(['ZRP-A1', 'ZRP-A3', 'ZRP-A2']);
    for (const parts of [2, 3, 7]) expect(await topDebtors(h.db, { all: true }, { limit: 50, parts })).toEqual(whole);
    expect((await topDebtors(h.db, { all: true }, { limit: 1, parts: 5 })).map((d) => [d.agreement_code, d.currency])).toEqual([
      ['ZRP-A1', 'DOP'],
      ['ZRP-A2', 'USD'],
    ]);
  });
});

describe('authorization and branch scope', () => {
  it('shows branch staff of another branch nothing of SDC, and SDC staff all of it', async () => {
    expect((await getAgingReport(otherStaff, p({ fecha: AS_OF }), h.db, NOW)).currencies).toEqual([]);
    expect((await getPaymentsReport(otherStaff, p({ desde: '2026-06-01', hasta: '2026-06-30' }), h.db, NOW)).currencies).toEqual([]);
    expect((await getOverduePage(otherStaff, p({ fecha: AS_OF }), h.db, NOW)).rows).toEqual([]);
    expect((await getEfficiencyReport(otherStaff, p({ periodoDesde: '2025-11', periodoHasta: '2025-11' }), h.db, NOW)).currencies).toEqual([]);
    expect((await getTopDebtors(otherStaff, p({}), h.db, NOW)).rows).toEqual([]);
    // Asking for SDC by parameter does not widen the scope: the branch is dropped, the scope stays.
    expect((await getAgingReport(otherStaff, p({ fecha: AS_OF, branchId: sdcId }), h.db, NOW)).currencies).toEqual([]);
    expect((await getAgingReport(staff, p({ fecha: AS_OF }), h.db, NOW)).currencies[0].total.total).toBe('920.84');
    expect((await getAgingReport(auditor, p({ fecha: AS_OF }), h.db, NOW)).currencies[0].total.total).toBe('920.84');
  });

  it('refuses cashiers and clients', async () => {
    for (const actor of [cashier, client]) {
      await expect(getAgingReport(actor, p({}), h.db, NOW)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getPaymentsReport(actor, p({}), h.db, NOW)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getOverduePage(actor, p({}), h.db, NOW)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getEfficiencyReport(actor, p({}), h.db, NOW)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getTopDebtors(actor, p({}), h.db, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it('ignores bad parameters', () => {
    expect(p({ fecha: '2026-02-30', segmento: 'X', branchId: 'nope', moneda: 'usd', despues: 'junk', cliente: '  ' })).toEqual({});
  });
});

describe('CSV exports', () => {
  it('answer 401 without a session and 403 to a cashier, for every report', async () => {
    for (const route of Object.keys(ROUTES) as (keyof typeof ROUTES)[]) {
      expect((await csvOf(route, null)).status, route).toBe(401);
      expect((await csvOf(route, 'cajero@cauce.example')).status, route).toBe(403);
    }
  });

  it('aging: a header row and one row per bucket line with plain decimal amounts', async () => {
    const { status, type, lines } = await csvOf('cartera', 'admin@cauce.example', `?fecha=${AS_OF}&cliente=Zeta%20Reportes`);
    expect(status).toBe(200);
    expect(type).toContain('text/csv');
    expect(lines[0]).toBe('Agrupación,Clave,Nombre,Moneda,0-30 días,31-60 días,61-90 días,91-180 días,Más de 180 días,Total,Documentos');
    expect(lines).toContain('Total,,Total,DOP,117.50,50.00,90.00,130.00,413.34,800.84,11');
    expect(lines).toContain('Segmento,INDUSTRIAL,Industrial,USD,0.00,0.00,0.00,5.00,0.00,5.00,1');
  });

  it('payments, overdue, efficiency and debtors: header and rows, scoped like the pages', async () => {
    const pay = await csvOf('cobros', 'admin@cauce.example', '?desde=2026-06-01&hasta=2026-06-30');
    expect(pay.lines[0]).toBe('Agrupación,Clave,Nombre,Moneda,Monto,Pagos');
    expect(pay.lines).toContain('Día,2026-06-10,2026-06-10,DOP,1000.00,1');
    expect(pay.lines).toContain('Método,CARD,Tarjeta,DOP,166.66,1');
    const over = await csvOf('vencidas', 'admin@cauce.example', `?fecha=${AS_OF}`);
    expect(over.lines[0]).toBe('Número fiscal,Tipo de documento,Fecha de emisión,Fecha de vencimiento,Días vencida,Período,Cliente,Segmento,Acuerdo,Sucursal,Moneda,Total,Saldo');
    expect(over.lines).toHaveLength(132);
    const eff = await csvOf('eficiencia', 'admin@cauce.example', '?periodoDesde=2025-11&periodoHasta=2025-11');
    expect(eff.lines).toEqual(['Período,Moneda,Facturado,Cobrado,Eficiencia %,Documentos', '2025-11,DOP,1500.00,1166.66,77.8,2']);
    const debt = await csvOf('deudores', 'admin@cauce.example');
    expect(debt.lines[0]).toBe('Acuerdo,Nombre del acuerdo,Cliente,Segmento,Sucursal,Moneda,Saldo,Documentos,Vencimiento más antiguo,Días vencida,Morosidad,Nivel');
    expect(debt.lines[1]).toMatch(/^ZRP-A1,Acuerdo ZRP-A1,Zeta Reportes Industriales SRL,Industrial,Santo Domingo Centro,DOP,1133.84,12,2025-12-15,\d+,Moroso,$/);
    // Branch staff of SDC see the debtors; an auditor too.
    expect((await csvOf('deudores', 'sucursal@cauce.example')).lines).toHaveLength(4);
    expect((await csvOf('deudores', 'auditor@cauce.example')).lines).toHaveLength(4);
  });
});
