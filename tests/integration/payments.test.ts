import { and, asc, eq, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { agreements, auditLog, branches, delinquencyHistory, invoices, paymentAllocations, payments } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import type { Actor } from '@/lib/auth/scope';
import { executeRun } from '@/lib/billing/engine';
import { createRun } from '@/lib/billing/runs';
import { getPayment, listPayments, registerPayment, reversePayment } from '@/lib/dal/payments';
import { actorFor } from '../support/actors';
import { createTestDatabase } from '../support/db';

// Payments on issued invoices of two billed periods; PostgreSQL adds the concurrency cases.
const onPostgres = !!process.env.TEST_DATABASE_URL;
const TODAY = new Date('2027-03-15T12:00:00');
let h: DatabaseHandle;
let cashier: Actor;
let staff: Actor;
let otherStaff: Actor;
let auditor: Actor;
let client: Actor;
let agreementIds: string[];

type Inv = { id: string; total: string; balance: string; status: string; dueDate: string | null };

const openInvoices = (agreementId: string): Promise<Inv[]> =>
  h.db
    .select({ id: invoices.id, total: invoices.total, balance: invoices.balance, status: invoices.status, dueDate: invoices.dueDate })
    .from(invoices)
    .where(and(eq(invoices.agreementId, agreementId), eq(invoices.docType, 'INVOICE')))
    .orderBy(asc(invoices.dueDate), asc(invoices.issueDate), asc(invoices.fiscalNumber));

const cents = (s: string) => Math.round(Number(s) * 100);
const input = (agreementId: string, amount: string, extra: Record<string, unknown> = {}) => ({ idempotencyKey: randomUUID(), agreementId, amount, method: 'CASH' as const, paidOn: '2027-03-15', ...extra });
const paymentCount = async () => (await h.db.select({ n: sql<number>`count(*)::int` }).from(payments))[0].n;

beforeAll(async () => {
  h = await createTestDatabase();
  await seedDemo(h);
  for (const period of ['2027-01', '2027-02']) {
    const run = await createRun(h.db, null, { mode: 'RUN', period, issueDate: `${period}-15` });
    expect((await executeRun(h.db, run.id)).status).toBe('DONE');
  }
  [cashier, staff, auditor, client] = await Promise.all(['cajero@cauce.example', 'sucursal@cauce.example', 'auditor@cauce.example', 'cliente@cauce.example'].map(actorFor));
  const [sdc] = await h.db.select({ id: branches.id }).from(branches).where(eq(branches.code, 'SDC'));
  const [other] = await h.db.select({ id: branches.id }).from(branches).where(sql`${branches.id} <> ${sdc.id}`).limit(1);
  otherStaff = { ...staff, id: staff.id, branchIds: [other.id] };
  // SDC agreements in pesos billed per agreement: two invoices each (one per period).
  const rows = await h.db
    .select({ id: agreements.id, n: sql<number>`count(${invoices.id})::int` })
    .from(agreements)
    .innerJoin(invoices, eq(invoices.agreementId, agreements.id))
    .where(and(eq(agreements.branchId, sdc.id), eq(agreements.currency, 'DOP'), eq(agreements.billingMode, 'PER_AGREEMENT')))
    .groupBy(agreements.id)
    .having(sql`count(${invoices.id}) = 2`)
    .orderBy(asc(agreements.id));
  agreementIds = rows.map((r) => r.id);
  expect(agreementIds.length).toBeGreaterThanOrEqual(6);
}, 180_000);

afterAll(async () => {
  await h?.close();
});

describe('registering payments', () => {
  it('a partial payment pays the oldest invoice first, numbers a receipt and is audited', async () => {
    const id = agreementIds[0];
    const [first, second] = await openInvoices(id);
    const amount = ((cents(first.balance) + 1) / 100).toFixed(2);
    const r = await registerPayment(cashier, input(id, amount), h.db, TODAY);
    expect(r).toMatchObject({ replayed: false, unapplied: '0.00', applied: amount });
    expect(r.receiptNumber).toMatch(/^SDC-\d{8}$/);
    const [a, b] = await openInvoices(id);
    expect(a).toMatchObject({ id: first.id, balance: '0.00', status: 'PAID' });
    expect(b).toMatchObject({ id: second.id, status: 'PARTIALLY_PAID' });
    expect(cents(b.balance)).toBe(cents(second.balance) - 1);
    const audit = await h.db.select().from(auditLog).where(and(eq(auditLog.entity, 'payment'), eq(auditLog.entityId, r.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0].userId).toBe(cashier.id);
  });

  it('an overpayment pays everything and leaves the rest as credit', async () => {
    const id = agreementIds[1];
    const open = await openInvoices(id);
    const owed = open.reduce((n, i) => n + cents(i.balance), 0);
    const r = await registerPayment(staff, input(id, ((owed + 1234) / 100).toFixed(2)), h.db, TODAY);
    expect(r.unapplied).toBe('12.34');
    expect((await openInvoices(id)).every((i) => i.status === 'PAID' && i.balance === '0.00')).toBe(true);
    // Delinquency follows the payment: nothing owed → CURRENT, with today's state in the history.
    const [ag] = await h.db.select({ status: agreements.delinquencyStatus, level: agreements.delinquencyLevelId }).from(agreements).where(eq(agreements.id, id));
    expect(ag).toEqual({ status: 'CURRENT', level: null });
    const history = await h.db.select().from(delinquencyHistory).where(and(eq(delinquencyHistory.agreementId, id), eq(delinquencyHistory.runDate, '2027-03-15')));
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ status: 'CURRENT', overdueDebt: '0.00' });
  });

  it('pays chosen invoices only', async () => {
    const id = agreementIds[2];
    const [older, newer] = await openInvoices(id);
    await registerPayment(cashier, input(id, '1.00', { invoiceIds: [newer.id] }), h.db, TODAY);
    const [a, b] = await openInvoices(id);
    expect(a.balance).toBe(older.balance);
    expect(cents(b.balance)).toBe(cents(newer.balance) - 100);
  });

  it('the same idempotency key records one payment; with other data it is refused', async () => {
    const id = agreementIds[3];
    const payment = input(id, '10.00');
    const before = await paymentCount();
    const first = await registerPayment(cashier, payment, h.db, TODAY);
    const again = await registerPayment(cashier, payment, h.db, TODAY);
    expect(again).toMatchObject({ id: first.id, receiptNumber: first.receiptNumber, replayed: true });
    expect(await paymentCount()).toBe(before + 1);
    await expect(registerPayment(cashier, { ...payment, amount: '11.00' }, h.db, TODAY)).rejects.toThrow(/ya se usó/);
  });

  it('bad input changes nothing and answers with field errors', async () => {
    const id = agreementIds[4];
    const before = { payments: await paymentCount(), invoices: await openInvoices(id) };
    for (const [bad, field] of [
      [{ amount: '0' }, 'amount'],
      [{ amount: '1.234' }, 'amount'],
      [{ amount: 'abc' }, 'amount'],
      [{ paidOn: '2027-13-01' }, 'paidOn'],
      [{ paidOn: '2027-03-16' }, 'paidOn'],
      [{ method: 'BITCOIN' }, 'method'],
      [{ invoiceIds: ['not-a-uuid'] }, 'invoiceIds'],
    ] as const) {
      const err = await registerPayment(cashier, input(id, '5.00', bad as Record<string, unknown>), h.db, TODAY).catch((e: unknown) => e);
      expect(err, JSON.stringify(bad)).toBeInstanceOf(UserError);
      expect(Object.keys((err as UserError).fieldErrors ?? {})).toContain(field);
    }
    // An invoice of another agreement cannot be chosen.
    const [foreign] = await openInvoices(agreementIds[5]);
    await expect(registerPayment(cashier, input(id, '5.00', { invoiceIds: [foreign.id] }), h.db, TODAY)).rejects.toThrow(/no está pendiente/);
    expect(await paymentCount()).toBe(before.payments);
    expect(await openInvoices(id)).toEqual(before.invoices);
  });

  it('is refused outside the actor’s role and branches, without saying whether the agreement exists', async () => {
    const id = agreementIds[4];
    await expect(registerPayment(otherStaff, input(id, '5.00'), h.db, TODAY)).rejects.toBeInstanceOf(NotFoundError);
    await expect(registerPayment(auditor, input(id, '5.00'), h.db, TODAY)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(registerPayment(client, input(id, '5.00'), h.db, TODAY)).rejects.toBeInstanceOf(ForbiddenError);
    const [mine] = (await listPayments(cashier)).rows;
    await expect(getPayment(otherStaff, mine.id, h.db)).rejects.toBeInstanceOf(NotFoundError);
    await expect(reversePayment(otherStaff, mine.id, { reason: 'Prueba de alcance' }, h.db)).rejects.toBeInstanceOf(NotFoundError);
    await expect(reversePayment(cashier, mine.id, { reason: 'Prueba de permiso' }, h.db)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await listPayments(otherStaff, {}, h.db)).rows).toEqual([]);
  });
});

