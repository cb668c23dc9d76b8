/**
 * The billing-run engine: turns the eligible agreements of a period into numbered, issued
 * invoices (RUN) or into the same figures without writing anything but the run (PREVIEW).
 * Plain server code — no 'server-only', no next/* — so the CLI (scripts/cauce.ts, under tsx),
 * the queue's workers (lib/billing/queue.ts) and the app (lib/dal/billing-runs.ts) run the same engine.
 *
 * Design
 * - A run is a billing_runs row: mode PREVIEW | RUN, period 'YYYY-MM', issue date, scope
 *   { branchId?, agreementIds? }. It bills the eligible agreements: ACTIVE, valid during the
 *   period, billsInPeriod(frequency, anchor, period), in scope.
 * - Slices: `prepareRun` cuts the run once into slices (billing_run_slices: one branch × one range
 *   of agreement ids, lib/domain/billing/slices.ts). `executeSlice(db, runId, sliceNo)` bills one
 *   slice — whoever calls it: a queue worker in any process, or `executeRun`, which runs every
 *   pending slice in this process. A slice is claimed before it starts (a DONE slice, or one another
 *   worker holds with a fresh heartbeat, is left alone); the last slice to finish ends the run
 *   (counters summed batch by batch, summary = merge of the slices'). How many slices per branch is
 *   configuration (CAUCE_BILLING_SLICES_PER_BRANCH), how many workers too.
 * - Streaming: a slice's agreements come keyset by id after its cursor (never the whole list in
 *   memory). Memory is bounded by one batch (an agreement's accounts come whole).
 * - Per batch: the agreements' ACTIVE accounts, this period's readings (a metered account without
 *   one is estimated from its last ≤ 6 actual consumptions with `estimate()`; RUN stores that
 *   estimate as a meter_readings row: source ESTIMATE, estimated, value null, anomaly SL), the tariff
 *   in force per category, the automatic concepts, the customer (tax condition → invoice class), the
 *   exchange rate of a foreign currency on the issue date (`rateOn`). Tariffs, concepts, points of
 *   sale, branches and rates are loaded once per run. `computeBilling` (lib/domain/billing) does
 *   the arithmetic. An agreement that fails (no rate, no tariff, no point of sale…) becomes an ERROR
 *   issue with a Spanish reason and the run goes on; nothing to bill / already billed → SKIP issue.
 * - Idempotency: before numbering, units whose (billingUnit, period) already has an AUTOMATIC
 *   invoice, or with an account already in billed_accounts for the period, are dropped ('ya
 *   facturado'). The database is the final guard (unique index invoices_billing_unit_period_uq,
 *   billed_accounts primary key, one reading per account and period): a batch whose transaction
 *   trips on one (a concurrent run) — or deadlocks with one — is reloaded, re-filtered and retried
 *   (up to twice; a third failure fails the run). Nothing is ever billed twice.
 * - RUN writes each batch in ONE transaction: estimated readings; numbers reserved in one block per
 *   (point of sale, class, INVOICE) in a fixed key order (reserveNumbers — gapless; point of sale =
 *   the branch's active one with the lowest number); invoices already ISSUED (AUTOMATIC, fiscal
 *   number PPPPP-NNNNNNNN, due = issue + due days, currency and rate, customer snapshot, billing
 *   address of the group for GR units else of the agreement, totals, balance = total), items,
 *   printable items (the agreement's grouping), billed_accounts — all multi-row `unnest` inserts
 *   (lib/billing/bulk.ts) — then the batch's issues, the slice's counters, summary (by concept and
 *   by branch, per currency, decimal strings) and cursor (its last agreement id: a slice stopped
 *   mid-way resumes after its last committed batch), and last the run's counters and heartbeat
 *   (so concurrent slices hold the run row only while committing).
 * - PREVIEW computes the same units and summary but writes only the run row and its issues: no
 *   invoices, readings or sequence numbers. Its totals equal those of a RUN that follows it.
 * - Status: QUEUED → RUNNING → DONE, or FAILED with the error in `message` (rethrown; a queue
 *   retries the slice, a resume re-queues the unfinished ones). One audit row per run is written by whoever creates it (createRun).
 */
