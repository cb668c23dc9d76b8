import { and, asc, desc, eq, gt, ilike, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { BranchScope } from '@/lib/auth/scope';
import type { InvoiceCursor } from '@/lib/validation/invoices';
import type { DbOrTx } from '../client';
import { accounts, agreements, billingRuns, branches, customers, invoiceItems, invoicePrintableItems, invoices, pointsOfSale } from '../schema';
import { branchScopeCondition, containsPattern } from './filters';

export type InvoiceRow = typeof invoices.$inferSelect;

export type InvoiceFilter = {
  period?: string;
  invoiceClass?: InvoiceRow['invoiceClass'];
  status?: InvoiceRow['status'];
  docType?: InvoiceRow['docType'];
  branchId?: string;
  /** Customer name, code or document number (contains). */
  customer?: string;
  /** Exact agreement code (case-insensitive). */
  agreementCode?: string;
  billingRunId?: string;
  /** Due before `today` with a balance left (issued or partially paid). */
  overdue?: boolean;
  /** Today as 'YYYY-MM-DD' in Santo Domingo, for `overdue`. */
  today: string;
};

export const invoiceScope = (scope: BranchScope) => branchScopeCondition(invoices.branchId, scope);

function conditions(scope: BranchScope, f: InvoiceFilter): SQL | undefined {
  const where: (SQL | undefined)[] = [invoiceScope(scope)];
  if (f.period) where.push(eq(invoices.period, f.period));
  if (f.invoiceClass) where.push(eq(invoices.invoiceClass, f.invoiceClass));
  if (f.status) where.push(eq(invoices.status, f.status));
  if (f.docType) where.push(eq(invoices.docType, f.docType));
  if (f.branchId) where.push(eq(invoices.branchId, f.branchId));
  if (f.billingRunId) where.push(eq(invoices.billingRunId, f.billingRunId));
  if (f.customer) {
    // A sub-select, so the invoices side stays on invoices_customer_idx.
    const digits = f.customer.replace(/[^0-9A-Za-z]/g, '');
    const pattern = containsPattern(f.customer);
    const match = or(ilike(customers.legalName, pattern), ilike(customers.code, pattern), digits ? ilike(customers.documentNumber, `%${digits}%`) : undefined);
    where.push(inArray(invoices.customerId, sql`(select ${customers.id} from ${customers} where ${match})`));
  }
  if (f.agreementCode) {
    where.push(inArray(invoices.agreementId, sql`(select ${agreements.id} from ${agreements} where upper(${agreements.code}) = ${f.agreementCode.toUpperCase()})`));
  }
  if (f.overdue) {
    where.push(lt(invoices.dueDate, f.today), gt(invoices.balance, '0'), inArray(invoices.status, ['ISSUED', 'PARTIALLY_PAID']));
  }
  return and(...where.filter(Boolean));
}

/**
 * Rows strictly after `c` in the list order (period desc nulls first, id desc) — or strictly
 * before it when `before`. Written out because a row comparison does not order NULL periods.
 */
function keysetCondition(c: InvoiceCursor, before: boolean): SQL {
  if (!before) {
    return c.period === null
      ? (or(and(isNull(invoices.period), lt(invoices.id, c.id)), isNotNull(invoices.period)) as SQL)
      : (or(lt(invoices.period, c.period), and(eq(invoices.period, c.period), lt(invoices.id, c.id))) as SQL);
  }
  return c.period === null
    ? and(isNull(invoices.period), gt(invoices.id, c.id))!
    : (or(isNull(invoices.period), gt(invoices.period, c.period), and(eq(invoices.period, c.period), gt(invoices.id, c.id))) as SQL);
}

const listColumns = {
  id: invoices.id,
  docType: invoices.docType,
  invoiceClass: invoices.invoiceClass,
  fiscalNumber: invoices.fiscalNumber,
  status: invoices.status,
  origin: invoices.origin,
  period: invoices.period,
  issueDate: invoices.issueDate,
  dueDate: invoices.dueDate,
  currency: invoices.currency,
  total: invoices.total,
  balance: invoices.balance,
  branchId: invoices.branchId,
  customerId: invoices.customerId,
  customerName: customers.legalName,
  documentType: customers.documentType,
  documentNumber: customers.documentNumber,
  agreementId: invoices.agreementId,
  agreementCode: agreements.code,
};

/**
 * One keyset page of invoices, ordered by (period desc, id desc) — the order of
 * invoices_period_idx, so a page costs an index range scan however many millions of rows there
 * are, where an OFFSET would read and throw away every earlier row. `after` pages forward,
 * `before` pages back; asks for one row more than `limit` to know whether the page has a neighbour.
 */
export async function listInvoicesPage(db: DbOrTx, scope: BranchScope, f: InvoiceFilter, page: { limit: number; after?: InvoiceCursor; before?: InvoiceCursor }) {
  const backwards = !page.after && page.before !== undefined;
  const cursor = page.after ?? page.before;
  const where = and(conditions(scope, f), cursor ? keysetCondition(cursor, backwards) : undefined);
  const order = backwards ? [sql`${invoices.period} asc nulls last`, asc(invoices.id)] : [sql`${invoices.period} desc nulls first`, desc(invoices.id)];
  const rows = await db
    .select(listColumns)
    .from(invoices)
    .innerJoin(customers, eq(customers.id, invoices.customerId))
    .innerJoin(agreements, eq(agreements.id, invoices.agreementId))
    .where(where)
    .orderBy(...order)
    .limit(page.limit + 1);
  const more = rows.length > page.limit;
  const pageRows = rows.slice(0, page.limit);
  if (backwards) pageRows.reverse();
  return {
    rows: pageRows,
    // Forward: more rows after; backward: the page came from `before`, so rows after it exist.
    hasNext: backwards ? true : more,
    hasPrev: backwards ? more : cursor !== undefined,
  };
}

/** How many invoices match, counting at most `cap` of them (a capped count stays cheap on a huge table). */
export async function countInvoicesCapped(db: DbOrTx, scope: BranchScope, f: InvoiceFilter, cap: number): Promise<{ count: number; capped: boolean }> {
  const inner = db.select({ one: sql`1` }).from(invoices).where(conditions(scope, f)).limit(cap + 1).as('matching');
  const [{ count }] = await db.select({ count: sql<number>`count(*)::int` }).from(inner);
  return count > cap ? { count: cap, capped: true } : { count, capped: false };
}

/** The planner's estimate of the table's rows (pg_class.reltuples); null before the first ANALYZE. */
export async function estimateInvoiceRows(db: DbOrTx): Promise<number | null> {
  const [row] = await db.select({ estimate: sql<string | number>`reltuples::bigint` }).from(sql`pg_class`).where(sql`oid = 'invoices'::regclass`);
  const n = Number(row?.estimate);
  // -1 (never analyzed) or a missing row: no estimate.
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/** Every matching invoice for the CSV export, in list order, `batch` rows per query (keyset, never OFFSET). */
export async function* iterateInvoices(db: DbOrTx, scope: BranchScope, f: InvoiceFilter, batch = 1000) {
  let after: InvoiceCursor | undefined;
  for (;;) {
    const where = and(conditions(scope, f), after ? keysetCondition(after, false) : undefined);
    const rows = await db
      .select({ ...listColumns, netTotal: invoices.netTotal, taxTotal: invoices.taxTotal, discountTotal: invoices.discountTotal, exchangeRate: invoices.exchangeRate, branchName: branches.name })
      .from(invoices)
      .innerJoin(customers, eq(customers.id, invoices.customerId))
      .innerJoin(agreements, eq(agreements.id, invoices.agreementId))
      .innerJoin(branches, eq(branches.id, invoices.branchId))
      .where(where)
      .orderBy(sql`${invoices.period} desc nulls first`, desc(invoices.id))
      .limit(batch);
    yield* rows;
    if (rows.length < batch) return;
    const last = rows[rows.length - 1];
    after = { period: last.period, id: last.id };
  }
}

/** One invoice within the scope, with its customer, agreement, branch, point of sale and billing run. */
export async function findInvoice(db: DbOrTx, scope: BranchScope, id: string) {
  const [row] = await db
    .select({
      invoice: invoices,
      customerCode: customers.code,
      customerName: customers.legalName,
      agreementCode: agreements.code,
      agreementName: agreements.name,
      branchName: branches.name,
      pointOfSaleDescription: pointsOfSale.description,
      billingRunNumber: billingRuns.number,
    })
    .from(invoices)
    .innerJoin(customers, eq(customers.id, invoices.customerId))
    .innerJoin(agreements, eq(agreements.id, invoices.agreementId))
    .innerJoin(branches, eq(branches.id, invoices.branchId))
    .innerJoin(pointsOfSale, eq(pointsOfSale.id, invoices.pointOfSaleId))
    .leftJoin(billingRuns, eq(billingRuns.id, invoices.billingRunId))
    .where(and(eq(invoices.id, id), invoiceScope(scope)))
    .limit(1);
  return row;
}

export async function invoiceItemsOf(db: DbOrTx, invoiceId: string) {
  return db
    .select({
      lineNo: invoiceItems.lineNo,
      accountId: invoiceItems.accountId,
      accountNumber: accounts.number,
      conceptCode: invoiceItems.conceptCode,
      conceptGroupName: invoiceItems.conceptGroupName,
      description: invoiceItems.description,
      quantity: invoiceItems.quantity,
      unitPrice: invoiceItems.unitPrice,
      gross: invoiceItems.gross,
      discount: invoiceItems.discount,
      net: invoiceItems.net,
      taxRate: invoiceItems.taxRate,
      tax: invoiceItems.tax,
      total: invoiceItems.total,
    })
    .from(invoiceItems)
    .leftJoin(accounts, eq(accounts.id, invoiceItems.accountId))
    .where(eq(invoiceItems.invoiceId, invoiceId))
    .orderBy(asc(invoiceItems.lineNo));
}

export async function printableItemsOf(db: DbOrTx, invoiceId: string) {
  return db.select().from(invoicePrintableItems).where(eq(invoicePrintableItems.invoiceId, invoiceId)).orderBy(asc(invoicePrintableItems.lineNo));
}

const relatedColumns = { id: invoices.id, docType: invoices.docType, invoiceClass: invoices.invoiceClass, fiscalNumber: invoices.fiscalNumber, status: invoices.status, issueDate: invoices.issueDate, total: invoices.total, currency: invoices.currency };

/**
 * The documents linked to an invoice within the scope: the one it corrects (a note's invoice) and
 * the notes that point at it. Notes share the invoice's agreement, which keeps the lookup on
 * invoices_agreement_idx (related_invoice_id has no index of its own).
 */
export async function relatedDocuments(db: DbOrTx, scope: BranchScope, inv: Pick<InvoiceRow, 'id' | 'agreementId' | 'relatedInvoiceId'>) {
  const [parent, notes] = await Promise.all([
    inv.relatedInvoiceId ? db.select(relatedColumns).from(invoices).where(and(eq(invoices.id, inv.relatedInvoiceId), invoiceScope(scope))).limit(1) : Promise.resolve([]),
    db
      .select(relatedColumns)
      .from(invoices)
      .where(and(eq(invoices.agreementId, inv.agreementId), eq(invoices.relatedInvoiceId, inv.id), invoiceScope(scope)))
      .orderBy(asc(invoices.issueDate), asc(invoices.id))
      .limit(100),
  ]);
  return { parent: parent[0], notes };
}

/** Active agreements' ids by code within the scope (the run form's "selected agreements"). */
export async function agreementIdsByCodes(db: DbOrTx, scope: BranchScope, codes: string[]) {
  if (!codes.length) return [];
  return db
    .select({ id: agreements.id, code: agreements.code, status: agreements.status, branchId: agreements.branchId })
    .from(agreements)
    .where(and(inArray(sql`upper(${agreements.code})`, codes), branchScopeCondition(agreements.branchId, scope)));
}
