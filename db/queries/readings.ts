import { and, asc, desc, eq, getTableColumns, ilike, inArray, isNotNull, lt, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { BranchScope } from '@/lib/auth/scope';
import { pgArray } from '@/lib/billing/bulk';
import type { DbOrTx } from '../client';
import { accounts, agreements, auditLog, billedAccounts, branches, meterReadings } from '../schema';
import { agreementScope } from './agreements';
import { containsPattern } from './filters';

export type ReadingRow = typeof meterReadings.$inferSelect;

// The agreement attribute that names the reader's route (seeded as a dynamic attribute).
const route = sql<string | null>`${agreements.attributes} ->> 'ruta_lectura'`;

const readingAccountColumns = {
  id: accounts.id,
  number: accounts.number,
  description: accounts.description,
  status: accounts.status,
  meterNumber: accounts.meterNumber,
  meterDigits: accounts.meterDigits,
  branchId: agreements.branchId,
};
export type ReadingAccount = { id: string; number: string; description: string; status: 'ACTIVE' | 'DISCONNECTED' | 'CLOSED'; meterNumber: string | null; meterDigits: number; branchId: string };

/** The account, if its agreement's branch lies within the scope. */
export async function findReadingAccount(db: DbOrTx, scope: BranchScope, accountId: string): Promise<ReadingAccount | undefined> {
  const [row] = await db
    .select(readingAccountColumns)
    .from(accounts)
    .innerJoin(agreements, eq(agreements.id, accounts.agreementId))
    .where(and(eq(accounts.id, accountId), agreementScope(scope)));
  return row;
}

/** Accounts by number within the scope (numbers upper-case), keyed by number. */
export async function readingAccountsByNumber(db: DbOrTx, scope: BranchScope, numbers: string[]): Promise<Map<string, ReadingAccount>> {
  if (!numbers.length) return new Map();
  const rows = await db
    .select(readingAccountColumns)
    .from(accounts)
    .innerJoin(agreements, eq(agreements.id, accounts.agreementId))
    .where(and(inArray(accounts.number, numbers), agreementScope(scope)));
  return new Map(rows.map((r) => [r.number, r]));
}

/** Locks the account row so two writers of its readings take turns. */
export async function lockReadingAccount(tx: DbOrTx, accountId: string) {
  await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, accountId)).for('update');
}

export async function readingFor(db: DbOrTx, accountId: string, period: string): Promise<ReadingRow | undefined> {
  const [row] = await db.select().from(meterReadings).where(and(eq(meterReadings.accountId, accountId), eq(meterReadings.period, period)));
  return row;
}

/** The account's readings before `period`, newest first (at most `limit`). */
export function readingsBefore(db: DbOrTx, accountId: string, period: string, limit: number): Promise<ReadingRow[]> {
  return db
    .select()
    .from(meterReadings)
    .where(and(eq(meterReadings.accountId, accountId), lt(meterReadings.period, period)))
    .orderBy(desc(meterReadings.period))
    .limit(limit);
}

/** The period of the account's latest reading after `period`, if any. */
export async function laterReadingPeriod(db: DbOrTx, accountId: string, period: string): Promise<string | undefined> {
  const [row] = await db
    .select({ period: meterReadings.period })
    .from(meterReadings)
    .where(and(eq(meterReadings.accountId, accountId), sql`${meterReadings.period} > ${period}`))
    .orderBy(desc(meterReadings.period))
    .limit(1);
  return row?.period;
}

/** True when an invoice already billed the account for the period. */
export async function isBilled(db: DbOrTx, accountId: string, period: string): Promise<boolean> {
  const [row] = await db
    .select({ accountId: billedAccounts.accountId })
    .from(billedAccounts)
    .where(and(eq(billedAccounts.accountId, accountId), eq(billedAccounts.period, period)));
  return Boolean(row);
}

// ---------------------------------------------------------------------------------------------
// Batched reads and writes of the CSV import: a constant number of statements for any file size.

// One parameter for any number of ids: a PostgreSQL array literal.
const anyUuid = (col: AnyColumn, ids: readonly string[]) => sql`${col} = any(${pgArray(ids)}::uuid[])`;

/** At most this many rows per multi-row statement (a dozen columns × 1,000 stays far below the 65,535 parameters). */
export const WRITE_CHUNK = 1000;