import { v7 as uuidv7 } from 'uuid';
import type { Db, DbOrTx } from '@/db/client';
import * as q from '@/db/queries/billing-runs';
import { rateOn } from '@/db/queries/exchange-rates';
import { reserveNumbers } from '@/db/queries/fiscal-sequence';
import { billsInPeriod } from '@/lib/domain/billing-frequency';
import { computeBilling, type BillingConcept, type BillingItem, type BillingTariff, type BillingUnit, type Consumption } from '@/lib/domain/billing/compute';
import { formatLetterNumber } from '@/lib/domain/billing/fiscal-number';
import { invoiceClass, LOCAL_CURRENCY, type CustomerTaxCondition, type InvoiceClass } from '@/lib/domain/billing/invoice-class';
import { dueDate, periodBounds } from '@/lib/domain/billing/period';
import { printableItems } from '@/lib/domain/billing/printable';
import { estimate, ESTIMATE_WINDOW } from '@/lib/domain/billing/readings';
import { MAX_PARTS_PER_BRANCH, planSlices } from '@/lib/domain/billing/slices';
import { tariffInForce } from '@/lib/domain/billing/tariff';
import { STALE_AFTER_MS } from './runs';
import { bulkInsertTx, type BulkColumn } from './bulk';
import { SummaryBuilder, type RunSummary } from './summary';

export const DEFAULT_BATCH_SIZE = 1000;

export type RunProgress = {
  runId: string;
  processed: number;
  total: number;
  invoices: number;
  skipped: number;
  errors: number;
  elapsedMs: number;
  /** Agreements per second since this execution started. */
  ratePerSec: number;
};

export type ExecuteOptions = {
  batchSize?: number;
  onProgress?: (p: RunProgress) => void;
};

type Issue = { agreementId: string | null; severity: 'SKIP' | 'ERROR'; reason: string };
type Branch = { id: string; code: string; name: string };
type Pos = { id: string; number: number };

/** What a run loads once: tariffs in force, automatic concepts, points of sale, branches, rates. */
type RunContext = {
  run: q.BillingRunRow;
  tariffs: Map<string, BillingTariff>;
  concepts: BillingConcept[];
  posByBranch: Map<string, Pos>;
  branches: Map<string, Branch>;
  rates: Map<string, string | null>;
  readingDate: string;
};

async function loadContext(db: Db, run: q.BillingRunRow): Promise<RunContext> {
  const [tariffRows, conceptRows, posRows, branchRows] = await Promise.all([q.allTariffs(db), q.automaticConcepts(db), q.activePointsOfSale(db), q.allBranches(db)]);
  const byCategory = new Map<string, typeof tariffRows>();
  for (const t of tariffRows) {
    const list = byCategory.get(t.tariffCategoryId);
    if (list) list.push(t);
    else byCategory.set(t.tariffCategoryId, [t]);
  }
  const tariffs = new Map<string, BillingTariff>();
  for (const [category, list] of byCategory) {
    const t = tariffInForce(list, run.period);
    if (t) tariffs.set(category, { id: t.id, currency: t.currency, fixedCharge: t.fixedCharge, flatRate: t.flatRate, blocks: t.blocks.map((b) => ({ fromM3: b.fromM3, toM3: b.toM3, price: b.price })) });
  }
  const posByBranch = new Map<string, Pos>();
  for (const p of posRows) if (!posByBranch.has(p.branchId)) posByBranch.set(p.branchId, { id: p.id, number: p.number });
  const { last } = periodBounds(run.period);
  return {
    run,
    tariffs,
    concepts: conceptRows,
    posByBranch,
    branches: new Map(branchRows.map((b) => [b.id, b])),
    rates: new Map(),
    // An estimate is dated on the issue date, or on the period's last day when issuing later.
    readingDate: run.issueDate < last ? run.issueDate : last,
  };
}

async function rateFor(db: DbOrTx, ctx: RunContext, currency: string): Promise<string | null> {
  if (currency === LOCAL_CURRENCY) return '1';
  if (!ctx.rates.has(currency)) ctx.rates.set(currency, (await rateOn(db, currency, ctx.run.issueDate))?.rate ?? null);
  return ctx.rates.get(currency)!;
}

