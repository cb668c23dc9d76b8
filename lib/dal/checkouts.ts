import 'server-only';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { getDb, type Db, type DbOrTx } from '@/db/client';
import { recordAudit } from '@/db/queries/audit';
import * as q from '@/db/queries/checkouts';
import { getCompany } from '@/db/queries/organization';
import { findPayment } from '@/db/queries/payments';
import { isProviderName, providerByName, configuredProvider } from '@/lib/collections/gateway/registry';
import { ProviderNotConfiguredError, WebhookVerificationError, type GatewayEvent, type ProviderName } from '@/lib/collections/gateway/types';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import { can } from '@/lib/auth/roles';
import { branchScope, inBranchScope, type Actor } from '@/lib/auth/scope';
import { toLocalDateString } from '@/lib/domain/format';
import { fromCents, toCents } from '@/lib/domain/money';
import { acceptsPayment } from '@/lib/domain/collections/allocation';
import { recomputeAgreementDelinquency } from '@/lib/collections/delinquency-run';
import { isUuid } from './customers';
import { registerPaymentAsSystem } from './payments';

/**
 * Online checkouts through the payment gateway (issue 6).
 *
 * Starting one (startCheckout): branch staff with payments.write for agreements of their branches,
 * or a CLIENT (portal.use) for agreements of the session's customer — anything else is "not
 * found". The amount is the sum of the chosen open invoices' balances; it expires in 30 minutes.
 *
 * Confirming one (processWebhook): only a verified delivery (the provider's signature and 5-minute
 * tolerance) is recorded, once per (provider, event id), and processed in the SAME transaction:
 *
 *  1. A duplicate event id (a redelivery, even concurrent) answers 200 and does nothing.
 *  2. APPROVED on a PENDING checkout → one payment (idempotency key `checkout:<id>`, channel
 *     GATEWAY, method CARD, the checkout's invoices and amount), checkout APPROVED with its payment.
 *     The clock is not consulted: the provider only approves while its own session is open (our
 *     hosted page refuses an expired checkout; Stripe's session expires with it).
 *  3. APPROVED on an APPROVED checkout (another event id) → nothing: the checkout lock and the
 *     idempotency key give the same single payment.
 *  4. APPROVED on a DECLINED or EXPIRED checkout → nothing is paid; the event's result and the
 *     checkout's message say "late approval, review". The payer was already told it failed and may
 *     have paid by another channel, so money is not applied behind their back: staff register it
 *     (or refund it at the provider) after checking.
 *  5. DECLINED on a PENDING checkout → DECLINED. DECLINED on an APPROVED checkout → nothing: a
 *     decline never undoes a payment (a refund is a reversal at the desk, with its reason).
 *  6. PENDING outcomes (informational events) and events of unknown checkouts are recorded with
 *     their result and answered 200, so the provider stops resending them.
 */
export const CHECKOUT_TTL_MS = 30 * 60_000;

const checkoutNotFound = () => new NotFoundError('No se encontró el pago en línea.');
const agreementNotFound = () => new NotFoundError('No se encontró el acuerdo.');

export const startCheckoutSchema = z.object({
  agreementId: z.uuid({ error: 'Seleccione el acuerdo.' }),
  invoiceIds: z.array(z.uuid({ error: 'Factura no válida.' }), { error: 'Elija al menos una factura.' }).min(1, { error: 'Elija al menos una factura.' }).max(50, { error: 'Elija como máximo 50 facturas.' }),
  // A path inside the app (never another site): the checkout id is added to it.
  returnUrl: z.string().regex(/^\/(?![/\\])[^\s\\]*$/, { error: 'Dirección de regreso no válida.' }).max(300),
});
export type StartCheckoutInput = z.input<typeof startCheckoutSchema>;

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
    throw new UserError(Object.values(fieldErrors).flat()[0] ?? 'Datos no válidos.', fieldErrors);
  }
  return parsed.data;
}