describe('reversing payments', () => {
  it('gives every allocation back exactly, once; the database keeps the payment', async () => {
    const id = agreementIds[4];
    const before = await openInvoices(id);
    const r = await registerPayment(cashier, input(id, ((cents(before[0].balance) + cents(before[1].balance) - 50) / 100).toFixed(2)), h.db, TODAY);
    expect((await openInvoices(id)).map((i) => i.status)).toEqual(['PAID', 'PARTIALLY_PAID']);
    await expect(reversePayment(staff, r.id, { reason: 'x' }, h.db)).rejects.toBeInstanceOf(UserError);
    await reversePayment(staff, r.id, { reason: 'Cheque devuelto por el banco' }, h.db);
    expect(await openInvoices(id)).toEqual(before);
    const detail = await getPayment(staff, r.id, h.db);
    expect(detail.payment).toMatchObject({ status: 'REVERSED', reversalReason: 'Cheque devuelto por el banco', reversedBy: staff.id });
    expect(detail.allocations).toHaveLength(2);
    await expect(reversePayment(staff, r.id, { reason: 'Otra vez, por error' }, h.db)).rejects.toThrow(/confirmado/);
    // Never deleted, never edited; allocations are append-only.
    await expect(h.db.delete(payments).where(eq(payments.id, r.id))).rejects.toThrow();
    await expect(h.db.update(payments).set({ amount: '1.00' }).where(eq(payments.id, r.id))).rejects.toThrow();
    await expect(h.db.delete(paymentAllocations).where(eq(paymentAllocations.paymentId, r.id))).rejects.toThrow();
  });
});