/** A unit the batch will invoice, with everything its invoice row needs. */
type PlannedUnit = {
  id: string;
  unit: BillingUnit;
  agreement: q.EligibleAgreement;
  customer: { legalName: string; documentType: string; documentNumber: string; taxCondition: string };
  pos: Pos;
  cls: InvoiceClass;
  rate: string;
  billingAddress: string;
  deliveryAddress: string | null;
  labels: Map<string, string>;
};

type BatchPlan = {
  units: PlannedUnit[];
  issues: Issue[];
  readings: { accountId: string; consumption: number }[];
  skipped: number;
  errors: number;
};

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Loads a batch's data and computes its units, after the idempotency filter. Reads only. */
async function planBatch(db: Db, ctx: RunContext, batch: readonly q.EligibleAgreement[]): Promise<BatchPlan> {
  const { period } = ctx.run;
  const agreements = batch.filter((a) => billsInPeriod(a.billingFrequency, a.anchorMonth, period));
  const ids = agreements.map((a) => a.id);
  // An account is billed from the period in which it started.
  const accountRows = ids.length ? await q.activeAccountsOf(db, ids, periodBounds(period).last) : [];
  const accountsByAgreement = new Map<string, typeof accountRows>();
  for (const a of accountRows) {
    const list = accountsByAgreement.get(a.agreementId);
    if (list) list.push(a);
    else accountsByAgreement.set(a.agreementId, [a]);
  }
  const meteredAgreements = new Set(agreements.filter((a) => a.billingOpportunity === 'METERED').map((a) => a.id));
  const meteredIds = accountRows.filter((a) => a.meterNumber && meteredAgreements.has(a.agreementId)).map((a) => a.id);
  const groupIds = [...new Set(accountRows.filter((a) => a.groupId).map((a) => a.groupId!))];
  const [customerRows, groupRows, readingRows] = await Promise.all([
    ids.length ? q.customersByIds(db, [...new Set(agreements.map((a) => a.customerId))]) : [],
    q.groupsByIds(db, groupIds),
    q.readingsOfPeriod(db, meteredIds, period),
  ]);
  const consumptions = new Map<string, Consumption>(readingRows.map((r) => [r.accountId, { m3: r.consumption, estimated: r.estimated }]));
  const missing = meteredIds.filter((id) => !consumptions.has(id));
  const estimatedNow = new Set<string>();
  if (missing.length) {
    const history = new Map<string, { consumption: number; estimated: boolean }[]>();
    for (const h of await q.consumptionHistory(db, missing, period, ESTIMATE_WINDOW)) {
      const list = history.get(h.accountId);
      const entry = { consumption: h.consumption, estimated: false };
      if (list) list.push(entry);
      else history.set(h.accountId, [entry]);
    }
    for (const id of missing) {
      consumptions.set(id, { m3: estimate(history.get(id) ?? []), estimated: true });
      estimatedNow.add(id);
    }
  }
  const customersById = new Map(customerRows.map((c) => [c.id, c]));
  const groupsById = new Map(groupRows.map((g) => [g.id, g]));

  const issues: Issue[] = [];
  const candidates: PlannedUnit[][] = [];
  let errors = 0;
  let skipped = 0;
  const fail = (agreementId: string, reason: string) => {
    issues.push({ agreementId, severity: 'ERROR', reason });
    errors++;
  };
  for (const a of agreements) {
    const accs = accountsByAgreement.get(a.id) ?? [];
    if (accs.length === 0) {
      issues.push({ agreementId: a.id, severity: 'SKIP', reason: 'El acuerdo no tiene cuentas activas.' });
      skipped++;
      continue;
    }
    const customer = customersById.get(a.customerId);
    const pos = ctx.posByBranch.get(a.branchId);
    if (!customer) {
      fail(a.id, 'No se encontró el cliente del acuerdo.');
      continue;
    }
    if (!pos) {
      fail(a.id, `La sucursal ${ctx.branches.get(a.branchId)?.name ?? ''} no tiene un punto de venta activo: no se puede numerar la factura.`.replace('  ', ' '));
      continue;
    }
    const rate = await rateFor(db, ctx, a.currency);
    if (rate === null) {
      fail(a.id, `No hay tasa de cambio de ${a.currency} registrada al ${ctx.run.issueDate} o antes: registre la tasa y vuelva a ejecutar.`);
      continue;
    }
    let cls: InvoiceClass;
    let result: ReturnType<typeof computeBilling>;
    try {
      cls = invoiceClass(customer.taxCondition as CustomerTaxCondition, a.currency);
      result = computeBilling({
        agreement: { id: a.id, billingMode: a.billingMode, billingOpportunity: a.billingOpportunity, discountPct: a.discountPct, currency: a.currency, itemGrouping: a.itemGrouping, dueDays: a.dueDays },
        accounts: accs.map((x) => ({ id: x.id, number: x.number, description: x.description, groupId: x.groupId, tariffCategoryId: x.tariffCategoryId, metered: x.meterNumber !== null, status: x.status })),
        consumptions,
        tariffs: ctx.tariffs,
        concepts: ctx.concepts,
        exchangeRate: rate,
      });
    } catch (e) {
      fail(a.id, `Error al calcular el acuerdo: ${errorText(e)}`);
      continue;
    }
    if (!result.ok) {
      fail(a.id, result.error.message);
      continue;
    }
    if (result.units.length === 0) {
      issues.push({ agreementId: a.id, severity: 'SKIP', reason: 'No hay importes que facturar en el período.' });
      skipped++;
      continue;
    }
    const labels = new Map(accs.map((x) => [x.id, x.description]));
    candidates.push(
      result.units.map((unit) => {
        const group = unit.billingUnit.startsWith('GR:') && unit.accountGroupId ? groupsById.get(unit.accountGroupId) : undefined;
        return {
          // Time-ordered (UUIDv7): within a period, id order is issue order, so lists keyed on
          // (period, id) show invoices in the order they were numbered.
          id: uuidv7(),
          unit,
          agreement: a,
          customer,
          pos,
          cls,
          rate,
          billingAddress: group?.billingAddress ?? a.billingAddress,
          deliveryAddress: group?.deliveryAddress ?? null,
          labels,
        };
      }),
    );
  }

  // Idempotency: drop what the period already billed (the database guards it again at insert).
  const all = candidates.flat();
  const [doneUnits, doneAccounts] = await Promise.all([
    q.billedUnits(db, all.map((u) => u.unit.billingUnit), period),
    q.billedAccountIds(db, all.flatMap((u) => u.unit.accountIds), period),
  ]);
  const units: PlannedUnit[] = [];
  for (const list of candidates) {
    const keep = list.filter((u) => !doneUnits.has(u.unit.billingUnit) && !u.unit.accountIds.some((id) => doneAccounts.has(id)));
    const dropped = list.length - keep.length;
    if (dropped > 0) {
      const agreementId = list[0].agreement.id;
      if (keep.length === 0) {
        issues.push({ agreementId, severity: 'SKIP', reason: `Ya facturado en el período (${dropped === 1 ? '1 factura' : `${dropped} facturas`}).` });
        skipped++;
      } else {
        issues.push({ agreementId, severity: 'SKIP', reason: `Ya facturado en parte: ${dropped} de ${list.length} facturas del período ya existían; se emiten las restantes.` });
      }
    }
    units.push(...keep);
  }
  const readings = units.flatMap((u) => u.unit.accountIds.filter((id) => estimatedNow.has(id)).map((id) => ({ accountId: id, consumption: consumptions.get(id)!.m3 })));
  return { units, issues, readings, skipped, errors };
}

