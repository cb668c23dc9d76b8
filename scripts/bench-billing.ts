/**
 * Billing benchmark: npm run bench:billing -- --accounts N [--batch-size B] [--workers W] [--period AAAA-MM] [--keep]
 *
 * Seeds N accounts deterministically in a database of its own and times ONE billing run of a
 * period (seeding is timed and printed apart). Progress lines go to stdout; the LAST line is one
 * JSON object: { accounts, invoices, rowsWritten, seconds, accountsPerSec, peakRssMb, database, … }.
 *
 * Database
 * - Without DATABASE_URL: a fresh PGlite in a temporary folder, deleted at the end.
 * - With DATABASE_URL: a NEW database on that server named `<database>_bench_<random>` (created
 *   and dropped through the server's `postgres` maintenance database with the URL's credentials). The database of the URL itself is never
 *   touched. `--keep` keeps the bench database (its URL is printed) instead of dropping it.
 *
 * Data
 * - The demo seed (company, branches, points of sale, tariff categories, concepts, tariffs,
 *   exchange rates, 200 demo customers) then the scale seed (seedScale: ~2 accounts per customer)
 *   until at least N accounts exist.
 * - So that the run bills exactly N accounts, the bench then makes every agreement billable in the
 *   period (ACTIVE, MONTHLY, valid during it) and every account ACTIVE, and closes the accounts past
 *   the N-th (by number). Each metered account gets a reading of the period except one in 50, which
 *   the run estimates (and, as a RUN, stores as an estimated reading).
 * - The run is a RUN (numbered, issued invoices) created with createRun as the system and executed
 *   as the CLI does (executeRunWithWorkers): on PostgreSQL through the job queue by W worker
 *   processes (this one and W − 1 children; default one per core), on PGlite in this process.
 *   The seed runs in a child process (same script, --seed-into). peakRssMb is the largest peak RSS
 *   of one billing process (this one: process.memoryUsage().rss sampled every 200 ms and at every
 *   batch; each child reports its own the same way); peakRssTotalMb adds them up.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { openDatabase, type DatabaseHandle } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { seedDemo, seedScale } from '@/db/seed';
import { rawQuery } from '@/lib/billing/bulk';
import { DEFAULT_BATCH_SIZE } from '@/lib/billing/engine';
import { executeRunWithWorkers } from '@/lib/billing/parallel';
import { createRun } from '@/lib/billing/runs';
import { periodBounds, validPeriod } from '@/lib/domain/billing/period';
import { countRows, openBenchDatabase } from './bench-db';
import { ensureAuthSecret, loadEnv } from './env';

loadEnv();
ensureAuthSecret(() => {});

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '10000' },
    'batch-size': { type: 'string' },
    workers: { type: 'string' },
    period: { type: 'string', default: '2026-11' },
    keep: { type: 'boolean', default: false },
    // Internal: the child process that seeds (so the run's process starts with a clean heap).
    'seed-into': { type: 'string' },
  },
});
const target = Number(values.accounts);
const batchSize = values['batch-size'] === undefined ? DEFAULT_BATCH_SIZE : Number(values['batch-size']);
const period = values.period!;
if (!Number.isInteger(target) || target < 1) throw new Error('--accounts debe ser un entero positivo.');
if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('--batch-size debe ser un entero positivo.');
const workersArg = values.workers === undefined ? null : Number(values.workers);
if (workersArg !== null && (!Number.isInteger(workersArg) || workersArg < 1 || workersArg > 64)) throw new Error('--workers debe ser un entero entre 1 y 64.');
if (!validPeriod(period)) throw new Error('--period debe tener el formato AAAA-MM.');
const { first, last } = periodBounds(period);

let peakRss = process.memoryUsage().rss;
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return peakRss;
};
// Every 200 ms, and at every batch too: PGlite's synchronous work can starve timers for a while.
const sampler = setInterval(sampleRss, 200);
sampler.unref();

const fmt = (n: number) => n.toLocaleString('es-DO');
const log = (m: string) => console.log(m);



async function seed(handle: DatabaseHandle) {
  await runMigrations(handle);
  await seedDemo(handle, () => {});
  // seedScale adds ~2 accounts per customer: seed in steps until N accounts exist.
  let accounts = await countRows(handle, 'select count(*) as n from accounts');
  while (accounts < target) {
    const customers = Math.max(1, Math.ceil((target - accounts) / 2.55));
    await seedScale(handle, customers, (m) => log(`  semilla: ${m.trim()}`));
    accounts = await countRows(handle, 'select count(*) as n from accounts');
  }
  const { db } = handle;
  // Every agreement billable in the period, every account active, exactly N accounts open.
  await rawQuery(db, `update agreements set status = 'ACTIVE', billing_frequency = 'MONTHLY', anchor_month = 1, valid_from = least(valid_from, $1::date), valid_to = null`, [first]);
  await rawQuery(
    db,
    `update accounts a set status = case when r.rn <= $1 then 'ACTIVE'::account_status else 'CLOSED'::account_status end
     from (select id, row_number() over (order by number) as rn from accounts) r where r.id = a.id`,
    [target],
  );
  // Readings of the period for metered accounts (one in 50 left for the run to estimate).
  await rawQuery(
    db,
    `insert into meter_readings (account_id, period, reading_date, value, consumption, estimated, source)
     select a.id, $1, $2::date, 1000 + (abs(hashtext(a.number)) % 400), 5 + (abs(hashtext(a.number || 'c')) % 60), false, 'MANUAL'
     from accounts a join agreements g on g.id = a.agreement_id
     where a.status = 'ACTIVE' and a.meter_number is not null and g.billing_opportunity = 'METERED' and abs(hashtext(a.number)) % 50 <> 0
     on conflict do nothing`,
    [period, last],
  );
  if (handle.kind === 'postgres') await rawQuery(db, 'analyze', []);
}

async function main() {
  const opened = await openBenchDatabase({ prefix: 'cauce-bench', keep: values.keep!, max: 6, log });
  const { label, target: seedTarget } = opened;
  let { handle } = opened;
  try {
    log(`Benchmark de facturación · ${fmt(target)} cuentas · período ${period} · lotes de ${batchSize} · base ${label} (${handle.location})`);
    const seedStart = Date.now();
    if (handle.kind === 'pglite') await handle.close();
    const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1], '--accounts', String(target), '--period', period, '--seed-into', seedTarget], { stdio: 'inherit' });
    if (child.status !== 0) throw new Error(`La semilla falló (código ${child.status}).`);
    if (handle.kind === 'pglite') handle = openDatabase({ url: '', dataDir: seedTarget });
    await runMigrations(handle);
    const seedSeconds = (Date.now() - seedStart) / 1000;
    const { db } = handle;
    const accounts = await countRows(handle, `select count(*) as n from accounts where status = 'ACTIVE'`);
    const agreementsN = await countRows(handle, `select count(*) as n from agreements`);
    const readings = await countRows(handle, 'select count(*) as n from meter_readings where period = $1', [period]);
    log(`Semilla lista en ${seedSeconds.toFixed(1)} s: ${fmt(agreementsN)} acuerdos, ${fmt(accounts)} cuentas activas, ${fmt(readings)} lecturas del período.`);

    const workers = workersArg ?? (handle.kind === 'postgres' ? availableParallelism() : 1);
    const run = await createRun(db, null, { mode: 'RUN', period, issueDate: last });
    let lastPrint = 0;
    const started = Date.now();
    const { run: finished, workers: used, childPeakRssMb } = await executeRunWithWorkers(handle, run.id, {
      batchSize,
      workers,
      onProgress: (p) => {
        sampleRss();
        const now = Date.now();
        if (now - lastPrint < 2000 && p.processed < p.total) return;
        lastPrint = now;
        log(`  ${fmt(p.processed)}/${fmt(p.total)} acuerdos · ${fmt(p.invoices)} facturas · ${((p.processed * 1000) / Math.max(1, now - started)).toFixed(0)} acuerdos/s · RSS ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`);
      },
    });
    const seconds = (Date.now() - started) / 1000;
    const ownPeakMb = Math.round(sampleRss() / 2 ** 20);
    const invoices = await countRows(handle, 'select count(*) as n from invoices where billing_run_id = $1', [run.id]);
    const items = await countRows(handle, 'select count(*) as n from invoice_items i join invoices v on v.id = i.invoice_id where v.billing_run_id = $1', [run.id]);
    const printable = await countRows(handle, 'select count(*) as n from invoice_printable_items i join invoices v on v.id = i.invoice_id where v.billing_run_id = $1', [run.id]);
    const billed = await countRows(handle, 'select count(*) as n from billed_accounts b join invoices v on v.id = b.invoice_id where v.billing_run_id = $1', [run.id]);
    const estimated = await countRows(handle, `select count(*) as n from meter_readings where period = $1 and source = 'ESTIMATE'`, [period]);
    const issues = await countRows(handle, 'select count(*) as n from billing_run_issues where run_id = $1', [run.id]);
    log(`${finished.message} Estado ${finished.status}.`);
    log(`Filas: ${fmt(invoices)} facturas, ${fmt(items)} líneas, ${fmt(printable)} líneas imprimibles, ${fmt(billed)} cuentas facturadas, ${fmt(estimated)} lecturas estimadas, ${fmt(issues)} incidencias.`);
    const result = {
      accounts: billed,
      accountsSeeded: accounts,
      agreements: finished.processed,
      invoices,
      rowsWritten: invoices + items + printable + billed + estimated + issues,
      seconds: Number(seconds.toFixed(2)),
      accountsPerSec: Math.round(billed / seconds),
      peakRssMb: Math.max(ownPeakMb, ...childPeakRssMb),
      peakRssTotalMb: ownPeakMb + childPeakRssMb.reduce((a, b) => a + b, 0),
      database: label,
      workers: used,
      batchSize,
      seedSeconds: Number(seedSeconds.toFixed(1)),
      errors: finished.errorCount,
      skipped: finished.skippedCount,
    };
    console.log(JSON.stringify(result));
  } finally {
    clearInterval(sampler);
    await opened.dispose(handle);
  }
}

if (values['seed-into']) {
  const into = values['seed-into'];
  const handle = into.startsWith('postgres') ? openDatabase({ url: into, max: 6 }) : openDatabase({ url: '', dataDir: into });
  try {
    await seed(handle);
  } finally {
    await handle.close();
  }
} else {
  await main();
}
