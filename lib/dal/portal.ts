import 'server-only';
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { getDb, type Db, type DbOrTx } from '@/db/client';
import { agreements, branches, customers, invoices, localities, provinces } from '@/db/schema';
import { ForbiddenError, NotFoundError } from '@/lib/auth/errors';
import { can } from '@/lib/auth/roles';
import type { Actor } from '@/lib/auth/scope';
import { toLocalDateString } from '@/lib/domain/format';
import { fromCents, toCents } from '@/lib/domain/money';
import { getCheckout, startCheckout } from './checkouts';
import { isUuid } from './customers';

/**
 * The portal's scope: the session's customer, for role CLIENT only. Every portal function starts
 * here and filters by the id it returns — never by a customer id that came from the request.
 */
export function portalCustomerId(actor: Actor): string {
  if (!can(actor.role, 'portal.use') || !actor.customerId) throw new ForbiddenError();
  return actor.customerId;
}

/**
 * The portal user's own customer. It takes no id: the customer comes from the session only, so
 * a client can never ask for another customer's data. Internal fields (notes) are not returned.
 */
export async function portalCustomer(actor: Actor, db = getDb()) {
  const customerId = portalCustomerId(actor);
  const [row] = await db
    .select({
      customer: {
        id: customers.id,
        code: customers.code,
        legalName: customers.legalName,
        documentType: customers.documentType,
        documentNumber: customers.documentNumber,
        taxCondition: customers.taxCondition,
        segment: customers.segment,
        keyAccountManager: customers.keyAccountManager,
        email: customers.email,
        phone: customers.phone,
        address: customers.address,
      },
      branchName: branches.name,
      localityName: localities.name,
      provinceName: provinces.name,
    })
    .from(customers)
    .innerJoin(branches, eq(branches.id, customers.branchId))
    .leftJoin(localities, eq(localities.id, customers.localityId))
    .leftJoin(provinces, eq(provinces.id, localities.provinceId))
    .where(eq(customers.id, customerId))
    .limit(1);
  if (!row) throw new ForbiddenError();
  return row;
}

// ─── Pay online ──────────────────────────────────────────────────────────────────────────────

const notFound = () => new NotFoundError('No se encontró la factura o el acuerdo.');

/** What a payment can pay: issued invoices and debit notes with a balance, in the agreement's currency. */
const payable = and(sql`${invoices.status} in ('ISSUED', 'PARTIALLY_PAID')`, sql`${invoices.docType} in ('INVOICE', 'DEBIT_NOTE')`, gt(invoices.balance, '0'), eq(invoices.currency, agreements.currency));

/** The customer's agreement, or undefined (another customer's, or none). */
async function ownAgreement(db: DbOrTx, customerId: string, agreementId: string) {
  if (!isUuid(agreementId)) return undefined;
  const [row] = await db
    .select({ id: agreements.id, code: agreements.code, name: agreements.name, currency: agreements.currency, status: agreements.status })
    .from(agreements)
    .where(and(eq(agreements.id, agreementId), eq(agreements.customerId, customerId)));
  return row;
}

/** The customer's agreements with something to pay online, each with its open total. */
async function payableAgreements(db: DbOrTx, customerId: string) {
  const rows = await db
    .select({ id: agreements.id, code: agreements.code, name: agreements.name, currency: agreements.currency, openCount: sql<number>`count(*)::int`, due: sql<string>`sum(${invoices.balance})::numeric(14,2)::text` })
    .from(invoices)
    .innerJoin(agreements, eq(agreements.id, invoices.agreementId))
    .where(and(eq(invoices.customerId, customerId), eq(agreements.customerId, customerId), payable))
    .groupBy(agreements.id)
    .orderBy(asc(agreements.code));
  return rows;
}

/**
 * The "Pagar en línea" page: the customer's agreements with open invoices and, for the chosen one
 * (by `agreementId`, by the agreement of `invoiceId`, else the first), its open invoices oldest due
 * first. An invoice or agreement id that is not the customer's (or not an id) → NotFoundError, as
 * for one that does not exist. `preselected` is the invoice when it can still be paid; otherwise
 * `notPayable` names it (e.g. it was paid meanwhile).
 */