describe.skipIf(!onPostgres)('payments under concurrency (PostgreSQL)', () => {
  it('20 concurrent requests with one idempotency key record one payment', async () => {
    const id = agreementIds[5];
    const payment = input(id, '3.00');
    const before = await paymentCount();
    const results = await Promise.all(Array.from({ length: 20 }, () => registerPayment(cashier, payment, h.db, TODAY)));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await paymentCount()).toBe(before + 1);
    const [{ n }] = await h.db.select({ n: sql<number>`count(*)::int` }).from(paymentAllocations).where(eq(paymentAllocations.paymentId, results[0].id));
    expect(n).toBe(1);
  });

  it('concurrent payments of one agreement never over-allocate', async () => {
    const id = agreementIds[6] ?? agreementIds[5];
    const before = await openInvoices(id);
    const owed = before.reduce((n, i) => n + cents(i.balance), 0);
    const each = Math.ceil(owed / 6);
    const results = await Promise.all(Array.from({ length: 10 }, () => registerPayment(cashier, input(id, (each / 100).toFixed(2)), h.db, TODAY)));
    const applied = results.reduce((n, r) => n + cents(r.applied), 0);
    const unapplied = results.reduce((n, r) => n + cents(r.unapplied), 0);
    expect(applied).toBe(owed);
    expect(unapplied).toBe(each * 10 - owed);
    const after = await openInvoices(id);
    expect(after.every((i) => i.balance === '0.00' && i.status === 'PAID')).toBe(true);
    const [{ total }] = await h.db
      .select({ total: sql<string>`coalesce(sum(${paymentAllocations.amount}), 0)::text` })
      .from(paymentAllocations)
      .where(sql`${paymentAllocations.invoiceId} in (${sql.join(before.map((i) => sql`${i.id}`), sql`, `)})`);
    expect(cents(total)).toBe(owed);
    // Receipt numbers are unique and gapless per branch.
    const numbers = (await h.db.select({ r: payments.receiptNumber }).from(payments).where(sql`${payments.receiptNumber} like 'SDC-%'`)).map((x) => Number(x.r!.slice(4))).sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });
});
