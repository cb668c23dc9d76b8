import 'server-only';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { recordAudit } from '@/db/queries/audit';
import * as q from '@/db/queries/readings';
import { meterReadings } from '@/db/schema';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import { can, type Permission } from '@/lib/auth/roles';
import { branchScope, inBranchScope, type Actor } from '@/lib/auth/scope';
import {
  decisionBasis,
  normalizedRow,
  parseReadingsCsv,
  periodError,
  READING_HISTORY_LIMIT,
  readingDateError,
  readingDecision,
  type AnomalyCode,
  type CsvReadingRow,
} from '@/lib/domain/billing/readings';
import { formatPeriod, toLocalDateString } from '@/lib/domain/format';
import { isUuid } from './customers';

export const READINGS_PAGE_SIZE = 25;
export const ACCOUNT_OUT_OF_SCOPE = 'Cuenta no encontrada en sus sucursales.';

function assertCan(actor: Actor, permission: Permission) {
  if (!can(actor.role, permission)) throw new ForbiddenError();
}

const accountNotFound = () => new NotFoundError('No se encontró la cuenta.');

/** Today's date in Santo Domingo, 'YYYY-MM-DD'. */
export function todayLocal(): string {
  return toLocalDateString(new Date());
}

export type ReadingWrite = {
  accountId: string;
  period: string;
  readingDate: string;
  value: number | null;
  anomalyCode: AnomalyCode | null;
  readerName: string | null;
};

export type ReadingOutcome = {
  status: 'new' | 'change' | 'unchanged';
  reading: q.ReadingRow;
  reason: string;
};

type StoredInput = Pick<q.ReadingRow, 'readingDate' | 'value' | 'anomalyCode' | 'readerName'>;
const sameInput = (r: StoredInput, w: Omit<ReadingWrite, 'accountId'>) =>
  r.value === w.value && r.readingDate === w.readingDate && (r.anomalyCode ?? null) === w.anomalyCode && (r.readerName ?? null) === w.readerName;

// The refusals shared by a single reading and the import, in the order they are checked.
function accountRefusal(account: q.ReadingAccount): string | null {
  if (!account.meterNumber) return 'La cuenta no tiene medidor: no admite lecturas.';
  if (account.status === 'CLOSED') return 'La cuenta está cerrada: no admite lecturas.';
  return null;
}
const billedRefusal = (period: string) => `La lectura de ${formatPeriod(period)} ya fue facturada: no se puede modificar.`;
const laterRefusal = (later: string, period: string) =>
  `La cuenta ya tiene la lectura de ${formatPeriod(later)}, posterior a ${formatPeriod(period)}: no se puede registrar ni cambiar una anterior.`;

const UNCHANGED_REASON = 'Ya registrada con los mismos valores.';

/**
 * Checks and (when `write`) stores one reading of an account already known to be in scope.
 * The same values again → 'unchanged', nothing written. A billed period, or an account that
 * already has a later reading (whose consumption was measured from the one before), refuses changes.
 */
async function writeReading(tx: DbOrTx, actor: Actor, account: q.ReadingAccount, input: ReadingWrite, opts: { source: 'MANUAL' | 'IMPORT'; importKey: string | null }): Promise<ReadingOutcome> {
  const refusal = accountRefusal(account);
  if (refusal) throw new UserError(refusal);
  await q.lockReadingAccount(tx, account.id);
  const existing = await q.readingFor(tx, account.id, input.period);
  if (existing && sameInput(existing, input)) return { status: 'unchanged', reading: existing, reason: UNCHANGED_REASON };
  if (existing && (await q.isBilled(tx, account.id, input.period))) throw new UserError(billedRefusal(input.period));
  const later = await q.laterReadingPeriod(tx, account.id, input.period);
  if (later) throw new UserError(laterRefusal(later, input.period));

  const past = (await q.readingsBefore(tx, account.id, input.period, READING_HISTORY_LIMIT)).reverse(); // oldest first
  const decision = readingDecision({ ...decisionBasis(past), current: input.value, anomalyCode: input.anomalyCode, meterDigits: account.meterDigits });
  if (!decision.ok) throw new UserError(decision.error, { value: [decision.error] });

  const values = {
    readingDate: input.readingDate,
    value: input.value,
    consumption: decision.consumption,
    estimated: decision.estimated,
    anomalyCode: input.anomalyCode,
    readerName: input.readerName,
    source: opts.source,
    importKey: opts.importKey,
  };
  if (existing) {
    const [updated] = await tx.update(meterReadings).set({ ...values, createdBy: actor.id, updatedAt: new Date() }).where(eq(meterReadings.id, existing.id)).returning();
    await recordAudit(tx, actor, { entity: 'meter_reading', entityId: updated.id, action: 'UPDATE', before: existing, after: { ...updated, reason: decision.reason } });
    return { status: 'change', reading: updated, reason: decision.reason };
  }
  const [created] = await tx.insert(meterReadings).values({ ...values, accountId: account.id, period: input.period, createdBy: actor.id }).returning();
  await recordAudit(tx, actor, { entity: 'meter_reading', entityId: created.id, action: 'CREATE', after: { ...created, reason: decision.reason } });
  return { status: 'new', reading: created, reason: decision.reason };
}