const INVOICE_COLUMNS: BulkColumn[] = [
  ['id', 'uuid'], ['doc_type', 'fiscal_doc_type'], ['invoice_class', 'invoice_class'], ['point_of_sale_id', 'uuid'], ['pos_number', 'integer'],
  ['number', 'bigint'], ['fiscal_number', 'text'], ['origin', 'invoice_origin'], ['status', 'invoice_status'], ['agreement_id', 'uuid'],
  ['customer_id', 'uuid'], ['branch_id', 'uuid'], ['account_group_id', 'uuid'], ['account_id', 'uuid'], ['billing_run_id', 'uuid'],
  ['billing_unit', 'text'], ['period', 'text'], ['issue_date', 'date'], ['due_date', 'date'], ['currency', 'text'], ['exchange_rate', 'numeric'],
  ['customer_snapshot', 'jsonb'], ['billing_address', 'text'], ['delivery_address', 'text'], ['gross_total', 'numeric'], ['discount_total', 'numeric'],
  ['net_total', 'numeric'], ['tax_total', 'numeric'], ['total', 'numeric'], ['balance', 'numeric'], ['created_by', 'uuid'], ['issued_by', 'uuid'], ['issued_at', 'timestamptz'],
];
const ITEM_COLUMNS: BulkColumn[] = [
  ['invoice_id', 'uuid'], ['line_no', 'smallint'], ['account_id', 'uuid'], ['concept_id', 'uuid'], ['concept_code', 'text'], ['concept_group_name', 'text'],
  ['description', 'text'], ['quantity', 'numeric'], ['unit_price', 'numeric'], ['gross', 'numeric'], ['discount', 'numeric'], ['net', 'numeric'],
  ['tax_rate', 'numeric'], ['tax', 'numeric'], ['total', 'numeric'],
];
const PRINTABLE_COLUMNS: BulkColumn[] = [
  ['invoice_id', 'uuid'], ['line_no', 'smallint'], ['description', 'text'], ['quantity', 'numeric'], ['unit_price', 'numeric'], ['net', 'numeric'], ['tax', 'numeric'], ['total', 'numeric'],
];
const BILLED_COLUMNS: BulkColumn[] = [['account_id', 'uuid'], ['period', 'text'], ['invoice_id', 'uuid']];
const READING_COLUMNS: BulkColumn[] = [
  ['account_id', 'uuid'], ['period', 'text'], ['reading_date', 'date'], ['value', 'integer'], ['consumption', 'integer'], ['estimated', 'boolean'],
  ['anomaly_code', 'text'], ['source', 'reading_source'], ['created_by', 'uuid'],
];

