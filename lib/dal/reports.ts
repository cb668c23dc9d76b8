import 'server-only';
import { getDb } from '@/db/client';
import { listBranches } from '@/db/queries/organization';
import * as q from '@/db/queries/reports';
import { ForbiddenError } from '@/lib/auth/errors';
import { can } from '@/lib/auth/roles';
import { branchScope, type Actor, type BranchScope } from '@/lib/auth/scope';
import { validDate } from '@/lib/domain/billing/period';
import { daysBetween } from '@/lib/domain/collections/delinquency';
import { toLocalDateString } from '@/lib/domain/format';
import { money, roundHalfUp } from '@/lib/domain/money';
import { PAYMENT_METHOD_LABELS, type PaymentMethod } from '@/lib/domain/payment-instrument';
import { SEGMENT_LABELS } from '@/lib/validation/customer';
import { formatOverdueCursor, parseOverdueCursor, type ReportParams } from '@/lib/validation/reports';

export const OVERDUE_PAGE_SIZE = 50;
export const TOP_CUSTOMERS = 50;
export const TOP_DEBTORS = 50;
const DAY_MS = 86_400_000;

type Db = ReturnType<typeof getDb>;

function assertCanRead(actor: Actor) {
  if (!can(actor.role, 'reports.read')) throw new ForbiddenError('No tiene permiso para ver los reportes de cobranza.');
}

// A calendar date `days` away (negative = earlier); e.g. ('2026-03-01', -1) → '2026-02-28'.
function addDays(date: string, days: number): string {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + days * DAY_MS;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * Collection efficiency in percent, one decimal, half up: collected / billed × 100 on decimals
 * (never floats); null when nothing was billed. E.g. ('1000.00', '666.66') → '66.7'.
 */
export function collectionEfficiency(billed: string, collected: string): string | null {
  const b = money(billed);
  if (b.isZero()) return null;
  return roundHalfUp(money(collected).times(100).dividedBy(b), 1).toFixed(1);
}

/** The branches the actor may filter by (their scope). */
export async function reportOptions(actor: Actor, db: Db = getDb()) {
  assertCanRead(actor);
  const scope = branchScope(actor);
  const rows = await listBranches(db, scope.all ? undefined : scope.branchIds);
  return { branches: rows.map((b) => ({ id: b.id, name: b.name })) };
}

/**
 * The scope and SQL filter of a request: the session's branches, and the parameters with a branch
 * outside them dropped (like any bad parameter). Every report goes through here.
 */
function prepare(actor: Actor, params: ReportParams): { scope: BranchScope; filter: q.ReportFilter; params: ReportParams } {
  assertCanRead(actor);
  const scope = branchScope(actor);
  const branchId = params.branchId && (scope.all || scope.branchIds.includes(params.branchId)) ? params.branchId : undefined;
  return { scope, params: { ...params, branchId }, filter: { branchId, segment: params.segmento, customer: params.cliente, currency: params.moneda } };
}

export type AgingLine = Omit<q.AgingRow, 'dimension' | 'currency'>;
export type AgingByCurrency = { currency: string; total: AgingLine; branches: AgingLine[]; segments: AgingLine[]; customers: AgingLine[] };

/** a) Receivables aging as of a date (default today), per currency: total, by branch, segment and top customers. */
export async function getAgingReport(actor: Actor, raw: ReportParams, db: Db = getDb(), now = new Date()) {
  const { scope, filter, params } = prepare(actor, raw);
  const asOf = params.fecha ?? toLocalDateString(now);
  const rows = await q.agingReport(db, scope, { ...filter, asOf, topCustomers: TOP_CUSTOMERS });
  const byCurrency = new Map<string, AgingByCurrency>();
  for (const r of rows) {
    const { dimension, currency, ...rest } = r;
    const label = dimension === 'segment' ? (SEGMENT_LABELS[rest.key as keyof typeof SEGMENT_LABELS] ?? rest.key) : dimension === 'total' ? 'Total' : rest.label;
    const line = { ...rest, label };
    let c = byCurrency.get(currency);
    if (!c) byCurrency.set(currency, (c = { currency, total: { ...line }, branches: [], segments: [], customers: [] }));
    if (dimension === 'total') c.total = line;
    else if (dimension === 'branch') c.branches.push(line);
    else if (dimension === 'segment') c.segments.push(line);
    else c.customers.push(line);
  }
  return { asOf, params, currencies: [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency)) };
}

function paymentsLabel(r: q.PaymentsRow): string {
  if (r.dimension === 'method') return PAYMENT_METHOD_LABELS[r.key as PaymentMethod] ?? r.key;
  if (r.dimension === 'entity' && !r.key) return 'Sin entidad';
  if (r.dimension === 'cashier' && !r.key) return 'Sin usuario';
  if (r.dimension === 'total') return 'Total';
  return r.label;
}

export type PaymentsLine = { key: string; label: string; amount: string; payments: number };
export type PaymentsByCurrency = { currency: string; total: PaymentsLine; days: PaymentsLine[]; methods: PaymentsLine[]; entities: PaymentsLine[]; branches: PaymentsLine[]; cashiers: PaymentsLine[] };

