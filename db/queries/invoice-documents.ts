import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../client';
import { accounts, agreements, conceptGroups, concepts, customers, invoiceItems, invoicePrintableItems, invoices, pointsOfSale } from '../schema';
import type { BranchScope } from '@/lib/auth/scope';
import { invoiceScope } from './invoices';
import { branchScopeCondition } from './filters';

export type InvoiceRow = typeof invoices.$inferSelect;
export type InvoiceItemRow = typeof invoiceItems.$inferSelect;

/** An agreement within the scope with what a manual invoice copies from it and its customer. */
export async function agreementForInvoice(db: DbOrTx, scope: BranchScope, agreementId: string) {
  const [row] = await db
    .select({
      id: agreements.id,
      code: agreements.code,
      name: agreements.name,
      status: agreements.status,
      branchId: agreements.branchId,
      customerId: agreements.customerId,
      billingAddress: agreements.billingAddress,
      currency: agreements.currency,
      itemGrouping: agreements.itemGrouping,
      dueDays: agreements.dueDays,
      discountPct: agreements.discountPct,
      customerName: customers.legalName,
      customerDocumentType: customers.documentType,
      customerDocumentNumber: customers.documentNumber,
      customerTaxCondition: customers.taxCondition,
    })
    .from(agreements)
    .innerJoin(customers, eq(customers.id, agreements.customerId))
    .where(and(eq(agreements.id, agreementId), branchScopeCondition(agreements.branchId, scope)))
    .limit(1);
  return row;
}

/** The branch's active point of sale with the lowest number (the one manual documents use). */
export async function firstActivePointOfSale(db: DbOrTx, branchId: string) {
  const [row] = await db
    .select({ id: pointsOfSale.id, number: pointsOfSale.number })
    .from(pointsOfSale)
    .where(and(eq(pointsOfSale.branchId, branchId), eq(pointsOfSale.active, true)))
    .orderBy(asc(pointsOfSale.number))
    .limit(1);
  return row;
}

/** An invoice within the scope; with `lock`, its row is locked until the transaction ends. */
export async function findScopedInvoice(db: DbOrTx, scope: BranchScope, id: string, lock = false) {
  const query = db.select().from(invoices).where(and(eq(invoices.id, id), invoiceScope(scope))).limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function insertInvoice(tx: DbOrTx, values: typeof invoices.$inferInsert) {
  const [row] = await tx.insert(invoices).values(values).returning();
  return row;
}

export async function itemsOf(db: DbOrTx, invoiceId: string) {
  return db.select().from(invoiceItems).where(eq(invoiceItems.invoiceId, invoiceId)).orderBy(asc(invoiceItems.lineNo));
}

export async function insertItems(tx: DbOrTx, rows: (typeof invoiceItems.$inferInsert)[]) {
  if (rows.length) await tx.insert(invoiceItems).values(rows);
}

export async function deleteItem(tx: DbOrTx, invoiceId: string, lineNo: number) {
  const rows = await tx.delete(invoiceItems).where(and(eq(invoiceItems.invoiceId, invoiceId), eq(invoiceItems.lineNo, lineNo))).returning();
  return rows[0];
}

export async function insertPrintable(tx: DbOrTx, rows: (typeof invoicePrintableItems.$inferInsert)[]) {
  if (rows.length) await tx.insert(invoicePrintableItems).values(rows);
}

/** Writes a draft's totals (balance = total while it is a draft). */
export async function setDraftTotals(tx: DbOrTx, id: string, t: { gross: string; discount: string; net: string; tax: string; total: string }) {
  await tx
    .update(invoices)
    .set({ grossTotal: t.gross, discountTotal: t.discount, netTotal: t.net, taxTotal: t.tax, total: t.total, balance: t.total, updatedAt: new Date() })
    .where(and(eq(invoices.id, id), eq(invoices.status, 'DRAFT')));
}

export async function deleteDraftRow(tx: DbOrTx, id: string) {
  const rows = await tx.delete(invoices).where(and(eq(invoices.id, id), eq(invoices.status, 'DRAFT'))).returning({ id: invoices.id });
  return rows.length > 0;
}

/** The payment state of an issued document: the only fields the immutability trigger lets change. */
export async function setPaymentState(tx: Tx, id: string, s: { status: InvoiceRow['status']; balance: string; voidedAt?: Date | null }) {
  await tx
    .update(invoices)
    .set({ status: s.status, balance: s.balance, ...(s.voidedAt !== undefined ? { voidedAt: s.voidedAt } : {}), updatedAt: new Date() })
    .where(eq(invoices.id, id));
}

/** Lines of the issued credit notes of an invoice; each line's `lineNo` is the invoice line it credited. */
export async function creditedLinesOf(db: DbOrTx, inv: Pick<InvoiceRow, 'id' | 'agreementId'>) {
  return db
    .select({ lineNo: invoiceItems.lineNo, net: invoiceItems.net, tax: invoiceItems.tax, total: invoiceItems.total })
    .from(invoiceItems)
    .innerJoin(invoices, eq(invoices.id, invoiceItems.invoiceId))
    .where(and(eq(invoices.agreementId, inv.agreementId), eq(invoices.relatedInvoiceId, inv.id), eq(invoices.docType, 'CREDIT_NOTE'), ne(invoices.status, 'DRAFT')));
}

/** Active concepts for a line form, with their group's name, by group position then concept position. */
export async function activeConceptsForLines(db: DbOrTx) {
  return db
    .select({
      id: concepts.id,
      code: concepts.code,
      name: concepts.name,
      kind: concepts.kind,
      amount: concepts.amount,
      taxRate: concepts.taxRate,
      groupName: conceptGroups.name,
    })
    .from(concepts)
    .innerJoin(conceptGroups, eq(conceptGroups.id, concepts.groupId))
    .where(eq(concepts.active, true))
    .orderBy(asc(conceptGroups.position), asc(concepts.position), asc(concepts.code));
}

export async function conceptForLine(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ id: concepts.id, code: concepts.code, name: concepts.name, kind: concepts.kind, amount: concepts.amount, taxRate: concepts.taxRate, active: concepts.active, groupName: conceptGroups.name })
    .from(concepts)
    .innerJoin(conceptGroups, eq(conceptGroups.id, concepts.groupId))
    .where(eq(concepts.id, id))
    .limit(1);
  return row;
}

/** The agreement's accounts (any status), by number. */
export async function accountsOfAgreement(db: DbOrTx, agreementId: string) {
  return db
    .select({ id: accounts.id, number: accounts.number, description: accounts.description, status: accounts.status })
    .from(accounts)
    .where(eq(accounts.agreementId, agreementId))
    .orderBy(asc(accounts.number));
}

export async function accountLabels(db: DbOrTx, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db.select({ id: accounts.id, description: accounts.description }).from(accounts).where(inArray(accounts.id, ids));
  return new Map(rows.map((r) => [r.id, r.description]));
}

/** Locks the draft's lines' maximum line number (next line = max + 1). */
export async function nextLineNo(tx: DbOrTx, invoiceId: string) {
  const [row] = await tx.select({ max: sql<number | null>`max(${invoiceItems.lineNo})` }).from(invoiceItems).where(eq(invoiceItems.invoiceId, invoiceId));
  return Number(row?.max ?? 0) + 1;
}
