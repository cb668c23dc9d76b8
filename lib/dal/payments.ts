import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Db, type DbOrTx } from '@/db/client';
import { findAgreement } from '@/db/queries/agreements';
import { getCompany, listBranches } from '@/db/queries/organization';
import { recordAudit } from '@/db/queries/audit';
import * as q from '@/db/queries/payments';
import { branches, payments } from '@/db/schema';
import { PAYMENT_STATUSES } from '@/db/schema/collections';
import { PAYMENT_METHOD_VALUES } from '@/db/schema/enums';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import { can, type Permission } from '@/lib/auth/roles';
import { branchScope, inBranchScope, type Actor } from '@/lib/auth/scope';
import { AllocationError, allocatePayment, applyAllocations } from '@/lib/domain/collections/allocation';
import { validDate } from '@/lib/domain/billing/period';
import { toLocalDateString } from '@/lib/domain/format';
import { fromCents, toCents } from '@/lib/domain/money';
import { PAYMENT_METHOD_LABELS } from '@/lib/domain/payment-instrument';
import type { ReceiptPdfData } from '@/lib/pdf/receipt-document';
import { recomputeAgreementDelinquency } from '@/lib/collections/delinquency-run';
import { paymentInputSchema, paymentReversalSchema, type PaymentInput } from '@/lib/validation/payments';
import { isUuid } from './customers';

/**
 * Payments in the data layer (issue 6). Registering needs 'payments.write' and the agreement in
 * the actor's branches; reversing 'payments.reverse'; reading 'payments.read' (another branch's
 * payment is "not found"). Everything that moves money happens in ONE transaction:
 *
 * - Idempotency: the payment row is inserted first with `on conflict (idempotency_key) do
 *   nothing`; a retry (same key, even concurrently: the second insert waits for the first to
 *   commit) finds the existing payment and returns it — one payment, whatever the retries. The same
 *   key with other data is refused.
 * - Allocation: the agreement's open invoices are locked (id order) and the amount is allocated
 *   (lib/domain/collections/allocation.ts: chosen invoices, else oldest due first); invoices move
 *   ISSUED → PARTIALLY_PAID → PAID; what is left is the agreement's credit balance. Concurrent
 *   payments of one agreement queue on the invoice locks, so nothing is ever over-allocated.
 * - Receipt: a gapless number per branch, taken in the same transaction.
 * - Reversal (with a reason, never deletion): the payment's allocations go back to their invoices.
 * One audit row per payment and per reversal.
 */
function assertCan(actor: Actor, permission: Permission) {
  if (!can(actor.role, permission)) throw new ForbiddenError();
}

const agreementNotFound = () => new NotFoundError('No se encontró el acuerdo.');
const paymentNotFound = () => new NotFoundError('No se encontró el pago.');

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
    throw new UserError(Object.values(fieldErrors).flat()[0] ?? 'Datos no válidos.', fieldErrors);
  }
  return parsed.data;
}

export type RegisteredPayment = { id: string; receiptNumber: string; replayed: boolean; applied: string; unapplied: string };

/**
 * Registers a confirmed payment of an agreement and allocates it. `replayed` is true when the
 * idempotency key had already recorded this payment (nothing new was written).
 */
export async function registerPayment(actor: Actor, input: PaymentInput, db: Db = getDb(), now = new Date()): Promise<RegisteredPayment> {
  assertCan(actor, 'payments.write');
  const v = parse(paymentInputSchema, input);
  if (v.paidOn > toLocalDateString(now)) throw new UserError('La fecha del pago no puede ser futura.', { paidOn: ['La fecha del pago no puede ser futura.'] });
  const found = await findAgreement(db, branchScope(actor), v.agreementId);
  if (!found) throw agreementNotFound();
  const result = await db.transaction((tx) => recordPayment(tx, { id: actor.id, email: actor.email }, v, found.agreement));
  if (!result.replayed) await afterPayment(db, found.agreement.id, now);
  return result;
}

/**
 * Delinquency follows every payment and reversal (issue 6): the agreement is recomputed for today
 * once the money has committed. A failure there never undoes the payment; the daily run catches up.
 */
async function afterPayment(db: Db, agreementId: string, now: Date) {
  try {
    await recomputeAgreementDelinquency(db, agreementId, toLocalDateString(now));
  } catch (err) {
    console.error(`No se pudo recalcular la morosidad del acuerdo ${agreementId}:`, err);
  }
}

