import { createHash, randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { accountGroups, accounts, agreements, auditLog, customers, delinquencyLevels, emailOutbox, invoices, meterReadings, paymentCheckouts, portalInvitations, users } from '@/db/schema';
import { findUserByEmail } from '@/db/queries/users';
import { seedDemo } from '@/db/seed';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import { verifyPassword } from '@/lib/auth/password';
import type { Actor } from '@/lib/auth/scope';
import { executeRun } from '@/lib/billing/engine';
import { createRun } from '@/lib/billing/runs';
import { buildSandboxEvent, signedSandboxDelivery } from '@/lib/collections/gateway/sandbox';
import { processWebhook } from '@/lib/dal/checkouts';
import { getPortalCheckout, portalCustomer, portalPaymentForm, startPortalCheckout } from '@/lib/dal/portal';
import { getPortalAgreement, listPortalAgreements, searchPortalAccounts } from '@/lib/dal/portal-agreements';
import { getPortalHome } from '@/lib/dal/portal-home';
import { acceptPortalInvitation, getInvitationForToken, getPortalProfile, invitePortalUser, revokePortalInvitation, updatePortalAgreementContact, updatePortalGroupDelivery } from '@/lib/dal/portal-profile';
import { fromCents, toCents } from '@/lib/domain/money';
import { actorFor } from '../support/actors';
import { createTestDatabase } from '../support/db';

// The server actions read the session through Auth.js and the request's headers; here both are ours.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock('@/lib/auth/auth', () => ({ auth: async () => session.current, signIn: vi.fn(async () => undefined), signOut: vi.fn() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ host: 'cauce.test', 'x-forwarded-proto': 'https' }) }));

const { updateAgreementContactAction, revokeInvitationAction, acceptInvitationAction } = await import('@/lib/actions/portal-profile');
const { startPortalCheckoutAction } = await import('@/app/(portal)/portal/pagar/actions');

/**
 * The portal's home, agreements and accounts, pay online and profile (issue 7), with the isolation
 * matrix: cliente@ (GC-000001, client administrator) against cliente2@ (GC-000002). Both customers'
 * active agreements are billed for two periods; readings of 2026-05 are entered by hand so the
 * consumption chart has a known value.
 */
const ORIGIN = 'https://cauce.test';
const NOW = new Date('2026-08-20T15:00:00Z'); // 2026-08-20 in Santo Domingo
const TODAY = '2026-08-20';
const M3_CLIENT = 10;
const M3_CLIENT2 = 1000;

let h: DatabaseHandle;
let client: Actor;
let client2: Actor;
let staff: Actor;
let admin: Actor;
let ownAgreement: string; // cliente@'s DOP agreement with groups and open invoices
let otherAgreement: string; // cliente2@'s agreement with open invoices
let ownInvoice: string;
let otherInvoice: string;
let ownMetered: number;

const agreementsOf = (customerId: string) => h.db.select({ id: agreements.id }).from(agreements).where(eq(agreements.customerId, customerId));
const openOf = (where: ReturnType<typeof and>) =>
  h.db
    .select({ id: invoices.id, agreementId: invoices.agreementId, currency: invoices.currency, dueDate: invoices.dueDate, balance: invoices.balance })
    .from(invoices)
    .where(and(where, inArray(invoices.status, ['ISSUED', 'PARTIALLY_PAID']), inArray(invoices.docType, ['INVOICE', 'DEBIT_NOTE']), sql`${invoices.balance} > 0`))
    .orderBy(asc(invoices.dueDate), asc(invoices.id));

/** The error a promise rejects with (fails the test if it resolves). */
async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}
async function notFoundMessage(p: Promise<unknown>) {
  const err = await failure(p);
  expect(err).toBeInstanceOf(NotFoundError);
  return err.message;
}

async function signInAs(actor: Actor | null) {
  session.current = actor ? { user: { id: actor.id } } : null;
}
const digest = (p: Promise<unknown>) => p.then(() => 'resolved', (e: { digest?: string }) => e.digest ?? String(e));