const clip = (s: string) => (s.length > 300 ? `${s.slice(0, 299)}…` : s);

/** Writes a planned batch: readings, numbers, invoices, lines, billed accounts. Inside `tx`. */
async function writeBatch(tx: DbOrTx, ctx: RunContext, plan: BatchPlan) {
  const { run } = ctx;
  if (plan.readings.length) {
    await bulkInsertTx(tx, 'meter_readings', READING_COLUMNS, plan.readings.map((r) => [r.accountId, run.period, ctx.readingDate, null, r.consumption, true, 'SL', 'ESTIMATE', run.createdBy]));
  }
  // One block of numbers per (point of sale, class), taken in a fixed key order so concurrent runs never deadlock on the counters.
  const byKey = new Map<string, PlannedUnit[]>();
  for (const u of plan.units) {
    const key = `${u.pos.id}|${u.cls}`;
    const list = byKey.get(key);
    if (list) list.push(u);
    else byKey.set(key, [u]);
  }
  const numbers = new Map<string, number>();
  for (const key of [...byKey.keys()].sort()) {
    const list = byKey.get(key)!;
    const { first } = await reserveNumbers(tx as Parameters<typeof reserveNumbers>[0], { pointOfSaleId: list[0].pos.id, invoiceClass: list[0].cls, docType: 'INVOICE' }, list.length);
    list.forEach((u, i) => numbers.set(u.id, first + i));
  }
  const issuedAt = new Date().toISOString();
  const invoiceRows = plan.units.map((u) => {
    const n = numbers.get(u.id)!;
    const t = u.unit.totals;
    const snapshot = { name: u.customer.legalName, documentType: u.customer.documentType, documentNumber: u.customer.documentNumber, taxCondition: u.customer.taxCondition };
    return [
      u.id, 'INVOICE', u.cls, u.pos.id, u.pos.number, n, formatLetterNumber(u.pos.number, n), 'AUTOMATIC', 'ISSUED', u.agreement.id,
      u.agreement.customerId, u.agreement.branchId, u.unit.accountGroupId, u.unit.accountId, run.id,
      u.unit.billingUnit, run.period, run.issueDate, dueDate(run.issueDate, u.agreement.dueDays), u.agreement.currency, u.rate,
      JSON.stringify(snapshot), u.billingAddress, u.deliveryAddress, t.gross, t.discount,
      t.net, t.tax, t.total, t.total, run.createdBy, run.createdBy, issuedAt,
    ];
  });
  const itemRows: (string | number | null)[][] = [];
  const printableRows: (string | number | null)[][] = [];
  const billedRows: string[][] = [];
  for (const u of plan.units) {
    u.unit.items.forEach((i: BillingItem, k) => {
      itemRows.push([u.id, k + 1, i.accountId, i.conceptId, i.conceptCode, i.conceptGroupName, clip(i.description), i.quantity, i.unitPrice, i.gross, i.discount, i.net, i.taxRate, i.tax, i.total]);
    });
    printableItems(u.unit.items, u.agreement.itemGrouping, u.labels).forEach((p, k) => {
      printableRows.push([u.id, k + 1, p.description, p.quantity, p.unitPrice, p.net, p.tax, p.total]);
    });
    for (const accountId of u.unit.accountIds) billedRows.push([accountId, run.period, u.id]);
  }
  await bulkInsertTx(tx, 'invoices', INVOICE_COLUMNS, invoiceRows);
  await bulkInsertTx(tx, 'invoice_items', ITEM_COLUMNS, itemRows);
  await bulkInsertTx(tx, 'invoice_printable_items', PRINTABLE_COLUMNS, printableRows);
  await bulkInsertTx(tx, 'billed_accounts', BILLED_COLUMNS, billedRows);
}