/**
 * The system's entry (the payment gateway's verified webhook): no user and no branch scope — the
 * signature authorised it — and it runs inside the CALLER's transaction, so the webhook event, the
 * checkout and the payment commit together. Same code path as registerPayment; audited with no
 * user (a system write, like the seed's). Chosen invoices that are no longer open (paid meanwhile
 * at the desk) are dropped rather than refusing money already taken: the amount then goes oldest
 * due first, and any rest stays as the agreement's credit.
 */
export async function registerPaymentAsSystem(tx: DbOrTx, input: PaymentInput, now = new Date()): Promise<RegisteredPayment> {
  const v = parse(paymentInputSchema, input);
  if (v.paidOn > toLocalDateString(now)) throw new UserError('La fecha del pago no puede ser futura.');
  const found = await findAgreement(tx, { all: true }, v.agreementId);
  if (!found) throw agreementNotFound();
  return recordPayment(tx, null, v, found.agreement, { dropClosedChosen: true });
}

type ParsedPayment = z.output<typeof paymentInputSchema>;
type AgreementRow = NonNullable<Awaited<ReturnType<typeof findAgreement>>>['agreement'];

async function recordPayment(tx: DbOrTx, by: { id: string; email: string } | null, v: ParsedPayment, agreement: AgreementRow, opts: { dropClosedChosen?: boolean } = {}): Promise<RegisteredPayment> {
  try {
    const [branch] = await tx.select({ code: branches.code }).from(branches).where(eq(branches.id, agreement.branchId));
    const amount = fromCents(toCents(v.amount));
    const inserted = await q.insertPayment(tx, {
      idempotencyKey: v.idempotencyKey,
      agreementId: agreement.id,
      customerId: agreement.customerId,
      branchId: agreement.branchId,
      amount,
      currency: agreement.currency,
      method: v.method,
      channel: v.channel,
      status: 'CONFIRMED',
      paymentEntityId: v.paymentEntityId,
      reference: v.reference,
      paidOn: v.paidOn,
      notes: v.notes,
      createdBy: by?.id ?? null,
    });
    if (!inserted) return replay(tx, v.idempotencyKey, agreement.id, amount);
    const open = (await q.lockOpenInvoices(tx, agreement.id, agreement.currency)).map((i) => ({ ...i, fiscalNumber: i.fiscalNumber ?? '', issueDate: i.issueDate ?? '', dueDate: i.dueDate ?? i.issueDate ?? '' }));
    const chosen = opts.dropClosedChosen ? v.invoiceIds?.filter((id) => open.some((i) => i.id === id && toCents(i.balance) > 0n)) : v.invoiceIds;
    const result = allocatePayment(amount, agreement.currency, open, chosen);
    await q.setInvoiceBalances(tx, applyAllocations(open, result.allocations, 'pay'));
    await q.insertAllocations(tx, inserted.id, result.allocations);
    const receiptNumber = await q.nextReceiptNumber(tx, agreement.branchId, branch.code);
    const [payment] = await tx
      .update(payments)
      .set({ applied: result.applied, unapplied: result.unapplied, receiptNumber })
      .where(eq(payments.id, inserted.id))
      .returning();
    await recordAudit(tx, by, {
      entity: 'payment',
      entityId: payment.id,
      action: 'CREATE',
      after: { receiptNumber, agreementId: agreement.id, amount, currency: payment.currency, method: payment.method, channel: payment.channel, paidOn: payment.paidOn, reference: payment.reference, allocations: result.allocations, unapplied: result.unapplied },
    });
    return { id: payment.id, receiptNumber, replayed: false, applied: result.applied, unapplied: result.unapplied };
  } catch (err) {
    if (err instanceof AllocationError) throw new UserError(err.message, { invoiceIds: [err.message] });
    throw err;
  }
}

async function replay(tx: DbOrTx, key: string, agreementId: string, amount: string): Promise<RegisteredPayment> {
  const existing = await q.findPaymentByKey(tx, key);
  if (!existing || existing.agreementId !== agreementId || toCents(existing.amount) !== toCents(amount)) {
    throw new UserError('Esa clave de pago ya se usó para otro pago.');
  }
  return { id: existing.id, receiptNumber: existing.receiptNumber ?? '', replayed: true, applied: existing.applied, unapplied: existing.unapplied };
}