function chunks<T>(items: readonly T[], size = WRITE_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Locks the account rows, in id order so two writers of overlapping sets never deadlock. */
export async function lockReadingAccounts(tx: DbOrTx, accountIds: readonly string[]) {
  if (!accountIds.length) return;
  await tx.select({ id: accounts.id }).from(accounts).where(anyUuid(accounts.id, accountIds)).orderBy(accounts.id).for('update');
}

/**
 * For each account, its readings from `period` on plus the `before` latest ones before it, by
 * account and period: everything the rules look at when writing readings of `period` or later.
 */
export function readingsSince(db: DbOrTx, from: readonly { accountId: string; period: string }[], before: number): Promise<ReadingRow[]> {
  if (!from.length) return Promise.resolve([]);
  // Per account, the lowest period to read: the `before`-th reading before `period`, or all of them.
  const bounds = sql`(
    select f.account_id, coalesce((
      select p.period from ${meterReadings} p where p.account_id = f.account_id and p.period < f.period
      order by p.period desc offset ${before - 1} limit 1), '0000-00') as lowest
    from unnest(${pgArray(from.map((f) => f.accountId))}::uuid[], ${pgArray(from.map((f) => f.period))}::text[]) as f(account_id, period)
  ) b`;
  return db
    .select(getTableColumns(meterReadings))
    .from(meterReadings)
    .innerJoin(bounds, sql`b.account_id = ${meterReadings.accountId} and ${meterReadings.period} >= b.lowest`)
    .orderBy(meterReadings.accountId, meterReadings.period);
}

/** Which of these accounts were billed in which of these periods, as 'accountId|period' keys. */
export async function billedKeys(db: DbOrTx, accountIds: readonly string[], periods: readonly string[]): Promise<Set<string>> {
  if (!accountIds.length || !periods.length) return new Set();
  const rows = await db
    .select({ accountId: billedAccounts.accountId, period: billedAccounts.period })
    .from(billedAccounts)
    .where(and(anyUuid(billedAccounts.accountId, accountIds), sql`${billedAccounts.period} = any(${pgArray(periods)}::text[])`));
  return new Set(rows.map((r) => `${r.accountId}|${r.period}`));
}

export type NewReading = typeof meterReadings.$inferInsert;

/** Inserts the readings, up to WRITE_CHUNK per statement; a reading already stored is a unique violation. */
export async function insertReadings(tx: DbOrTx, rows: readonly NewReading[]): Promise<ReadingRow[]> {
  const out: ReadingRow[] = [];
  for (const chunk of chunks(rows)) out.push(...(await tx.insert(meterReadings).values(chunk).returning()));
  return out;
}

// The value the statement tried to insert: `excluded."reading_date"`.
const excluded = (col: AnyColumn) => sql`excluded.${sql.identifier(col.name)}`;

/**
 * Overwrites stored readings (same account and period) with these values, up to WRITE_CHUNK per
 * statement; `createdAt` is kept. Only for readings known to exist: the caller checks the ids back.
 */
export async function overwriteReadings(tx: DbOrTx, rows: readonly NewReading[]): Promise<ReadingRow[]> {
  const m = meterReadings;
  const out: ReadingRow[] = [];
  for (const chunk of chunks(rows)) {
    out.push(
      ...(await tx
        .insert(m)
        .values(chunk)
        .onConflictDoUpdate({
          target: [m.accountId, m.period],
          set: {
            readingDate: excluded(m.readingDate),
            value: excluded(m.value),
            consumption: excluded(m.consumption),
            estimated: excluded(m.estimated),
            anomalyCode: excluded(m.anomalyCode),
            readerName: excluded(m.readerName),
            source: excluded(m.source),
            importKey: excluded(m.importKey),
            createdBy: excluded(m.createdBy),
            updatedAt: excluded(m.updatedAt),
          },
        })
        .returning()),
    );
  }
  return out;
}

export type ReadingAudit = { entityId: string; action: 'CREATE' | 'UPDATE'; before?: unknown; after: unknown };

/** One audit row per written reading, up to WRITE_CHUNK per statement; inside the writing transaction. */
export async function recordReadingAudits(tx: DbOrTx, actor: { id: string; email: string }, entries: readonly ReadingAudit[]) {
  for (const chunk of chunks(entries)) {
    await tx.insert(auditLog).values(
      chunk.map((e) => ({ userId: actor.id, userEmail: actor.email, entity: 'meter_reading', entityId: e.entityId, action: e.action, before: e.before ?? null, after: e.after })),
    );
  }
}

export type EntryFilter = { branchId: string; period: string; route?: string; q?: string };

// Metered, active accounts of one branch (through their agreement), optionally of one route.
function entryConditions(scope: BranchScope, f: EntryFilter) {
  const where: (SQL | undefined)[] = [agreementScope(scope), eq(agreements.branchId, f.branchId), eq(accounts.status, 'ACTIVE'), isNotNull(accounts.meterNumber)];
  if (f.route) where.push(sql`${route} = ${f.route}`);
  if (f.q) {
    const p = containsPattern(f.q);
    where.push(or(ilike(accounts.number, p), ilike(accounts.meterNumber, p), ilike(accounts.description, p), ilike(accounts.serviceAddress, p), ilike(agreements.name, p)));
  }
  return and(...where.filter(Boolean));
}

/** One page of accounts to read, by route and number, with their previous and current readings. */
export async function listEntryAccounts(db: DbOrTx, scope: BranchScope, f: EntryFilter, page: { limit: number; offset: number }) {
  const cond = entryConditions(scope, f);
  const [rows, [{ count }]] = await Promise.all([
    db
      .select({
        id: accounts.id,
        number: accounts.number,
        description: accounts.description,
        serviceAddress: accounts.serviceAddress,
        meterNumber: accounts.meterNumber,
        meterDigits: accounts.meterDigits,
        agreementCode: agreements.code,
        agreementName: agreements.name,
        route,
      })
      .from(accounts)
      .innerJoin(agreements, eq(agreements.id, accounts.agreementId))
      .where(cond)
      .orderBy(sql`${route} asc nulls last`, asc(accounts.number))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ count: sql<number>`count(*)::int` }).from(accounts).innerJoin(agreements, eq(agreements.id, accounts.agreementId)).where(cond),
  ]);
  const ids = rows.map((r) => r.id);
  if (!ids.length) return { rows: [], total: count };
  const [previous, current, billed] = await Promise.all([
    db
      .selectDistinctOn([meterReadings.accountId])
      .from(meterReadings)
      .where(and(inArray(meterReadings.accountId, ids), lt(meterReadings.period, f.period)))
      .orderBy(meterReadings.accountId, desc(meterReadings.period)),
    db.select().from(meterReadings).where(and(inArray(meterReadings.accountId, ids), eq(meterReadings.period, f.period))),
    db.select({ accountId: billedAccounts.accountId }).from(billedAccounts).where(and(inArray(billedAccounts.accountId, ids), eq(billedAccounts.period, f.period))),
  ]);
  const prevBy = new Map(previous.map((r) => [r.accountId, r]));
  const curBy = new Map(current.map((r) => [r.accountId, r]));
  const billedSet = new Set(billed.map((b) => b.accountId));
  return {
    rows: rows.map((r) => ({ ...r, previous: prevBy.get(r.id) ?? null, current: curBy.get(r.id) ?? null, billed: billedSet.has(r.id) })),
    total: count,
  };
}

