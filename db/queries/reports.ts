/**
 * Collection reports (/reportes): one set-based statement per report, filters as parameters and
 * the branch scope applied in SQL. Amounts come back as decimal strings (numeric::text), dates as
 * 'YYYY-MM-DD' and counts as integers, the same on postgres.js and PGlite. Authorization and
 * derived figures (efficiency %) live in lib/dal/reports.ts.
 *
 * Open documents (receivables): issued invoices and debit notes (ISSUED or PARTIALLY_PAID) with a
 * balance > 0; credit notes are never receivables. Currencies are always kept apart.
 */
import type { DbOrTx } from '@/db/client';
import type { BranchScope } from '@/lib/auth/scope';
import { hasConnectionPool, pgArray, rawQuery } from '@/lib/billing/bulk';
import { compareCents, mergeAgingParts, topPerCurrency, uuidRanges, type AgingRow } from '@/lib/domain/collections/report-parts';
import { containsPattern } from './filters';
import { onOneSnapshot } from './snapshot';

type Value = string | number | null;

/** Collects positional parameters while a statement's text is built: p.add('x') → '$1'. */
class Params {
  readonly values: Value[] = [];
  add(v: Value): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

export type ReportFilter = {
  /** One branch (already checked against the scope by the data layer). */
  branchId?: string;
  segment?: string;
  /** Customer name, code or document (contains, case-insensitive). */
  customer?: string;
  currency?: string;
};

/**
 * The conditions shared by every report over invoices `i`: joined to customers `c`, or with the
 * customer conditions as a subquery when the statement has no such join.
 */
function invoiceConditions(p: Params, scope: BranchScope, f: ReportFilter, customers: 'joined' | 'subquery' = 'joined'): string[] {
  const conds: string[] = [];
  if (!scope.all) conds.push(scope.branchIds.length ? `i.branch_id = any(${p.add(pgArray(scope.branchIds))}::uuid[])` : 'false');
  if (f.branchId) conds.push(`i.branch_id = ${p.add(f.branchId)}::uuid`);
  if (f.currency) conds.push(`i.currency = ${p.add(f.currency)}`);
  const byCustomer: string[] = [];
  if (f.segment) byCustomer.push(`c.segment = ${p.add(f.segment)}::segment`);
  if (f.customer) {
    const pattern = p.add(containsPattern(f.customer));
    byCustomer.push(`(c.legal_name ilike ${pattern} or c.code ilike ${pattern} or c.document_number ilike ${pattern})`);
  }
  if (byCustomer.length && customers === 'joined') conds.push(...byCustomer);
  else if (byCustomer.length) conds.push(`i.customer_id in (select c.id from customers c where ${byCustomer.join(' and ')})`);
  return conds;
}

const OPEN = `i.status in ('ISSUED', 'PARTIALLY_PAID') and i.doc_type in ('INVOICE', 'DEBIT_NOTE') and i.balance > 0`;

type IdRange = [from: string | null, to: string | null];

/** The conditions keeping the documents of the customers whose id is in [from, to) (null: unbounded). */
function customerRange(p: Params, [from, to]: IdRange): string[] {
  return [...(from ? [`i.customer_id >= ${p.add(from)}::uuid`] : []), ...(to ? [`i.customer_id < ${p.add(to)}::uuid`] : [])];
}

// The report statements' plans cost enough to ask for JIT, and compiling costs more than they run.
const withoutJit = (tx: DbOrTx) => rawQuery(tx, 'set local jit = off', []);

/**
 * The rows of `statement(range)` for every customer-id range, read on one snapshot (onOneSnapshot):
 * `parts` ranges (default: 2 on a postgres.js pool, where they run at the same time on two
 * connections — about half the time on two cores; 1 on PGlite), without JIT, with `workMem` if given.
 */
async function inCustomerParts<T>(db: DbOrTx, parts: number | undefined, statement: (range: IdRange) => { text: string; values: Value[] }, workMem?: string): Promise<T[]> {
  const ranges = uuidRanges(parts ?? (hasConnectionPool(db) ? 2 : 1));
  const results = await onOneSnapshot(db, ranges.length, async (tx, i) => {
    const { text, values } = statement(ranges[i]);
    await withoutJit(tx);
    if (workMem) await rawQuery(tx, `set local work_mem = '${workMem}'`, []);
    return rawQuery<T>(tx, text, values);
  });
  return results.flat();
}

// ─── a) Receivables aging ────────────────────────────────────────────────────────────────────

export type { AgingDimension, AgingRow } from '@/lib/domain/collections/report-parts';

/**
 * Open documents' balances bucketed by days past due on `asOf` (not yet due → 0–30; the edges as
 * agingBucket: 30 → 0–30, 31 → 31–60, 60, 61, 90, 91, 180 → 91–180, 181 → 180+), per currency:
 * the total, by branch, by segment, and the `topCustomers` customers that owe the most. Documents
 * issued after `asOf` are left out; balances are today's.
 *
 * Computed in `parts` customer-id ranges on one snapshot (default: 2 on a postgres.js pool, where
 * they run at the same time on two connections — about half the time on two cores; 1 on PGlite),
 * merged by mergeAgingParts.
 */
export async function agingReport(
  db: DbOrTx,
  scope: BranchScope,
  f: ReportFilter & { asOf: string; topCustomers: number; parts?: number },
): Promise<AgingRow[]> {
  // Memory enough to sort the per-customer rows without spilling to disk.
  const rows = await inCustomerParts<AgingRow>(db, f.parts, (range) => agingPart(scope, f, range), '64MB');
  return mergeAgingParts(rows, f.topCustomers);
}

/** The aging statement for the customers whose id is in [from, to). */
function agingPart(scope: BranchScope, f: ReportFilter & { asOf: string; topCustomers: number }, range: IdRange) {
  const p = new Params();
  const asOf = p.add(f.asOf);
  const conds = [OPEN, `i.issue_date <= ${asOf}::date`, ...invoiceConditions(p, scope, f, 'subquery'), ...customerRange(p, range)];
  const top = p.add(f.topCustomers);
  // One pass over the open documents in the order of the partial covering index
  // invoices_open_customer_idx (customer, branch, currency): a streaming aggregate, with no hash
  // table or sort of the open documents, gives one row per customer, branch and currency.
  // On those rows: per branch and segment (joined to customers), whose grouping sets are the total,
  // branch and segment lines; and the `topCustomers` customers owing the most per currency (a
  // top-N sort of the per-customer totals; ties by id), summed in full.
  // Days past due = asOf − due_date (none: not yet due), spelled as due-date ranges (the date
  // arithmetic on the constant side, once) so each document costs a few date comparisons; the
  // total is the sum of the buckets (one addition per document fewer).
  const pastDue = (n: number) => `${asOf}::date - ${n}`;
  const total = `coalesce(b0_30, 0) + coalesce(b31_60, 0) + coalesce(b61_90, 0) + coalesce(b91_180, 0) + coalesce(b180, 0)`;
  const sums = `sum(b0_30) as b0_30, sum(b31_60) as b31_60, sum(b61_90) as b61_90, sum(b91_180) as b91_180, sum(b180) as b180, sum(${total}) as total, sum(documents) as documents`;
  const text = `
    with base as materialized (
      select i.customer_id, i.branch_id, i.currency,
             sum(i.balance) filter (where i.due_date is null or i.due_date >= ${pastDue(30)}) as b0_30,
             sum(i.balance) filter (where i.due_date between ${pastDue(60)} and ${pastDue(31)}) as b31_60,
             sum(i.balance) filter (where i.due_date between ${pastDue(90)} and ${pastDue(61)}) as b61_90,
             sum(i.balance) filter (where i.due_date between ${pastDue(180)} and ${pastDue(91)}) as b91_180,
             sum(i.balance) filter (where i.due_date < ${pastDue(180)}) as b180,
             count(*) as documents
      from invoices i
      where ${conds.join(' and ')}
      group by i.customer_id, i.branch_id, i.currency
    ), by_branch_segment as materialized (
      select base.branch_id, c.segment, base.currency, ${sums}
      from base join customers c on c.id = base.customer_id
      group by base.branch_id, c.segment, base.currency
    ), per_customer as materialized (
      select base.customer_id, base.currency, sum(${total}) as total from base group by base.customer_id, base.currency
    ), ranked as (
      select t.customer_id, t.currency
      from (select distinct by_branch_segment.currency from by_branch_segment) cur
      cross join lateral (
        select pc.customer_id, pc.currency from per_customer pc where pc.currency = cur.currency order by pc.total desc, pc.customer_id limit ${top}
      ) t
    ), lines as (
      select case when grouping(g.branch_id) = 0 then 'branch' when grouping(g.segment) = 0 then 'segment' else 'total' end as dimension,
             coalesce(g.branch_id::text, g.segment::text, '') as key,
             case when grouping(g.branch_id) = 0 then coalesce(min(b.name), g.branch_id::text) else coalesce(g.segment::text, '') end as label, g.currency, ${sums}
      from by_branch_segment g left join branches b on b.id = g.branch_id
      group by grouping sets ((g.currency), (g.branch_id, g.currency), (g.segment, g.currency))
      union all
      select 'customer', base.customer_id::text, min(cu.legal_name), base.currency, ${sums}
      from base join ranked r on r.customer_id = base.customer_id and r.currency = base.currency
      join customers cu on cu.id = base.customer_id
      group by base.customer_id, base.currency
    )
    select l.dimension, l.key, l.label, l.currency,
           coalesce(l.b0_30, 0.00)::text as b0_30, coalesce(l.b31_60, 0.00)::text as b31_60, coalesce(l.b61_90, 0.00)::text as b61_90,
           coalesce(l.b91_180, 0.00)::text as b91_180, coalesce(l.b180, 0.00)::text as b180, l.total::text as total, l.documents::int as documents
    from lines l`;
  return { text, values: p.values };
}

// ─── b) Payments received ────────────────────────────────────────────────────────────────────

export type PaymentsDimension = 'total' | 'day' | 'method' | 'entity' | 'branch' | 'cashier';
export type PaymentsRow = { dimension: PaymentsDimension; key: string; label: string; currency: string; amount: string; payments: number };

/**
 * CONFIRMED payments paid from `from` to `to` (inclusive; reversed ones are not CONFIRMED) summed
 * per currency: in total, by day, method, payment entity, branch and cashier (created_by).
 */
export async function paymentsReport(db: DbOrTx, scope: BranchScope, f: ReportFilter & { from: string; to: string }): Promise<PaymentsRow[]> {
  const p = new Params();
  const conds = [`py.status = 'CONFIRMED'`, `py.paid_on between ${p.add(f.from)}::date and ${p.add(f.to)}::date`];
  if (!scope.all) conds.push(scope.branchIds.length ? `py.branch_id = any(${p.add(pgArray(scope.branchIds))}::uuid[])` : 'false');
  if (f.branchId) conds.push(`py.branch_id = ${p.add(f.branchId)}::uuid`);
  if (f.segment) conds.push(`c.segment = ${p.add(f.segment)}::segment`);
  if (f.currency) conds.push(`py.currency = ${p.add(f.currency)}`);
  if (f.customer) {
    const pattern = p.add(containsPattern(f.customer));
    conds.push(`(c.legal_name ilike ${pattern} or c.code ilike ${pattern} or c.document_number ilike ${pattern})`);
  }
  const text = `
    with agg as (
      select case when grouping(py.paid_on) = 0 then 'day' when grouping(py.method) = 0 then 'method' when grouping(py.payment_entity_id) = 0 then 'entity'
                  when grouping(py.branch_id) = 0 then 'branch' when grouping(py.created_by) = 0 then 'cashier' else 'total' end as dimension,
             coalesce(py.paid_on::text, py.method::text, py.payment_entity_id::text, py.branch_id::text, py.created_by::text, '') as key,
             py.currency, sum(py.amount) as amount, count(*)::int as payments
      from payments py join customers c on c.id = py.customer_id
      where ${conds.join(' and ')}
      group by grouping sets ((py.currency), (py.paid_on, py.currency), (py.method, py.currency), (py.payment_entity_id, py.currency), (py.branch_id, py.currency), (py.created_by, py.currency))
    )
    select a.dimension, a.key, coalesce(e.name, b.name, u.name, a.key) as label, a.currency, a.amount::text, a.payments
    from agg a
    left join payment_entities e on a.dimension = 'entity' and e.id::text = a.key
    left join branches b on a.dimension = 'branch' and b.id::text = a.key
    left join users u on a.dimension = 'cashier' and u.id::text = a.key
    order by a.dimension, a.currency, case when a.dimension = 'day' then a.key end, a.amount desc, label`;
  return rawQuery<PaymentsRow>(db, text, p.values);
}

// ─── c) Overdue invoices ─────────────────────────────────────────────────────────────────────

export type OverdueCursor = { dueDate: string; id: string };
export type OverdueRow = {
  id: string;
  fiscal_number: string | null;
  doc_type: string;
  due_date: string;
  issue_date: string | null;
  period: string | null;
  currency: string;
  total: string;
  balance: string;
  customer_name: string;
  segment: string;
  agreement_id: string;
  agreement_code: string;
  branch_name: string;
};

/**
 * Open documents due before `asOf` (due on `asOf` is not overdue), oldest due first, `limit` + 1
 * rows after the keyset cursor (due_date, id): the extra row says there is a next page. The order
 * is that of the partial index on open documents' (due_date, id), so the first page reads a few rows.
 */
export async function overdueInvoicesPage(db: DbOrTx, scope: BranchScope, f: ReportFilter & { asOf: string; after?: OverdueCursor; limit: number }): Promise<OverdueRow[]> {
  const p = new Params();
  const conds = [OPEN, `i.due_date < ${p.add(f.asOf)}::date`, ...invoiceConditions(p, scope, f)];
  if (f.after) conds.push(`(i.due_date, i.id) > (${p.add(f.after.dueDate)}::date, ${p.add(f.after.id)}::uuid)`);
  const text = `
    select i.id, i.fiscal_number, i.doc_type::text, i.due_date::text, i.issue_date::text, i.period, i.currency, i.total::text, i.balance::text,
           c.legal_name as customer_name, c.segment::text as segment, g.id as agreement_id, g.code as agreement_code, b.name as branch_name
    from invoices i
    join customers c on c.id = i.customer_id
    join agreements g on g.id = i.agreement_id
    join branches b on b.id = i.branch_id
    where ${conds.join(' and ')}
    order by i.due_date, i.id
    limit ${p.add(f.limit + 1)}`;
  return rawQuery<OverdueRow>(db, text, p.values);
}

// ─── d) Billed vs collected ──────────────────────────────────────────────────────────────────

export type BilledCollectedRow = { period: string; currency: string; billed: string; collected: string; invoices: number };

/**
 * Per billing period (the invoice's period, else its issue month) and currency: the totals of the
 * issued invoices and debit notes of the periods from `fromPeriod` to `toPeriod` (voided and drafts
 * left out), and what CONFIRMED payments allocated to those same documents (reversed payments no longer count).
 */
export async function billedVsCollected(db: DbOrTx, scope: BranchScope, f: ReportFilter & { fromPeriod: string; toPeriod: string }): Promise<BilledCollectedRow[]> {
  const p = new Params();
  const period = `coalesce(i.period, to_char(i.issue_date, 'YYYY-MM'))`;
  const conds = [
    `i.status in ('ISSUED', 'PARTIALLY_PAID', 'PAID')`,
    `i.doc_type in ('INVOICE', 'DEBIT_NOTE')`,
    // Spelled on the column itself (not the coalesce) so the planner estimates it from its statistics.
    (() => {
      const [a, b] = [p.add(f.fromPeriod), p.add(f.toPeriod)];
      return `(i.period between ${a} and ${b} or (i.period is null and to_char(i.issue_date, 'YYYY-MM') between ${a} and ${b}))`;
    })(),
    ...invoiceConditions(p, scope, f, 'subquery'),
  ];
  // Two aggregates over the same documents, each planned on its own (parallel scans and hash joins
  // on PostgreSQL): what was billed, and what confirmed payments allocated to those documents (an
  // allocation counts unless its payment is not CONFIRMED: reversed payments are few, so that is an
  // anti-join with a small side instead of a join with every payment).
  const text = `
    with billed as (
      select ${period} as period, i.currency, sum(i.total) as billed, count(*)::int as invoices
      from invoices i
      where ${conds.join(' and ')}
      group by 1, 2
    ), col as (
      select ${period} as period, i.currency, sum(a.amount) as amount
      from payment_allocations a
      join invoices i on i.id = a.invoice_id
      where ${conds.join(' and ')}
        and not exists (select from payments py where py.id = a.payment_id and py.status <> 'CONFIRMED')
      group by 1, 2
    )
    select b.period, b.currency, b.billed::text, coalesce(c.amount, 0.00)::text as collected, b.invoices
    from billed b left join col c on c.period = b.period and c.currency = b.currency
    order by b.period, b.currency`;
  return db.transaction(async (tx) => {
    await withoutJit(tx);
    return rawQuery<BilledCollectedRow>(tx, text, p.values);
  });
}

// ─── e) Top debtors ──────────────────────────────────────────────────────────────────────────

export type DebtorRow = {
  agreement_id: string;
  agreement_code: string;
  agreement_name: string;
  customer_name: string;
  segment: string;
  branch_name: string;
  currency: string;
  balance: string;
  documents: number;
  oldest_due_date: string | null;
  delinquency_status: string;
  level_name: string | null;
};

/**
 * The agreements owing the most (open documents' balances), `limit` per currency, with their oldest
 * due date and delinquency status; ordered by currency, balance (largest first) and agreement code.
 * Computed in customer-id parts on one snapshot, as the aging report (an agreement has one customer).
 */
export async function topDebtors(db: DbOrTx, scope: BranchScope, f: ReportFilter & { limit: number; parts?: number }): Promise<DebtorRow[]> {
  const rows = await inCustomerParts<DebtorRow>(db, f.parts, (range) => topDebtorsPart(scope, f, range));
  return topPerCurrency(rows, f.limit, (r) => r.balance, (r) => r.agreement_id).sort(
    (a, b) => a.currency.localeCompare(b.currency) || compareCents(b.balance, a.balance) || a.agreement_code.localeCompare(b.agreement_code),
  );
}

/** The top debtors among the customers whose id is in [from, to). */
function topDebtorsPart(scope: BranchScope, f: ReportFilter & { limit: number }, range: IdRange) {
  const p = new Params();
  const conds = [OPEN, ...invoiceConditions(p, scope, f, 'subquery'), ...customerRange(p, range)];
  // One pass over invoices_open_customer_idx (customer, branch, currency, agreement): a streaming
  // aggregate per agreement and currency, index-only; then a top-N sort per currency.
  const text = `
    with debt as materialized (
      select i.agreement_id, i.currency, sum(i.balance) as balance, count(*)::int as documents, min(i.due_date) as oldest_due_date
      from invoices i
      where ${conds.join(' and ')}
      group by i.customer_id, i.branch_id, i.currency, i.agreement_id
    ), ranked as (
      select t.*
      from (select distinct debt.currency from debt) cur
      cross join lateral (
        select d.* from debt d where d.currency = cur.currency order by d.balance desc, d.agreement_id limit ${p.add(f.limit)}
      ) t
    )
    select g.id as agreement_id, g.code as agreement_code, g.name as agreement_name, c.legal_name as customer_name, c.segment::text as segment,
           b.name as branch_name, r.currency, r.balance::text, r.documents, r.oldest_due_date::text,
           g.delinquency_status::text, l.name as level_name
    from ranked r
    join agreements g on g.id = r.agreement_id
    join customers c on c.id = g.customer_id
    join branches b on b.id = g.branch_id
    left join delinquency_levels l on l.id = g.delinquency_level_id`;
  return { text, values: p.values };
}
