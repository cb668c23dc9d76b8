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
import { normalizedRow, parseReadingsCsv, periodError, readingDateError, readingDecision, type AnomalyCode, type HistoryEntry } from '@/lib/domain/billing/readings';
import { formatPeriod, toLocalDateString } from '@/lib/domain/format';
import { isUuid } from './customers';

export const READINGS_PAGE_SIZE = 25;
export const ACCOUNT_OUT_OF_SCOPE = 'Cuenta no encontrada en sus sucursales.';
// Enough past readings to find the last actual one behind a run of estimates and average six.
const HISTORY_LIMIT = 24;

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

const sameInput = (r: q.ReadingRow, w: ReadingWrite) =>
  r.value === w.value && r.readingDate === w.readingDate && (r.anomalyCode ?? null) === w.anomalyCode && (r.readerName ?? null) === w.readerName;

/**
 * Checks and (when `write`) stores one reading of an account already known to be in scope.
 * The same values again → 'unchanged', nothing written. A billed period, or an account that
 * already has a later reading (whose consumption was measured from the one before), refuses changes.
 */
async function writeReading(tx: DbOrTx, actor: Actor, account: q.ReadingAccount, input: ReadingWrite, opts: { source: 'MANUAL' | 'IMPORT'; importKey: string | null }): Promise<ReadingOutcome> {
  if (!account.meterNumber) throw new UserError('La cuenta no tiene medidor: no admite lecturas.');
  if (account.status === 'CLOSED') throw new UserError('La cuenta está cerrada: no admite lecturas.');
  await q.lockReadingAccount(tx, account.id);
  const existing = await q.readingFor(tx, account.id, input.period);
  if (existing && sameInput(existing, input)) return { status: 'unchanged', reading: existing, reason: 'Ya registrada con los mismos valores.' };
  if (existing && (await q.isBilled(tx, account.id, input.period))) {
    throw new UserError(`La lectura de ${formatPeriod(input.period)} ya fue facturada: no se puede modificar.`);
  }
  const later = await q.laterReadingPeriod(tx, account.id, input.period);
  if (later) throw new UserError(`La cuenta ya tiene la lectura de ${formatPeriod(later)}, posterior a ${formatPeriod(input.period)}: no se puede registrar ni cambiar una anterior.`);

  const past = (await q.readingsBefore(tx, account.id, input.period, HISTORY_LIMIT)).reverse(); // oldest first
  const lastActual = past.findLastIndex((r) => !r.estimated && r.value !== null);
  const estimatedSincePrevious = past.slice(lastActual + 1).reduce((s, r) => s + (r.estimated ? r.consumption : 0), 0);
  // The meter's very first reading only sets the register's base (0 m³): no consumption to average.
  const complete = past.length < HISTORY_LIMIT;
  const history: HistoryEntry[] = past.filter((r, i) => !(complete && i === 0 && !r.estimated && r.consumption === 0)).map((r) => ({ consumption: r.consumption, estimated: r.estimated }));
  const decision = readingDecision({
    previous: lastActual >= 0 ? past[lastActual].value : null,
    current: input.value,
    anomalyCode: input.anomalyCode,
    history,
    meterDigits: account.meterDigits,
    estimatedSincePrevious,
  });
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

class PreviewRollback extends Error {}

/** sha256 of the normalized row: the same row in any file has the same key. */
export function importKeyOf(row: Parameters<typeof normalizedRow>[0]): string {
  return createHash('sha256').update(normalizedRow(row)).digest('hex');
}

/**
 * Checks every row of the file and writes the good ones inside one transaction; in preview the
 * transaction is rolled back, so the report is exactly what importing would do and nothing stays.
 */
async function runImport(actor: Actor, csvText: string, today: string, mode: 'preview' | 'apply', db: ReturnType<typeof getDb>): Promise<ImportReport> {
  assertCan(actor, 'readings.write');
  const parsed = parseReadingsCsv(csvText, today);
  if (!parsed.ok) throw new UserError(parsed.error);
  const reports = new Map<number, ImportRowReport>();
  for (const row of parsed.rows) {
    if (row.errors.length) reports.set(row.line, { line: row.line, account: row.account, period: row.period, status: 'error', messages: row.errors.map((e) => e.message) });
  }
  const good = parsed.rows.filter((r) => !r.errors.length);
  // Earlier periods of an account first, so they are the "previous" of its later rows in the file.
  good.sort((a, b) => a.account.localeCompare(b.account) || a.period.localeCompare(b.period) || a.line - b.line);

  const work = async (tx: DbOrTx) => {
    const accountsByNumber = await q.readingAccountsByNumber(tx, branchScope(actor), [...new Set(good.map((r) => r.account))]);
    for (const row of good) {
      const base = { line: row.line, account: row.account, period: row.period };
      const account = accountsByNumber.get(row.account);
      if (!account) {
        reports.set(row.line, { ...base, status: 'error', messages: [ACCOUNT_OUT_OF_SCOPE] });
        continue;
      }
      try {
        const outcome = await writeReading(tx, actor, account, { accountId: account.id, ...row }, { source: 'IMPORT', importKey: importKeyOf(row) });
        reports.set(row.line, { ...base, status: outcome.status, messages: [outcome.reason], consumption: outcome.reading.consumption, estimated: outcome.reading.estimated });
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
        reports.set(row.line, { ...base, status: 'error', messages: [err.message] });
      }
    }
  };
  try {
    await db.transaction(async (tx) => {
      await work(tx);
      if (mode === 'preview') throw new PreviewRollback();
    });
  } catch (err) {
    if (!(err instanceof PreviewRollback)) throw err;
  }
  const rows = [...reports.values()].sort((a, b) => a.line - b.line);
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