/**
 * Records (or corrects, while not billed) the reading of an account for a period. The account's
 * agreement must lie in the actor's branches; consumption comes from the previous actual reading
 * (roll-over handled) or, for a missing or anomalous reading, from the estimate of its history.
 */
export async function recordReading(actor: Actor, input: ReadingWrite, today = todayLocal(), db = getDb()): Promise<ReadingOutcome> {
  assertCan(actor, 'readings.write');
  if (!isUuid(input.accountId)) throw accountNotFound();
  const fieldErrors: Record<string, string[]> = {};
  const pErr = periodError(input.period, today);
  if (pErr) fieldErrors.period = [pErr];
  const dErr = readingDateError(input.readingDate, pErr ? '' : input.period, today);
  if (dErr) fieldErrors.readingDate = [dErr];
  if (input.value === null && !input.anomalyCode) fieldErrors.value = ['Indique la lectura o una anomalía.'];
  if (Object.keys(fieldErrors).length) throw new UserError(Object.values(fieldErrors)[0][0], fieldErrors);
  return db.transaction(async (tx) => {
    const account = await q.findReadingAccount(tx, branchScope(actor), input.accountId);
    if (!account) throw accountNotFound();
    return writeReading(tx, actor, account, input, { source: 'MANUAL', importKey: null });
  });
}

export type EntryQuery = { branchId: string; period: string; route?: string; q?: string; page?: number };

/** Metered ACTIVE accounts of a branch in scope (optionally one route) with their previous and current readings. */
export async function readingsForEntry(actor: Actor, query: EntryQuery, db = getDb()) {
  assertCan(actor, 'readings.read');
  const scope = branchScope(actor);
  if (!isUuid(query.branchId) || !inBranchScope(scope, query.branchId)) throw new NotFoundError('No se encontró la sucursal.');
  const page = query.page ?? 1;
  const result = await q.listEntryAccounts(db, scope, query, { limit: READINGS_PAGE_SIZE, offset: (page - 1) * READINGS_PAGE_SIZE });
  return { ...result, page, pageSize: READINGS_PAGE_SIZE, pageCount: Math.max(1, Math.ceil(result.total / READINGS_PAGE_SIZE)) };
}

/** The branches the actor may read, and the reading routes of one of them. */
export async function readingEntryOptions(actor: Actor, branchId?: string, db = getDb()) {
  assertCan(actor, 'readings.read');
  const scope = branchScope(actor);
  const branchRows = await q.scopedBranches(db, scope);
  const selected = branchRows.find((b) => b.id === branchId) ?? branchRows[0];
  const routes = selected ? await q.branchRoutes(db, scope, selected.id) : [];
  return { branches: branchRows, branchId: selected?.id, routes };
}

/** An account's readings, newest first, if its agreement lies in the actor's branches. */
export async function accountReadingHistory(actor: Actor, accountId: string, limit = 24, db = getDb()) {
  assertCan(actor, 'readings.read');
  if (!isUuid(accountId)) throw accountNotFound();
  const account = await q.findReadingAccount(db, branchScope(actor), accountId);
  if (!account) throw accountNotFound();
  return { account, readings: await q.accountReadings(db, accountId, limit) };
}

// ---------------------------------------------------------------------------------------------
// CSV import

export type ImportRowStatus = 'new' | 'unchanged' | 'change' | 'error';
export type ImportRowReport = {
  line: number;
  account: string;
  period: string;
  status: ImportRowStatus;
  messages: string[];
  consumption?: number;
  estimated?: boolean;
};
export type ImportReport = {
  rows: ImportRowReport[];
  counts: Record<ImportRowStatus, number>;
};

