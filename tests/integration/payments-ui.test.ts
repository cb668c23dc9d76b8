import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { findUserByEmail } from '@/db/queries/users';
import { accounts, agreements, branches, customers, invoices, payments } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { ForbiddenError, NotFoundError } from '@/lib/auth/errors';
import type { Actor } from '@/lib/auth/scope';
import { executeRun } from '@/lib/billing/engine';
import { createRun } from '@/lib/billing/runs';
import { findAgreementsToCollect } from '@/lib/dal/cash-desk';
import { getPaymentFormData, listPayments, registerPayment } from '@/lib/dal/payments';
import { actorFor } from '../support/actors';
import { pdfText } from '../support/pdf-text';
import { createTestDatabase } from '../support/db';

// The payment screens' reads (cash-desk search, the form's open invoices, the list's filters) and
// their server actions, on two billed periods.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock('@/lib/auth/auth', () => ({ auth: async () => session.current, signIn: vi.fn(), signOut: vi.fn() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { registerPaymentAction, reversePaymentAction } = await import('@/lib/actions/payments');
const { GET: receiptRoute } = await import('@/app/(staff)/cobros/[id]/recibo/route');

let h: DatabaseHandle;
let cashier: Actor;
let admin: Actor;
let auditor: Actor;
type Target = { id: string; code: string; name: string; customerName: string; documentNumber: string; accountNumber: string; fiscalNumber: string };
let sdcTargets: Target[];
let sti: Target;

const paymentCount = async () => (await h.db.select({ n: sql<number>`count(*)::int` }).from(payments))[0].n;
const digest = (p: Promise<unknown>) => p.then(() => 'resolved', (e: { digest?: string }) => e.digest ?? String(e));
const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'America/Santo_Domingo' });

async function targets(branchCode: string): Promise<Target[]> {
  const [b] = await h.db.select({ id: branches.id }).from(branches).where(eq(branches.code, branchCode));
  return h.db
    .select({
      id: agreements.id,
      code: agreements.code,
      name: agreements.name,
      customerName: customers.legalName,
      documentNumber: customers.documentNumber,
      accountNumber: sql<string>`min(${accounts.number})`,
      fiscalNumber: sql<string>`min(${invoices.fiscalNumber})`,
    })
    .from(agreements)
    .innerJoin(customers, eq(customers.id, agreements.customerId))
    .innerJoin(accounts, eq(accounts.agreementId, agreements.id))
    .innerJoin(invoices, and(eq(invoices.agreementId, agreements.id), eq(invoices.docType, 'INVOICE'), eq(invoices.currency, agreements.currency)))
    .where(eq(agreements.branchId, b.id))
    .groupBy(agreements.id, customers.id)
    .orderBy(asc(agreements.code));
}

async function signInAs(email: string) {
  const user = await findUserByEmail(h.db, email);
  session.current = { user: { id: user!.id } };
}

function form(values: Record<string, string | string[]>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) for (const one of [v].flat()) fd.append(k, one);
  return fd;
}

beforeAll(async () => {
  h = await createTestDatabase();
  await seedDemo(h);
  // Issue dates well in the past so the first period is overdue whenever the test runs.
  for (const period of ['2025-01', '2025-02']) {
    const run = await createRun(h.db, null, { mode: 'RUN', period, issueDate: `${period}-15` });
    expect((await executeRun(h.db, run.id)).status).toBe('DONE');
  }
  [cashier, admin, auditor] = await Promise.all(['cajero@cauce.example', 'admin@cauce.example', 'auditor@cauce.example'].map(actorFor));
  sdcTargets = await targets('SDC');
  [sti] = await targets('STI');
  expect(sdcTargets.length).toBeGreaterThanOrEqual(3);
  expect(sti).toBeDefined();
}, 180_000);
afterAll(() => h?.close());
beforeEach(() => {
  session.current = null;
});

