import 'server-only';
import { paymentsOfInvoice } from '@/db/queries/payments';
import { getDb } from '@/db/client';
import * as q from '@/db/queries/invoices';
import { listBranches } from '@/db/queries/organization';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import { can, type Permission } from '@/lib/auth/roles';
import { branchScope, inBranchScope, type Actor } from '@/lib/auth/scope';
import { toLocalDateString } from '@/lib/domain/format';
import { parseInvoiceCursor, type InvoiceListFilter, type InvoiceListParams } from '@/lib/validation/invoices';
import { isUuid } from './customers';

export const INVOICES_PAGE_SIZE = 25;
/** A filtered list counts at most this many matches ("más de 10.000"); beyond, the exact figure is not worth a scan. */
export const INVOICE_COUNT_CAP = 10_000;

function assertCan(actor: Actor, permission: Permission) {
  if (!can(actor.role, permission)) throw new ForbiddenError();
}

const notFound = () => new NotFoundError('No se encontró la factura.');

function toFilter(p: InvoiceListFilter, now: Date): q.InvoiceFilter {
  return {
    period: p.periodo,
    invoiceClass: p.clase,
    status: p.estado,
    docType: p.tipo,
    branchId: p.branchId,
    customer: p.cliente,
    agreementCode: p.acuerdo,
    billingRunId: p.corrida,
    overdue: p.vencidas === '1',
    today: toLocalDateString(now),
  };
}

const hasFilter = (f: q.InvoiceFilter) => Boolean(f.period || f.invoiceClass || f.status || f.docType || f.branchId || f.customer || f.agreementCode || f.billingRunId || f.overdue);

/** How many rows the list says it has: exact, "more than" (capped) or the planner's estimate. */
export type InvoiceTotal = { kind: 'exact'; count: number } | { kind: 'atLeast'; count: number } | { kind: 'estimate'; count: number };

/**
 * One keyset page of the invoices in the actor's branches. Paging is by cursor (`despues`/`antes`),
 * never OFFSET; the total is exact up to INVOICE_COUNT_CAP, and for an unfiltered list over every
 * branch it is pg_class.reltuples once the table is larger than that, so no request counts millions of rows.
 */
export async function listInvoices(actor: Actor, params: InvoiceListParams, db = getDb(), now = new Date()) {
  assertCan(actor, 'billing.read');
  const scope = branchScope(actor);
  const filter = toFilter(params, now);
  const after = parseInvoiceCursor(params.despues);
  const before = after ? undefined : parseInvoiceCursor(params.antes);
  const [page, total] = await Promise.all([q.listInvoicesPage(db, scope, filter, { limit: INVOICES_PAGE_SIZE, after, before }), invoiceTotal(db, scope, filter)]);
  const from = page.rows.length ? Math.max(1, params.desde ?? 1) : 0;
  const first = page.rows[0];
  const last = page.rows[page.rows.length - 1];
  return {
    rows: page.rows,
    total,
    pageSize: INVOICES_PAGE_SIZE,
    from,
    to: from ? from + page.rows.length - 1 : 0,
    next: page.hasNext && last ? { period: last.period, id: last.id } : undefined,
    prev: page.hasPrev && first ? { period: first.period, id: first.id } : undefined,
  };
}

async function invoiceTotal(db: ReturnType<typeof getDb>, scope: ReturnType<typeof branchScope>, filter: q.InvoiceFilter): Promise<InvoiceTotal> {
  if (scope.all && !hasFilter(filter)) {
    const estimate = await q.estimateInvoiceRows(db);
    if (estimate !== null && estimate > INVOICE_COUNT_CAP) return { kind: 'estimate', count: estimate };
  }
  const { count, capped } = await q.countInvoicesCapped(db, scope, filter, INVOICE_COUNT_CAP);
  return capped ? { kind: 'atLeast', count } : { kind: 'exact', count };
}

/** Every invoice of the filtered list, in list order, read in batches: for the CSV export. */
export async function* exportInvoices(actor: Actor, params: InvoiceListFilter, db = getDb(), now = new Date()) {
  assertCan(actor, 'billing.read');
  yield* q.iterateInvoices(db, branchScope(actor), toFilter(params, now));
}

