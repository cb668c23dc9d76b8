/**
 * Invoice PDF benchmark: npm run bench:pdf -- --invoices N [--threads T] [--recycle R] [--keep]
 *
 * Renders N stored invoices through the batch path (lib/pdf/batch: the main thread reads the stored
 * data a chunk at a time, T render threads — default one per core — render, and the PDFs stream
 * into a ZIP on disk), then times one 500-line invoice on a warm thread. Progress lines go to
 * stdout; the LAST line is one JSON object: { invoices, pages, seconds, invoicesPerSec, peakRssMb,
 * longInvoiceSeconds, … }.
 *
 * - Database: as bench:billing — a fresh PGlite in a temporary folder, or with DATABASE_URL a NEW
 *   database `<database>_bench_<random>` on that server, dropped at the end (`--keep` keeps it).
 * - Data (seeded in a child process, so this process starts clean): the demo seed without its
 *   history, seedScale until about N / 0.6 accounts exist (mixed customers: classes A, B and E;
 *   agreements of every printable grouping), every agreement made billable, readings of the period,
 *   and ONE billing run (RUN) of the period: numbered, issued invoices with their printable items.
 *   The batch renders the first N of them by id (a mix of classes and groupings, printed below).
 * - seconds: from creating the render pool (threads start up) to the ZIP closed on disk.
 * - peakRssMb: this process's RSS sampled every 200 ms — worker threads live in the process, so it
 *   is the whole batch path (main thread, render threads, PGlite when used).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase, type DatabaseHandle } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { seedDemo, seedScale } from '@/db/seed';
import { rawQuery } from '@/lib/billing/bulk';
import { executeRun } from '@/lib/billing/engine';
import { createRun } from '@/lib/billing/runs';
import { periodBounds } from '@/lib/domain/billing/period';
import { BUILT_IN_PRINT_FORMAT } from '@/lib/domain/pdf/print-format';
import { RenderPool } from '@/lib/pdf/batch/pool';
import { renderInvoicesToZip } from '@/lib/pdf/batch/render-zip';
import { sampleLongInvoice } from '@/lib/pdf/sample-invoices';
import { countRows, openBenchDatabase } from './bench-db';
import { ensureAuthSecret, loadEnv } from './env';

loadEnv();
ensureAuthSecret(() => {});

const { values } = parseArgs({
  options: {
    invoices: { type: 'string', default: '1000' },
    threads: { type: 'string' },
    recycle: { type: 'string' },
    period: { type: 'string', default: '2026-11' },
    keep: { type: 'boolean', default: false },
    'seed-into': { type: 'string' },
  },
});
const target = Number(values.invoices);
if (!Number.isInteger(target) || target < 1) throw new Error('--invoices debe ser un entero positivo.');
const threads = values.threads === undefined ? undefined : Number(values.threads);
if (threads !== undefined && (!Number.isInteger(threads) || threads < 1 || threads > 64)) throw new Error('--threads debe ser un entero entre 1 y 64.');
const recycle = values.recycle === undefined ? undefined : Number(values.recycle);
if (recycle !== undefined && (!Number.isInteger(recycle) || recycle < 1)) throw new Error('--recycle debe ser un entero positivo.');
const period = values.period!;
const { first, last } = periodBounds(period);

const fmt = (n: number) => n.toLocaleString('es-DO');
const log = (m: string) => console.log(m);
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

let peakRss = 0;
const sampleRss = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));



/** The child process: demo + scale seed, billable agreements, readings, one RUN of the period. */
async function seed(handle: DatabaseHandle) {
  await runMigrations(handle);
  await seedDemo(handle, () => {}, { history: false });
  // A billing run makes ≈ 0.6 invoices per account (agreements billed per group or per agreement).
  const accountsWanted = Math.ceil(target / 0.55) + 100;
  let accounts = await countRows(handle, 'select count(*) as n from accounts');
  while (accounts < accountsWanted) {
    await seedScale(handle, Math.max(1, Math.ceil((accountsWanted - accounts) / 2.55)), (m) => log(`  semilla: ${m.trim()}`));
    accounts = await countRows(handle, 'select count(*) as n from accounts');
  }
  const { db } = handle;
  await rawQuery(db, `update agreements set status = 'ACTIVE', billing_frequency = 'MONTHLY', anchor_month = 1, valid_from = least(valid_from, $1::date), valid_to = null`, [first]);
  await rawQuery(db, `update accounts set status = 'ACTIVE'`, []);
  await rawQuery(
    db,
    `insert into meter_readings (account_id, period, reading_date, value, consumption, estimated, source)
     select a.id, $1, $2::date, 1000 + (abs(hashtext(a.number)) % 400), 5 + (abs(hashtext(a.number || 'c')) % 60), false, 'MANUAL'
     from accounts a join agreements g on g.id = a.agreement_id
     where a.meter_number is not null and g.billing_opportunity = 'METERED'
     on conflict do nothing`,
    [period, last],
  );
  if (handle.kind === 'postgres') await rawQuery(db, 'analyze', []);
  const run = await createRun(db, null, { mode: 'RUN', period, issueDate: last });
  const done = await executeRun(db, run.id);
  log(`  semilla: corrida ${done.number} · ${fmt(done.invoiceCount)} facturas emitidas`);
}