beforeAll(async () => {
  h = await createTestDatabase();
  await seedDemo(h);
  [client, client2, staff, admin] = await Promise.all(['cliente@cauce.example', 'cliente2@cauce.example', 'sucursal@cauce.example', 'admin@cauce.example'].map(actorFor));
  const mine = (await agreementsOf(client.customerId!)).map((a) => a.id);
  const theirs = (await agreementsOf(client2.customerId!)).map((a) => a.id);
  // Readings of 2026-05 for every metered account of both customers: 10 m³ each for cliente@, 1 000 for cliente2@.
  for (const [ids, m3] of [
    [mine, M3_CLIENT],
    [theirs, M3_CLIENT2],
  ] as const) {
    const metered = await h.db.select({ id: accounts.id }).from(accounts).where(and(inArray(accounts.agreementId, [...ids]), isNotNull(accounts.meterNumber)));
    if (m3 === M3_CLIENT) ownMetered = metered.length;
    await h.db.insert(meterReadings).values(metered.map((a) => ({ accountId: a.id, period: '2026-05', readingDate: '2026-05-28', value: 100 + m3, consumption: m3 })));
  }
  for (const [period, issueDate] of [
    ['2026-06', '2026-07-01'],
    ['2026-07', '2026-08-03'],
  ]) {
    const run = await createRun(h.db, null, { mode: 'RUN', period, issueDate, agreementIds: [...mine, ...theirs] });
    expect((await executeRun(h.db, run.id)).status).toBe('DONE');
  }
  const [own] = await h.db
    .select({ id: agreements.id })
    .from(agreements)
    .where(and(eq(agreements.customerId, client.customerId!), eq(agreements.billingMode, 'PER_GROUP'), eq(agreements.status, 'ACTIVE')));
  ownAgreement = own.id;
  ownInvoice = (await openOf(eq(invoices.agreementId, ownAgreement)))[0].id;
  const [theirOpen] = await openOf(eq(invoices.customerId, client2.customerId!));
  otherAgreement = theirOpen.agreementId;
  otherInvoice = theirOpen.id;
}, 240_000);
afterAll(() => h?.close());
beforeEach(() => signInAs(null));

describe('portal functions are for CLIENT users only', () => {
  it('staff and administrators get Forbidden from every portal loader and write, whatever customer id they carry', async () => {
    const forged = { ...staff, customerId: client.customerId };
    for (const actor of [staff, admin, forged, { ...client, customerId: null }]) {
      const calls: Promise<unknown>[] = [
        portalCustomer(actor),
        getPortalHome(actor, h.db, NOW),
        listPortalAgreements(actor),
        getPortalAgreement(actor, ownAgreement),
        searchPortalAccounts(actor, 'CT-'),
        portalPaymentForm(actor, { invoiceId: ownInvoice }),
        startPortalCheckout(actor, { agreementId: ownAgreement, invoiceIds: [ownInvoice] }, { origin: ORIGIN }),
        getPortalCheckout(actor, randomUUID()),
        getPortalProfile(actor),
        updatePortalAgreementContact(actor, ownAgreement, { email: 'x@example.com' }),
        updatePortalGroupDelivery(actor, randomUUID(), { email: null, deliveryAddress: null }),
        invitePortalUser(actor, { name: 'Nadie Nadie', email: 'nadie@example.com' }, { origin: ORIGIN }),
        revokePortalInvitation(actor, randomUUID()),
      ];
      for (const call of calls) expect(await failure(call)).toBeInstanceOf(ForbiddenError);
    }
  });
});