// A concurrent run got there first (unique index, billed_accounts key, one reading per period) or the two deadlocked: retry the batch.
function isRetryable(err: unknown): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (e.code === '23505' || e.code === '40P01' || e.code === '40001') return true;
  }
  return false;
}

/** Retries of a batch that lost a race to a concurrent run (each reloads and re-filters). */
const MAX_RETRIES = 2;

type BatchOutcome = { processed: number; invoices: number; skipped: number; errors: number; summary: SummaryBuilder };
type SliceRef = { runId: string; sliceNo: number };

/**
 * Writes one batch (RUN: invoices…; both modes: issues, the slice's counters, summary and cursor,
 * the run's counters) in one transaction, from `first` (a plan made ahead, while the previous batch
 * was being written) or a fresh plan. A batch that lost a race to a concurrent run is planned again
 * from the database and retried. Returns the outcome and the run's counters after it.
 */
async function runBatch(db: Db, ctx: RunContext, slice: SliceRef, batch: readonly q.EligibleAgreement[], summary: SummaryBuilder, first?: BatchPlan) {
  for (let attempt = 0; ; attempt++) {
    const plan = attempt === 0 && first ? first : await planBatch(db, ctx, batch);
    const next = summary.clone();
    for (const u of plan.units) {
      next.add({ currency: u.agreement.currency, branch: ctx.branches.get(u.agreement.branchId) ?? { id: u.agreement.branchId, code: '?', name: '?' }, totals: u.unit.totals, items: u.unit.items });
    }
    const outcome: BatchOutcome = { processed: batch.length, invoices: plan.units.length, skipped: plan.skipped, errors: plan.errors, summary: next };
    try {
      const counters = await db.transaction(async (tx) => {
        if (ctx.run.mode === 'RUN' && plan.units.length) await writeBatch(tx, ctx, plan);
        await q.insertIssues(tx, ctx.run.id, plan.issues);
        await q.addSliceProgress(tx, slice.runId, slice.sliceNo, outcome, next.toJSON() as unknown as Record<string, unknown>, batch[batch.length - 1].id);
        return q.addRunProgress(tx, ctx.run.id, outcome);
      });
      return { outcome, counters };
    } catch (err) {
      if (attempt < MAX_RETRIES && isRetryable(err)) continue;
      throw err;
    }
  }
}

/** Slices per branch when a run is cut (CAUCE_BILLING_SLICES_PER_BRANCH, default 2). */
export function slicesPerBranch(): number {
  const v = Number(process.env.CAUCE_BILLING_SLICES_PER_BRANCH ?? 2);
  return Number.isInteger(v) && v >= 1 && v <= MAX_PARTS_PER_BRANCH ? v : 2;
}