/** The reading routes used by a branch's agreements, sorted. */
export async function branchRoutes(db: DbOrTx, scope: BranchScope, branchId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ route })
    .from(agreements)
    .where(and(agreementScope(scope), eq(agreements.branchId, branchId), sql`${route} is not null and ${route} <> ''`))
    .orderBy(route);
  return rows.map((r) => r.route!).filter(Boolean);
}

/** The branches of the scope, for the branch choice. */
export function scopedBranches(db: DbOrTx, scope: BranchScope) {
  return db
    .select({ id: branches.id, code: branches.code, name: branches.name })
    .from(branches)
    .where(scope.all ? undefined : scope.branchIds.length ? inArray(branches.id, scope.branchIds) : sql`false`)
    .orderBy(asc(branches.name));
}

/** The account's readings, newest first, with whether each period was billed. */
export function accountReadings(db: DbOrTx, accountId: string, limit: number) {
  return db
    .select({
      reading: meterReadings,
      billed: sql<boolean>`exists (select 1 from ${billedAccounts} ba where ba.account_id = ${meterReadings.accountId} and ba.period = ${meterReadings.period})`,
    })
    .from(meterReadings)
    .where(eq(meterReadings.accountId, accountId))
    .orderBy(desc(meterReadings.period))
    .limit(limit);
}