describe('home', () => {
  it('balance due and overdue part per currency are exactly the customer\'s open invoices', async () => {
    const home = await getPortalHome(client, h.db, NOW);
    const open = await openOf(eq(invoices.customerId, client.customerId!));
    expect(open.length).toBeGreaterThan(0);
    const sum = (rows: typeof open) => fromCents(rows.reduce((n, r) => n + toCents(r.balance), 0n));
    const currencies = [...new Set(open.map((r) => r.currency))];
    expect(home.byCurrency.map((c) => c.currency).sort()).toEqual(currencies.sort());
    for (const c of home.byCurrency) {
      const mine = open.filter((r) => r.currency === c.currency);
      expect(c.balanceDue).toBe(sum(mine));
      expect(c.overdue).toBe(sum(mine.filter((r) => r.dueDate! < TODAY)));
      expect(c.openCount).toBe(mine.length);
    }
    // Next due: the earliest due date from today on, if any.
    const upcoming = open.map((r) => r.dueDate!).filter((d) => d >= TODAY).sort();
    expect(home.nextDue?.date ?? null).toBe(upcoming[0] ?? null);
    expect(home.hasInvoices).toBe(true);
    // cliente2@'s figures are its own: no currency total equals cliente@'s by accident of sharing rows.
    const other = await getPortalHome(client2, h.db, NOW);
    const otherOpen = await openOf(eq(invoices.customerId, client2.customerId!));
    for (const c of other.byCurrency) expect(c.balanceDue).toBe(sum(otherOpen.filter((r) => r.currency === c.currency)));
  });

  it('consumption: 12 periods ending at the last period read, summed over the customer\'s accounts only', async () => {
    const home = await getPortalHome(client, h.db, NOW);
    expect(home.consumption).toHaveLength(12);
    expect(home.consumption!.at(-1)!.period).toBe('2026-07');
    expect(home.consumption![0].period).toBe('2025-08');
    // 2026-05: 10 m³ per metered account of cliente@ (cliente2@'s 1 000 m³ readings are not added).
    expect(home.consumption!.find((p) => p.period === '2026-05')).toEqual({ period: '2026-05', m3: M3_CLIENT * ownMetered, estimated: false });
    expect(home.consumption!.find((p) => p.period === '2026-04')!.m3).toBeNull();
    // The billed periods were estimated by the run (no reading entered).
    expect(home.consumption!.find((p) => p.period === '2026-06')!.estimated).toBe(true);
  });

  it('delinquency: the level\'s banner shows only to the customer whose agreement is at a PORTAL_BANNER level', async () => {
    const level = (await h.db.select().from(delinquencyLevels)).find((l) => l.actions.includes('PORTAL_BANNER'))!;
    expect(level?.bannerText).toBeTruthy();
    await h.db.update(agreements).set({ delinquencyStatus: 'DELINQUENT', delinquencyLevelId: level.id, delinquencySince: '2026-08-01' }).where(eq(agreements.id, ownAgreement));
    const home = await getPortalHome(client, h.db, NOW);
    const row = home.agreements.find((a) => a.id === ownAgreement)!;
    expect(row).toMatchObject({ delinquencyStatus: 'DELINQUENT', levelName: level.name, banner: level.bannerText });
    expect((await getPortalAgreement(client, ownAgreement)).banner).toBe(level.bannerText);
    const other = await getPortalHome(client2, h.db, NOW);
    expect(other.agreements.some((a) => a.id === ownAgreement)).toBe(false);
    expect(other.agreements.every((a) => a.banner === null)).toBe(true);
    // Exempt: no banner even at the level.
    await h.db.update(agreements).set({ delinquencyExempt: true }).where(eq(agreements.id, ownAgreement));
    expect((await getPortalHome(client, h.db, NOW)).agreements.find((a) => a.id === ownAgreement)!.banner).toBeNull();
    await h.db.update(agreements).set({ delinquencyStatus: 'CURRENT', delinquencyLevelId: null, delinquencySince: null, delinquencyExempt: false }).where(eq(agreements.id, ownAgreement));
  });

  it('a client without invoices gets empty figures, no chart and no payments', async () => {
    // A CLIENT of a demo customer never billed nor read (the actor a user of that customer would have).
    const [bare] = await h.db
      .select({ id: customers.id })
      .from(customers)
      .where(sql`not exists (select 1 from invoices i where i.customer_id = ${customers.id}) and not exists (select 1 from agreements a join accounts ac on ac.agreement_id = a.id join meter_readings m on m.account_id = ac.id where a.customer_id = ${customers.id})`)
      .limit(1);
    const home = await getPortalHome({ ...client, customerId: bare.id }, h.db, NOW);
    expect(home).toMatchObject({ hasInvoices: false, byCurrency: [], nextDue: null, payments: [], consumption: null });
  });
});