describe('findAgreementsToCollect (the cash-desk search)', () => {
  it('finds an agreement of the cashier’s branch by each key, with what it owes', async () => {
    const t = sdcTargets[0];
    for (const term of [t.code, t.name.slice(0, 12), t.customerName.slice(0, 10), t.documentNumber, t.accountNumber, t.fiscalNumber]) {
      const found = await findAgreementsToCollect(cashier, term);
      expect(found.map((r) => r.id), term).toContain(t.id);
    }
    const [row] = (await findAgreementsToCollect(cashier, t.code)).filter((r) => r.id === t.id);
    const open = await h.db.select({ balance: invoices.balance }).from(invoices).where(and(eq(invoices.agreementId, t.id), sql`${invoices.status} in ('ISSUED','PARTIALLY_PAID')`, sql`${invoices.balance} > 0`));
    expect(row.openInvoices).toBe(open.length);
    // due = Σ open balances, in cents.
    expect(Math.round(Number(row.due) * 100)).toBe(open.reduce((n, i) => n + Math.round(Number(i.balance) * 100), 0));
    expect(Number(row.overdue)).toBeGreaterThan(0);
  });

  it('never finds another branch’s agreement, whatever the key; an all-branch role does', async () => {
    for (const term of [sti.code, sti.documentNumber, sti.accountNumber, sti.fiscalNumber]) {
      expect((await findAgreementsToCollect(cashier, term)).map((r) => r.id), term).not.toContain(sti.id);
      expect((await findAgreementsToCollect(admin, term)).map((r) => r.id), term).toContain(sti.id);
    }
  });

  it('finds nothing for a term under 3 characters and refuses roles that cannot take payments', async () => {
    expect(await findAgreementsToCollect(cashier, 'ab')).toEqual([]);
    await expect(findAgreementsToCollect(auditor, sdcTargets[0].code)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('getPaymentFormData', () => {
  it('lists the agreement’s open invoices oldest due first with the total due and overdue marks', async () => {
    const t = sdcTargets[0];
    const data = await getPaymentFormData(cashier, t.id);
    expect(data.agreement).toMatchObject({ id: t.id, code: t.code });
    expect(data.invoices.length).toBeGreaterThanOrEqual(2);
    const dues = data.invoices.map((i) => i.dueDate ?? '');
    expect(dues).toEqual([...dues].sort());
    expect(data.invoices[0].overdue).toBe(data.invoices[0].dueDate! < today());
    const sum = data.invoices.reduce((n, i) => n + Math.round(Number(i.balance) * 100), 0);
    expect(Math.round(Number(data.totalDue) * 100)).toBe(sum);
  });

  it('is "not found" for another branch’s agreement and forbidden to read-only roles', async () => {
    await expect(getPaymentFormData(cashier, sti.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPaymentFormData(cashier, 'nope')).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPaymentFormData(auditor, sdcTargets[0].id)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getPaymentFormData(admin, sti.id)).agreement.id).toBe(sti.id);
  });
});

describe('registerPaymentAction', () => {
  const fields = (agreementId: string, over: Record<string, string | string[]> = {}) => ({
    idempotencyKey: crypto.randomUUID(),
    agreementId,
    amount: '10.00',
    method: 'CASH',
    paymentEntityId: '',
    reference: '',
    paidOn: today(),
    notes: '',
    ...over,
  });

  it('returns field errors and writes nothing on bad input', async () => {
    await signInAs('cajero@cauce.example');
    const before = await paymentCount();
    const result = await registerPaymentAction(undefined, form(fields(sdcTargets[1].id, { amount: '1,2,3.456', method: 'BITCOIN', paidOn: '2025-02-30' })));
    expect(result).toMatchObject({ ok: false, error: 'Revise los campos marcados.' });
    expect(result?.ok === false && Object.keys(result.fieldErrors ?? {})).toEqual(expect.arrayContaining(['amount', 'method', 'paidOn']));
    expect(result?.ok === false && result.values?.amount).toBe('1,2,3.456');
    // A future date is refused by the data layer, also as a field error.
    const future = await registerPaymentAction(undefined, form(fields(sdcTargets[1].id, { paidOn: '2999-01-01' })));
    expect(future?.ok === false && future.fieldErrors?.paidOn).toEqual(['La fecha del pago no puede ser futura.']);
    expect(await paymentCount()).toBe(before);
  });

  it('answers 403 to an auditor and "not found" for another branch’s agreement, writing nothing', async () => {
    const before = await paymentCount();
    await signInAs('auditor@cauce.example');
    expect(await digest(registerPaymentAction(undefined, form(fields(sdcTargets[1].id))))).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
    await signInAs('cajero@cauce.example');
    expect(await registerPaymentAction(undefined, form(fields(sti.id)))).toEqual({ ok: false, error: 'No se encontró el acuerdo.' });
    expect(await paymentCount()).toBe(before);
  });

  it('a second submit with the same idempotency key records one payment and shows the same detail', async () => {
    await signInAs('cajero@cauce.example');
    const t = sdcTargets[1];
    const data = await getPaymentFormData(cashier, t.id);
    const chosen = data.invoices[data.invoices.length - 1];
    const sent = fields(t.id, { amount: '25.50', 'invoiceIds[]': [chosen.id] });
    const before = await paymentCount();
    const first = await digest(registerPaymentAction(undefined, form(sent)));
    const second = await digest(registerPaymentAction(undefined, form(sent)));
    expect(first).toMatch(/^NEXT_REDIRECT;.*\/cobros\/[0-9a-f-]{36}\?registrado=1/);
    const id = /\/cobros\/([0-9a-f-]{36})/.exec(first)![1];
    expect(second).toContain(`/cobros/${id}?repetido=1`);
    expect(await paymentCount()).toBe(before + 1);
    const [p] = await h.db.select().from(payments).where(eq(payments.id, id));
    expect(p).toMatchObject({ amount: '25.50', method: 'CASH', channel: 'CASHIER', status: 'CONFIRMED', createdBy: cashier.id });
    // The chosen (newest) invoice was paid, not the oldest.
    const [inv] = await h.db.select({ balance: invoices.balance }).from(invoices).where(eq(invoices.id, chosen.id));
    expect(Math.round(Number(inv.balance) * 100)).toBe(Math.round(Number(chosen.balance) * 100) - 2550);
  });
});

describe('reversePaymentAction', () => {
  it('needs a reason of 5 characters, is refused to a cashier, and reverses for branch staff', async () => {
    const t = sdcTargets[2];
    const paid = await registerPayment(cashier, { idempotencyKey: crypto.randomUUID(), agreementId: t.id, amount: '5.00', method: 'CASH', paidOn: today() });
    await signInAs('cajero@cauce.example');
    expect(await digest(reversePaymentAction(undefined, form({ paymentId: paid.id, reason: 'Error de caja' })))).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
    await signInAs('sucursal@cauce.example');
    const short = await reversePaymentAction(undefined, form({ paymentId: paid.id, reason: 'no' }));
    expect(short?.ok === false && short.fieldErrors?.reason).toEqual(['Explique el motivo (al menos 5 caracteres).']);
    expect((await h.db.select({ s: payments.status }).from(payments).where(eq(payments.id, paid.id)))[0].s).toBe('CONFIRMED');
    const done = await reversePaymentAction(undefined, form({ paymentId: paid.id, reason: 'Billete falso detectado' }));
    expect(done).toMatchObject({ ok: true, data: { id: paid.id } });
    const [p] = await h.db.select().from(payments).where(eq(payments.id, paid.id));
    expect(p).toMatchObject({ status: 'REVERSED', reversalReason: 'Billete falso detectado' });
    const again = await reversePaymentAction(undefined, form({ paymentId: paid.id, reason: 'Billete falso detectado' }));
    expect(again).toEqual({ ok: false, error: 'Solo se puede revertir un pago confirmado.', fieldErrors: undefined, values: expect.any(Object) });
  });
});

describe('listPayments filters', () => {
  it('filters by status, method, agreement code, dates and a branch in scope only', async () => {
    const all = await listPayments(admin);
    expect(all.total).toBeGreaterThanOrEqual(2);
    const reversed = await listPayments(admin, { estado: 'REVERSED' });
    expect(reversed.rows.length).toBeGreaterThanOrEqual(1);
    expect(reversed.rows.every((r) => r.status === 'REVERSED')).toBe(true);
    expect((await listPayments(admin, { medio: 'CARD' })).total).toBe(0);
    const byCode = await listPayments(admin, { acuerdo: sdcTargets[1].code.toLowerCase() });
    expect(byCode.rows.every((r) => r.agreementCode === sdcTargets[1].code)).toBe(true);
    expect(byCode.total).toBe(1);
    expect((await listPayments(admin, { desde: '2999-01-01' })).total).toBe(0);
    expect((await listPayments(admin, { hasta: today(), desde: today() })).total).toBe(all.total);
    const [stiBranch] = await h.db.select({ id: branches.id }).from(branches).where(eq(branches.code, 'STI'));
    expect((await listPayments(cashier, { branchId: stiBranch.id })).total).toBe(0);
    expect((await listPayments(admin, { branchId: stiBranch.id })).total).toBe(0);
    expect((await listPayments(cashier)).total).toBe(all.total);
  });
});

describe('the receipt PDF route', () => {
  const get = (id: string) => receiptRoute(new Request(`http://localhost/cobros/${id}/recibo`), { params: Promise.resolve({ id }) });

  it('renders the receipt for a reader in scope: number, amount in words, invoices paid; ANULADO once reversed', async () => {
    const t = sdcTargets[0];
    const paid = await registerPayment(cashier, { idempotencyKey: crypto.randomUUID(), agreementId: t.id, amount: '1234.50', method: 'CARD', reference: 'AUT-778899', paidOn: today() });
    await signInAs('cajero@cauce.example');
    const res = await get(paid.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (process.env.PDF_OUT) (await import('node:fs')).writeFileSync(`${process.env.PDF_OUT}/recibo.pdf`, bytes);
    const { pages, all } = await pdfText(bytes);
    expect(pages).toHaveLength(1);
    for (const text of ['RECIBO DE PAGO', paid.receiptNumber, 'MIL DOSCIENTOS TREINTA Y CUATRO PESOS CON 50/100', 'Tarjeta', 'AUT-778899', t.code, 'FACTURAS PAGADAS', 'Saldo a favor']) expect(all).toContain(text);
    expect(all).not.toContain('ANULADO');

    const staff = await actorFor('sucursal@cauce.example');
    const { reversePayment } = await import('@/lib/dal/payments');
    await reversePayment(staff, paid.id, { reason: 'Cargo duplicado en el datáfono' });
    const reversed = await pdfText(new Uint8Array(await (await get(paid.id)).arrayBuffer()));
    expect(reversed.all).toContain('ANULADO');
    expect(reversed.all).toContain('Cargo duplicado en el datáfono');
  });

  it('answers 401 without a session, 403 to a role without payments.read and 404 outside the branches', async () => {
    const [{ id }] = (await listPayments(admin)).rows;
    expect((await get(id)).status).toBe(401);
    await signInAs('inspector@cauce.example');
    expect((await get(id)).status).toBe(403);
    // An STI payment, read by the SDC cashier.
    const foreign = await registerPayment(admin, { idempotencyKey: crypto.randomUUID(), agreementId: sti.id, amount: '3.00', method: 'CASH', paidOn: today() });
    await signInAs('cajero@cauce.example');
    expect((await get(foreign.id)).status).toBe(404);
    expect((await get('not-a-uuid')).status).toBe(404);
    await signInAs('admin@cauce.example');
    expect((await get(foreign.id)).status).toBe(200);
  });
});