/** The detail page: the invoice (within the actor's branches), its items, printable items and linked documents. */
export async function getInvoiceDetail(actor: Actor, id: string, db = getDb()) {
  assertCan(actor, 'billing.read');
  if (!isUuid(id)) throw notFound();
  const scope = branchScope(actor);
  const row = await q.findInvoice(db, scope, id);
  if (!row) throw notFound();
  const [items, printable, related, paid] = await Promise.all([q.invoiceItemsOf(db, id), q.printableItemsOf(db, id), q.relatedDocuments(db, scope, row.invoice), paymentsOfInvoice(db, id)]);
  return { ...row, items, printable, related, payments: paid };
}

/** Filter choices of the invoice list and the run form: the branches in the actor's scope. */
export async function invoiceListOptions(actor: Actor, db = getDb()) {
  assertCan(actor, 'billing.read');
  const scope = branchScope(actor);
  const rows = await listBranches(db, scope.all ? undefined : scope.branchIds);
  return { branches: rows.map((b) => ({ id: b.id, name: b.name, active: b.active })) };
}

/**
 * The scope of a billing run as the form gave it, checked against the actor's branches: a branch
 * outside them is refused, and agreement codes must all name agreements the actor can see
 * (unknown ones come back as a field error listing them). Used by the run form's action.
 */
export async function resolveBillingRunScope(
  actor: Actor,
  input: { scope: 'ALL' | 'BRANCH' | 'AGREEMENTS'; branchId?: string; agreementCodes: string[] },
  db = getDb(),
): Promise<{ branchId?: string; agreementIds?: string[] }> {
  assertCan(actor, 'billing.write');
  const scope = branchScope(actor);
  if (input.scope === 'BRANCH') {
    if (!input.branchId || !isUuid(input.branchId) || !inBranchScope(scope, input.branchId)) {
      throw new UserError('Revise los campos marcados.', { branchId: ['Seleccione una de sus sucursales.'] });
    }
    return { branchId: input.branchId };
  }
  if (input.scope === 'AGREEMENTS') {
    const codes = [...new Set(input.agreementCodes.map((c) => c.trim().toUpperCase()).filter(Boolean))];
    if (!codes.length) throw new UserError('Revise los campos marcados.', { agreementCodes: ['Indique al menos un código de acuerdo.'] });
    const found = await q.agreementIdsByCodes(db, scope, codes);
    const known = new Set(found.map((a) => a.code.toUpperCase()));
    const unknown = codes.filter((c) => !known.has(c));
    if (unknown.length) {
      const shown = unknown.slice(0, 10).join(', ') + (unknown.length > 10 ? ` y ${unknown.length - 10} más` : '');
      throw new UserError('Revise los campos marcados.', { agreementCodes: [`${unknown.length === 1 ? 'Código desconocido' : 'Códigos desconocidos'} en sus sucursales: ${shown}.`] });
    }
    // The engine takes a branch-scoped user's run by branch: the agreements must share one.
    if (scope.all) return { agreementIds: found.map((a) => a.id) };
    const branchIds = [...new Set(found.map((a) => a.branchId))];
    if (branchIds.length > 1) {
      throw new UserError('Revise los campos marcados.', { agreementCodes: ['Los acuerdos deben ser de una misma sucursal: haga una corrida por sucursal.'] });
    }
    return { branchId: branchIds[0], agreementIds: found.map((a) => a.id) };
  }
  if (scope.all) return {};
  // "All my branches" for a branch-scoped user: each run bills one branch, so it is their only branch.
  if (scope.branchIds.length === 1) return { branchId: scope.branchIds[0] };
  throw new UserError('Revise los campos marcados.', { scope: ['Con varias sucursales, cada corrida factura una: elija la sucursal.'] });
}

/** Whether the run form can offer "all my branches": everyone but a user with several branches of their own. */
export function canRunAllBranches(actor: Actor): boolean {
  const scope = branchScope(actor);
  return scope.all || scope.branchIds.length === 1;
}