describe('agreements and accounts', () => {
  it('lists only the customer\'s agreements', async () => {
    const mine = new Set((await agreementsOf(client.customerId!)).map((a) => a.id));
    const list = await listPortalAgreements(client);
    expect(new Set(list.map((a) => a.id))).toEqual(mine);
    expect((await listPortalAgreements(client2)).some((a) => mine.has(a.id))).toBe(false);
  });

  it('an agreement shows its groups and accounts, and only the fields a client may see', async () => {
    const detail = await getPortalAgreement(client, ownAgreement);
    const groupIds = (await h.db.select({ id: accountGroups.id }).from(accountGroups).where(eq(accountGroups.agreementId, ownAgreement))).map((g) => g.id);
    const accountIds = (await h.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.agreementId, ownAgreement))).map((a) => a.id);
    expect(detail.groups.map((g) => g.id).sort()).toEqual(groupIds.sort());
    expect(detail.accounts.map((a) => a.id).sort()).toEqual(accountIds.sort());
    expect(detail.accounts.every((a) => a.agreementId === ownAgreement && a.tariffCategory)).toBe(true);
    const keys = new Set<string>();
    const collect = (v: unknown) => {
      if (!v || typeof v !== 'object' || v instanceof Date) return;
      for (const [k, x] of Object.entries(v)) {
        keys.add(k);
        collect(x);
      }
    };
    collect(detail);
    for (const internal of ['statusReason', 'notes', 'attributes', 'createdBy', 'instrumentToken', 'customerId', 'workOrders']) expect(keys.has(internal)).toBe(false);
  });

  it('another customer\'s agreement, a guessed id and a malformed id are the same "not found"', async () => {
    const nonexistent = await notFoundMessage(getPortalAgreement(client2, randomUUID()));
    expect(await notFoundMessage(getPortalAgreement(client2, ownAgreement))).toBe(nonexistent);
    expect(await notFoundMessage(getPortalAgreement(client2, 'AC-000001'))).toBe(nonexistent);
    expect(await notFoundMessage(getPortalAgreement(client, otherAgreement))).toBe(nonexistent);
  });

  it('account search finds the customer\'s accounts by number or meter and never another customer\'s', async () => {
    const [acc] = await h.db.select({ number: accounts.number, meter: accounts.meterNumber }).from(accounts).where(and(eq(accounts.agreementId, ownAgreement), isNotNull(accounts.meterNumber))).limit(1);
    expect((await searchPortalAccounts(client, acc.number)).map((a) => a.number)).toContain(acc.number);
    expect((await searchPortalAccounts(client, acc.meter!)).map((a) => a.number)).toEqual([acc.number]);
    expect(await searchPortalAccounts(client2, acc.number)).toEqual([]);
    expect(await searchPortalAccounts(client2, acc.meter!)).toEqual([]);
    // A broad term lists only the caller's accounts.
    const all = await searchPortalAccounts(client2, 'CT-');
    const theirs = new Set((await agreementsOf(client2.customerId!)).map((a) => a.id));
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((a) => theirs.has(a.agreementId))).toBe(true);
  });
});