async function main() {
  const opened = await openBenchDatabase({ prefix: 'cauce-bench-pdf', keep: values.keep!, max: 4, log });
  let { handle } = opened;
  try {
    log(`Benchmark de PDF · ${fmt(target)} facturas · base ${opened.label} (${handle.location})`);
    const seedStart = Date.now();
    if (handle.kind === 'pglite') await handle.close();
    const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1], '--invoices', String(target), '--period', period, '--seed-into', opened.target], {
      stdio: 'inherit',
      env: { ...process.env, CAUCE_SEED_HISTORY: '0' },
    });
    if (child.status !== 0) throw new Error(`La semilla falló (código ${child.status}).`);
    if (handle.kind === 'pglite') handle = openDatabase({ url: '', dataDir: opened.target });
    const seedSeconds = (Date.now() - seedStart) / 1000;

    const idRows = await rawQuery<{ id: string }>(handle.db, `select id from invoices where fiscal_number is not null and status <> 'DRAFT' order by id limit $1`, [target]);
    const ids = idRows.map((r) => r.id);
    if (ids.length < target) log(`Aviso: la semilla dejó ${fmt(ids.length)} facturas (se pidieron ${fmt(target)}).`);
    const mix = await rawQuery<{ invoice_class: string; item_grouping: string; n: number; lines: number }>(
      handle.db,
      `select i.invoice_class, g.item_grouping, count(*)::int as n, max((select count(*) from invoice_printable_items p where p.invoice_id = i.id))::int as lines
       from invoices i join agreements g on g.id = i.agreement_id where i.id = any($1::uuid[]) group by 1, 2 order by 1, 2`,
      [`{${ids.join(',')}}`],
    );
    log(`Semilla lista en ${seedSeconds.toFixed(1)} s. Mezcla: ${mix.map((m) => `clase ${m.invoice_class}/${m.item_grouping} ${fmt(m.n)} (hasta ${m.lines} líneas)`).join(' · ')}`);

    log(`RSS antes del lote: ${mb(process.memoryUsage().rss)} MB (${opened.label === 'pglite' ? 'con PGlite en el proceso' : 'PostgreSQL aparte'}).`);
    peakRss = 0;
    sampleRss();
    const sampler = setInterval(sampleRss, 200);
    const zipPath = path.join(tmpdir(), `cauce-bench-pdf-${randomBytes(4).toString('hex')}.zip`);
    const started = performance.now();
    // CPU time of every thread of the process (main + render threads): on a shared machine,
    // invoices per CPU-second × cores is what a quiet machine would reach.
    const cpuStart = process.cpuUsage();
    const pool = await RenderPool.create({ threads, recycle: recycle ? { maxRenders: recycle } : undefined });
    let result;
    let longSeconds = 0;
    let cpuSeconds = 0;
    const cpuOf = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;
    let longPages = 0;
    try {
      const chunks = async function* () {
        for (let i = 0; i < ids.length; i += 200) yield ids.slice(i, i + 200);
      };
      result = await renderInvoicesToZip({
        db: handle.db,
        pool,
        idChunks: chunks(),
        zipPath,
        progressEveryMs: 2000,
        onProgress: (p) => {
          const s = (performance.now() - started) / 1000;
          log(`  ${fmt(p.done)}/${fmt(ids.length)} PDF · ${fmt(p.pages)} páginas · ${(p.done / s).toFixed(1)} facturas/s · RSS ${mb(process.memoryUsage().rss)} MB (pico ${mb(peakRss)} MB) · hilos reciclados ${pool.retiredThreads}`);
        },
      });
      cpuSeconds = cpuOf(process.cpuUsage(cpuStart));
      // One 500-line invoice (an agreement of 500 accounts grouped by account) on a warm thread.
      const long = sampleLongInvoice(500);
      const t = performance.now();
      const [pdf] = await pool.render([{ id: 'larga', data: long, format: BUILT_IN_PRINT_FORMAT, formatKey: 'built-in' }]);
      longSeconds = (performance.now() - t) / 1000;
      longPages = pdf.pages;
    } finally {
      await pool.close();
      clearInterval(sampler);
      sampleRss();
      rmSync(zipPath, { force: true });
    }
    log(`ZIP: ${fmt(result.entries)} PDF, ${(result.bytes / 2 ** 20).toFixed(1)} MB · factura de 500 líneas: ${longPages} páginas en ${longSeconds.toFixed(2)} s`);
    console.log(
      JSON.stringify({
        invoices: result.done,
        pages: result.pages,
        seconds: Number(result.seconds.toFixed(2)),
        invoicesPerSec: Number((result.done / result.seconds).toFixed(1)),
        peakRssMb: mb(peakRss),
        cpuSeconds: Number(cpuSeconds.toFixed(1)),
        loadSeconds: Number(result.loadSeconds.toFixed(1)),
        invoicesPerCpuSec: Number((result.done / cpuSeconds).toFixed(1)),
        cores: availableParallelism(),
        loadAverage: Number(loadavg()[0].toFixed(2)),
        longInvoiceSeconds: Number(longSeconds.toFixed(2)),
        longInvoicePages: longPages,
        threads: pool.threads,
        recycledThreads: pool.retiredThreads,
        zipMb: Number((result.bytes / 2 ** 20).toFixed(1)),
        database: opened.label,
        seedSeconds: Number(seedSeconds.toFixed(1)),
      }),
    );
  } finally {
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
