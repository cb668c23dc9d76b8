import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/webhooks/[provider]/route';
import type { DatabaseHandle } from '@/db/client';
import { agreements, auditLog, branches, invoices, paymentCheckouts, payments, webhookEvents } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { buildSandboxEvent, signedSandboxDelivery, type SandboxEvent } from '@/lib/collections/gateway/sandbox';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import type { Actor } from '@/lib/auth/scope';
import { executeRun } from '@/lib/billing/engine';
import { createRun } from '@/lib/billing/runs';
import { getCheckout, getSandboxCheckout, startCheckout } from '@/lib/dal/checkouts';
import { actorFor } from '../support/actors';
import { createTestDatabase } from '../support/db';

// Checkouts on issued invoices of one billed period; webhooks go through the route handler itself.
const onPostgres = !!process.env.TEST_DATABASE_URL;
const ORIGIN = 'http://cauce.test';
let h: DatabaseHandle;
let staff: Actor;
let otherStaff: Actor;
let auditor: Actor;
let client: Actor;
let client2: Actor;
let staffAgreements: string[];
let clientAgreement: string;

type Inv = { id: string; balance: string; status: string };
const openInvoicesOf = (agreementId: string): Promise<Inv[]> =>
  h.db
    .select({ id: invoices.id, balance: invoices.balance, status: invoices.status })
    .from(invoices)
    .where(and(eq(invoices.agreementId, agreementId), eq(invoices.docType, 'INVOICE'), inArray(invoices.status, ['ISSUED', 'PARTIALLY_PAID'])))
    .orderBy(asc(invoices.id));
const invoice = async (id: string) => (await h.db.select({ balance: invoices.balance, status: invoices.status }).from(invoices).where(eq(invoices.id, id)))[0];
const checkoutRow = async (id: string) => (await h.db.select().from(paymentCheckouts).where(eq(paymentCheckouts.id, id)))[0];
const paymentsOfCheckout = (id: string) => h.db.select().from(payments).where(eq(payments.idempotencyKey, `checkout:${id}`));
const eventRows = (eventId: string) => h.db.select().from(webhookEvents).where(eq(webhookEvents.eventId, eventId));
const eventCount = async () => (await h.db.select({ n: sql<number>`count(*)::int` }).from(webhookEvents))[0].n;

function post(body: string, headers: Record<string, string>, provider = 'sandbox') {
  const request = new Request(`${ORIGIN}/api/webhooks/${provider}`, { method: 'POST', body, headers });
  return POST(request, { params: Promise.resolve({ provider }) });
}
function deliver(event: SandboxEvent, at = new Date()) {
  const { body, headers } = signedSandboxDelivery(event, at);
  return post(body, headers);
}

/** A fresh checkout by staff for the first open invoice of the i-th staff agreement. */
async function checkoutFor(i: number) {
  const agreementId = staffAgreements[i];
  const [inv] = await openInvoicesOf(agreementId);
  const started = await startCheckout(staff, { agreementId, invoiceIds: [inv.id], returnUrl: '/cobros/pasarela/resultado' }, { origin: ORIGIN });
  const row = await checkoutRow(started.checkoutId);
  return { ...started, row, inv };
}

beforeAll(async () => {
  h = await createTestDatabase();
  await seedDemo(h);
  const run = await createRun(h.db, null, { mode: 'RUN', period: '2027-01', issueDate: '2027-01-15' });
  expect((await executeRun(h.db, run.id)).status).toBe('DONE');
  [staff, auditor, client, client2] = await Promise.all(['sucursal@cauce.example', 'auditor@cauce.example', 'cliente@cauce.example', 'cliente2@cauce.example'].map(actorFor));
  const [sdc] = await h.db.select({ id: branches.id }).from(branches).where(eq(branches.code, 'SDC'));
  const [other] = await h.db.select({ id: branches.id }).from(branches).where(sql`${branches.id} <> ${sdc.id}`).limit(1);
  otherStaff = { ...staff, branchIds: [other.id] };
  const withOpen = sql`exists (select 1 from invoices i where i.agreement_id = ${agreements.id} and i.doc_type = 'INVOICE' and i.status = 'ISSUED' and i.balance > 0)`;
  const rows = await h.db.select({ id: agreements.id }).from(agreements).where(and(eq(agreements.branchId, sdc.id), withOpen)).orderBy(asc(agreements.id)).limit(12);
  staffAgreements = rows.map((r) => r.id);
  expect(staffAgreements.length).toBeGreaterThanOrEqual(10);
  const [own] = await h.db.select({ id: agreements.id }).from(agreements).where(and(eq(agreements.customerId, client.customerId!), withOpen)).orderBy(asc(agreements.id)).limit(1);
  expect(own).toBeDefined();
  clientAgreement = own.id;
}, 180_000);

