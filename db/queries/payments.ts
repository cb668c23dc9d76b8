/**
 * Queries of payments: the payment row (by id or idempotency key), its allocations, the
 * agreement's open invoices locked for allocation, receipt numbers. Authorization lives in
 * lib/dal/payments.ts.
 */
import { and, asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { agreements, branches, customers, invoices, paymentAllocations, paymentEntities, payments, receiptSequences, users } from '../schema';

export type PaymentRow = typeof payments.$inferSelect;

export async function findPaymentByKey(db: DbOrTx, key: string) {
  const [row] = await db.select().from(payments).where(eq(payments.idempotencyKey, key));
  return row;
}

export async function findPayment(db: DbOrTx, id: string) {
  const [row] = await db.select().from(payments).where(eq(payments.id, id));
  return row;
}

export async function lockPayment(tx: DbOrTx, id: string) {
  const [row] = await tx.select().from(payments).where(eq(payments.id, id)).for('update');
  return row;
}

/** Inserts the payment unless its idempotency key exists; undefined when it did (a retry). */
export async function insertPayment(tx: DbOrTx, values: typeof payments.$inferInsert) {
  const [row] = await tx.insert(payments).values(values).onConflictDoNothing({ target: payments.idempotencyKey }).returning();
  return row;
}

/**
 * The agreement's issued invoices and debit notes with a balance, in its currency, locked (id
 * order, so concurrent payments queue instead of deadlocking) until the transaction ends.
 */
export async function lockOpenInvoices(tx: DbOrTx, agreementId: string, currency: string) {
  return tx
    .select({ id: invoices.id, fiscalNumber: invoices.fiscalNumber, issueDate: invoices.issueDate, dueDate: invoices.dueDate, currency: invoices.currency, total: invoices.total, balance: invoices.balance })
    .from(invoices)
    .where(
      and(
        eq(invoices.agreementId, agreementId),
        eq(invoices.currency, currency),
        sql`${invoices.status} in ('ISSUED', 'PARTIALLY_PAID')`,
        sql`${invoices.docType} in ('INVOICE', 'DEBIT_NOTE')`,
        gt(invoices.balance, '0'),
      ),
    )
    .orderBy(asc(invoices.id))
    .for('update');
}

export async function lockInvoices(tx: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return tx.select({ id: invoices.id, total: invoices.total, balance: invoices.balance }).from(invoices).where(inArray(invoices.id, [...ids])).orderBy(asc(invoices.id)).for('update');
}

export async function setInvoiceBalance(tx: DbOrTx, id: string, balance: string, status: 'ISSUED' | 'PARTIALLY_PAID' | 'PAID') {
  await tx.update(invoices).set({ balance, status, updatedAt: new Date() }).where(eq(invoices.id, id));
}

export async function insertAllocations(tx: DbOrTx, paymentId: string, rows: readonly { invoiceId: string; amount: string }[]) {
  if (rows.length === 0) return;
  await tx.insert(paymentAllocations).values(rows.map((r) => ({ paymentId, invoiceId: r.invoiceId, amount: r.amount })));
}

export function allocationsOf(db: DbOrTx, paymentId: string) {
  return db
    .select({ invoiceId: paymentAllocations.invoiceId, amount: paymentAllocations.amount, fiscalNumber: invoices.fiscalNumber, period: invoices.period, dueDate: invoices.dueDate, createdAt: paymentAllocations.createdAt })
    .from(paymentAllocations)
    .innerJoin(invoices, eq(invoices.id, paymentAllocations.invoiceId))
    .where(eq(paymentAllocations.paymentId, paymentId))
    .orderBy(asc(paymentAllocations.id));
}

/** The next receipt number of a branch (gapless: the counter row stays locked until commit). */
export async function nextReceiptNumber(tx: DbOrTx, branchId: string, branchCode: string): Promise<string> {
  await tx.insert(receiptSequences).values({ branchId, lastNumber: 0 }).onConflictDoNothing();
  const [row] = await tx
    .update(receiptSequences)
    .set({ lastNumber: sql`${receiptSequences.lastNumber} + 1` })
    .where(eq(receiptSequences.branchId, branchId))
    .returning({ n: receiptSequences.lastNumber });
  return `${branchCode}-${String(row.n).padStart(8, '0')}`;
}

/** A payment with what a detail page shows. */
export async function paymentDetail(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      payment: payments,
      agreementCode: agreements.code,
      agreementName: agreements.name,
      customerName: customers.legalName,
      branchCode: branches.code,
      branchName: branches.name,
      entityName: paymentEntities.name,
      createdByName: users.name,
    })
    .from(payments)
    .innerJoin(agreements, eq(agreements.id, payments.agreementId))
    .innerJoin(customers, eq(customers.id, payments.customerId))
    .innerJoin(branches, eq(branches.id, payments.branchId))
    .leftJoin(paymentEntities, eq(paymentEntities.id, payments.paymentEntityId))
    .leftJoin(users, eq(users.id, payments.createdBy))
    .where(eq(payments.id, id));
  return row;
}

/** Payments newest first, optionally of some branches and one agreement. */
export async function listPayments(db: DbOrTx, filter: { branchIds?: string[]; agreementId?: string }, page: { limit: number; offset: number }) {
  const conds = [];
  if (filter.branchIds) conds.push(inArray(payments.branchId, filter.branchIds.length ? filter.branchIds : ['00000000-0000-0000-0000-000000000000']));
  if (filter.agreementId) conds.push(eq(payments.agreementId, filter.agreementId));
  const where = conds.length ? and(...conds) : undefined;
  const [rows, [{ n }]] = await Promise.all([
    db
      .select({
        id: payments.id,
        receiptNumber: payments.receiptNumber,
        paidOn: payments.paidOn,
        amount: payments.amount,
        currency: payments.currency,
        unapplied: payments.unapplied,
        method: payments.method,
        channel: payments.channel,
        status: payments.status,
        agreementCode: agreements.code,
        customerName: customers.legalName,
        createdAt: payments.createdAt,
      })
      .from(payments)
      .innerJoin(agreements, eq(agreements.id, payments.agreementId))
      .innerJoin(customers, eq(customers.id, payments.customerId))
      .where(where)
      .orderBy(desc(payments.createdAt), desc(payments.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(payments).where(where),
  ]);
  return { rows, total: n };
}