/** Reverses a confirmed payment: its allocations go back to their invoices. */
export async function reversePayment(actor: Actor, paymentId: string, input: { reason: string }, db: Db = getDb(), now = new Date()): Promise<void> {
  assertCan(actor, 'payments.reverse');
  const { reason } = parse(paymentReversalSchema, input);
  if (!isUuid(paymentId)) throw paymentNotFound();
  const agreementId = await db.transaction(async (tx) => {
    const payment = await q.lockPayment(tx, paymentId);
    if (!payment || !inBranchScope(branchScope(actor), payment.branchId)) throw paymentNotFound();
    if (payment.status !== 'CONFIRMED') throw new UserError('Solo se puede revertir un pago confirmado.');
    const allocations = (await q.allocationsOf(tx, paymentId)).map((a) => ({ invoiceId: a.invoiceId, amount: a.amount }));
    const invoices = await q.lockInvoices(tx, [...new Set(allocations.map((a) => a.invoiceId))]);
    const changes = applyAllocations(invoices, allocations, 'reverse');
    await q.setInvoiceBalances(tx, changes);
    await tx.update(payments).set({ status: 'REVERSED', reversalReason: reason, reversedAt: new Date(), reversedBy: actor.id, updatedAt: new Date() }).where(eq(payments.id, paymentId));
    await recordAudit(tx, { id: actor.id, email: actor.email }, {
      entity: 'payment',
      entityId: paymentId,
      action: 'STATUS_CHANGE',
      before: { status: payment.status, applied: payment.applied, unapplied: payment.unapplied },
      after: { status: 'REVERSED', reason, restored: changes },
    });
    return payment.agreementId;
  });
  await afterPayment(db, agreementId, now);
}

/** One payment with its allocations, within the actor's branches. */
export async function getPayment(actor: Actor, paymentId: string, db: Db = getDb()) {
  assertCan(actor, 'payments.read');
  if (!isUuid(paymentId)) throw paymentNotFound();
  const row = await q.paymentDetail(db, paymentId);
  if (!row || !inBranchScope(branchScope(actor), row.payment.branchId)) throw paymentNotFound();
  return { ...row, allocations: await q.allocationsOf(db, paymentId) };
}

export const PAYMENTS_PAGE_SIZE = 25;

const optionalParam = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

/** The /cobros list's search params; a bad value is dropped, never an error. */
export const paymentListSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  desde: optionalParam.pipe(z.string().refine(validDate).optional()).catch(undefined),
  hasta: optionalParam.pipe(z.string().refine(validDate).optional()).catch(undefined),
  estado: optionalParam.pipe(z.enum(PAYMENT_STATUSES).optional()).catch(undefined),
  medio: optionalParam.pipe(z.enum(PAYMENT_METHOD_VALUES).optional()).catch(undefined),
  branchId: optionalParam.pipe(z.uuid().optional()).catch(undefined),
  acuerdo: optionalParam.pipe(z.string().max(40).optional()).catch(undefined),
});
export type PaymentListParams = z.output<typeof paymentListSchema>;

/** Payments newest first; branch staff and cashiers see their branches'. A branch filter outside the scope matches nothing. */
export async function listPayments(actor: Actor, opts: { page?: number; agreementId?: string } & Partial<Omit<PaymentListParams, 'page'>> = {}, db: Db = getDb()) {
  assertCan(actor, 'payments.read');
  const scope = branchScope(actor);
  const page = Math.max(1, opts.page ?? 1);
  const branchId = opts.branchId && isUuid(opts.branchId) ? (inBranchScope(scope, opts.branchId) ? opts.branchId : '00000000-0000-0000-0000-000000000000') : undefined;
  const result = await q.listPayments(
    db,
    {
      branchIds: scope.all ? undefined : scope.branchIds,
      agreementId: opts.agreementId && isUuid(opts.agreementId) ? opts.agreementId : undefined,
      branchId,
      from: opts.desde,
      to: opts.hasta,
      status: opts.estado,
      method: opts.medio,
      agreementCode: opts.acuerdo,
    },
    { limit: PAYMENTS_PAGE_SIZE, offset: (page - 1) * PAYMENTS_PAGE_SIZE },
  );
  return { ...result, page, pageSize: PAYMENTS_PAGE_SIZE, pageCount: Math.max(1, Math.ceil(result.total / PAYMENTS_PAGE_SIZE)) };
}

