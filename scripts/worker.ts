/**
 * A billing worker process: npm run worker [-- --until-run RUN_ID] [--batch-size N]
 *
 * Works the billing-run slice queue (pg-boss) of the PostgreSQL database of DATABASE_URL, one
 * slice at a time, next to the web servers and other workers: add processes (on this machine or
 * others) to bill faster. Stops gracefully on SIGINT/SIGTERM (the current batch commits; an
 * unfinished slice is retried by another worker and goes on after its cursor). With --until-run
 * it exits once that run is over (the CLI's and the benchmark's helper processes). Without it, the
 * process also works the invoice PDF batch queue (pdf-batch: a billing run's PDFs into a ZIP).
 * PGlite (no DATABASE_URL) belongs to one process: there the web server is the worker.
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '@/db/client';
import { DEFAULT_BATCH_SIZE } from '@/lib/billing/engine';
import { waitUntilOver } from '@/lib/billing/parallel';
import { startQueue, workSlices } from '@/lib/billing/queue';
import { workPdfBatches } from '@/lib/pdf/batch/queue';
import { ensureAuthSecret, loadEnv } from './env';

loadEnv();
ensureAuthSecret(() => {});

const { values } = parseArgs({ options: { 'until-run': { type: 'string' }, 'batch-size': { type: 'string' } } });
const batchSize = values['batch-size'] === undefined ? DEFAULT_BATCH_SIZE : Number(values['batch-size']);
if (!Number.isInteger(batchSize) || batchSize < 1) {
  console.error('--batch-size debe ser un número entero positivo.');
  process.exit(1);
}
if (!process.env.DATABASE_URL) {
  console.error('El trabajador necesita PostgreSQL (DATABASE_URL). Con PGlite, el servidor web es el trabajador.');
  process.exit(1);
}

let peakRss = process.memoryUsage().rss;
const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
setInterval(sample, 200).unref();

// The database is migrated by whoever set it up (npm start, npm run db:migrate, the CLI).
const handle = openDatabase({ max: 4 });
const boss = await startQueue(handle, { supervise: false });
await workSlices(boss, handle, { batchSize, pollingIntervalSeconds: values['until-run'] ? 0.5 : 2, onProgress: sample });
const stop = async () => {
  await boss.stop({ graceful: true, wait: true, close: true });
  await handle.close();
  process.send?.({ peakRssMb: Math.round(sample() / 2 ** 20) });
  process.exit(0);
};
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => void stop());
if (values['until-run']) {
  await waitUntilOver(handle, values['until-run']);
  await stop();
} else {
  await workPdfBatches(boss, handle);
  console.log(`[trabajador] facturación y lotes de PDF en cola · base ${handle.location} · lotes de ${batchSize}`);
}