describe('pay online', () => {
  it('the payment page preselects an own open invoice; another customer\'s invoice or agreement is not found', async () => {
    const form = await portalPaymentForm(client, { invoiceId: ownInvoice }, h.db, NOW);
    expect(form.selected?.agreement.id).toBe(ownAgreement);
    expect(form.preselected).toBe(ownInvoice);
    expect(form.selected!.invoices.every((i) => i.balance !== '0.00')).toBe(true);
    const nonexistent = await notFoundMessage(portalPaymentForm(client2, { invoiceId: randomUUID() }));
    expect(await notFoundMessage(portalPaymentForm(client2, { invoiceId: ownInvoice }))).toBe(nonexistent);
    expect(await notFoundMessage(portalPaymentForm(client2, { agreementId: ownAgreement }))).toBe(nonexistent);
    expect(await notFoundMessage(portalPaymentForm(client2, { invoiceId: 'not-a-uuid' }))).toBe(nonexistent);
    // Only the caller's agreements are offered.
    expect((await portalPaymentForm(client2, {})).agreements.some((a) => a.id === ownAgreement)).toBe(false);
  });

  it('starting a checkout with another customer\'s agreement or invoice, a guessed or a malformed id: not found, nothing created', async () => {
    const before = await h.db.$count(paymentCheckouts);
    const nonexistent = await notFoundMessage(startPortalCheckout(client, { agreementId: randomUUID(), invoiceIds: [ownInvoice] }, { origin: ORIGIN }));
    for (const input of [
      { agreementId: otherAgreement, invoiceIds: [otherInvoice] },
      { agreementId: ownAgreement, invoiceIds: [otherInvoice] },
      { agreementId: ownAgreement, invoiceIds: [ownInvoice, otherInvoice] },
      { agreementId: ownAgreement, invoiceIds: [randomUUID()] },
      { agreementId: ownAgreement, invoiceIds: ['1'] },
      { agreementId: 'AC-000001', invoiceIds: [ownInvoice] },
    ]) {
      expect(await notFoundMessage(startPortalCheckout(client, input, { origin: ORIGIN }))).toBe(nonexistent);
    }
    expect(await notFoundMessage(startPortalCheckout(client2, { agreementId: ownAgreement, invoiceIds: [ownInvoice] }, { origin: ORIGIN }))).toBe(nonexistent);
    expect(await h.db.$count(paymentCheckouts)).toBe(before);
  });

  it('the server action called directly with another customer\'s ids redirects to "not found" and creates nothing', async () => {
    await signInAs(client2);
    const before = await h.db.$count(paymentCheckouts);
    const fd = new FormData();
    fd.set('agreementId', ownAgreement);
    fd.append('invoiceIds[]', ownInvoice);
    expect(await digest(startPortalCheckoutAction(fd))).toMatch(/^NEXT_REDIRECT;.*\/portal\/pagar\?error=no-encontrado/);
    expect(await h.db.$count(paymentCheckouts)).toBe(before);
    await signInAs(staff);
    expect(await digest(startPortalCheckoutAction(fd))).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
  });

  it('a client pays an own invoice: redirected to the sandbox, back to the result page, paid once the webhook lands; the other client cannot see it', async () => {
    await signInAs(client);
    const fd = new FormData();
    fd.set('agreementId', ownAgreement);
    fd.append('invoiceIds[]', ownInvoice);
    const location = await digest(startPortalCheckoutAction(fd));
    const match = /^NEXT_REDIRECT;[^;]*;https:\/\/cauce\.test\/pasarela\/sandbox\/([0-9a-f-]{36});/.exec(location);
    expect(match, location).not.toBeNull();
    const checkoutId = match![1];
    const [row] = await h.db.select().from(paymentCheckouts).where(eq(paymentCheckouts.id, checkoutId));
    expect(row).toMatchObject({ status: 'PENDING', customerId: client.customerId, createdBy: client.id, returnUrl: `/portal/pagar/resultado?checkout=${checkoutId}` });
    expect((await getPortalCheckout(client, checkoutId)).status).toBe('PENDING');

    const { body, headers } = signedSandboxDelivery(buildSandboxEvent(row, 'APPROVED'));
    expect((await processWebhook('sandbox', body, new Headers(headers))).status).toBe(200);
    const result = await getPortalCheckout(client, checkoutId);
    expect(result.status).toBe('APPROVED');
    expect(result.invoices).toEqual([expect.objectContaining({ id: ownInvoice, status: 'PAID', balance: '0.00' })]);
    expect(result.payment?.receiptNumber).toBeTruthy();
    // The home shows the payment to its customer only.
    expect((await getPortalHome(client, h.db, new Date())).payments.map((p) => p.receiptNumber)).toContain(result.payment!.receiptNumber);
    expect((await getPortalHome(client2, h.db, new Date())).payments.map((p) => p.receiptNumber)).not.toContain(result.payment!.receiptNumber);
    // The other client, a guessed id, a malformed id: the same "not found".
    const nonexistent = await notFoundMessage(getPortalCheckout(client2, randomUUID()));
    expect(await notFoundMessage(getPortalCheckout(client2, checkoutId))).toBe(nonexistent);
    expect(await notFoundMessage(getPortalCheckout(client2, 'x'))).toBe(nonexistent);
    // A paid invoice is no longer offered, and starting a checkout with it is refused.
    const form = await portalPaymentForm(client, { invoiceId: ownInvoice });
    expect(form.preselected).toBeNull();
    expect(form.notPayable).not.toBeNull();
    expect(await failure(startPortalCheckout(client, { agreementId: ownAgreement, invoiceIds: [ownInvoice] }, { origin: ORIGIN }))).toBeInstanceOf(UserError);
  });
});