/**
 * Cuts a run into its slices (once: a run that has them keeps them) and counts its agreements;
 * a FAILED run goes back to QUEUED. Returns the run and the numbers of its slices that are not DONE, in order.
 */
export async function prepareRun(db: Db, runId: string, parts = slicesPerBranch()): Promise<{ run: q.BillingRunRow; pending: number[] }> {
  return db.transaction(async (tx) => {
    let run = await q.lockRun(tx, runId);
    if (!run) throw new Error(`No existe la corrida de facturación ${runId}.`);
    if (run.status === 'DONE' || run.status === 'CANCELLED') throw new Error(`La corrida N.º ${run.number} ya terminó.`);
    let slices = await q.listSlices(tx, runId);
    if (slices.length === 0) {
      const legacy = run.summary as Partial<RunSummary>;
      if (legacy.cursor) {
        // A run stored before slices existed, stopped mid-way: one slice that goes on after its cursor.
        await q.insertSlices(tx, runId, [{ sliceNo: 1, branchId: null, idFrom: null, idTo: null, cursor: legacy.cursor, summary: run.summary }]);
      } else {
        const branchIds = run.scope.branchId || run.scope.agreementIds ? [] : (await q.allBranches(tx)).map((b) => b.id);
        await q.insertSlices(tx, runId, planSlices(run.scope, branchIds, parts));
      }
      const total = await q.countEligibleAgreements(tx, run.period, run.scope);
      run = await q.updateRun(tx, runId, { total });
      slices = await q.listSlices(tx, runId);
    }
    // A FAILED run that is resumed is queued again until a worker takes one of its slices.
    if (run.status === 'FAILED') run = await q.updateRun(tx, runId, { status: 'QUEUED', message: null, finishedAt: null });
    return { run, pending: slices.filter((s) => s.status !== 'DONE').map((s) => s.sliceNo) };
  });
}

/** Ends a run whose slices are all DONE: merged summary, DONE, message. Returns the run row. */
async function finishRunIfComplete(db: Db, runId: string): Promise<q.BillingRunRow> {
  return db.transaction(async (tx) => {
    const run = await q.lockRun(tx, runId);
    const slices = await q.listSlices(tx, runId);
    if (run.status === 'DONE' || slices.length === 0 || slices.some((s) => s.status !== 'DONE')) return run;
    const summary = new SummaryBuilder();
    for (const s of slices) summary.merge(s.summary as Partial<RunSummary>);
    const counts = { processed: run.processed, invoices: run.invoiceCount, skipped: run.skippedCount, errors: run.errorCount };
    return q.updateRun(tx, runId, { status: 'DONE', finishedAt: new Date(), heartbeatAt: new Date(), message: describe(run.mode, counts), summary: { ...summary.toJSON(), cursor: null } as unknown as Record<string, unknown> });
  });
}

/** The run's summary so far: the merge of its slices' (what a page shows while it runs). */
export async function liveSummary(db: DbOrTx, runId: string): Promise<RunSummary> {
  const summary = new SummaryBuilder();
  for (const s of await q.listSlices(db, runId)) summary.merge(s.summary as Partial<RunSummary>);
  return summary.toJSON();
}

/**
 * Executes (or resumes) one slice of a prepared run: claims it (nothing happens when it is DONE or
 * another worker is on it), bills its agreements batch by batch after its cursor, marks it DONE
 * and, when it was the last, the run. On an error the slice and the run are FAILED with the
 * message and the error is rethrown (a queue retries the slice; it goes on after its cursor).
 * Returns the run row as it stands after the slice.
 */