/** sha256 of the normalized row: the same row in any file has the same key. */
export function importKeyOf(row: Parameters<typeof normalizedRow>[0]): string {
  return createHash('sha256').update(normalizedRow(row)).digest('hex');
}

// A reading of an account as the import sees it while deciding the file: stored, or planned by an earlier row.
type KnownReading = StoredInput & { period: string; consumption: number; estimated: boolean; stored: q.ReadingRow | null };
type PlannedWrite = { values: q.NewReading; existing: q.ReadingRow | null; reason: string };

type ImportState = {
  accountsByNumber: Map<string, q.ReadingAccount>;
  /** Per account id, oldest first: the readings from its earliest period in the file on, and the history before it. */
  known: Map<string, KnownReading[]>;
  /** 'accountId|period' of the file's periods already billed. */
  billed: Set<string>;
};

/** Reads everything the file's rows are decided against, in a constant number of statements; `lock` first locks the accounts. */
async function loadImportState(tx: DbOrTx, actor: Actor, good: readonly CsvReadingRow[], lock: boolean): Promise<ImportState> {
  const accountsByNumber = await q.readingAccountsByNumber(tx, branchScope(actor), [...new Set(good.map((r) => r.account))]);
  const firstPeriod = new Map<string, string>(); // rows come sorted by account and period
  for (const row of good) {
    const account = accountsByNumber.get(row.account);
    if (account && !accountRefusal(account) && !firstPeriod.has(account.id)) firstPeriod.set(account.id, row.period);
  }
  const ids = [...firstPeriod.keys()];
  if (lock) await q.lockReadingAccounts(tx, ids);
  const stored = await q.readingsSince(tx, [...firstPeriod].map(([accountId, period]) => ({ accountId, period })), READING_HISTORY_LIMIT);
  const billed = await q.billedKeys(tx, ids, [...new Set(good.map((r) => r.period))]);
  const known = new Map<string, KnownReading[]>(ids.map((id) => [id, []]));
  for (const r of stored) known.get(r.accountId)!.push({ ...r, stored: r });
  return { accountsByNumber, known, billed };
}

/**
 * Decides the good rows (sorted by account and period) in memory, exactly as writeReading would one
 * by one in that order: a refused row writes nothing and the account's later rows do not see it; a
 * row to write becomes the previous reading of the account's later rows. Mutates `state.known`.
 */
function planImport(actor: Actor, good: readonly CsvReadingRow[], state: ImportState, now: Date) {
  const reports: ImportRowReport[] = [];
  const writes: PlannedWrite[] = [];
  for (const row of good) {
    const base = { line: row.line, account: row.account, period: row.period };
    const refuse = (message: string) => reports.push({ ...base, status: 'error', messages: [message] });
    const account = state.accountsByNumber.get(row.account);
    if (!account) {
      refuse(ACCOUNT_OUT_OF_SCOPE);
      continue;
    }
    const refusal = accountRefusal(account);
    if (refusal) {
      refuse(refusal);
      continue;
    }
    const list = state.known.get(account.id)!;
    const at = list.findIndex((r) => r.period >= row.period);
    const existing = at >= 0 && list[at].period === row.period ? list[at] : null;
    // The parser refuses a repeated account and period, so what a row meets at its period is stored.
    if (existing && !existing.stored) throw new Error('readings import: two rows of one account and period');
    if (existing && sameInput(existing, row)) {
      reports.push({ ...base, status: 'unchanged', messages: [UNCHANGED_REASON], consumption: existing.consumption, estimated: existing.estimated });
      continue;
    }
    if (existing && state.billed.has(`${account.id}|${row.period}`)) {
      refuse(billedRefusal(row.period));
      continue;
    }
    const latest = list.at(-1);
    if (latest && latest.period > row.period) {
      refuse(laterRefusal(latest.period, row.period));
      continue;
    }
    const past = at >= 0 ? list.slice(0, at) : list;
    const decision = readingDecision({ ...decisionBasis(past), current: row.value, anomalyCode: row.anomalyCode, meterDigits: account.meterDigits });
    if (!decision.ok) {
      refuse(decision.error);
      continue;
    }
    const values: q.NewReading = {
      accountId: account.id,
      period: row.period,
      readingDate: row.readingDate,
      value: row.value,
      consumption: decision.consumption,
      estimated: decision.estimated,
      anomalyCode: row.anomalyCode,
      readerName: row.readerName,
      source: 'IMPORT',
      importKey: importKeyOf(row),
      createdBy: actor.id,
      ...(existing ? { updatedAt: now } : {}),
    };
    // Nothing is stored after this period (checked above): the row is, or replaces, the account's latest.
    const planned: KnownReading = { period: row.period, readingDate: row.readingDate, value: row.value, anomalyCode: row.anomalyCode, readerName: row.readerName, consumption: decision.consumption, estimated: decision.estimated, stored: null };
    if (existing) list[at] = planned;
    else list.push(planned);
    writes.push({ values, existing: existing?.stored ?? null, reason: decision.reason });
    reports.push({ ...base, status: existing ? 'change' : 'new', messages: [decision.reason], consumption: decision.consumption, estimated: decision.estimated });
  }
  return { reports, writes };
}