/** b) Confirmed payments in a date range (default the last 30 days), per currency, by day, method, entity, branch and cashier. */
export async function getPaymentsReport(actor: Actor, raw: ReportParams, db: Db = getDb(), now = new Date()) {
  const { scope, filter, params } = prepare(actor, raw);
  let to = params.hasta ?? toLocalDateString(now);
  let from = params.desde ?? addDays(to, -29);
  if (from > to) [from, to] = [to, from];
  const rows = await q.paymentsReport(db, scope, { ...filter, from, to });
  const byCurrency = new Map<string, PaymentsByCurrency>();
  const listOf = { day: 'days', method: 'methods', entity: 'entities', branch: 'branches', cashier: 'cashiers' } as const;
  for (const r of rows) {
    let c = byCurrency.get(r.currency);
    const line = { key: r.key, label: paymentsLabel(r), amount: r.amount, payments: r.payments };
    if (!c) byCurrency.set(r.currency, (c = { currency: r.currency, total: line, days: [], methods: [], entities: [], branches: [], cashiers: [] }));
    if (r.dimension === 'total') c.total = line;
    else c[listOf[r.dimension]].push(line);
  }
  return { from, to, params: { ...params, desde: from, hasta: to }, currencies: [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency)) };
}

export type OverdueLine = q.OverdueRow & { daysOverdue: number };

/** c) One keyset page of the documents overdue on a date (default today), oldest due first. */
export async function getOverduePage(actor: Actor, raw: ReportParams, db: Db = getDb(), now = new Date()) {
  const { scope, filter, params } = prepare(actor, raw);
  const asOf = params.fecha ?? toLocalDateString(now);
  const after = parseOverdueCursor(params.despues);
  const rows = await q.overdueInvoicesPage(db, scope, { ...filter, asOf, after, limit: OVERDUE_PAGE_SIZE });
  const page = rows.slice(0, OVERDUE_PAGE_SIZE).map((r) => ({ ...r, daysOverdue: daysBetween(r.due_date, asOf) }));
  const last = page[page.length - 1];
  return { asOf, params, rows: page, next: rows.length > OVERDUE_PAGE_SIZE && last ? formatOverdueCursor({ dueDate: last.due_date, id: last.id }) : undefined, isFirstPage: !after };
}

/** Every overdue document on the date, in list order, read in keyset pages of 1 000: for the CSV export. */
export async function* exportOverdue(actor: Actor, raw: ReportParams, db: Db = getDb(), now = new Date()): AsyncGenerator<OverdueLine> {
  const { scope, filter, params } = prepare(actor, raw);
  const asOf = params.fecha ?? toLocalDateString(now);
  let after: q.OverdueCursor | undefined;
  for (;;) {
    const rows = await q.overdueInvoicesPage(db, scope, { ...filter, asOf, after, limit: 1000 });
    for (const r of rows.slice(0, 1000)) yield { ...r, daysOverdue: daysBetween(r.due_date, asOf) };
    if (rows.length <= 1000) return;
    const last = rows[999];
    after = { dueDate: last.due_date, id: last.id };
  }
}

export type EfficiencyLine = q.BilledCollectedRow & { efficiency: string | null };

/** d) Billed vs collected per period (default the last 12 periods up to the current one) and currency, with the efficiency %. */
export async function getEfficiencyReport(actor: Actor, raw: ReportParams, db: Db = getDb(), now = new Date()) {
  const { scope, filter, params } = prepare(actor, raw);
  const today = toLocalDateString(now);
  let toPeriod = params.periodoHasta ?? today.slice(0, 7);
  let fromPeriod = params.periodoDesde ?? addDays(`${toPeriod}-01`, -334).slice(0, 7);
  if (fromPeriod > toPeriod) [fromPeriod, toPeriod] = [toPeriod, fromPeriod];
  const rows = await q.billedVsCollected(db, scope, { ...filter, fromPeriod, toPeriod });
  const lines: EfficiencyLine[] = rows.map((r) => ({ ...r, efficiency: collectionEfficiency(r.billed, r.collected) }));
  const currencies = [...new Set(lines.map((l) => l.currency))].sort();
  return { fromPeriod, toPeriod, params: { ...params, periodoDesde: fromPeriod, periodoHasta: toPeriod }, currencies: currencies.map((currency) => ({ currency, rows: lines.filter((l) => l.currency === currency) })) };
}

/** e) The agreements that owe the most, TOP_DEBTORS per currency. */
export async function getTopDebtors(actor: Actor, raw: ReportParams, db: Db = getDb(), now = new Date()) {
  const { scope, filter, params } = prepare(actor, raw);
  const today = toLocalDateString(now);
  const rows = await q.topDebtors(db, scope, { ...filter, limit: TOP_DEBTORS });
  return {
    params,
    rows: rows.map((r) => ({ ...r, daysOverdue: r.oldest_due_date && validDate(r.oldest_due_date) ? Math.max(0, daysBetween(r.oldest_due_date, today)) : 0 })),
  };
}