/** May the actor pay (or look at a checkout of) this agreement? Staff by branch, clients by customer. */
function mayUseAgreement(actor: Actor, agreement: { branchId: string; customerId: string }, staffPermission: 'payments.write' | 'payments.read') {
  if (can(actor.role, staffPermission)) return inBranchScope(branchScope(actor), agreement.branchId);
  if (can(actor.role, 'portal.use')) return !!actor.customerId && actor.customerId === agreement.customerId;
  return false;
}

function assertMayStart(actor: Actor) {
  if (!can(actor.role, 'payments.write') && !can(actor.role, 'portal.use')) throw new ForbiddenError();
}

function withCheckoutParam(path: string, id: string) {
  return `${path}${path.includes('?') ? '&' : '?'}checkout=${id}`;
}

export type StartedCheckout = { checkoutId: string; redirectUrl: string };

/** Starts a checkout for chosen open invoices of an agreement and returns where to send the payer. */
export async function startCheckout(actor: Actor, input: StartCheckoutInput, opts: { origin: string }, db: Db = getDb(), now = new Date()): Promise<StartedCheckout> {
  assertMayStart(actor);
  const v = parse(startCheckoutSchema, input);
  const agreement = await q.agreementForCheckout(db, v.agreementId);
  if (!agreement || !mayUseAgreement(actor, agreement, 'payments.write')) throw agreementNotFound();
  if (new Set(v.invoiceIds).size !== v.invoiceIds.length) throw new UserError('Una factura está elegida dos veces.');
  const rows = await q.checkoutInvoices(db, agreement.id, v.invoiceIds);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const chosen = v.invoiceIds.map((id) => byId.get(id));
  if (chosen.some((i) => !i || !acceptsPayment(i) || i.currency !== agreement.currency)) {
    throw new UserError('Una de las facturas elegidas no está pendiente de pago.', { invoiceIds: ['Una de las facturas elegidas no está pendiente de pago.'] });
  }
  const invoices = chosen as NonNullable<(typeof chosen)[number]>[];
  const amount = fromCents(invoices.reduce((n, i) => n + toCents(i.balance), 0n));
  const provider = configuredProvider();
  const id = randomUUID();
  const returnPath = withCheckoutParam(v.returnUrl, id);
  const expiresAt = new Date(now.getTime() + CHECKOUT_TTL_MS);
  const by = { id: actor.id, email: actor.email };

  await db.transaction(async (tx) => {
    await q.insertCheckout(tx, { id, provider: provider.name, agreementId: agreement.id, customerId: agreement.customerId, invoiceIds: invoices.map((i) => i.id), amount, currency: agreement.currency, returnUrl: returnPath, createdBy: actor.id, expiresAt });
    await recordAudit(tx, by, { entity: 'payment_checkout', entityId: id, action: 'CREATE', after: { provider: provider.name, agreementId: agreement.id, invoiceIds: invoices.map((i) => i.id), amount, currency: agreement.currency, expiresAt } });
  });

  try {
    const started = await provider.startCheckout({
      id,
      amount,
      currency: agreement.currency,
      invoiceNumbers: invoices.map((i) => i.fiscalNumber ?? i.id.slice(0, 8)),
      returnUrl: `${opts.origin}${returnPath}`,
      cancelUrl: `${opts.origin}${returnPath}&cancelado=1`,
      expiresAt,
      origin: opts.origin,
    });
    await db.transaction(async (tx) => {
      await q.updateCheckout(tx, id, { providerRef: started.providerRef });
      await recordAudit(tx, by, { entity: 'payment_checkout', entityId: id, action: 'UPDATE', after: { providerRef: started.providerRef } });
    });
    return { checkoutId: id, redirectUrl: started.redirectUrl };
  } catch (err) {
    console.error('[gateway] could not start checkout', id, err);
    const message = err instanceof ProviderNotConfiguredError ? err.message : 'No se pudo iniciar el pago en la pasarela. Intente de nuevo más tarde.';
    await db.transaction(async (tx) => {
      await q.updateCheckout(tx, id, { status: 'DECLINED', message });
      await recordAudit(tx, by, { entity: 'payment_checkout', entityId: id, action: 'STATUS_CHANGE', before: { status: 'PENDING' }, after: { status: 'DECLINED', message } });
    });
    throw new UserError(message);
  }
}