const readingKey = (r: { accountId: string; period: string }) => `${r.accountId}|${r.period}`;

/** Stores the planned readings and their audit rows in a few multi-row statements, inside `tx`. */
async function writeImport(tx: DbOrTx, actor: Actor, writes: readonly PlannedWrite[]) {
  const created = new Map((await q.insertReadings(tx, writes.filter((w) => !w.existing).map((w) => w.values))).map((r) => [readingKey(r), r]));
  const updated = new Map((await q.overwriteReadings(tx, writes.filter((w) => w.existing).map((w) => w.values))).map((r) => [readingKey(r), r]));
  const audits = writes.map((w): q.ReadingAudit => {
    if (!w.existing) {
      const row = created.get(readingKey(w.values))!;
      return { entityId: row.id, action: 'CREATE', after: { ...row, reason: w.reason } };
    }
    const row = updated.get(readingKey(w.values));
    // The account rows are locked: the reading read a moment ago is the one overwritten.
    if (row?.id !== w.existing.id) throw new Error('readings import: a reading to correct was not the one stored');
    return { entityId: row.id, action: 'UPDATE', before: w.existing, after: { ...row, reason: w.reason } };
  });
  await q.recordReadingAudits(tx, actor, audits);
}

/**
 * Checks every row of the file, then writes the good ones in a few multi-row statements inside one
 * transaction (one audit row per reading written). Preview decides the same way and writes nothing,
 * so its report is exactly what importing would do.
 */
async function runImport(actor: Actor, csvText: string, today: string, mode: 'preview' | 'apply', db: ReturnType<typeof getDb>): Promise<ImportReport> {
  assertCan(actor, 'readings.write');
  const parsed = parseReadingsCsv(csvText, today);
  if (!parsed.ok) throw new UserError(parsed.error);
  const rows: ImportRowReport[] = [];
  for (const row of parsed.rows) {
    if (row.errors.length) rows.push({ line: row.line, account: row.account, period: row.period, status: 'error', messages: row.errors.map((e) => e.message) });
  }
  const good = parsed.rows.filter((r) => !r.errors.length);
  // Earlier periods of an account first, so they are the "previous" of its later rows in the file.
  good.sort((a, b) => a.account.localeCompare(b.account) || a.period.localeCompare(b.period) || a.line - b.line);

  const planned = await db.transaction(async (tx) => {
    const state = await loadImportState(tx, actor, good, mode === 'apply');
    const plan = planImport(actor, good, state, new Date());
    if (mode === 'apply') await writeImport(tx, actor, plan.writes);
    return plan.reports;
  });
  rows.push(...planned);
  rows.sort((a, b) => a.line - b.line);
  const counts: Record<ImportRowStatus, number> = { new: 0, unchanged: 0, change: 0, error: 0 };
  for (const r of rows) counts[r.status]++;
  return { rows, counts };
}

/** What importing the file would do, row by row, without writing anything. */
export function previewImport(actor: Actor, csvText: string, today = todayLocal(), db = getDb()): Promise<ImportReport> {
  return runImport(actor, csvText, today, 'preview', db);
}

/**
 * Imports the file's good rows in one transaction (bad rows change nothing, unchanged rows are
 * skipped: re-importing a file changes nothing). `imported` counts new and changed readings.
 */
export async function applyImport(actor: Actor, csvText: string, today = todayLocal(), db = getDb()) {
  const report = await runImport(actor, csvText, today, 'apply', db);
  return { ...report, imported: report.counts.new + report.counts.change, unchanged: report.counts.unchanged, errors: report.counts.error };
}
