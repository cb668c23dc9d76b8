import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { agreements, invoices } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { ForbiddenError, NotFoundError } from '@/lib/auth/errors';
import type { Actor } from '@/lib/auth/scope';
import { executeRun } from '@/lib/billing/engine';
import { createRun } from '@/lib/billing/runs';
import { getPaymentReceipt, registerPayment, reversePayment, type RegisteredPayment } from '@/lib/dal/payments';
import { getPortalHome } from '@/lib/dal/portal-home';
import { getPortalInvoice } from '@/lib/dal/portal-invoices';
import { getPortalPaymentReceipt } from '@/lib/dal/portal-payments';
import { actorFor } from '../support/actors';
import { createTestDatabase } from '../support/db';
import { pdfText } from '../support/pdf-text';

/**
 * Payment receipts in the portal (issue 7): cliente@ (GC-000001) downloads the receipts of its own
 * payments — the same data and PDF as staff get — and nothing of cliente2@ (GC-000002): another
 * customer's payment, a guessed or an invalid id all answer the same "not found". Both customers'
 * active agreements are billed for one period and each pays one invoice at the cash desk.
 */
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock('@/lib/auth/auth', () => ({ auth: async () => session.current, signIn: vi.fn(), signOut: vi.fn() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { GET: portalRoute } = await import('@/app/(portal)/portal/pagos/[id]/recibo/route');
const { GET: staffRoute } = await import('@/app/(staff)/cobros/[id]/recibo/route');

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const PAYMENT_NOT_FOUND = 'No se encontró el pago.';
const NOW = new Date('2026-08-20T15:00:00Z');

let h: DatabaseHandle;
let one: Actor; // cliente@ → GC-000001
let two: Actor; // cliente2@ → GC-000002
let admin: Actor;
let staff: Actor;
let cashier: Actor;
type Paid = RegisteredPayment & { invoiceId: string; fiscalNumber: string; agreementCode: string };
let mine: Paid;
let theirs: Paid;
let reversed: RegisteredPayment;

/** The next id in hex after `id`: what someone guessing "sequential" ids would try. */
function nextId(id: string): string {
  const hex = id.replace(/-/g, '');
  const next = (BigInt(`0x${hex}`) + 1n).toString(16).padStart(32, '0');
  return `${next.slice(0, 8)}-${next.slice(8, 12)}-${next.slice(12, 16)}-${next.slice(16, 20)}-${next.slice(20)}`;
}

async function signInAs(actor: Actor | null) {
  session.current = actor ? { user: { id: actor.id } } : null;
}

const portalGet = (id: string) => portalRoute(new Request(`http://localhost/portal/pagos/${id}/recibo`), { params: Promise.resolve({ id }) });
const staffGet = (id: string) => staffRoute(new Request(`http://localhost/cobros/${id}/recibo`), { params: Promise.resolve({ id }) });

async function errorOf(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}

/** Pays in full, at the cash desk, the customer's oldest open invoice in its agreement's currency. */
async function payOne(customerId: string, key: string): Promise<Paid> {
  const [inv] = await h.db
    .select({ id: invoices.id, agreementId: invoices.agreementId, fiscalNumber: invoices.fiscalNumber, balance: invoices.balance, agreementCode: agreements.code })
    .from(invoices)
    .innerJoin(agreements, eq(agreements.id, invoices.agreementId))
    .where(and(eq(invoices.customerId, customerId), eq(invoices.status, 'ISSUED'), eq(invoices.docType, 'INVOICE'), eq(invoices.currency, agreements.currency), sql`${invoices.balance} > 0`))
    .orderBy(asc(invoices.dueDate), asc(invoices.fiscalNumber))
    .limit(1);
  const paid = await registerPayment(admin, { idempotencyKey: key, agreementId: inv.agreementId, amount: inv.balance, method: 'BANK_TRANSFER', reference: `REF-${key}`, paidOn: '2026-08-10', invoiceIds: [inv.id] }, h.db, NOW);
  return { ...paid, invoiceId: inv.id, fiscalNumber: inv.fiscalNumber!, agreementCode: inv.agreementCode };
}

beforeAll(async () => {
  h = await createTestDatabase();
  await seedDemo(h);
  [one, two, admin, staff, cashier] = await Promise.all(['cliente@cauce.example', 'cliente2@cauce.example', 'admin@cauce.example', 'sucursal@cauce.example', 'cajero@cauce.example'].map(actorFor));
  const active = await h.db
    .select({ id: agreements.id })
    .from(agreements)
    .where(and(inArray(agreements.customerId, [one.customerId!, two.customerId!]), eq(agreements.status, 'ACTIVE')));
  const run = await createRun(h.db, null, { mode: 'RUN', period: '2026-06', issueDate: '2026-07-01', agreementIds: active.map((a) => a.id) });
  expect((await executeRun(h.db, run.id)).status).toBe('DONE');
  mine = await payOne(one.customerId!, 'portal-receipt-one');
  theirs = await payOne(two.customerId!, 'portal-receipt-two');
  // A second payment of GC-000001, reversed: its receipt still opens, marked ANULADO.
  const [agreement] = await h.db.select({ id: agreements.id }).from(agreements).where(and(eq(agreements.customerId, one.customerId!), eq(agreements.status, 'ACTIVE'))).limit(1);
  reversed = await registerPayment(admin, { idempotencyKey: 'portal-receipt-rev', agreementId: agreement.id, amount: '25.00', method: 'CASH', paidOn: '2026-08-11' }, h.db, NOW);
  await reversePayment(admin, reversed.id, { reason: 'Pago registrado dos veces' }, h.db, NOW);
}, 240_000);
afterAll(() => h?.close());
beforeEach(() => signInAs(null));

describe('a client’s own receipts', () => {
  it('are the staff receipt’s data, loaded through the same loader', async () => {
    const portal = await getPortalPaymentReceipt(one, mine.id, h.db);
    expect(portal).toEqual(await getPaymentReceipt(admin, mine.id, h.db));
    expect(portal.receiptNumber).toBe(mine.receiptNumber);
    expect(portal.agreement.code).toBe(mine.agreementCode);
    expect(portal.allocations.map((a) => a.fiscalNumber)).toEqual([mine.fiscalNumber]);
    expect((await getPortalPaymentReceipt(two, theirs.id, h.db)).receiptNumber).toBe(theirs.receiptNumber);
  });

  it('download as a PDF from the portal route: number, agreement and the invoice paid', async () => {
    await signInAs(one);
    const res = await portalGet(mine.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="recibo-${mine.receiptNumber}.pdf"`);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const { pages, all } = await pdfText(new Uint8Array(await res.arrayBuffer()));
    expect(pages).toHaveLength(1);
    for (const text of ['RECIBO DE PAGO', mine.receiptNumber, mine.agreementCode, mine.fiscalNumber, `REF-portal-receipt-one`]) expect(all).toContain(text);
    expect(all).not.toContain('ANULADO');
  });

  it('a reversed payment’s receipt opens marked ANULADO', async () => {
    await signInAs(one);
    const res = await portalGet(reversed.id);
    expect(res.status).toBe(200);
    const { all } = await pdfText(new Uint8Array(await res.arrayBuffer()));
    expect(all).toContain(reversed.receiptNumber);
    expect(all).toContain('ANULADO');
  });

  it('the portal pages list the payment ids the receipt links point to', async () => {
    const detail = await getPortalInvoice(one, mine.invoiceId, h.db, NOW);
    expect(detail.payments.map((p) => [p.id, p.receiptNumber])).toEqual([[mine.id, mine.receiptNumber]]);
    const home = await getPortalHome(one, h.db, NOW);
    expect(home.payments.map((p) => p.id)).toEqual(expect.arrayContaining([mine.id, reversed.id]));
    expect(home.payments.map((p) => p.id)).not.toContain(theirs.id);
  });
});

describe('isolation: another customer’s payment answers exactly like one that does not exist', () => {
  it('in the data layer: by id, by a guessed (sequential) id, by an invalid id — the same NotFoundError and message', async () => {
    const reference = await errorOf(getPortalPaymentReceipt(one, UNKNOWN, h.db));
    expect(reference).toBeInstanceOf(NotFoundError);
    expect(reference.message).toBe(PAYMENT_NOT_FOUND);
    for (const [actor, id] of [
      [one, theirs.id],
      [two, mine.id],
      [two, reversed.id],
      [one, nextId(theirs.id)],
      [one, theirs.id.toUpperCase()],
      [one, 'not-a-uuid'],
      [one, ''],
      [one, `${theirs.id}' or '1'='1`],
    ] as const) {
      const err = await errorOf(getPortalPaymentReceipt(actor, id, h.db));
      expect(err, id).toBeInstanceOf(NotFoundError);
      expect(err.message, id).toBe(reference.message);
    }
  });

  it('through the route: 404 with the same body as an unknown id, for each client against the other', async () => {
    await signInAs(one);
    const unknown = await portalGet(UNKNOWN);
    expect(unknown.status).toBe(404);
    const body = await unknown.text();
    expect(body).toBe(PAYMENT_NOT_FOUND);
    for (const id of [theirs.id, nextId(theirs.id), 'not-a-uuid']) {
      const res = await portalGet(id);
      expect(res.status, id).toBe(404);
      expect(res.headers.get('content-type'), id).toBe('text/plain; charset=utf-8');
      expect(await res.text(), id).toBe(body);
    }
    await signInAs(two);
    for (const id of [mine.id, reversed.id]) {
      const res = await portalGet(id);
      expect(res.status, id).toBe(404);
      expect(await res.text(), id).toBe(body);
    }
    expect((await portalGet(theirs.id)).status).toBe(200);
  });
});

describe('who may use the portal receipt', () => {
  it('staff and administrators are Forbidden in the data layer, even carrying a customer id; so is a client without a customer', async () => {
    for (const actor of [admin, staff, cashier, { ...staff, customerId: one.customerId }, { ...one, customerId: null }]) {
      await expect(getPortalPaymentReceipt(actor, mine.id, h.db)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it('the route answers 401 without a session and 403 to staff', async () => {
    expect((await portalGet(mine.id)).status).toBe(401);
    for (const actor of [admin, cashier]) {
      await signInAs(actor);
      expect((await portalGet(mine.id)).status).toBe(403);
    }
  });

  it('a client reaches neither the staff receipt loader nor its route, not even for its own payment', async () => {
    await expect(getPaymentReceipt(one, mine.id, h.db)).rejects.toBeInstanceOf(ForbiddenError);
    await signInAs(one);
    expect((await staffGet(mine.id)).status).toBe(403);
    await signInAs(admin);
    expect((await staffGet(mine.id)).status).toBe(200);
  });
});
