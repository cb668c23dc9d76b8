/**
 * Queries of payments: the payment row (by id or idempotency key), its allocations, the
 * agreement's open invoices locked for allocation, receipt numbers. Authorization lives in
 * lib/dal/payments.ts.
 */
import { and, asc, desc, eq, exists, gt, gte, ilike, inArray, lte, or, sql } from 'drizzle-orm';
import type { BranchScope } from '@/lib/auth/scope';
import { pgArray, rawQuery } from '@/lib/billing/bulk';
import type { DbOrTx } from '../client';
import { accounts, agreements, branches, customers, invoices, paymentAllocations, paymentEntities, payments, receiptSequences, users } from '../schema';
import { branchScopeCondition, containsPattern } from './filters';

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

/** New balances and statuses of several invoices in one statement (after a payment or a reversal). */
export async function setInvoiceBalances(tx: DbOrTx, changes: readonly { invoiceId: string; balance: string; status: 'ISSUED' | 'PARTIALLY_PAID' | 'PAID' }[]) {
  if (changes.length === 0) return;
  await rawQuery(
    tx,
    `update invoices i set balance = v.balance, status = v.status::invoice_status, updated_at = now()
     from unnest($1::uuid[], $2::numeric[], $3::text[]) as v(id, balance, status) where i.id = v.id`,
    [pgArray(changes.map((c) => c.invoiceId)), pgArray(changes.map((c) => c.balance)), pgArray(changes.map((c) => c.status))],
  );
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

export type PaymentListFilter = {
  branchIds?: string[];
  agreementId?: string;
  /** One branch (already checked against the actor's scope by the data layer). */
  branchId?: string;
  /** Paid on or after / on or before (YYYY-MM-DD). */
  from?: string;
  to?: string;
  status?: PaymentRow['status'];
  method?: PaymentRow['method'];
  /** Agreement code, exact or partial (case-insensitive). */
  agreementCode?: string;
};

/** Payments newest first, optionally of some branches and one agreement, and by the list's filters. */
export async function listPayments(db: DbOrTx, filter: PaymentListFilter, page: { limit: number; offset: number }) {
  const conds = [];
  if (filter.branchIds) conds.push(inArray(payments.branchId, filter.branchIds.length ? filter.branchIds : ['00000000-0000-0000-0000-000000000000']));
  if (filter.agreementId) conds.push(eq(payments.agreementId, filter.agreementId));
  if (filter.branchId) conds.push(eq(payments.branchId, filter.branchId));
  if (filter.from) conds.push(gte(payments.paidOn, filter.from));
  if (filter.to) conds.push(lte(payments.paidOn, filter.to));
  if (filter.status) conds.push(eq(payments.status, filter.status));
  if (filter.method) conds.push(eq(payments.method, filter.method));
  if (filter.agreementCode) conds.push(sql`${payments.agreementId} in (select ${agreements.id} from ${agreements} where ${ilike(agreements.code, containsPattern(filter.agreementCode))})`);
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
        agreementId: payments.agreementId,
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

// --- Reads for the payment screens and the cash desk ---

/** An open invoice balance of the agreement, in its currency (what a payment can pay). */
const openInvoiceOf = (agreementId: string) =>
  and(
    eq(invoices.agreementId, agreementId),
    sql`${invoices.status} in ('ISSUED', 'PARTIALLY_PAID')`,
    sql`${invoices.docType} in ('INVOICE', 'DEBIT_NOTE')`,
    gt(invoices.balance, '0'),
  );

/**
 * Agreements in the scope matching one search term: agreement name or code, customer name or
 * document, an account number of the agreement or an invoice's fiscal number; each with what it
 * owes (open invoices in its currency) and how much of it is past due on `today`.
 */
export async function searchAgreementsToCollect(db: DbOrTx, scope: BranchScope, term: string, today: string, limit = 20) {
  const pattern = containsPattern(term);
  // Documents are stored without separators: '001-0000001-2' finds 00100000012.
  const digits = term.replace(/[^0-9A-Za-z]/g, '');
  const dueSql = sql<string>`(select coalesce(sum(i.balance), 0)::numeric(14,2)::text from ${invoices} i where i.agreement_id = ${agreements.id} and i.currency = ${agreements.currency} and i.status in ('ISSUED', 'PARTIALLY_PAID') and i.doc_type in ('INVOICE', 'DEBIT_NOTE') and i.balance > 0)`;
  const overdueSql = sql<string>`(select coalesce(sum(i.balance), 0)::numeric(14,2)::text from ${invoices} i where i.agreement_id = ${agreements.id} and i.currency = ${agreements.currency} and i.status in ('ISSUED', 'PARTIALLY_PAID') and i.doc_type in ('INVOICE', 'DEBIT_NOTE') and i.balance > 0 and i.due_date < ${today})`;
  const openSql = sql<number>`(select count(*)::int from ${invoices} i where i.agreement_id = ${agreements.id} and i.currency = ${agreements.currency} and i.status in ('ISSUED', 'PARTIALLY_PAID') and i.doc_type in ('INVOICE', 'DEBIT_NOTE') and i.balance > 0)`;
  return db
    .select({
      id: agreements.id,
      code: agreements.code,
      name: agreements.name,
      status: agreements.status,
      currency: agreements.currency,
      customerName: customers.legalName,
      documentType: customers.documentType,
      documentNumber: customers.documentNumber,
      branchName: branches.name,
      due: dueSql,
      overdue: overdueSql,
      openInvoices: openSql,
    })
    .from(agreements)
    .innerJoin(customers, eq(customers.id, agreements.customerId))
    .innerJoin(branches, eq(branches.id, agreements.branchId))
    .where(
      and(
        branchScopeCondition(agreements.branchId, scope),
        or(
          ilike(agreements.name, pattern),
          ilike(agreements.code, pattern),
          ilike(customers.legalName, pattern),
          digits ? ilike(customers.documentNumber, `%${digits}%`) : undefined,
          exists(db.select({ one: sql`1` }).from(accounts).where(and(eq(accounts.agreementId, agreements.id), ilike(accounts.number, pattern)))),
          exists(db.select({ one: sql`1` }).from(invoices).where(and(eq(invoices.agreementId, agreements.id), ilike(invoices.fiscalNumber, pattern)))),
        ),
      ),
    )
    .orderBy(asc(agreements.name), asc(agreements.code))
    .limit(limit);
}

/** One agreement in the scope with its customer and branch, for the payment form. */
export async function agreementToCollect(db: DbOrTx, scope: BranchScope, agreementId: string) {
  const [row] = await db
    .select({
      id: agreements.id,
      code: agreements.code,
      name: agreements.name,
      status: agreements.status,
      currency: agreements.currency,
      branchId: agreements.branchId,
      branchName: branches.name,
      customerId: customers.id,
      customerName: customers.legalName,
      documentType: customers.documentType,
      documentNumber: customers.documentNumber,
    })
    .from(agreements)
    .innerJoin(customers, eq(customers.id, agreements.customerId))
    .innerJoin(branches, eq(branches.id, agreements.branchId))
    .where(and(eq(agreements.id, agreementId), branchScopeCondition(agreements.branchId, scope)));
  return row;
}

/** The agreement's open invoices in its currency, oldest due first (the allocation's default order). No locks. */
export function openInvoicesOf(db: DbOrTx, agreementId: string, currency: string) {
  return db
    .select({ id: invoices.id, fiscalNumber: invoices.fiscalNumber, docType: invoices.docType, period: invoices.period, issueDate: invoices.issueDate, dueDate: invoices.dueDate, total: invoices.total, balance: invoices.balance, status: invoices.status })
    .from(invoices)
    .where(and(openInvoiceOf(agreementId), eq(invoices.currency, currency)))
    .orderBy(asc(invoices.dueDate), asc(invoices.issueDate), asc(invoices.fiscalNumber));
}

/** What the agreement's confirmed payments left unapplied (its credit balance). */
export async function creditBalanceOf(db: DbOrTx, agreementId: string): Promise<string> {
  const [row] = await db
    .select({ credit: sql<string>`coalesce(sum(${payments.unapplied}), 0)::numeric(14,2)::text` })
    .from(payments)
    .where(and(eq(payments.agreementId, agreementId), eq(payments.status, 'CONFIRMED'), gt(payments.unapplied, '0')));
  return row.credit;
}

/** Active payment entities (card brands, banks) for the form. */
export function activePaymentEntities(db: DbOrTx) {
  return db
    .select({ id: paymentEntities.id, name: paymentEntities.name, method: paymentEntities.method })
    .from(paymentEntities)
    .where(eq(paymentEntities.active, true))
    .orderBy(asc(paymentEntities.method), asc(paymentEntities.name));
}

/** The customer's document of a payment (for the receipt). */
export async function customerDocumentOf(db: DbOrTx, customerId: string) {
  const [row] = await db.select({ documentType: customers.documentType, documentNumber: customers.documentNumber, code: customers.code }).from(customers).where(eq(customers.id, customerId));
  return row;
}

/** What each payment paid of one invoice (reversed ones included, marked by their status), oldest first. */
export function paymentsOfInvoice(db: DbOrTx, invoiceId: string) {
  return db
    .select({ paymentId: payments.id, receiptNumber: payments.receiptNumber, paidOn: payments.paidOn, method: payments.method, status: payments.status, amount: paymentAllocations.amount })
    .from(paymentAllocations)
    .innerJoin(payments, eq(payments.id, paymentAllocations.paymentId))
    .where(eq(paymentAllocations.invoiceId, invoiceId))
    .orderBy(asc(paymentAllocations.id));
}