/** The list's filter choices: the branches the actor sees. */
export async function paymentListOptions(actor: Actor, db: Db = getDb()) {
  assertCan(actor, 'payments.read');
  const scope = branchScope(actor);
  const rows = await listBranches(db, scope.all ? undefined : scope.branchIds);
  return { branches: rows.map((b) => ({ id: b.id, name: b.name })) };
}

/**
 * What the payment form needs for one agreement in the actor's branches (payments.write): the
 * agreement and customer, its open invoices oldest due first (overdue marked as of `today`), the
 * total due, its credit balance and the active payment entities. Not found outside the scope.
 */
export async function getPaymentFormData(actor: Actor, agreementId: string, db: Db = getDb(), now = new Date()) {
  assertCan(actor, 'payments.write');
  if (!isUuid(agreementId)) throw agreementNotFound();
  const agreement = await q.agreementToCollect(db, branchScope(actor), agreementId);
  if (!agreement) throw agreementNotFound();
  const today = toLocalDateString(now);
  const [open, credit, entities] = await Promise.all([q.openInvoicesOf(db, agreement.id, agreement.currency), q.creditBalanceOf(db, agreement.id), q.activePaymentEntities(db)]);
  const invoices = open.map((i) => ({ ...i, overdue: i.dueDate !== null && i.dueDate < today }));
  return { agreement, invoices, totalDue: fromCents(invoices.reduce((n, i) => n + toCents(i.balance), 0n)), credit, entities, today };
}

type PaymentDetailRow = NonNullable<Awaited<ReturnType<typeof q.paymentDetail>>>;

/**
 * Finds the payment the caller may read, or undefined: the authorization of a receipt (staff by
 * branch here, the portal by the session's customer in lib/dal/portal-payments.ts).
 */
export type ReceiptPaymentFinder = (db: DbOrTx, paymentId: string) => Promise<PaymentDetailRow | undefined>;

/** The receipt of a payment in the actor's branches ('payments.read'); otherwise "not found". */
export async function getPaymentReceipt(actor: Actor, paymentId: string, db: Db = getDb()): Promise<ReceiptPdfData> {
  assertCan(actor, 'payments.read');
  const scope = branchScope(actor);
  return paymentReceipt(
    async (d, id) => {
      const row = await q.paymentDetail(d, id);
      return row && inBranchScope(scope, row.payment.branchId) ? row : undefined;
    },
    paymentId,
    db,
  );
}

/**
 * What the receipt of the payment `find` authorizes prints: the payment, the company and the
 * customer's document. Unknown, invalid or refused ids are all "not found".
 */
export async function paymentReceipt(find: ReceiptPaymentFinder, paymentId: string, db: DbOrTx = getDb()): Promise<ReceiptPdfData> {
  if (!isUuid(paymentId)) throw paymentNotFound();
  const r = await find(db, paymentId);
  if (!r) throw paymentNotFound();
  const p = r.payment;
  const [allocations, company, customer] = await Promise.all([q.allocationsOf(db, paymentId), getCompany(db), q.customerDocumentOf(db, p.customerId)]);
  if (!company) throw new Error('Falta la empresa (tabla company): cargue la semilla.');
  return {
    company,
    receiptNumber: p.receiptNumber ?? 'SIN-NUMERO',
    status: p.status,
    paidOn: p.paidOn,
    createdAt: p.createdAt,
    amount: p.amount,
    applied: p.applied,
    unapplied: p.unapplied,
    currency: p.currency,
    methodLabel: PAYMENT_METHOD_LABELS[p.method],
    entityName: r.entityName,
    reference: p.reference,
    branchName: r.branchName,
    cashierName: r.createdByName,
    customer: { name: r.customerName, documentType: customer?.documentType ?? null, documentNumber: customer?.documentNumber ?? null, code: customer?.code ?? null },
    agreement: { code: r.agreementCode, name: r.agreementName },
    allocations: allocations.map((a) => ({ fiscalNumber: a.fiscalNumber, period: a.period, dueDate: a.dueDate, amount: a.amount })),
    reversalReason: p.reversalReason,
  };
}
