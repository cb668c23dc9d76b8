/**
 * The demo's billed history (db/seed-data/history.ts): twelve months of readings of every metered
 * account, inserted in one statement, then each period billed by the real engine — a RUN per
 * period, issued on the first business day of the next month, as the system — so invoices, items,
 * printable items, billed accounts, fiscal sequences and billing runs exist with real numbering.
 *
 * Idempotent: the readings are written with a marker (a 'system' / 'seed-history' audit row) in one
 * transaction. Without the marker the history is loaded only into a database with no readings,
 * invoices or runs of its own; with it, only the periods still lacking a finished RUN are billed (a
 * seed stopped half-way resumes), so nothing is ever loaded or billed twice.
 */
import { and, count, eq, isNotNull, sql } from 'drizzle-orm';
import { executeRun } from '@/lib/billing/engine';
import { bulkInsertTx, type BulkColumn } from '@/lib/billing/bulk';
import { createRun } from '@/lib/billing/runs';
import { toLocalDateString } from '@/lib/domain/format';
import type { DatabaseHandle } from './client';
import { recordAudit } from './queries/audit';
import { accounts, agreements, auditLog, billingRuns, branches, exchangeRates, invoices, meterReadings, tariffCategories, users, workOrders } from './schema';
import { december2025Rates, generateReadings, HISTORY_PERIODS, issueDateFor, type HistoryAccount } from './seed-data/history';

const MARKER = { entity: 'system', entityId: 'seed-history' } as const;

const READING_COLUMNS: BulkColumn[] = [
  ['account_id', 'uuid'], ['period', 'text'], ['reading_date', 'date'], ['value', 'integer'], ['consumption', 'integer'], ['estimated', 'boolean'],
  ['anomaly_code', 'text'], ['reader_name', 'text'], ['source', 'reading_source'], ['created_by', 'uuid'],
];

export type HistoryResult = { readings: number; estimated: number; periods: number; invoices: number; seconds: number };

async function hasMarker(handle: DatabaseHandle) {
  const [{ n }] = await handle.db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.entity, MARKER.entity), eq(auditLog.entityId, MARKER.entityId)));
  return n > 0;
}

/** True when the database has readings, invoices or runs of its own (then no history is added). */
async function hasOwnBilling(handle: DatabaseHandle) {
  const { db } = handle;
  const [[r], [i], [b]] = await Promise.all([
    db.select({ n: count() }).from(meterReadings),
    db.select({ n: count() }).from(invoices),
    db.select({ n: count() }).from(billingRuns),
  ]);
  return r.n + i.n + b.n > 0;
}

/** Metered accounts (a meter, in a METERED agreement) with what the generator needs. */
async function historyAccounts(handle: DatabaseHandle): Promise<HistoryAccount[]> {
  const { db } = handle;
  const [rows, cuts] = await Promise.all([
    db
      .select({
        id: accounts.id,
        number: accounts.number,
        startDate: accounts.startDate,
        meterDigits: accounts.meterDigits,
        category: tariffCategories.code,
        agreementStatus: agreements.status,
        validTo: agreements.validTo,
        branchCode: branches.code,
        route: sql<string | null>`${agreements.attributes} ->> 'ruta_lectura'`,
      })
      .from(accounts)
      .innerJoin(agreements, eq(agreements.id, accounts.agreementId))
      .innerJoin(branches, eq(branches.id, agreements.branchId))
      .innerJoin(tariffCategories, eq(tariffCategories.id, accounts.tariffCategoryId))
      .where(and(eq(agreements.billingOpportunity, 'METERED'), isNotNull(accounts.meterNumber))),
    db
      .select({ accountId: workOrders.accountId, at: workOrders.createdAt })
      .from(workOrders)
      .where(and(eq(workOrders.type, 'DISCONNECTION'), eq(workOrders.status, 'DONE'), isNotNull(workOrders.accountId))),
  ]);
  const cutDate = new Map<string, string>();
  for (const c of cuts) {
    const day = toLocalDateString(c.at);
    const seen = cutDate.get(c.accountId!);
    if (!seen || day > seen) cutDate.set(c.accountId!, day);
  }
  return rows.map((r) => ({ ...r, cutDate: cutDate.get(r.id) ?? null }));
}

