/**
 * Collection reports benchmark: npm run bench:collections -- --invoices N [--as-of AAAA-MM-DD] [--no-delinquency] [--keep]
 *
 * Seeds N issued invoices with their payments deterministically in a database of its own, then
 * times the real report queries (db/queries/reports.ts, as the admin sees them: every branch) —
 * the median of 5 runs after one warm-up — and the delinquency run (lib/collections/delinquency-run.ts).
 * Progress lines go to stdout; the LAST line is one JSON object:
 * { invoices, agingMs, overdueFirstPageMs, delinquencyAgreementsPerSec, database, … }.
 *
 * Database (as bench:billing)
 * - Without DATABASE_URL: a fresh PGlite in a temporary folder, deleted at the end.
 * - With DATABASE_URL: a NEW database `<database>_bench_<random>` on that server, created and
 *   dropped through the server's `postgres` database; the URL's own database is never touched.
 *   `--keep` keeps it (its URL is printed).
 *
 * Data
 * - The demo seed without its billed history, then seedScale until there are ⌈N / 24⌉ agreements
 *   (all made ACTIVE), so each agreement gets up to 24 monthly invoices.
 * - Invoice g (1 … N) belongs to agreement (g − 1) mod A and to month ⌊(g − 1) / A⌋ counted back
 *   from the period before `--as-of`: two years of periods, issued on the 1st of the next month,
 *   due 30 days later (the latest not yet due). Inserted by one generate_series statement per
 *   100 000 invoices (automatic invoices of the agreement's branch, currency and customer).
 * - ~60 % PAID and ~12 % PARTIALLY_PAID (35 % left) by a hash of g, each with one CONFIRMED payment
 *   (method by the hash, created by the demo cashier) and its allocation; the rest ISSUED. VACUUM ANALYZE.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { type DatabaseHandle } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import * as reports from '@/db/queries/reports';
import type { BranchScope } from '@/lib/auth/scope';
import { seedDemo, seedScale } from '@/db/seed';
import { rawQuery } from '@/lib/billing/bulk';
import { validDate } from '@/lib/domain/billing/period';
import { countRows, openBenchDatabase } from './bench-db';
import { ensureAuthSecret, loadEnv } from './env';

loadEnv();
ensureAuthSecret(() => {});

const { values } = parseArgs({
  options: {
    invoices: { type: 'string', default: '100000' },
    'as-of': { type: 'string', default: '2026-06-30' },
    'no-delinquency': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const target = Number(values.invoices);
const asOf = values['as-of']!;
if (!Number.isInteger(target) || target < 1 || target > 50_000_000) throw new Error('--invoices debe ser un entero entre 1 y 50 000 000.');
if (!validDate(asOf)) throw new Error('--as-of debe ser una fecha AAAA-MM-DD.');

const MONTHS = 24;
const CHUNK = 100_000;
const OPEN = `status in ('ISSUED', 'PARTIALLY_PAID') and doc_type in ('INVOICE', 'DEBIT_NOTE') and balance > 0`;

const fmt = (n: number) => n.toLocaleString('es-DO');
const log = (m: string) => console.log(m);



async function seed(handle: DatabaseHandle) {
  const { db } = handle;
  await runMigrations(handle);
  await seedDemo(handle, () => {}, { history: false });
  const wanted = Math.ceil(target / MONTHS);
  let agreements = await countRows(handle, 'select count(*) as n from agreements');
  while (agreements < wanted) {
    await seedScale(handle, Math.max(1, Math.ceil((wanted - agreements) / 1.4)), (m) => log(`  semilla: ${m.trim()}`));
    agreements = await countRows(handle, 'select count(*) as n from agreements');
  }
  await rawQuery(db, `update agreements set status = 'ACTIVE'`, []);
  log(`  ${fmt(agreements)} acuerdos; insertando ${fmt(target)} facturas…`);
  // The period before the as-of date's month is the latest billed; month 0 is 23 periods earlier.
  const firstPeriod = `(date_trunc('month', $1::date) - interval '${MONTHS} months')::date`;
  for (let from = 1; from <= target; from += CHUNK) {
    const to = Math.min(target, from + CHUNK - 1);
    await rawQuery(
      db,
      `with ag as (
         select a.id, a.customer_id, a.branch_id, a.currency, a.billing_address, (row_number() over (order by a.id) - 1)::int as k from agreements a
       ), pos as (
         select distinct on (branch_id) id, branch_id from points_of_sale order by branch_id, id
       ), gen as (
         select g, ((g - 1) % $2)::int as k, ((g - 1) / $2)::int as m, (g * 37 + (g / 7) * 11) % 100 as h,
                (500 + (g * 7919) % 500000 / 100.0)::numeric(16, 2) as total
         from generate_series($3::bigint, $4::bigint) g
       )
       insert into invoices (doc_type, invoice_class, point_of_sale_id, pos_number, number, fiscal_number, origin, status, agreement_id, customer_id,
                             branch_id, billing_unit, period, issue_date, due_date, currency, customer_snapshot, billing_address,
                             gross_total, net_total, total, balance, issued_at)
       select 'INVOICE', 'B', pos.id, 1, gen.g, 'B' || lpad(gen.g::text, 12, '0'), 'AUTOMATIC',
              (case when gen.h < 60 then 'PAID' when gen.h < 72 then 'PARTIALLY_PAID' else 'ISSUED' end)::invoice_status,
              ag.id, ag.customer_id, ag.branch_id, 'AG:' || ag.id, to_char(${firstPeriod} + make_interval(months => gen.m), 'YYYY-MM'),
              (${firstPeriod} + make_interval(months => gen.m + 1))::date, (${firstPeriod} + make_interval(months => gen.m + 1))::date + 30,
              ag.currency, '{}'::jsonb, ag.billing_address, gen.total, gen.total, gen.total,
              case when gen.h < 60 then 0 when gen.h < 72 then round(gen.total * 0.35, 2) else gen.total end, now()
       from gen join ag on ag.k = gen.k join pos on pos.branch_id = ag.branch_id`,
      [asOf, agreements, from, to],
    );
    log(`  ${fmt(to)} / ${fmt(target)} facturas`);
  }
  // One confirmed payment per paid or partially paid invoice (same id), and its allocation.
  await rawQuery(
    db,
    `insert into payments (id, idempotency_key, agreement_id, customer_id, branch_id, amount, currency, applied, unapplied, method, channel, status, paid_on, created_by)
     select i.id, 'bench:' || i.id, i.agreement_id, i.customer_id, i.branch_id, i.total - i.balance, i.currency, i.total - i.balance, 0,
            (array['CASH', 'CARD', 'BANK_TRANSFER', 'DIRECT_DEBIT'])[1 + (i.number % 4)::int]::payment_method, 'CASHIER', 'CONFIRMED',
            least(i.due_date - (i.number % 25)::int, $1::date), (select id from users where email = 'cajero@cauce.example')
     from invoices i where i.status in ('PAID', 'PARTIALLY_PAID') and i.total > i.balance`,
    [asOf],
  );
  await rawQuery(db, `insert into payment_allocations (payment_id, invoice_id, amount) select id, id, applied from payments where idempotency_key like 'bench:%'`, []);
  // VACUUM too (as autovacuum would have): index-only scans need the visibility map.
  await rawQuery(db, 'vacuum analyze', []);
}

async function median(label: string, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const ms = Number(times[2].toFixed(1));
  log(`  ${label}: mediana ${ms} ms (${times.map((t) => t.toFixed(0)).join(' / ')})`);
  return ms;
}

async function timeReports(handle: DatabaseHandle, branchId: string) {
  const { db } = handle;
  const all = { all: true } as const;
  const branch: BranchScope = { all: false, branchIds: [branchId] };
  const monthAgo = new Date(Date.parse(`${asOf}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
  return {
    agingMs: await median('cartera por antigüedad (todas las sucursales)', () => reports.agingReport(db, all, { asOf, topCustomers: 50 })),
    overdueFirstPageMs: await median('vencidas, primera página (todas)', () => reports.overdueInvoicesPage(db, all, { asOf, limit: 50 })),
    agingBranchMs: await median('cartera, personal de una sucursal', () => reports.agingReport(db, branch, { asOf, topCustomers: 50 })),
    overdueFirstPageBranchMs: await median('vencidas, primera página, una sucursal', () => reports.overdueInvoicesPage(db, branch, { asOf, limit: 50 })),
    paymentsMs: await median('cobros de 30 días', () => reports.paymentsReport(db, all, { from: monthAgo, to: asOf })),
    efficiencyMs: await median('facturado vs cobrado, 12 períodos', () => reports.billedVsCollected(db, all, { fromPeriod: `${Number(asOf.slice(0, 4)) - 1}${asOf.slice(4, 7)}`, toPeriod: asOf.slice(0, 7) })),
    debtorsMs: await median('principales deudores', () => reports.topDebtors(db, all, { limit: 50 })),
  };
}

async function main() {
  const { handle, dispose: disposeOf, label } = await openBenchDatabase({ prefix: 'cauce-bench-col', keep: values.keep!, max: 6, log });
  const dispose = () => disposeOf(handle);
  try {
    log(`Benchmark de reportes de cobranza · ${fmt(target)} facturas · al ${asOf} · base ${label} (${handle.location})`);
    const seedStart = Date.now();
    await seed(handle);
    const seedSeconds = (Date.now() - seedStart) / 1000;
    const invoices = await countRows(handle, 'select count(*) as n from invoices');
    const open = await countRows(handle, `select count(*) as n from invoices where ${OPEN}`);
    const paymentsN = await countRows(handle, 'select count(*) as n from payments');
    const agreementsN = await countRows(handle, 'select count(*) as n from agreements');
    log(`Semilla lista en ${seedSeconds.toFixed(1)} s: ${fmt(invoices)} facturas (${fmt(open)} abiertas), ${fmt(paymentsN)} cobros, ${fmt(agreementsN)} acuerdos.`);
    const [sdc] = await rawQuery<{ id: string }>(handle.db, `select id from branches where code = 'SDC'`, []);

    log('Reportes (mediana de 5 tras un calentamiento):');
    const timed = await timeReports(handle, sdc.id);

    let delinquencyAgreementsPerSec: number | null = null;
    let delinquency: Record<string, unknown> = {};
    if (!values['no-delinquency']) {
      const mod = await import('@/lib/collections/delinquency-run').catch(() => null);
      if (!mod?.runDelinquency) delinquency = { delinquencyNote: 'lib/collections/delinquency-run.ts no existe todavía' };
      else {
        // First run: every overdue agreement enters the policy at once, so each takes its actions
        // (late-fee debit notes, e-mails, work orders: one transaction each). The daily run that
        // follows is the steady state the target is about: statuses move, actions already taken in
        // the episode are not repeated. Both are reported.
        // The machine's load average (1 min) as each run starts: figures are only comparable under like loads.
        const load = () => Number(loadavg()[0].toFixed(2));
        const timedRun = async (date: string) => {
          const loadBefore = load();
          const t = performance.now();
          const r = await mod.runDelinquency(handle.db, date);
          const seconds = (performance.now() - t) / 1000;
          const actions = Object.values(r.actions).reduce((a, b) => a + b, 0);
          return { r, seconds, perSec: Math.round(r.agreements / seconds), actions, actionsPerSec: Math.round(actions / seconds), loadBefore };
        };
        log(`Corrida de morosidad del ${asOf} (primera: toma las acciones pendientes)…`);
        const first = await timedRun(asOf);
        log(`  ${fmt(first.r.agreements)} acuerdos y ${fmt(first.actions)} acciones en ${first.seconds.toFixed(2)} s → ${fmt(first.perSec)} acuerdos/s, ${fmt(first.actionsPerSec)} acciones/s (carga ${first.loadBefore})`);
        const nextDay = new Date(Date.parse(`${asOf}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        log(`Corrida diaria del ${nextDay}…`);
        const daily = await timedRun(nextDay);
        log(`  ${fmt(daily.r.agreements)} acuerdos en ${daily.seconds.toFixed(2)} s → ${fmt(daily.perSec)} acuerdos/s (carga ${daily.loadBefore})`);
        delinquencyAgreementsPerSec = daily.perSec;
        delinquency = {
          delinquencyAgreements: daily.r.agreements,
          delinquencySeconds: Number(daily.seconds.toFixed(2)),
          delinquencyLoadAvg: daily.loadBefore,
          delinquencyFirstRunAgreementsPerSec: first.perSec,
          delinquencyFirstRunSeconds: Number(first.seconds.toFixed(2)),
          delinquencyFirstRunActionsPerSec: first.actionsPerSec,
          delinquencyFirstRunLoadAvg: first.loadBefore,
          delinquencyFirstRunActions: first.r.actions,
          delinquencyByStatus: daily.r.byStatus,
          delinquencyErrors: first.r.errors.length + daily.r.errors.length,
        };
      }
    }
    console.log(
      JSON.stringify({ invoices, openInvoices: open, payments: paymentsN, agreements: agreementsN, ...timed, delinquencyAgreementsPerSec, ...delinquency, database: label, asOf, seedSeconds: Number(seedSeconds.toFixed(1)) }),
    );
  } finally {
    await dispose();
  }
}

await main();