describe('profile: contact and delivery e-mails', () => {
  it('a client updates its agreement\'s contact e-mail, audited with before and after', async () => {
    const [before] = await h.db.select({ email: agreements.email }).from(agreements).where(eq(agreements.id, ownAgreement));
    expect(await updatePortalAgreementContact(client, ownAgreement, { email: 'pagos@alimenticiasdelcibao.example' })).toEqual({ id: ownAgreement, changed: true });
    const [after] = await h.db.select({ email: agreements.email }).from(agreements).where(eq(agreements.id, ownAgreement));
    expect(after.email).toBe('pagos@alimenticiasdelcibao.example');
    const [audit] = await h.db.select().from(auditLog).where(and(eq(auditLog.entity, 'agreement'), eq(auditLog.entityId, ownAgreement), eq(auditLog.userId, client.id)));
    expect(audit).toMatchObject({ action: 'UPDATE', userEmail: client.email, before: { email: before.email }, after: { email: 'pagos@alimenticiasdelcibao.example', via: 'portal' } });
    // The same value again changes nothing and writes no audit row.
    const rows = await h.db.$count(auditLog);
    expect((await updatePortalAgreementContact(client, ownAgreement, { email: 'pagos@alimenticiasdelcibao.example' })).changed).toBe(false);
    expect(await h.db.$count(auditLog)).toBe(rows);
  });

  it('another customer\'s agreement or group (data layer or action called directly): not found, nothing written', async () => {
    const [ownGroup] = await h.db.select({ id: accountGroups.id, email: accountGroups.email }).from(accountGroups).where(eq(accountGroups.agreementId, ownAgreement)).limit(1);
    const [emailBefore] = await h.db.select({ email: agreements.email }).from(agreements).where(eq(agreements.id, ownAgreement));
    const nonexistent = await notFoundMessage(updatePortalAgreementContact(client2, randomUUID(), { email: 'x@example.com' }));
    expect(await notFoundMessage(updatePortalAgreementContact(client2, ownAgreement, { email: 'x@example.com' }))).toBe(nonexistent);
    expect(await notFoundMessage(updatePortalAgreementContact(client2, 'nope', { email: 'x@example.com' }))).toBe(nonexistent);
    const groupMissing = await notFoundMessage(updatePortalGroupDelivery(client2, randomUUID(), { email: 'x@example.com', deliveryAddress: null }));
    expect(await notFoundMessage(updatePortalGroupDelivery(client2, ownGroup.id, { email: 'x@example.com', deliveryAddress: 'Calle Falsa 123' }))).toBe(groupMissing);

    await signInAs(client2);
    const fd = new FormData();
    fd.set('email', 'x@example.com');
    expect(await updateAgreementContactAction(ownAgreement, undefined, fd)).toEqual({ ok: false, error: nonexistent });
    expect((await h.db.select({ email: agreements.email }).from(agreements).where(eq(agreements.id, ownAgreement)))[0].email).toBe(emailBefore.email);
    expect((await h.db.select({ email: accountGroups.email }).from(accountGroups).where(eq(accountGroups.id, ownGroup.id)))[0].email).toBe(ownGroup.email);
  });

  it('the action validates the e-mail (Spanish field error) and a group keeps delivery data the client sets', async () => {
    await signInAs(client);
    const fd = new FormData();
    fd.set('email', 'no es un correo');
    expect(await updateAgreementContactAction(ownAgreement, undefined, fd)).toMatchObject({ ok: false, fieldErrors: { email: ['Correo electrónico no válido.'] } });
    const [group] = await h.db.select({ id: accountGroups.id }).from(accountGroups).where(eq(accountGroups.agreementId, ownAgreement)).limit(1);
    await updatePortalGroupDelivery(client, group.id, { email: 'nave@alimenticiasdelcibao.example', deliveryAddress: 'Portón 3, recepción' });
    expect((await h.db.select({ email: accountGroups.email, deliveryAddress: accountGroups.deliveryAddress }).from(accountGroups).where(eq(accountGroups.id, group.id)))[0]).toEqual({ email: 'nave@alimenticiasdelcibao.example', deliveryAddress: 'Portón 3, recepción' });
    const [audit] = await h.db.select().from(auditLog).where(and(eq(auditLog.entity, 'account_group'), eq(auditLog.entityId, group.id), eq(auditLog.userId, client.id)));
    expect(audit.after).toMatchObject({ email: 'nave@alimenticiasdelcibao.example', deliveryAddress: 'Portón 3, recepción' });
  });
});