export async function executeSlice(db: Db, runId: string, sliceNo: number, opts: ExecuteOptions = {}): Promise<q.BillingRunRow> {
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize no válido: ${batchSize}`);
  const slice = await q.claimSlice(db, runId, sliceNo, new Date(Date.now() - STALE_AFTER_MS));
  if (!slice) return (await q.findRun(db, runId))!;
  try {
    const found = await q.findRun(db, runId);
    if (!found) throw new Error(`No existe la corrida de facturación ${runId}.`);
    const run = found.status === 'RUNNING' ? found : await q.updateRun(db, runId, { status: 'RUNNING', startedAt: found.startedAt ?? new Date(), heartbeatAt: new Date(), message: null });
    const ctx = await loadContext(db, run);
    const ref = { runId, sliceNo };
    const bounds = { branchId: slice.branchId, idFrom: slice.idFrom, idTo: slice.idTo };
    const source = (afterId: string | null, limit: number) => q.eligibleAgreementBatch(db, run.period, run.scope, bounds, afterId, limit);
    let summary = new SummaryBuilder(slice.summary as Partial<RunSummary>);
    const started = Date.now();
    let doneHere = 0;
    // Pipelined: while batch k is written (its transaction, on one connection), batch k+1 is read
    // and computed (reads on another); writes stay in order, one at a time, so the cursor and the
    // counters advance batch by batch exactly as without the overlap.
    let batch = await source(slice.cursor, batchSize);
    let plan = batch.length ? await planBatch(db, ctx, batch) : null;
    while (plan) {
      const last = batch.length < batchSize;
      const writing = runBatch(db, ctx, ref, batch, summary, plan);
      // Ahead: the next batch's agreements and plan (reads only), unless this was the last batch.
      const ahead = last
        ? Promise.resolve(null)
        : source(batch[batch.length - 1].id, batchSize).then(async (b) => (b.length ? { batch: b, plan: await planBatch(db, ctx, b) } : null));
      // A failed read ahead is retried after the write, once the write's outcome is known.
      const [{ outcome, counters }, next] = await Promise.all([writing, ahead.catch(() => undefined)]);
      summary = outcome.summary;
      doneHere += outcome.processed;
      const elapsedMs = Date.now() - started;
      opts.onProgress?.({ runId, ...counters, elapsedMs, ratePerSec: elapsedMs > 0 ? (doneHere * 1000) / elapsedMs : 0 });
      if (last) break;
      let following = next;
      if (following === undefined) {
        const b = await source(batch[batch.length - 1].id, batchSize);
        following = b.length ? { batch: b, plan: await planBatch(db, ctx, b) } : null;
      }
      if (!following) break;
      batch = following.batch;
      plan = following.plan;
    }
    await q.updateSlice(db, runId, sliceNo, { status: 'DONE', finishedAt: new Date(), heartbeatAt: new Date() });
    return await finishRunIfComplete(db, runId);
  } catch (err) {
    const message = `La corrida se detuvo por un error: ${errorText(err)}`;
    await q.updateSlice(db, runId, sliceNo, { status: 'FAILED', message, heartbeatAt: new Date() }).catch(() => undefined);
    await q.updateRun(db, runId, { status: 'FAILED', finishedAt: new Date(), message }).catch(() => undefined);
    throw err;
  }
}

/**
 * Executes (or resumes) a whole run in this process, slice after slice: RUNNING → DONE, or FAILED
 * with the error's message (then rethrown). A queue of workers runs the same slices with
 * executeSlice instead (lib/billing/queue.ts).
 */
export async function executeRun(db: Db, runId: string, opts: ExecuteOptions = {}): Promise<q.BillingRunRow> {
  let prepared: Awaited<ReturnType<typeof prepareRun>>;
  try {
    prepared = await prepareRun(db, runId);
  } catch (err) {
    const run = await q.findRun(db, runId);
    if (run && run.status !== 'DONE' && run.status !== 'CANCELLED') {
      await q.updateRun(db, runId, { status: 'FAILED', finishedAt: new Date(), message: `La corrida se detuvo por un error: ${errorText(err)}` }).catch(() => undefined);
    }
    throw err;
  }
  let run = prepared.run;
  for (const sliceNo of prepared.pending) run = await executeSlice(db, runId, sliceNo, opts);
  // A run with no pending slice left (all DONE before a resume) is finished here.
  return run.status === 'DONE' ? run : finishRunIfComplete(db, runId);
}

function describe(mode: 'PREVIEW' | 'RUN', c: { processed: number; invoices: number; skipped: number; errors: number }) {
  const verb = mode === 'RUN' ? 'facturas emitidas' : 'facturas a emitir';
  return `${c.processed} acuerdos procesados: ${c.invoices} ${verb}, ${c.skipped} omitidos, ${c.errors} con error.`;
}