/** How a checkout shows: a PENDING one past its expiry reads as EXPIRED (nothing marks it). */
export function displayStatus(checkout: Pick<q.CheckoutRow, 'status' | 'expiresAt'>, now = new Date()): q.CheckoutStatus {
  return checkout.status === 'PENDING' && checkout.expiresAt.getTime() <= now.getTime() ? 'EXPIRED' : checkout.status;
}

/** A checkout for its result page: staff of its branch (payments.read) or its own CLIENT. */
export async function getCheckout(actor: Actor, checkoutId: string, db: Db = getDb(), now = new Date()) {
  if (!can(actor.role, 'payments.read') && !can(actor.role, 'portal.use')) throw new ForbiddenError();
  if (!isUuid(checkoutId)) throw checkoutNotFound();
  const checkout = await q.findCheckout(db, checkoutId);
  if (!checkout) throw checkoutNotFound();
  const agreement = await q.agreementForCheckout(db, checkout.agreementId);
  if (!agreement || !mayUseAgreement(actor, agreement, 'payments.read')) throw checkoutNotFound();
  const [invoices, payment] = await Promise.all([q.checkoutInvoices(db, agreement.id, checkout.invoiceIds), checkout.paymentId ? findPayment(db, checkout.paymentId) : undefined]);
  return {
    id: checkout.id,
    provider: checkout.provider,
    status: displayStatus(checkout, now),
    amount: checkout.amount,
    currency: checkout.currency,
    message: checkout.message,
    createdAt: checkout.createdAt,
    expiresAt: checkout.expiresAt,
    agreement: { id: agreement.id, code: agreement.code, name: agreement.name, customerName: agreement.customerName },
    invoices: invoices.map((i) => ({ id: i.id, fiscalNumber: i.fiscalNumber, period: i.period, status: i.status, balance: i.balance })),
    payment: payment ? { id: payment.id, receiptNumber: payment.receiptNumber, status: payment.status } : null,
  };
}

/**
 * The sandbox's hosted page: public (the payer is on "the provider's" site), so it shows only what
 * a payment page shows and only for a PENDING, unexpired sandbox checkout; anything else (a guessed
 * id, another provider's, paid, declined, expired) is null → 404.
 */
export async function getSandboxCheckout(checkoutId: string, db: Db = getDb(), now = new Date()) {
  if (!isUuid(checkoutId)) return null;
  const checkout = await q.findCheckout(db, checkoutId);
  if (!checkout || checkout.provider !== 'sandbox' || displayStatus(checkout, now) !== 'PENDING') return null;
  const [company, invoices] = await Promise.all([getCompany(db), q.checkoutInvoices(db, checkout.agreementId, checkout.invoiceIds)]);
  return {
    id: checkout.id,
    amount: checkout.amount,
    currency: checkout.currency,
    merchant: company?.tradeName ?? company?.legalName ?? 'Cauce',
    invoices: invoices.map((i) => ({ fiscalNumber: i.fiscalNumber, period: i.period })),
    returnUrl: checkout.returnUrl,
    expiresAt: checkout.expiresAt,
  };
}

export type WebhookResponse = { status: 200 | 400 | 404; body: Record<string, unknown> };

/** Verifies, records and processes one webhook delivery (see the rules at the top). */
export async function processWebhook(providerName: string, rawBody: string, headers: Headers, db: Db = getDb(), now = new Date()): Promise<WebhookResponse> {
  if (!isProviderName(providerName)) return { status: 404, body: { error: 'Pasarela desconocida.' } };
  let event: GatewayEvent;
  try {
    event = await providerByName(providerName).parseWebhook(rawBody, headers, now);
  } catch (err) {
    if (err instanceof WebhookVerificationError) return { status: 400, body: { error: err.message } };
    if (err instanceof ProviderNotConfiguredError) return { status: 404, body: { error: err.message } };
    throw err;
  }
  const outcome = await db.transaction(async (tx) => {
    const recorded = await q.insertWebhookEvent(tx, { provider: providerName, eventId: event.id, type: event.type, payload: event.payload });
    if (!recorded) return { result: null, paidAgreementId: null };
    const applied = await applyEvent(tx, providerName, event, now);
    await q.setWebhookEventResult(tx, recorded.id, applied.result);
    return applied;
  });
  if (outcome.result === null) return { status: 200, body: { received: true, duplicate: true } };
  // Delinquency follows every payment, once the money has committed (as registerPayment does).
  if (outcome.paidAgreementId) {
    const agreementId = outcome.paidAgreementId;
    await recomputeAgreementDelinquency(db, agreementId, toLocalDateString(now)).catch((err) => console.error(`No se pudo recalcular la morosidad del acuerdo ${agreementId}:`, err));
  }
  return { status: 200, body: { received: true, result: outcome.result } };
}