/** Readings, the December 2025 rates and the marker, in one transaction. */
async function loadReadings(handle: DatabaseHandle, seed: number) {
  const { db } = handle;
  const list = await historyAccounts(handle);
  const readings = generateReadings(list, seed);
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'admin@cauce.example'));
  const by = admin?.id ?? null;
  await db.transaction(async (tx) => {
    const rows = readings.map((r) => [r.accountId, r.period, r.readingDate, r.value, r.consumption, r.estimated, r.anomalyCode, r.readerName, 'IMPORT', by]);
    for (let i = 0; i < rows.length; i += 20_000) await bulkInsertTx(tx, 'meter_readings', READING_COLUMNS, rows.slice(i, i + 20_000));
    const rates = december2025Rates(seed).map((r) => {
      const at = new Date(`${r.date}T08:30:00-04:00`);
      return { ...r, createdBy: by, createdAt: at, updatedAt: at };
    });
    await tx.insert(exchangeRates).values(rates).onConflictDoNothing();
    await recordAudit(tx, null, { ...MARKER, action: 'CREATE', after: { periods: [...HISTORY_PERIODS], accounts: list.length, readings: readings.length } });
  });
  return { readings: readings.length, estimated: readings.filter((r) => r.estimated).length };
}

/**
 * Bills every history period that has no finished RUN yet (resuming one left running), in order,
 * as the system. Returns the invoices written.
 */
async function billPeriods(handle: DatabaseHandle, log: (msg: string) => void) {
  const { db } = handle;
  let written = 0;
  let periods = 0;
  for (const period of HISTORY_PERIODS) {
    const runs = await db.select().from(billingRuns).where(and(eq(billingRuns.period, period), eq(billingRuns.mode, 'RUN')));
    if (runs.some((r) => r.status === 'DONE')) continue;
    const open = runs.find((r) => r.status === 'QUEUED' || r.status === 'RUNNING' || r.status === 'FAILED');
    const run = open ?? (await createRun(db, null, { mode: 'RUN', period, issueDate: issueDateFor(period) }));
    const done = await executeRun(db, run.id, { batchSize: 500 });
    written += done.invoiceCount - (open?.invoiceCount ?? 0);
    periods++;
    log(`  ${period}: ${done.invoiceCount.toLocaleString('es-DO')} facturas emitidas el ${done.issueDate} (corrida N.º ${done.number}).`);
  }
  return { periods, invoices: written };
}

/**
 * Loads the history once (see the module comment). Null when there is nothing to do: no CRM yet,
 * the database has billing of its own, or the history is complete.
 */
export async function seedBillingHistory(handle: DatabaseHandle, seed: number, log: (msg: string) => void = () => {}): Promise<HistoryResult | null> {
  const started = Date.now();
  let loaded = { readings: 0, estimated: 0 };
  if (!(await hasMarker(handle))) {
    const [{ n }] = await handle.db.select({ n: count() }).from(agreements);
    if (n === 0) return null;
    if (await hasOwnBilling(handle)) {
      log('Historial de facturación: la base ya tiene lecturas o facturas propias; no se agrega el historial de demostración.');
      return null;
    }
    log(`Historial de facturación: lecturas y facturación de ${HISTORY_PERIODS[0]} a ${HISTORY_PERIODS.at(-1)}…`);
    loaded = await loadReadings(handle, seed);
  }
  const billed = await billPeriods(handle, log);
  if (!loaded.readings && !billed.periods) return null;
  const result = { ...loaded, ...billed, seconds: (Date.now() - started) / 1000 };
  const fmt = (v: number) => v.toLocaleString('es-DO');
  log(`Historial: ${fmt(result.readings)} lecturas (${fmt(result.estimated)} estimadas), ${result.periods} períodos facturados, ${fmt(result.invoices)} facturas en ${result.seconds.toFixed(1)} s.`);
  return result;
}
