import 'server-only';
import { and, asc, desc, eq, ilike, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { findAgreement } from '@/db/queries/agreements';
import { anyUuid } from '@/db/queries/billing-runs';
import { printableItemsOf } from '@/db/queries/invoices';
import { containsPattern } from '@/db/queries/filters';
import { paymentsOfInvoice } from '@/db/queries/payments';
import { accountGroups, accounts, agreements, branches, invoiceItems, invoices } from '@/db/schema';
import { ForbiddenError, NotFoundError } from '@/lib/auth/errors';
import { can } from '@/lib/auth/roles';
import type { Actor } from '@/lib/auth/scope';
import { acceptsPayment } from '@/lib/domain/collections/allocation';
import { toLocalDateString } from '@/lib/domain/format';
import { loadInvoicePdfBatch } from '@/lib/pdf/batch/load';
import type { InvoicePdfData } from '@/lib/pdf/types';
import type { PrintFormat } from '@/lib/domain/pdf/print-format';
import { PORTAL_INVOICES_PAGE_SIZE, type PortalInvoiceFilter, type PortalInvoiceListParams } from '@/lib/validation/portal-invoices';
import { isUuid } from './customers';
import { agreementStatement } from './statements';

/**
 * The portal's invoices (issue 7), for CLIENT users only ('portal.use'). The customer is ALWAYS the
 * session's (`actor.customerId`) and is part of every query's WHERE: another customer's invoice —
 * by id, by number, by a guessed id — is "not found" with the same message as an id that does not
 * exist. Drafts are never shown (they are not documents yet).
 */

const invoiceNotFound = () => new NotFoundError('No se encontró la factura.');

/** The session's customer, or Forbidden for anyone who is not a portal client (staff included). */
export function portalCustomerId(actor: Actor): string {
  if (!can(actor.role, 'portal.use') || !actor.customerId) throw new ForbiddenError();
  return actor.customerId;
}

/** The client's issued (numbered) documents: the base of every portal invoice query. */
const ownInvoices = (customerId: string) => and(eq(invoices.customerId, customerId), ne(invoices.status, 'DRAFT'), isNotNull(invoices.fiscalNumber));

/**
 * The filter's conditions. An invoice "belongs" to an account group or account when it bills it
 * (its group / account columns) or when one of its lines is for that account (or an account of that
 * group) — a per-agreement invoice covers many accounts. A period also matches the documents
 * without one (manual invoices, notes) issued in that month.
 */
function conditions(customerId: string, f: PortalInvoiceFilter): SQL {
  const where: (SQL | undefined)[] = [ownInvoices(customerId)];
  if (f.periodo) where.push(or(eq(invoices.period, f.periodo), and(isNull(invoices.period), sql`to_char(${invoices.issueDate}, 'YYYY-MM') = ${f.periodo}`)));
  if (f.estado) where.push(eq(invoices.status, f.estado));
  if (f.acuerdo) where.push(eq(invoices.agreementId, f.acuerdo));
  if (f.grupo) {
    const line = sql`exists (select 1 from ${invoiceItems} inner join ${accounts} on ${accounts.id} = ${invoiceItems.accountId} where ${invoiceItems.invoiceId} = ${invoices.id} and ${accounts.groupId} = ${f.grupo})`;
    where.push(or(eq(invoices.accountGroupId, f.grupo), line));
  }
  if (f.cuenta) {
    const line = sql`exists (select 1 from ${invoiceItems} where ${invoiceItems.invoiceId} = ${invoices.id} and ${invoiceItems.accountId} = ${f.cuenta})`;
    where.push(or(eq(invoices.accountId, f.cuenta), line));
  }
  if (f.numero) where.push(ilike(invoices.fiscalNumber, containsPattern(f.numero)));
  return and(...where)!;
}

// Newest first; the number and id only break ties.
const newestFirst = [sql`${invoices.issueDate} desc nulls last`, desc(invoices.fiscalNumber), desc(invoices.id)];

const listColumns = {
  id: invoices.id,
  docType: invoices.docType,
  invoiceClass: invoices.invoiceClass,
  fiscalNumber: invoices.fiscalNumber,
  status: invoices.status,
  period: invoices.period,
  issueDate: invoices.issueDate,
  dueDate: invoices.dueDate,
  currency: invoices.currency,
  total: invoices.total,
  balance: invoices.balance,
  agreementId: invoices.agreementId,
  agreementCode: agreements.code,
  agreementName: agreements.name,
};

/** A row as the client sees it: can it still be paid, and is it past due (today in Santo Domingo)? */
function withState<T extends { status: string; docType: string; balance: string; dueDate: string | null }>(row: T, today: string) {
  const payable = acceptsPayment(row);
  return { ...row, payable, overdue: payable && !!row.dueDate && row.dueDate < today };
}

function pageQuery(db: DbOrTx, where: SQL, limit: number, offset: number) {
  return db.select(listColumns).from(invoices).innerJoin(agreements, eq(agreements.id, invoices.agreementId)).where(where).orderBy(...newestFirst).limit(limit).offset(offset);
}

/**
 * One page (50 rows, newest first) of the client's invoices with the filter, and the exact total (a
 * customer has thousands of invoices at most, so counting them is cheap). A page past the end shows
 * the last one.
 */
export async function listPortalInvoices(actor: Actor, params: PortalInvoiceListParams, db = getDb(), now = new Date()) {
  const customerId = portalCustomerId(actor);
  const where = conditions(customerId, params);
  const total = await db.$count(invoices, where);
  const pageCount = Math.max(1, Math.ceil(total / PORTAL_INVOICES_PAGE_SIZE));
  const page = Math.min(params.pagina ?? 1, pageCount);
  const rows = total ? await pageQuery(db, where, PORTAL_INVOICES_PAGE_SIZE, (page - 1) * PORTAL_INVOICES_PAGE_SIZE) : [];
  const today = toLocalDateString(now);
  return { rows: rows.map((r) => withState(r, today)), total, page, pageCount, pageSize: PORTAL_INVOICES_PAGE_SIZE };
}

export type PortalInvoiceRow = Awaited<ReturnType<typeof listPortalInvoices>>['rows'][number];

/** Every invoice of the filter, newest first, read 1,000 at a time: for the CSV export. */
export async function* exportPortalInvoices(actor: Actor, filter: PortalInvoiceFilter, db = getDb(), now = new Date()) {
  const customerId = portalCustomerId(actor);
  const where = conditions(customerId, filter);
  const today = toLocalDateString(now);
  const batch = 1000;
  for (let offset = 0; ; offset += batch) {
    const rows = await db
      .select({ ...listColumns, netTotal: invoices.netTotal, taxTotal: invoices.taxTotal, discountTotal: invoices.discountTotal, exchangeRate: invoices.exchangeRate, branchName: branches.name })
      .from(invoices)
      .innerJoin(agreements, eq(agreements.id, invoices.agreementId))
      .innerJoin(branches, eq(branches.id, invoices.branchId))
      .where(where)
      .orderBy(...newestFirst)
      .limit(batch)
      .offset(offset);
    for (const r of rows) yield withState(r, today);
    if (rows.length < batch) return;
  }
}

/** How many of the client's invoices the filter matches. */
export async function countPortalInvoices(actor: Actor, filter: PortalInvoiceFilter, db: DbOrTx = getDb()): Promise<number> {
  return db.$count(invoices, conditions(portalCustomerId(actor), filter));
}

/**
 * The ids of the filter's invoices, newest first, at most `limit` (the ZIP request asks for one
 * more than its cap to know it is exceeded).
 */
export async function portalInvoiceIds(actor: Actor, filter: PortalInvoiceFilter, limit: number, db: DbOrTx = getDb()): Promise<string[]> {
  const customerId = portalCustomerId(actor);
  const rows = await db.select({ id: invoices.id }).from(invoices).where(conditions(customerId, filter)).orderBy(...newestFirst).limit(limit);
  return rows.map((r) => r.id);
}

/** Of `ids`, the client's own printable invoices (as given, invalid ones dropped), newest first. */
export async function ownPortalInvoiceIds(actor: Actor, ids: readonly string[], db: DbOrTx = getDb()): Promise<string[]> {
  const customerId = portalCustomerId(actor);
  const valid = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
  if (!valid.length) return [];
  const rows = await db
    .select({ id: invoices.id })
    .from(invoices)
    .where(and(ownInvoices(customerId), anyUuid(invoices.id, valid)))
    .orderBy(...newestFirst);
  return rows.map((r) => r.id);
}

/**
 * The invoice detail: header, the printable items (the lines the client is billed by), the
 * confirmed payments applied to it, the notes that correct it (or the invoice a note corrects), and
 * whether it can still be paid. Another customer's id answers exactly like an unknown one.
 */
export async function getPortalInvoice(actor: Actor, id: string, db = getDb(), now = new Date()) {
  const customerId = portalCustomerId(actor);
  if (!isUuid(id)) throw invoiceNotFound();
  const [row] = await db
    .select({ invoice: invoices, agreementCode: agreements.code, agreementName: agreements.name, branchName: branches.name })
    .from(invoices)
    .innerJoin(agreements, eq(agreements.id, invoices.agreementId))
    .innerJoin(branches, eq(branches.id, invoices.branchId))
    .where(and(eq(invoices.id, id), ownInvoices(customerId)))
    .limit(1);
  if (!row) throw invoiceNotFound();
  const inv = row.invoice;
  const relatedColumns = { id: invoices.id, docType: invoices.docType, fiscalNumber: invoices.fiscalNumber, status: invoices.status, issueDate: invoices.issueDate, total: invoices.total, currency: invoices.currency };
  const [printable, paid, related] = await Promise.all([
    printableItemsOf(db, inv.id),
    paymentsOfInvoice(db, inv.id),
    db
      .select(relatedColumns)
      .from(invoices)
      .where(and(ownInvoices(customerId), eq(invoices.agreementId, inv.agreementId), or(eq(invoices.relatedInvoiceId, inv.id), inv.relatedInvoiceId ? eq(invoices.id, inv.relatedInvoiceId) : sql`false`)))
      .orderBy(asc(invoices.issueDate), asc(invoices.id))
      .limit(100),
  ]);
  const today = toLocalDateString(now);
  const state = withState(inv, today);
  return {
    // What the client may see of the stored invoice (not who issued it nor internal ids).
    invoice: {
      id: inv.id,
      docType: inv.docType,
      invoiceClass: inv.invoiceClass,
      fiscalNumber: inv.fiscalNumber!,
      posNumber: inv.posNumber,
      origin: inv.origin,
      status: inv.status,
      agreementId: inv.agreementId,
      period: inv.period,
      issueDate: inv.issueDate,
      dueDate: inv.dueDate,
      currency: inv.currency,
      exchangeRate: inv.exchangeRate,
      customerSnapshot: inv.customerSnapshot,
      billingAddress: inv.billingAddress,
      deliveryAddress: inv.deliveryAddress,
      grossTotal: inv.grossTotal,
      discountTotal: inv.discountTotal,
      netTotal: inv.netTotal,
      taxTotal: inv.taxTotal,
      total: inv.total,
      balance: inv.balance,
      notes: inv.notes,
      eAuthorizationCode: inv.eAuthorizationCode,
      voidedAt: inv.voidedAt,
    },
    payable: state.payable,
    overdue: state.overdue,
    agreementCode: row.agreementCode,
    agreementName: row.agreementName,
    branchName: row.branchName,
    printable,
    payments: paid.filter((p) => p.status === 'CONFIRMED').map((p) => ({ id: p.paymentId, receiptNumber: p.receiptNumber, paidOn: p.paidOn, method: p.method, amount: p.amount })),
    related: related.map((d) => ({ ...d, relation: d.id === inv.relatedInvoiceId ? ('corrected' as const) : ('note' as const) })),
  };
}

export type PortalInvoiceDetail = Awaited<ReturnType<typeof getPortalInvoice>>;

/**
 * The invoice's PDF data and format, for the portal's PDF route: the client's own issued invoice
 * only, then the same loader (and so the same PDF) as staff downloads and the batch ZIPs.
 */
export async function loadPortalInvoicePdf(actor: Actor, id: string, db = getDb()): Promise<{ data: InvoicePdfData; format: PrintFormat }> {
  const customerId = portalCustomerId(actor);
  if (!isUuid(id)) throw invoiceNotFound();
  const [own] = await db.select({ id: invoices.id }).from(invoices).where(and(eq(invoices.id, id), ownInvoices(customerId))).limit(1);
  if (!own) throw invoiceNotFound();
  const [loaded] = await loadInvoicePdfBatch(db, [own.id]);
  if (!loaded) throw invoiceNotFound();
  return { data: loaded.data, format: loaded.format };
}

/** The list's filter choices: the client's agreements, their account groups and accounts. */
export async function portalInvoiceFilterOptions(actor: Actor, db = getDb()) {
  const customerId = portalCustomerId(actor);
  const [agreementRows, groupRows, accountRows] = await Promise.all([
    db.select({ id: agreements.id, code: agreements.code, name: agreements.name, status: agreements.status }).from(agreements).where(eq(agreements.customerId, customerId)).orderBy(asc(agreements.code)),
    db
      .select({ id: accountGroups.id, code: accountGroups.code, name: accountGroups.name, agreementCode: agreements.code })
      .from(accountGroups)
      .innerJoin(agreements, eq(agreements.id, accountGroups.agreementId))
      .where(eq(agreements.customerId, customerId))
      .orderBy(asc(agreements.code), asc(accountGroups.code)),
    db
      .select({ id: accounts.id, number: accounts.number, description: accounts.description, agreementCode: agreements.code })
      .from(accounts)
      .innerJoin(agreements, eq(agreements.id, accounts.agreementId))
      .where(eq(agreements.customerId, customerId))
      .orderBy(asc(agreements.code), asc(accounts.number)),
  ]);
  return { agreements: agreementRows, groups: groupRows, accounts: accountRows };
}

/**
 * The statement of account of one of the client's agreements (the same builder as staff use:
 * lib/dal/statements.ts); another customer's agreement is "not found" like an unknown one.
 */
export async function getPortalAgreementStatement(actor: Actor, agreementId: string, range: { from: string; to: string }, db = getDb(), now = new Date()) {
  const customerId = portalCustomerId(actor);
  const ownAgreement = async (d: DbOrTx, id: string) => {
    const row = await findAgreement(d, { all: true }, id);
    return row && row.agreement.customerId === customerId ? row : undefined;
  };
  return agreementStatement(ownAgreement, agreementId, range, db, now);
}