export async function portalPaymentForm(actor: Actor, opts: { agreementId?: string; invoiceId?: string }, db: Db = getDb(), now = new Date()) {
  const customerId = portalCustomerId(actor);
  const today = toLocalDateString(now);
  let agreementId = opts.agreementId;
  let preselected: string | null = null;
  let notPayable: string | null = null;
  if (opts.invoiceId) {
    if (!isUuid(opts.invoiceId)) throw notFound();
    const [inv] = await db
      .select({ id: invoices.id, agreementId: invoices.agreementId, fiscalNumber: invoices.fiscalNumber, status: invoices.status })
      .from(invoices)
      .where(and(eq(invoices.id, opts.invoiceId), eq(invoices.customerId, customerId), sql`${invoices.status} <> 'DRAFT'`));
    if (!inv) throw notFound();
    agreementId = inv.agreementId;
    preselected = inv.id;
    notPayable = inv.fiscalNumber ?? '';
  }
  const list = await payableAgreements(db, customerId);
  if (agreementId === undefined) agreementId = list[0]?.id;
  if (agreementId === undefined) return { agreements: list, selected: null, preselected: null, notPayable, today };
  const agreement = await ownAgreement(db, customerId, agreementId);
  if (!agreement) throw notFound();
  const open = await db
    .select({ id: invoices.id, fiscalNumber: invoices.fiscalNumber, docType: invoices.docType, period: invoices.period, issueDate: invoices.issueDate, dueDate: invoices.dueDate, total: invoices.total, balance: invoices.balance, status: invoices.status })
    .from(invoices)
    .innerJoin(agreements, eq(agreements.id, invoices.agreementId))
    .where(and(eq(invoices.agreementId, agreement.id), eq(invoices.customerId, customerId), payable))
    .orderBy(sql`${invoices.dueDate} asc nulls last`, asc(invoices.issueDate), asc(invoices.fiscalNumber));
  const rows = open.map((i) => ({ ...i, overdue: i.dueDate !== null && i.dueDate < today }));
  if (preselected && rows.some((r) => r.id === preselected)) notPayable = null;
  else preselected = null;
  return {
    agreements: list,
    selected: { agreement, invoices: rows, totalDue: fromCents(rows.reduce((n, i) => n + toCents(i.balance), 0n)) },
    preselected,
    notPayable,
    today,
  };
}

export const PORTAL_CHECKOUT_RETURN = '/portal/pagar/resultado';

/**
 * Starts a gateway checkout for chosen invoices of one of the customer's agreements. Ownership is
 * checked here first — an agreement or invoice that is not the customer's (or not an id) →
 * NotFoundError, whatever else is valid — and then again by startCheckout, which also refuses
 * invoices that cannot be paid any more (UserError).
 */
export async function startPortalCheckout(actor: Actor, input: { agreementId: string; invoiceIds: readonly string[] }, opts: { origin: string }, db: Db = getDb(), now = new Date()) {
  const customerId = portalCustomerId(actor);
  const ids = [...input.invoiceIds];
  if (!ids.every(isUuid)) throw notFound();
  const agreement = await ownAgreement(db, customerId, input.agreementId);
  if (!agreement) throw notFound();
  if (ids.length) {
    const owned = await db
      .select({ id: invoices.id })
      .from(invoices)
      .where(and(inArray(invoices.id, ids), eq(invoices.agreementId, agreement.id), eq(invoices.customerId, customerId)));
    if (new Set(owned.map((r) => r.id)).size !== new Set(ids).size) throw notFound();
  }
  return startCheckout(actor, { agreementId: agreement.id, invoiceIds: ids, returnUrl: PORTAL_CHECKOUT_RETURN }, opts, db, now);
}

/** A checkout of the customer for the result page; anyone else's (or a bad id) → NotFoundError. */
export async function getPortalCheckout(actor: Actor, checkoutId: string, db: Db = getDb(), now = new Date()) {
  portalCustomerId(actor);
  return getCheckout(actor, checkoutId, db, now);
}
