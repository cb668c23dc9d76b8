/**
 * Queries of the payment gateway: checkouts (payment_checkouts) and received webhook events
 * (webhook_events). Authorization lives in lib/dal/checkouts.ts.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { agreements, branches, customers, invoices, paymentCheckouts, webhookEvents } from '../schema';

export type CheckoutRow = typeof paymentCheckouts.$inferSelect;
export type CheckoutStatus = CheckoutRow['status'];

export async function insertCheckout(tx: DbOrTx, values: typeof paymentCheckouts.$inferInsert) {
  const [row] = await tx.insert(paymentCheckouts).values(values).returning();
  return row;
}

export async function findCheckout(db: DbOrTx, id: string) {
  const [row] = await db.select().from(paymentCheckouts).where(eq(paymentCheckouts.id, id));
  return row;
}

/** The checkout locked until the transaction ends: concurrent events of one checkout queue here. */
export async function lockCheckout(tx: DbOrTx, id: string) {
  const [row] = await tx.select().from(paymentCheckouts).where(eq(paymentCheckouts.id, id)).for('update');
  return row;
}

export async function lockCheckoutByProviderRef(tx: DbOrTx, provider: string, providerRef: string) {
  const [row] = await tx.select().from(paymentCheckouts).where(and(eq(paymentCheckouts.provider, provider), eq(paymentCheckouts.providerRef, providerRef))).for('update');
  return row;
}

export async function updateCheckout(tx: DbOrTx, id: string, values: Partial<Pick<CheckoutRow, 'status' | 'providerRef' | 'paymentId' | 'message'>>) {
  const [row] = await tx.update(paymentCheckouts).set({ ...values, updatedAt: new Date() }).where(eq(paymentCheckouts.id, id)).returning();
  return row;
}

/**
 * Records a received event once per (provider, event id). Undefined when it was already there: a
 * concurrent delivery of the same event waits on the unique index until the first commits, then
 * does nothing.
 */
export async function insertWebhookEvent(tx: DbOrTx, values: { provider: string; eventId: string; type: string; payload: Record<string, unknown> }) {
  const [row] = await tx.insert(webhookEvents).values(values).onConflictDoNothing({ target: [webhookEvents.provider, webhookEvents.eventId] }).returning({ id: webhookEvents.id });
  return row;
}

export async function setWebhookEventResult(tx: DbOrTx, id: number, result: string) {
  await tx.update(webhookEvents).set({ result, processedAt: new Date() }).where(eq(webhookEvents.id, id));
}

export function webhookEventsOf(db: DbOrTx, provider: string, eventId?: string) {
  return db.select().from(webhookEvents).where(and(eq(webhookEvents.provider, provider), eventId ? eq(webhookEvents.eventId, eventId) : undefined));
}

/** Invoices by id with what a checkout needs, only issued invoices and debit notes of the agreement. */
export function checkoutInvoices(db: DbOrTx, agreementId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({ id: invoices.id, fiscalNumber: invoices.fiscalNumber, period: invoices.period, dueDate: invoices.dueDate, balance: invoices.balance, currency: invoices.currency, status: invoices.status, docType: invoices.docType })
    .from(invoices)
    .where(and(eq(invoices.agreementId, agreementId), inArray(invoices.id, [...ids]), sql`${invoices.docType} in ('INVOICE', 'DEBIT_NOTE')`));
}

/** The agreement a checkout pays, with its customer and branch (no scope: callers check it). */
export async function agreementForCheckout(db: DbOrTx, agreementId: string) {
  const [row] = await db
    .select({ id: agreements.id, code: agreements.code, name: agreements.name, currency: agreements.currency, branchId: agreements.branchId, branchName: branches.name, customerId: agreements.customerId, customerName: customers.legalName })
    .from(agreements)
    .innerJoin(customers, eq(customers.id, agreements.customerId))
    .innerJoin(branches, eq(branches.id, agreements.branchId))
    .where(eq(agreements.id, agreementId));
  return row;
}
