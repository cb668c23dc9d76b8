/**
 * Optional daily delinquency run through pg-boss's cron (PostgreSQL only): with
 * CAUCE_DELINQUENCY_CRON set ('1' → '0 5 * * *', or a cron expression), the web server's worker
 * (lib/billing/worker-host.ts) schedules the queue `delinquency-daily` in the America/Santo_Domingo
 * time zone and works it: one run for the local date, then the outbox delivery. pg-boss keeps one
 * schedule per queue, and the singleton queue policy runs one job at a time across every process.
 * The billing queue's pg-boss runs without its scheduler, so this is a second, small instance.
 * Plain server code (no 'server-only').
 */
import PgBoss from 'pg-boss';
import type { DatabaseHandle } from '@/db/client';
import { toLocalDateString, TIME_ZONE } from '@/lib/domain/format';
import { runDelinquency } from './delinquency-run';
import { deliverOutbox } from './mailer';

export const DELINQUENCY_QUEUE = 'delinquency-daily';
export const DEFAULT_DELINQUENCY_CRON = '0 5 * * *';

/** The cron expression the setting asks for, or null when the schedule is off. */
export function delinquencyCron(setting: string | undefined): string | null {
  const v = setting?.trim();
  if (!v || v === '0' || v.toLowerCase() === 'false') return null;
  return v === '1' || v.toLowerCase() === 'true' ? DEFAULT_DELINQUENCY_CRON : v;
}

/** Starts the schedule and its worker; null on PGlite (one process, no cron) or when off. */
export async function startDelinquencySchedule(handle: DatabaseHandle, setting = process.env.CAUCE_DELINQUENCY_CRON): Promise<PgBoss | null> {
  const cron = delinquencyCron(setting);
  if (!cron) return null;
  if (handle.kind !== 'postgres' || !handle.url) {
    console.warn('[morosidad] CAUCE_DELINQUENCY_CRON requiere PostgreSQL; use `npm run cauce -- delinquency run` desde el cron del sistema.');
    return null;
  }
  const boss = new PgBoss({ connectionString: handle.url, schema: 'pgboss', max: 2, supervise: false, schedule: true, application_name: 'cauce-delinquency' });
  boss.on('error', (err) => console.error('[morosidad] error de pg-boss:', err));
  await boss.start();
  if (!(await boss.getQueue(DELINQUENCY_QUEUE))) await boss.createQueue(DELINQUENCY_QUEUE, { name: DELINQUENCY_QUEUE, policy: 'singleton', retryLimit: 2, retryDelay: 300, expireInSeconds: 6 * 60 * 60 });
  await boss.schedule(DELINQUENCY_QUEUE, cron, {}, { tz: TIME_ZONE });
  await boss.work(DELINQUENCY_QUEUE, { batchSize: 1, pollingIntervalSeconds: 30 }, async () => {
    const date = toLocalDateString(new Date());
    const r = await runDelinquency(handle.db, date);
    const mail = await deliverOutbox(handle.db);
    console.log(`[morosidad] ${date}: ${r.agreements} acuerdos, ${r.changed} cambios, acciones ${JSON.stringify(r.actions)}, ${r.errors.length} errores; correo ${mail.configured ? `${mail.sent} enviados` : 'sin SMTP'}.`);
  });
  return boss;
}