async function applyEvent(tx: DbOrTx, provider: ProviderName, event: GatewayEvent, now: Date): Promise<{ result: string; paidAgreementId: string | null }> {
  const result = await decideEvent(tx, provider, event, now);
  return typeof result === 'string' ? { result, paidAgreementId: null } : result;
}

async function decideEvent(tx: DbOrTx, provider: ProviderName, event: GatewayEvent, now: Date): Promise<string | { result: string; paidAgreementId: string }> {
  const checkout = event.checkoutId && isUuid(event.checkoutId) ? await q.lockCheckout(tx, event.checkoutId) : event.providerRef ? await q.lockCheckoutByProviderRef(tx, provider, event.providerRef) : undefined;
  if (!checkout || checkout.provider !== provider) return 'ignorado: pago en línea desconocido';
  if (event.providerRef && checkout.providerRef && event.providerRef !== checkout.providerRef) return 'ignorado: la referencia de la pasarela no coincide';
  const audit = (before: unknown, after: unknown) => recordAudit(tx, null, { entity: 'payment_checkout', entityId: checkout.id, action: 'STATUS_CHANGE', before, after: { ...(after as object), event: event.id, provider } });

  if (event.outcome === 'PENDING') return `sin cambios: evento ${event.type} informativo`;

  if (event.outcome === 'APPROVED') {
    if (checkout.status === 'APPROVED') return `sin cambios: ya aprobado (pago ${checkout.paymentId})`;
    if (checkout.status !== 'PENDING') {
      const message = `Aprobación tardía recibida (evento ${event.id}) para un pago ${checkout.status === 'DECLINED' ? 'rechazado' : 'vencido'}: no se aplicó; revise con la pasarela y registre el cobro o devuélvalo.`;
      await q.updateCheckout(tx, checkout.id, { message });
      await audit({ status: checkout.status }, { status: checkout.status, lateApproval: true });
      return `aprobación tardía ignorada: el pago en línea está ${checkout.status}; revisar`;
    }
    const payment = await registerPaymentAsSystem(
      tx,
      {
        idempotencyKey: `checkout:${checkout.id}`,
        agreementId: checkout.agreementId,
        amount: checkout.amount,
        method: 'CARD',
        channel: 'GATEWAY',
        reference: (checkout.providerRef ?? event.id).slice(0, 100),
        paidOn: toLocalDateString(now),
        invoiceIds: checkout.invoiceIds,
        notes: `Pasarela ${provider}, evento ${event.id}`,
      },
      now,
    );
    await q.updateCheckout(tx, checkout.id, { status: 'APPROVED', paymentId: payment.id, message: null });
    await audit({ status: 'PENDING' }, { status: 'APPROVED', paymentId: payment.id, receiptNumber: payment.receiptNumber });
    return { result: `pagado: recibo ${payment.receiptNumber}`, paidAgreementId: checkout.agreementId };
  }

  // DECLINED
  if (checkout.status === 'PENDING') {
    await q.updateCheckout(tx, checkout.id, { status: 'DECLINED', message: 'La pasarela rechazó el pago.' });
    await audit({ status: 'PENDING' }, { status: 'DECLINED' });
    return 'rechazado';
  }
  if (checkout.status === 'APPROVED') return 'sin cambios: un rechazo no deshace un pago aprobado';
  return `sin cambios: ya ${checkout.status}`;
}