describe('profile: users and invitations', () => {
  const tokenOf = (link: string) => link.slice(link.lastIndexOf('/') + 1);
  const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

  it('only a client administrator invites; the invitation stores the token\'s SHA-256, expires in 7 days and is queued by e-mail', async () => {
    expect(await failure(invitePortalUser(client2, { name: 'Ana Pérez', email: 'ana@cerveceria.example' }, { origin: ORIGIN }))).toBeInstanceOf(ForbiddenError);
    expect((await getPortalProfile(client2)).admin).toBeNull();
    const created = await invitePortalUser(client, { name: 'Pedro Almánzar', email: 'pedro@alimenticiasdelcibao.example' }, { origin: ORIGIN }, h.db, NOW);
    expect(created.link).toMatch(/^https:\/\/cauce\.test\/invitacion\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(created.link);
    const [row] = await h.db.select().from(portalInvitations).where(eq(portalInvitations.id, created.id));
    expect(row).toMatchObject({ customerId: client.customerId, email: 'pedro@alimenticiasdelcibao.example', invitedBy: client.id, tokenHash: sha256(token), acceptedAt: null, revokedAt: null });
    expect(row.tokenHash).not.toContain(token);
    expect(row.expiresAt.getTime() - NOW.getTime()).toBe(7 * 86_400_000);
    const [mail] = await h.db.select().from(emailOutbox).where(and(eq(emailOutbox.relatedEntity, 'portal_invitation'), eq(emailOutbox.relatedId, created.id)));
    expect(mail.to).toBe('pedro@alimenticiasdelcibao.example');
    expect(mail.text).toContain(created.link);
    const profile = await getPortalProfile(client, h.db, NOW);
    expect(profile.admin?.invitations.find((i) => i.id === created.id)?.state).toBe('PENDING');
    expect(profile.admin?.users.map((u) => u.email)).toEqual(['cliente@cauce.example']);
  });

  it('a colleague who already uses the portal cannot be invited; a new invitation to the same e-mail replaces the pending one', async () => {
    expect(await failure(invitePortalUser(client, { name: 'Laura Méndez', email: 'CLIENTE@cauce.example'.toLowerCase() }, { origin: ORIGIN }))).toBeInstanceOf(UserError);
    const first = await invitePortalUser(client, { name: 'Rosa Núñez', email: 'rosa@alimenticiasdelcibao.example' }, { origin: ORIGIN });
    const second = await invitePortalUser(client, { name: 'Rosa Núñez', email: 'rosa@alimenticiasdelcibao.example' }, { origin: ORIGIN });
    expect((await getInvitationForToken(tokenOf(first.link)))?.state).toBe('REVOKED');
    expect((await getInvitationForToken(tokenOf(second.link)))?.state).toBe('PENDING');
  });

  it('revoking: another customer\'s invitation is not found (even for its administrator), a non-admin is refused, the own one is revoked and audited', async () => {
    const created = await invitePortalUser(client, { name: 'Julio Tavárez', email: 'julio@alimenticiasdelcibao.example' }, { origin: ORIGIN });
    expect(await failure(revokePortalInvitation(client2, created.id))).toBeInstanceOf(ForbiddenError);
    await h.db.update(users).set({ clientAdmin: true }).where(eq(users.id, client2.id));
    try {
      const nonexistent = await notFoundMessage(revokePortalInvitation(client2, randomUUID()));
      expect(await notFoundMessage(revokePortalInvitation(client2, created.id))).toBe(nonexistent);
      expect(await notFoundMessage(revokePortalInvitation(client2, 'x'))).toBe(nonexistent);
      await signInAs(client2);
      expect(await revokeInvitationAction(created.id, undefined, new FormData())).toEqual({ ok: false, error: nonexistent });
      expect((await getPortalProfile(client2)).admin?.invitations.some((i) => i.id === created.id)).toBe(false);
    } finally {
      await h.db.update(users).set({ clientAdmin: false }).where(eq(users.id, client2.id));
    }
    expect((await getInvitationForToken(tokenOf(created.link)))?.state).toBe('PENDING');
    await signInAs(client);
    expect(await revokeInvitationAction(created.id, undefined, new FormData())).toMatchObject({ ok: true, message: 'Invitación revocada.' });
    expect((await getInvitationForToken(tokenOf(created.link)))?.state).toBe('REVOKED');
    const audit = await h.db.select().from(auditLog).where(and(eq(auditLog.entity, 'portal_invitation'), eq(auditLog.entityId, created.id)));
    expect(audit.map((a) => a.action).sort()).toEqual(['CREATE', 'STATUS_CHANGE']);
    // Revoked: accepting changes nothing.
    expect(await failure(acceptPortalInvitation(tokenOf(created.link), { password: 'Segura.2026x' }))).toMatchObject({ message: expect.stringMatching(/revocada/) });
    expect(await findUserByEmail(h.db, 'julio@alimenticiasdelcibao.example')).toBeUndefined();
  });

  it('accepting: the invitee sets a password and becomes a CLIENT user of that customer; the link then cannot be reused', async () => {
    const created = await invitePortalUser(client, { name: 'Carmen Rosario', email: 'carmen@alimenticiasdelcibao.example' }, { origin: ORIGIN });
    const token = tokenOf(created.link);
    expect(await getInvitationForToken(token)).toMatchObject({ state: 'PENDING', name: 'Carmen Rosario', email: 'carmen@alimenticiasdelcibao.example', customerName: 'Industrias Alimenticias del Cibao, S.A.', problem: null });
    // The policy applies: too short → a field error, nothing created.
    expect(await failure(acceptPortalInvitation(token, { password: 'corta1' }))).toMatchObject({ fieldErrors: { password: [expect.stringMatching(/10 caracteres/)] } });
    // Through the page's action (signIn is mocked here): the user is created.
    const fd = new FormData();
    fd.set('password', 'Cauce.Portal2026');
    fd.set('passwordConfirm', 'Cauce.Portal2026');
    expect(await acceptInvitationAction(token, undefined, fd)).toMatchObject({ ok: true, data: { email: 'carmen@alimenticiasdelcibao.example' } });
    const user = await findUserByEmail(h.db, 'carmen@alimenticiasdelcibao.example');
    expect(user).toMatchObject({ role: 'CLIENT', customerId: client.customerId, clientAdmin: false, active: true, name: 'Carmen Rosario' });
    expect(await verifyPassword(user!.passwordHash, 'Cauce.Portal2026')).toBe(true);
    const [inv] = await h.db.select().from(portalInvitations).where(eq(portalInvitations.id, created.id));
    expect(inv.acceptedUserId).toBe(user!.id);
    // The new user sees the company's portal, and only it.
    const carmen = await actorFor('carmen@alimenticiasdelcibao.example');
    expect((await portalCustomer(carmen)).customer.id).toBe(client.customerId);
    expect(await failure(invitePortalUser(carmen, { name: 'Otra Persona', email: 'otra@example.com' }, { origin: ORIGIN }))).toBeInstanceOf(ForbiddenError);
    // Reused: refused, no second user.
    expect(await failure(acceptPortalInvitation(token, { password: 'Otra.Clave2026' }))).toMatchObject({ message: expect.stringMatching(/ya fue usada/) });
    expect((await getInvitationForToken(token))?.state).toBe('ACCEPTED');
    expect(await h.db.$count(users, eq(users.email, 'carmen@alimenticiasdelcibao.example'))).toBe(1);
    // Mismatched confirmation: a field error from the action.
    const bad = new FormData();
    bad.set('password', 'Cauce.Portal2026');
    bad.set('passwordConfirm', 'otra');
    expect(await acceptInvitationAction(token, undefined, bad)).toMatchObject({ ok: false, fieldErrors: { passwordConfirm: ['Las contraseñas no coinciden.'] } });
  });

  it('an expired invitation creates nothing; an unknown or malformed token is "not valid"', async () => {
    const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000);
    const created = await invitePortalUser(client, { name: 'Tomás Vargas', email: 'tomas@alimenticiasdelcibao.example' }, { origin: ORIGIN }, h.db, eightDaysAgo);
    const token = tokenOf(created.link);
    expect(await getInvitationForToken(token)).toMatchObject({ state: 'EXPIRED', problem: expect.stringMatching(/venció/) });
    expect(await failure(acceptPortalInvitation(token, { password: 'Cauce.Portal2026' }))).toMatchObject({ message: expect.stringMatching(/venció/) });
    expect(await findUserByEmail(h.db, 'tomas@alimenticiasdelcibao.example')).toBeUndefined();
    expect(await getInvitationForToken('A'.repeat(43))).toBeNull();
    expect(await getInvitationForToken('../etc/passwd')).toBeNull();
    expect(await failure(acceptPortalInvitation('A'.repeat(43), { password: 'Cauce.Portal2026' }))).toBeInstanceOf(NotFoundError);
  });

  it('an e-mail already registered (another company\'s user) is told on accepting, in Spanish, and nothing is created', async () => {
    const created = await invitePortalUser(client, { name: 'Héctor Almonte', email: 'cliente2@cauce.example' }, { origin: ORIGIN });
    const usersBefore = await h.db.$count(users);
    const err = await failure(acceptPortalInvitation(tokenOf(created.link), { password: 'Cauce.Portal2026' }));
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toMatch(/^Ya existe un usuario con ese correo electrónico\./);
    expect(await h.db.$count(users)).toBe(usersBefore);
    expect((await getInvitationForToken(tokenOf(created.link)))?.state).toBe('PENDING');
    expect((await findUserByEmail(h.db, 'cliente2@cauce.example'))?.customerId).toBe(client2.customerId);
  });
});