afterAll(async () => {
  await h?.close();
});

describe('starting a checkout', () => {
  it('staff of the branch: the chosen invoices, their balance as amount, 30 minutes, the sandbox page; audited', async () => {
    const before = Date.now();
    const { checkoutId, redirectUrl, row, inv } = await checkoutFor(0);
    expect(redirectUrl).toBe(`${ORIGIN}/pasarela/sandbox/${checkoutId}`);
    expect(row).toMatchObject({ provider: 'sandbox', providerRef: `sbx_${checkoutId}`, status: 'PENDING', amount: inv.balance, invoiceIds: [inv.id], createdBy: staff.id, returnUrl: `/cobros/pasarela/resultado?checkout=${checkoutId}` });
    const ttl = row.expiresAt.getTime() - before;
    expect(ttl).toBeGreaterThanOrEqual(30 * 60_000 - 5_000);
    expect(ttl).toBeLessThanOrEqual(30 * 60_000 + 5_000);
    const audit = await h.db.select().from(auditLog).where(and(eq(auditLog.entity, 'payment_checkout'), eq(auditLog.entityId, checkoutId)));
    expect(audit.map((a) => a.action).sort()).toEqual(['CREATE', 'UPDATE']);
  });

  it('two invoices: the amount is the exact sum of their balances', async () => {
    const agreementId = staffAgreements[1];
    const open = await openInvoicesOf(agreementId);
    if (open.length < 2) return; // one invoice per agreement in this period: covered by the test above
    const started = await startCheckout(staff, { agreementId, invoiceIds: [open[0].id, open[1].id], returnUrl: '/x' }, { origin: ORIGIN });
    const cents = (s: string) => BigInt(s.replace('.', ''));
    expect(cents((await checkoutRow(started.checkoutId)).amount)).toBe(cents(open[0].balance) + cents(open[1].balance));
  });

  it('staff of another branch, or a client of another customer: not found; an auditor: forbidden', async () => {
    const agreementId = staffAgreements[0];
    const [inv] = await openInvoicesOf(agreementId);
    const input = { agreementId, invoiceIds: [inv.id], returnUrl: '/cobros/pasarela/resultado' };
    await expect(startCheckout(otherStaff, input, { origin: ORIGIN })).rejects.toBeInstanceOf(NotFoundError);
    await expect(startCheckout(client2, input, { origin: ORIGIN })).rejects.toBeInstanceOf(NotFoundError);
    const [own] = await openInvoicesOf(clientAgreement);
    await expect(startCheckout(client2, { ...input, agreementId: clientAgreement, invoiceIds: [own.id] }, { origin: ORIGIN })).rejects.toBeInstanceOf(NotFoundError);
    await expect(startCheckout(auditor, input, { origin: ORIGIN })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('a CLIENT pays its own customer\'s agreement and sees the checkout; another client does not', async () => {
    const [own] = await openInvoicesOf(clientAgreement);
    const started = await startCheckout(client, { agreementId: clientAgreement, invoiceIds: [own.id], returnUrl: '/portal' }, { origin: ORIGIN });
    expect((await checkoutRow(started.checkoutId)).createdBy).toBe(client.id);
    expect((await getCheckout(client, started.checkoutId)).status).toBe('PENDING');
    await expect(getCheckout(client2, started.checkoutId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses an invoice of another agreement, a repeated invoice and a return URL to another site', async () => {
    const [mine] = await openInvoicesOf(staffAgreements[2]);
    const [foreign] = await openInvoicesOf(staffAgreements[3]);
    await expect(startCheckout(staff, { agreementId: staffAgreements[2], invoiceIds: [foreign.id], returnUrl: '/x' }, { origin: ORIGIN })).rejects.toBeInstanceOf(UserError);
    await expect(startCheckout(staff, { agreementId: staffAgreements[2], invoiceIds: [mine.id, mine.id], returnUrl: '/x' }, { origin: ORIGIN })).rejects.toBeInstanceOf(UserError);
    for (const returnUrl of ['https://evil.example/', '//evil.example/x', '/\\evil.example']) {
      await expect(startCheckout(staff, { agreementId: staffAgreements[2], invoiceIds: [mine.id], returnUrl }, { origin: ORIGIN })).rejects.toBeInstanceOf(UserError);
    }
  });
});

describe('the sandbox hosted page', () => {
  it('is there for a PENDING, unexpired sandbox checkout only; a guessed id is not', async () => {
    const { checkoutId, row } = await checkoutFor(2);
    const page = await getSandboxCheckout(checkoutId);
    expect(page).toMatchObject({ id: checkoutId, amount: row.amount, currency: row.currency });
    expect(page!.invoices).toHaveLength(1);
    expect(await getSandboxCheckout(checkoutId, h.db, new Date(row.expiresAt.getTime() + 1))).toBeNull();
    expect(await getSandboxCheckout('00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await getSandboxCheckout('not-a-uuid')).toBeNull();
  });
});

describe('webhooks', () => {
  it('an approval pays the invoice once: PAID, one GATEWAY/CARD payment with key checkout:<id>, checkout APPROVED', async () => {
    const { checkoutId, row, inv } = await checkoutFor(3);
    const event = buildSandboxEvent(row, 'APPROVED');
    const res = await deliver(event);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ received: true, result: expect.stringMatching(/^pagado: recibo SDC-\d{8}$/) });
    expect(await invoice(inv.id)).toMatchObject({ status: 'PAID', balance: '0.00' });
    const paid = await paymentsOfCheckout(checkoutId);
    expect(paid).toHaveLength(1);
    expect(paid[0]).toMatchObject({ channel: 'GATEWAY', method: 'CARD', status: 'CONFIRMED', amount: row.amount, applied: row.amount, unapplied: '0.00', reference: `sbx_${checkoutId}`, createdBy: null });
    expect(await checkoutRow(checkoutId)).toMatchObject({ status: 'APPROVED', paymentId: paid[0].id });
    expect(await eventRows(event.id)).toHaveLength(1);
    expect((await eventRows(event.id))[0].processedAt).not.toBeNull();
    // Audited as a system write (no user): the payment and the checkout's status change.
    const audit = await h.db.select().from(auditLog).where(and(eq(auditLog.entity, 'payment'), eq(auditLog.entityId, paid[0].id)));
    expect(audit).toHaveLength(1);
    expect(audit[0].userId).toBeNull();
    expect(await getSandboxCheckout(checkoutId)).toBeNull();
  });

  it(`the same webhook delivered 5 times ${onPostgres ? 'concurrently' : 'in a row'} records one event and one payment`, async () => {
    const { checkoutId, row, inv } = await checkoutFor(4);
    const event = buildSandboxEvent(row, 'APPROVED');
    const at = new Date();
    const responses = onPostgres ? await Promise.all(Array.from({ length: 5 }, () => deliver(event, at))) : await (async () => {
      const list: Response[] = [];
      for (let i = 0; i < 5; i++) list.push(await deliver(event, at));
      return list;
    })();
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(bodies.filter((b) => b.duplicate)).toHaveLength(4);
    expect(await paymentsOfCheckout(checkoutId)).toHaveLength(1);
    expect(await eventRows(event.id)).toHaveLength(1);
    expect(await invoice(inv.id)).toMatchObject({ status: 'PAID' });
  });

  it.runIf(onPostgres)('5 different approval events of one checkout at once: still one payment (checkout lock + idempotency key)', async () => {
    const { checkoutId, row } = await checkoutFor(9);
    const responses = await Promise.all(Array.from({ length: 5 }, () => deliver(buildSandboxEvent(row, 'APPROVED'))));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const results = (await Promise.all(responses.map((r) => r.json()))).map((b) => b.result as string);
    expect(results.filter((r) => r.startsWith('pagado'))).toHaveLength(1);
    expect(await paymentsOfCheckout(checkoutId)).toHaveLength(1);
  });

  it('another approval event for an approved checkout pays nothing more', async () => {
    const { checkoutId, row } = await checkoutFor(5);
    await deliver(buildSandboxEvent(row, 'APPROVED'));
    const second = buildSandboxEvent(row, 'APPROVED');
    const res = await deliver(second);
    expect(res.status).toBe(200);
    expect((await res.json()).result).toMatch(/ya aprobado/);
    expect(await paymentsOfCheckout(checkoutId)).toHaveLength(1);
  });

  it('a decline after an approval changes nothing', async () => {
    const { checkoutId, row, inv } = await checkoutFor(6);
    await deliver(buildSandboxEvent(row, 'APPROVED'));
    const [payment] = await paymentsOfCheckout(checkoutId);
    const res = await deliver(buildSandboxEvent(row, 'DECLINED'));
    expect(res.status).toBe(200);
    expect((await res.json()).result).toMatch(/no deshace/);
    expect(await checkoutRow(checkoutId)).toMatchObject({ status: 'APPROVED', paymentId: payment.id });
    expect(await paymentsOfCheckout(checkoutId)).toEqual([payment]);
    expect(await invoice(inv.id)).toMatchObject({ status: 'PAID' });
  });

  it('a decline marks the checkout DECLINED; a late approval is recorded for review and pays nothing', async () => {
    const { checkoutId, row, inv } = await checkoutFor(7);
    const declined = await deliver(buildSandboxEvent(row, 'DECLINED'));
    expect((await declined.json()).result).toBe('rechazado');
    expect(await checkoutRow(checkoutId)).toMatchObject({ status: 'DECLINED', paymentId: null });
    const late = buildSandboxEvent(row, 'APPROVED');
    const res = await deliver(late);
    expect(res.status).toBe(200);
    expect((await eventRows(late.id))[0].result).toMatch(/^aprobación tardía ignorada/);
    expect(await paymentsOfCheckout(checkoutId)).toHaveLength(0);
    expect(await checkoutRow(checkoutId)).toMatchObject({ status: 'DECLINED', paymentId: null, message: expect.stringMatching(/Aprobación tardía/) });
    expect(await invoice(inv.id)).toEqual({ status: inv.status, balance: inv.balance });
  });

  it('a bad signature, a tampered body or a stale timestamp answers 400 and records nothing', async () => {
    const { checkoutId, row, inv } = await checkoutFor(8);
    const event = buildSandboxEvent(row, 'APPROVED');
    const before = await eventCount();
    const { body, headers } = signedSandboxDelivery(event);
    const wrongSecret = signedSandboxDelivery(event, new Date(), 'another-secret-0123456789');
    const cases = [
      await post(body, wrongSecret.headers),
      await post(body.replace(row.amount, '0.01'), headers),
      await post(body, { 'content-type': 'application/json' }),
      await deliver(event, new Date(Date.now() - 301_000)),
      await deliver(event, new Date(Date.now() + 301_000)),
    ];
    expect(cases.map((r) => r.status)).toEqual([400, 400, 400, 400, 400]);
    expect(await eventCount()).toBe(before);
    expect(await paymentsOfCheckout(checkoutId)).toHaveLength(0);
    expect(await invoice(inv.id)).toEqual({ status: inv.status, balance: inv.balance });
    // Signed 299 s ago it is still fresh.
    expect((await deliver(event, new Date(Date.now() - 299_000))).status).toBe(200);
    expect(await paymentsOfCheckout(checkoutId)).toHaveLength(1);
  });

  it('an event for an unknown checkout is recorded and answered 200; an unknown provider is 404', async () => {
    const event = buildSandboxEvent({ id: '00000000-0000-4000-8000-000000000001', amount: '1.00', currency: 'DOP' }, 'APPROVED');
    const res = await deliver(event);
    expect(res.status).toBe(200);
    expect((await eventRows(event.id))[0].result).toMatch(/desconocido/);
    const { body, headers } = signedSandboxDelivery(event);
    expect((await post(body, headers, 'paypal')).status).toBe(404);
  });
});
