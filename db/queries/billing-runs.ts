/**
 * Queries of billing runs: the run row and its issues, the eligible agreements streamed by keyset
 * (a batch source is a function of the run's scope and the last agreement id), and what one batch
 * needs (accounts, customers, groups, readings, reading history, already billed units). The engine
 * is lib/billing/engine.ts; authorization lives in lib/dal/billing-runs.ts.
 */
import { and, asc, count, desc, eq, gt, gte, lt, lte, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { pgArray } from '@/lib/billing/bulk';
import { periodBounds } from '@/lib/domain/billing/period';
import type { DbOrTx } from '../client';
import {
  accountGroups,
  accounts,
  agreements,
  billedAccounts,
  billingRunIssues,
  billingRuns,
  billingRunSlices,
  branches,
  conceptGroups,
  concepts,
  customers,
  invoices,
  meterReadings,
  pointsOfSale,
  tariffBlocks,
  tariffs,
  users,
} from '../schema';

export type BillingRunRow = typeof billingRuns.$inferSelect;
export type BillingRunScope = { branchId?: string; agreementIds?: string[] };
export type BillingRunIssueRow = typeof billingRunIssues.$inferSelect;
export type BillingRunSliceRow = typeof billingRunSlices.$inferSelect;
/** Where a slice's agreements lie: one branch (null = any) and ids in [idFrom, idTo) (null = unbounded). */
export type SliceBounds = { branchId: string | null; idFrom: string | null; idTo: string | null };
export const ANY_SLICE: SliceBounds = { branchId: null, idFrom: null, idTo: null };

/** `col = any('{…}'::uuid[])`: one parameter whatever the number of ids. */
export function anyUuid(col: AnyColumn, ids: readonly string[]): SQL {
  return sql`${col} = any(${pgArray(ids)}::uuid[])`;
}

// ─── Eligible agreements ───────────────────────────────────────────────────────────────────

/**
 * Agreements a run bills: ACTIVE, valid during the period, whose billing frequency falls in it
 * ((month − anchor) mod months = 0, as billsInPeriod), within the scope.
 */
function eligible(period: string, scope: BillingRunScope): SQL {
  const { first, last } = periodBounds(period);
  const month = Number(period.slice(5, 7));
  const conds: SQL[] = [
    sql`${agreements.status} = 'ACTIVE'`,
    sql`${agreements.validFrom} <= ${last}`,
    sql`(${agreements.validTo} is null or ${agreements.validTo} >= ${first})`,
    sql`mod(${month} - ${agreements.anchorMonth}, case ${agreements.billingFrequency} when 'MONTHLY' then 1 when 'BIMONTHLY' then 2 when 'QUARTERLY' then 3 when 'SEMIANNUAL' then 6 else 12 end) = 0`,
  ];
  if (scope.branchId) conds.push(eq(agreements.branchId, scope.branchId));
  if (scope.agreementIds) conds.push(anyUuid(agreements.id, scope.agreementIds));
  return and(...conds)!;
}

export async function countEligibleAgreements(db: DbOrTx, period: string, scope: BillingRunScope): Promise<number> {
  const [row] = await db.select({ n: count() }).from(agreements).where(eligible(period, scope));
  return row.n;
}

export type EligibleAgreement = Awaited<ReturnType<typeof eligibleAgreementBatch>>[number];

/** The next `limit` eligible agreements of a slice after `afterId` (null = from the start), by id. */
export function eligibleAgreementBatch(db: DbOrTx, period: string, scope: BillingRunScope, bounds: SliceBounds, afterId: string | null, limit: number) {
  const conds = [eligible(period, scope)];
  if (bounds.branchId) conds.push(eq(agreements.branchId, bounds.branchId));
  if (bounds.idFrom) conds.push(gte(agreements.id, bounds.idFrom));
  if (bounds.idTo) conds.push(lt(agreements.id, bounds.idTo));
  if (afterId) conds.push(gt(agreements.id, afterId));
  return db
    .select({
      id: agreements.id,
      code: agreements.code,
      customerId: agreements.customerId,
      branchId: agreements.branchId,
      billingAddress: agreements.billingAddress,
      billingMode: agreements.billingMode,
      billingOpportunity: agreements.billingOpportunity,
      currency: agreements.currency,
      itemGrouping: agreements.itemGrouping,
      dueDays: agreements.dueDays,
      discountPct: agreements.discountPct,
      billingFrequency: agreements.billingFrequency,
      anchorMonth: agreements.anchorMonth,
    })
    .from(agreements)
    .where(and(...conds))
    .orderBy(asc(agreements.id))
    .limit(limit);
}

// ─── Per-run catalogs ──────────────────────────────────────────────────────────────────────

/** Every tariff with its blocks (a small table), oldest first per category. */
export async function allTariffs(db: DbOrTx) {
  const [rows, blocks] = await Promise.all([
    db.select().from(tariffs).orderBy(asc(tariffs.tariffCategoryId), asc(tariffs.effectiveFrom)),
    db.select().from(tariffBlocks).orderBy(asc(tariffBlocks.tariffId), asc(tariffBlocks.fromM3)),
  ]);
  const byTariff = new Map<string, (typeof blocks)[number][]>();
  for (const b of blocks) {
    const list = byTariff.get(b.tariffId);
    if (list) list.push(b);
    else byTariff.set(b.tariffId, [b]);
  }
  return rows.map((t) => ({ ...t, blocks: byTariff.get(t.id) ?? [] }));
}

/** The automatic, active concepts with their group's name and position. */
export function automaticConcepts(db: DbOrTx) {
  return db
    .select({
      id: concepts.id,
      code: concepts.code,
      name: concepts.name,
      kind: concepts.kind,
      appliesTo: concepts.appliesTo,
      amount: concepts.amount,
      percentage: concepts.percentage,
      baseGroupId: concepts.baseGroupId,
      taxRate: concepts.taxRate,
      groupId: concepts.groupId,
      groupName: conceptGroups.name,
      groupPosition: conceptGroups.position,
      position: concepts.position,
    })
    .from(concepts)
    .innerJoin(conceptGroups, eq(conceptGroups.id, concepts.groupId))
    .where(and(eq(concepts.automatic, true), eq(concepts.active, true)))
    .orderBy(asc(conceptGroups.position), asc(concepts.position), asc(concepts.code));
}

/** Active points of sale, lowest number first (the first one of a branch is the one a run uses). */
export function activePointsOfSale(db: DbOrTx) {
  return db.select({ id: pointsOfSale.id, number: pointsOfSale.number, branchId: pointsOfSale.branchId }).from(pointsOfSale).where(eq(pointsOfSale.active, true)).orderBy(asc(pointsOfSale.number));
}

export function allBranches(db: DbOrTx) {
  return db.select({ id: branches.id, code: branches.code, name: branches.name }).from(branches).orderBy(asc(branches.code));
}

export async function branchByCode(db: DbOrTx, code: string) {
  const [row] = await db.select({ id: branches.id, code: branches.code, name: branches.name }).from(branches).where(eq(branches.code, code.toUpperCase()));
  return row;
}

// ─── Per-batch data ────────────────────────────────────────────────────────────────────────

/** The ACTIVE accounts of some agreements, by number. */
/** The ACTIVE accounts of the agreements that had started by the period's last day (`lastDay`). */
export function activeAccountsOf(db: DbOrTx, agreementIds: readonly string[], lastDay: string) {
  return db
    .select({
      id: accounts.id,
      number: accounts.number,
      description: accounts.description,
      agreementId: accounts.agreementId,
      groupId: accounts.groupId,
      tariffCategoryId: accounts.tariffCategoryId,
      meterNumber: accounts.meterNumber,
      status: accounts.status,
    })
    .from(accounts)
    .where(and(anyUuid(accounts.agreementId, agreementIds), eq(accounts.status, 'ACTIVE'), lte(accounts.startDate, lastDay)))
    .orderBy(asc(accounts.number));
}

export function customersByIds(db: DbOrTx, ids: readonly string[]) {
  return db
    .select({ id: customers.id, legalName: customers.legalName, documentType: customers.documentType, documentNumber: customers.documentNumber, taxCondition: customers.taxCondition })
    .from(customers)
    .where(anyUuid(customers.id, ids));
}

export function groupsByIds(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.select({ id: accountGroups.id, billingAddress: accountGroups.billingAddress, deliveryAddress: accountGroups.deliveryAddress }).from(accountGroups).where(anyUuid(accountGroups.id, ids));
}

/** This period's readings of some accounts. */
export function readingsOfPeriod(db: DbOrTx, accountIds: readonly string[], period: string) {
  if (accountIds.length === 0) return Promise.resolve([]);
  return db
    .select({ accountId: meterReadings.accountId, consumption: meterReadings.consumption, estimated: meterReadings.estimated })
    .from(meterReadings)
    .where(and(eq(meterReadings.period, period), anyUuid(meterReadings.accountId, accountIds)));
}

/**
 * The last `window` actual (not estimated) consumptions of each account before the period, oldest
 * first per account — what `estimate()` averages.
 */
export async function consumptionHistory(db: DbOrTx, accountIds: readonly string[], period: string, window: number) {
  if (accountIds.length === 0) return [];
  const rows = await db.execute<{ account_id: string; consumption: number; period: string }>(sql`
    select account_id, consumption, period from (
      select account_id, consumption, period, row_number() over (partition by account_id order by period desc) as rn
      from meter_readings r
      where account_id = any(${pgArray(accountIds)}::uuid[]) and period < ${period} and not estimated
        -- A meter's first value only sets the register's base (0 m³): it is not a consumption.
        and exists (select 1 from meter_readings p where p.account_id = r.account_id and p.period < r.period and p.value is not null)
    ) h where rn <= ${window}
    order by account_id, period`);
  const list = (Array.isArray(rows) ? rows : (rows as unknown as { rows: unknown[] }).rows) as { account_id: string; consumption: number | string }[];
  return list.map((r) => ({ accountId: r.account_id, consumption: Number(r.consumption) }));
}

/** Of these billing units, those that already have an automatic invoice for the period. */
export async function billedUnits(db: DbOrTx, units: readonly string[], period: string): Promise<Set<string>> {
  if (units.length === 0) return new Set();
  const rows = await db
    .select({ unit: invoices.billingUnit })
    .from(invoices)
    .where(and(sql`${invoices.billingUnit} = any(${pgArray(units)}::text[])`, eq(invoices.period, period), eq(invoices.origin, 'AUTOMATIC'), eq(invoices.docType, 'INVOICE')));
  return new Set(rows.map((r) => r.unit!));
}

/** Of these accounts, those already billed in the period. */
export async function billedAccountIds(db: DbOrTx, accountIds: readonly string[], period: string): Promise<Set<string>> {
  if (accountIds.length === 0) return new Set();
  const rows = await db.select({ id: billedAccounts.accountId }).from(billedAccounts).where(and(eq(billedAccounts.period, period), anyUuid(billedAccounts.accountId, accountIds)));
  return new Set(rows.map((r) => r.id));
}

// ─── The run row ───────────────────────────────────────────────────────────────────────────

export async function insertRun(tx: DbOrTx, values: typeof billingRuns.$inferInsert) {
  const [row] = await tx.insert(billingRuns).values(values).returning();
  return row;
}

export async function findRun(db: DbOrTx, id: string) {
  const [row] = await db.select().from(billingRuns).where(eq(billingRuns.id, id));
  return row;
}

export async function updateRun(db: DbOrTx, id: string, patch: Partial<typeof billingRuns.$inferInsert>) {
  const [row] = await db.update(billingRuns).set({ ...patch, updatedAt: new Date() }).where(eq(billingRuns.id, id)).returning();
  return row;
}

type Counts = { processed: number; invoices: number; skipped: number; errors: number };

/**
 * Adds a batch's counts to the run, with a heartbeat; returns the run's new counters. The last
 * statement of a batch's transaction, so concurrent slices hold the run row only while committing.
 */
export async function addRunProgress(db: DbOrTx, id: string, d: Counts) {
  const [row] = await db
    .update(billingRuns)
    .set({
      processed: sql`${billingRuns.processed} + ${d.processed}`,
      invoiceCount: sql`${billingRuns.invoiceCount} + ${d.invoices}`,
      skippedCount: sql`${billingRuns.skippedCount} + ${d.skipped}`,
      errorCount: sql`${billingRuns.errorCount} + ${d.errors}`,
      heartbeatAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(eq(billingRuns.id, id))
    .returning({ total: billingRuns.total, processed: billingRuns.processed, invoices: billingRuns.invoiceCount, skipped: billingRuns.skippedCount, errors: billingRuns.errorCount });
  return row;
}

// ─── Slices ────────────────────────────────────────────────────────────────────────────────

export async function insertSlices(tx: DbOrTx, runId: string, slices: readonly (SliceBounds & { sliceNo: number; cursor?: string | null; summary?: Record<string, unknown> })[]) {
  if (slices.length === 0) return;
  await tx
    .insert(billingRunSlices)
    .values(slices.map((s) => ({ runId, sliceNo: s.sliceNo, branchId: s.branchId, idFrom: s.idFrom, idTo: s.idTo, cursor: s.cursor ?? null, summary: s.summary ?? {} })))
    .onConflictDoNothing();
}

export function listSlices(db: DbOrTx, runId: string) {
  return db.select().from(billingRunSlices).where(eq(billingRunSlices.runId, runId)).orderBy(asc(billingRunSlices.sliceNo));
}

/** The run row, locked until the end of the transaction (preparing slices, finishing the run). */
export async function lockRun(tx: DbOrTx, id: string) {
  const [row] = await tx.select().from(billingRuns).where(eq(billingRuns.id, id)).for('update');
  return row;
}

/**
 * Takes a slice for execution: QUEUED or FAILED, or RUNNING without a heartbeat since
 * `staleBefore` (its worker died). Undefined when it is DONE or another worker has it.
 */
export async function claimSlice(db: DbOrTx, runId: string, sliceNo: number, staleBefore: Date) {
  const [row] = await db
    .update(billingRunSlices)
    .set({ status: 'RUNNING', message: null, heartbeatAt: sql`now()`, startedAt: sql`coalesce(${billingRunSlices.startedAt}, now())` })
    .where(
      and(
        eq(billingRunSlices.runId, runId),
        eq(billingRunSlices.sliceNo, sliceNo),
        sql`(${billingRunSlices.status} in ('QUEUED', 'FAILED') or (${billingRunSlices.status} = 'RUNNING' and coalesce(${billingRunSlices.heartbeatAt}, ${billingRunSlices.startedAt}) < ${staleBefore.toISOString()}))`,
      ),
    )
    .returning();
  return row;
}

/** Adds a batch to its slice: counters, summary, cursor (where a resumed slice goes on), heartbeat. */
export async function addSliceProgress(db: DbOrTx, runId: string, sliceNo: number, d: Counts, summary: Record<string, unknown>, cursor: string) {
  await db
    .update(billingRunSlices)
    .set({
      processed: sql`${billingRunSlices.processed} + ${d.processed}`,
      invoiceCount: sql`${billingRunSlices.invoiceCount} + ${d.invoices}`,
      skippedCount: sql`${billingRunSlices.skippedCount} + ${d.skipped}`,
      errorCount: sql`${billingRunSlices.errorCount} + ${d.errors}`,
      summary,
      cursor,
      heartbeatAt: sql`now()`,
    })
    .where(and(eq(billingRunSlices.runId, runId), eq(billingRunSlices.sliceNo, sliceNo)));
}

export async function updateSlice(db: DbOrTx, runId: string, sliceNo: number, patch: Partial<typeof billingRunSlices.$inferInsert>) {
  await db.update(billingRunSlices).set(patch).where(and(eq(billingRunSlices.runId, runId), eq(billingRunSlices.sliceNo, sliceNo)));
}

export async function insertIssues(db: DbOrTx, runId: string, issues: readonly { agreementId: string | null; severity: 'SKIP' | 'ERROR'; reason: string }[]) {
  if (issues.length === 0) return;
  await db.insert(billingRunIssues).values(issues.map((i) => ({ runId, agreementId: i.agreementId, severity: i.severity, reason: i.reason })));
}

/** RUNs of the period still RUNNING with a heartbeat (or start) newer than `staleBefore`. */
export function liveRunsOfPeriod(db: DbOrTx, period: string, staleBefore: Date) {
  return db
    .select({ id: billingRuns.id, number: billingRuns.number, scope: billingRuns.scope })
    .from(billingRuns)
    .where(
      and(
        eq(billingRuns.period, period),
        eq(billingRuns.mode, 'RUN'),
        sql`${billingRuns.status} in ('QUEUED', 'RUNNING')`,
        sql`coalesce(${billingRuns.heartbeatAt}, ${billingRuns.createdAt}) >= ${staleBefore.toISOString()}`,
      ),
    );
}

export type RunListFilter = { branchIds?: string[] };

/** Runs newest first; a branch-limited list shows only runs scoped to those branches. */
export async function listRuns(db: DbOrTx, filter: RunListFilter, page: { limit: number; offset: number }) {
  const cond = filter.branchIds ? sql`(${billingRuns.scope}->>'branchId') = any(${pgArray(filter.branchIds)}::text[])` : undefined;
  const [rows, [{ n }]] = await Promise.all([
    db
      .select({
        id: billingRuns.id,
        number: billingRuns.number,
        mode: billingRuns.mode,
        status: billingRuns.status,
        period: billingRuns.period,
        issueDate: billingRuns.issueDate,
        scope: billingRuns.scope,
        total: billingRuns.total,
        processed: billingRuns.processed,
        invoiceCount: billingRuns.invoiceCount,
        skippedCount: billingRuns.skippedCount,
        errorCount: billingRuns.errorCount,
        createdAt: billingRuns.createdAt,
        startedAt: billingRuns.startedAt,
        finishedAt: billingRuns.finishedAt,
        createdByName: users.name,
      })
      .from(billingRuns)
      .leftJoin(users, eq(users.id, billingRuns.createdBy))
      .where(cond)
      .orderBy(desc(billingRuns.number))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(billingRuns).where(cond),
  ]);
  return { rows, total: n };
}

/** A run's issues, errors first, then in the order they were recorded. */
export async function listRunIssues(db: DbOrTx, runId: string, filter: { severity?: 'SKIP' | 'ERROR' }, page: { limit: number; offset: number }) {
  const cond = filter.severity ? and(eq(billingRunIssues.runId, runId), eq(billingRunIssues.severity, filter.severity)) : eq(billingRunIssues.runId, runId);
  const [rows, [{ n }]] = await Promise.all([
    db
      .select({ id: billingRunIssues.id, severity: billingRunIssues.severity, reason: billingRunIssues.reason, at: billingRunIssues.at, agreementId: billingRunIssues.agreementId, agreementCode: agreements.code, agreementName: agreements.name })
      .from(billingRunIssues)
      .leftJoin(agreements, eq(agreements.id, billingRunIssues.agreementId))
      .where(cond)
      .orderBy(sql`case ${billingRunIssues.severity} when 'ERROR' then 0 else 1 end`, asc(billingRunIssues.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(billingRunIssues).where(cond),
  ]);
  return { rows, total: n };
}
