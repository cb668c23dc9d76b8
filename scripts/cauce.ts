/**
 * Operator CLI for cron jobs and operators:
 *   npm run cauce -- billing run --period 2026-10 [--branch CODE] [--preview] [--issue-date YYYY-MM-DD] [--workers N]
 *   npm run cauce -- delinquency run [--date YYYY-MM-DD]
 * Opens the configured database (DATABASE_URL or PGlite), applies migrations, creates the run as
 * the system (audited without a user) and executes it — on PostgreSQL through the job queue with
 * N worker processes (this one and N − 1 children; default one per core), on PGlite here —
 * printing progress and a summary.
 * Exit code 0 when the run finished, 1 otherwise.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { openDatabase } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { branchByCode, listRunIssues } from '@/db/queries/billing-runs';
import { UserError } from '@/lib/auth/errors';
import { DEFAULT_BATCH_SIZE, type RunProgress } from '@/lib/billing/engine';
import { executeRunWithWorkers } from '@/lib/billing/parallel';
import { createRun } from '@/lib/billing/runs';
import type { RunSummary } from '@/lib/billing/summary';
import { runDelinquency } from '@/lib/collections/delinquency-run';
import { deliverOutbox } from '@/lib/collections/mailer';
import { toLocalDateString } from '@/lib/domain/format';
import { validDate } from '@/lib/domain/billing/period';
import { ensureAuthSecret, loadEnv } from './env';

const HELP = `Cauce — herramientas de operación

Uso:
  npm run cauce -- billing run --period AAAA-MM [opciones]
  npm run cauce -- delinquency run [--date AAAA-MM-DD]

Factura el período: cada acuerdo ACTIVO cuya frecuencia cae en el período recibe sus facturas
numeradas. Es idempotente: volver a ejecutar un período no factura nada dos veces.

Opciones:
  --period AAAA-MM          Período a facturar (obligatorio), p. ej. 2026-10.
  --branch CÓDIGO           Solo los acuerdos de esa sucursal (p. ej. SDC).
  --preview                 Vista previa: calcula conteos y totales sin emitir facturas,
                            sin tomar números y sin grabar lecturas estimadas.
  --issue-date AAAA-MM-DD   Fecha de emisión (por omisión, hoy; no anterior al período).
  --batch-size N            Acuerdos por lote (por omisión ${DEFAULT_BATCH_SIZE}).
  --workers N               Procesos que facturan a la vez con PostgreSQL (por omisión, uno
                            por núcleo: ${availableParallelism()}); la corrida se reparte por sucursal y
                            rango de acuerdos en la cola de trabajos, y cualquier trabajador
                            (npm run worker, el servidor web) ayuda. Con PGlite, uno.
  -h, --help                Muestra esta ayuda.

delinquency run: calcula la morosidad de cada acuerdo ACTIVO o SUSPENDIDO a la fecha (por omisión,
hoy): estado (al día, en gracia, moroso y su nivel), historial del día y las acciones del nivel
(recargo, aviso por correo, orden de corte, aviso en el portal; reconexión al quedar al día).
Es idempotente: repetir la fecha, o correr el día siguiente, no repite ninguna acción. Después
envía el correo pendiente si hay SMTP configurado (SMTP_URL o SMTP_HOST/SMTP_PORT/SMTP_USER/SMTP_PASS).

Base de datos: DATABASE_URL (PostgreSQL) o PGlite en .data/ (CAUCE_DATA_DIR).
Código de salida: 0 si la corrida terminó, 1 si falló o los datos no son válidos.`;

const fmtInt = (n: number) => n.toLocaleString('es-DO');
const fmtMoney = (s: string) => Number(s).toLocaleString('es-DO', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function table(headers: string[], rows: string[][], right: number[]) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (right.includes(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  console.log(line(headers));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

// Progress of the whole run (every worker's batches), at most every 2 s; the rate is since `started`.
function progressPrinter(started: number) {
  let last = 0;
  return (p: RunProgress) => {
    const now = Date.now();
    if (now - last < 2000 && p.processed < p.total) return;
    last = now;
    const pct = p.total > 0 ? Math.floor((p.processed * 100) / p.total) : 100;
    const rate = now > started ? (p.processed * 1000) / (now - started) : 0;
    console.log(`  ${fmtInt(p.processed)}/${fmtInt(p.total)} acuerdos (${pct} %) · ${fmtInt(p.invoices)} facturas · ${fmtInt(p.skipped)} omitidos · ${fmtInt(p.errors)} con error · ${rate.toFixed(1)} acuerdos/s`);
  };
}

async function billingRun(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      period: { type: 'string' },
      branch: { type: 'string' },
      preview: { type: 'boolean', default: false },
      'issue-date': { type: 'string' },
      'batch-size': { type: 'string' },
      workers: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (!values.period) {
    console.error('Falta --period AAAA-MM. Use --help para ver la ayuda.');
    return 1;
  }
  const batchSize = values['batch-size'] === undefined ? DEFAULT_BATCH_SIZE : Number(values['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    console.error('--batch-size debe ser un número entero positivo.');
    return 1;
  }
  const workers = values.workers === undefined ? availableParallelism() : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
    console.error('--workers debe ser un número entero entre 1 y 64.');
    return 1;
  }
  const handle = openDatabase();
  try {
    await runMigrations(handle);
    const { db } = handle;
    let branchId: string | undefined;
    if (values.branch) {
      const branch = await branchByCode(db, values.branch);
      if (!branch) {
        console.error(`No existe la sucursal con código ${values.branch}.`);
        return 1;
      }
      branchId = branch.id;
    }
    const mode = values.preview ? 'PREVIEW' : 'RUN';
    const issueDate = values['issue-date'] ?? toLocalDateString(new Date());
    const run = await createRun(db, null, { mode, period: values.period, issueDate, branchId });
    console.log(`${mode === 'RUN' ? 'Facturación' : 'Vista previa'} N.º ${run.number} · período ${run.period} · emisión ${run.issueDate}${values.branch ? ` · sucursal ${values.branch.toUpperCase()}` : ''} · base ${handle.kind} (${handle.location})`);
    let finished;
    try {
      const result = await executeRunWithWorkers(handle, run.id, { batchSize, workers, onProgress: progressPrinter(Date.now()) });
      finished = result.run;
      if (result.workers > 1) console.log(`  (${result.workers} procesos trabajadores)`);
    } catch (err) {
      console.error(`La corrida N.º ${run.number} falló: ${err instanceof Error ? err.message : String(err)}`);
      return 1;
    }
    const seconds = finished.startedAt && finished.finishedAt ? (finished.finishedAt.getTime() - finished.startedAt.getTime()) / 1000 : 0;
    console.log('');
    console.log(`${finished.message} (${seconds.toFixed(1)} s)`);
    const summary = finished.summary as unknown as RunSummary;
    if (summary.byBranch?.length) {
      console.log('\nPor sucursal');
      table(['Sucursal', 'Moneda', 'Facturas', 'Neto', 'Impuesto', 'Total'], summary.byBranch.map((b) => [`${b.code} ${b.name}`, b.currency, fmtInt(b.invoices), fmtMoney(b.net), fmtMoney(b.tax), fmtMoney(b.total)]), [2, 3, 4, 5]);
      console.log('\nPor concepto');
      table(['Concepto', 'Moneda', 'Líneas', 'Neto', 'Impuesto', 'Total'], summary.byConcept.map((c) => [`${c.code} ${c.name}`, c.currency, fmtInt(c.lines), fmtMoney(c.net), fmtMoney(c.tax), fmtMoney(c.total)]), [2, 3, 4, 5]);
      console.log('\nTotales');
      table(['Moneda', 'Facturas', 'Neto', 'Impuesto', 'Total'], summary.totals.map((t) => [t.currency, fmtInt(t.invoices), fmtMoney(t.net), fmtMoney(t.tax), fmtMoney(t.total)]), [1, 2, 3, 4]);
    }
    if (finished.errorCount > 0) {
      const { rows, total } = await listRunIssues(db, run.id, { severity: 'ERROR' }, { limit: 20, offset: 0 });
      console.log(`\nAcuerdos con error (${fmtInt(total)}${total > rows.length ? `, se muestran ${rows.length}` : ''}):`);
      for (const i of rows) console.log(`  ${i.agreementCode ?? '—'}: ${i.reason}`);
    }
    return finished.status === 'DONE' ? 0 : 1;
  } catch (err) {
    if (err instanceof UserError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  } finally {
    await handle.close();
  }
}

const DELINQUENCY_STATUS_TEXT: Record<string, string> = { CURRENT: 'Al día', IN_GRACE: 'En gracia', DELINQUENT: 'Moroso' };
const DELINQUENCY_ACTION_TEXT: Record<string, string> = { LATE_FEE: 'Recargo por mora', NOTICE_EMAIL: 'Aviso por correo', DISCONNECTION_ORDER: 'Orden de corte', PORTAL_BANNER: 'Aviso en el portal', RECONNECTION_ORDER: 'Orden de reconexión' };

async function delinquencyRun(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { date: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } }, allowPositionals: false });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const date = values.date ?? toLocalDateString(new Date());
  if (!validDate(date)) {
    console.error(`--date debe ser una fecha AAAA-MM-DD válida (recibido: ${date}).`);
    return 1;
  }
  const handle = openDatabase();
  try {
    await runMigrations(handle);
    console.log(`Morosidad al ${date} · base ${handle.kind} (${handle.location})`);
    const r = await runDelinquency(handle.db, date, { onBatch: (n) => console.log(`  ${fmtInt(n)} acuerdos…`) });
    const rate = r.ms > 0 ? (r.agreements * 1000) / r.ms : 0;
    console.log(`\n${fmtInt(r.agreements)} acuerdos en ${(r.ms / 1000).toFixed(1)} s (${fmtInt(Math.round(rate))} acuerdos/s) · ${fmtInt(r.changed)} cambiaron de estado`);
    console.log('\nPor estado');
    table(['Estado', 'Acuerdos'], (['CURRENT', 'IN_GRACE', 'DELINQUENT'] as const).map((k) => [DELINQUENCY_STATUS_TEXT[k], fmtInt(r.byStatus[k])]), [1]);
    if (Object.keys(r.byLevel).length) {
      console.log('\nMorosos por nivel');
      table(['Nivel', 'Acuerdos'], Object.entries(r.byLevel).map(([k, n]) => [k === '—' ? 'Sin nivel (deuda bajo el mínimo)' : k, fmtInt(n)]), [1]);
    }
    console.log('\nAcciones tomadas');
    table(['Acción', 'Cantidad'], Object.entries(r.actions).map(([k, n]) => [DELINQUENCY_ACTION_TEXT[k] ?? k, fmtInt(n)]), [1]);
    for (const [k, n] of Object.entries(r.skipped)) console.log(`  (sin efecto: ${k} × ${fmtInt(n)})`);
    if (r.errors.length) {
      console.log(`\nAcciones con error (${fmtInt(r.errors.length)}; se reintentan en la próxima corrida):`);
      for (const e of r.errors.slice(0, 20)) console.log(`  ${e.code} ${e.action}: ${e.message}`);
    }
    const mail = await deliverOutbox(handle.db);
    console.log(mail.configured ? `\nCorreo: ${fmtInt(mail.sent)} enviados, ${fmtInt(mail.failed)} con error.` : '\nCorreo: sin SMTP configurado; los avisos quedan en la bandeja de salida (/admin/correo).');
    return 0;
  } finally {
    await handle.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [group, command, ...rest] = argv;
  if (!group || group === '--help' || group === '-h' || group === 'help') {
    console.log(HELP);
    return group ? 0 : 1;
  }
  if (group === 'billing' && command === 'run') return billingRun(rest);
  if (group === 'delinquency' && command === 'run') return delinquencyRun(rest);
  if (group === 'billing' && (!command || command === '--help' || command === '-h')) {
    console.log(HELP);
    return command ? 0 : 1;
  }
  console.error(`Comando desconocido: ${argv.join(' ')}. Use --help para ver la ayuda.`);
  return 1;
}

loadEnv();
// Opening the database may tokenize nothing, but the app's configuration expects AUTH_SECRET.
ensureAuthSecret(console.log);
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
