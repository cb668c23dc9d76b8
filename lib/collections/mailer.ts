/**
 * E-mail, outbox first: every e-mail the system sends is an `email_outbox` row written in the
 * transaction of what caused it (enqueueEmail). `deliverOutbox` then sends PENDING rows — and
 * FAILED ones with fewer than MAX_ATTEMPTS attempts — through nodemailer when SMTP is configured
 * (SMTP_URL, or SMTP_HOST / SMTP_PORT / SMTP_USER / SMTP_PASS; sender SMTP_FROM), marking each SENT
 * or FAILED with the error. Without SMTP the rows stay PENDING and are read at /admin/correo.
 * Plain server code (no 'server-only'): the CLI and the worker use it under tsx.
 */
import { and, asc, eq, lt, notInArray, or, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { DbOrTx } from '@/db/client';
import { emailOutbox } from '@/db/schema';
import { bulkInsertTx } from '@/lib/billing/bulk';

export const MAX_ATTEMPTS = 5;
export const DEFAULT_FROM = 'Cauce <no-responder@cauce.example>';

export type OutgoingEmail = { to: string; subject: string; text: string; html?: string | null; relatedEntity?: string | null; relatedId?: string | null };

/** Writes one e-mail to the outbox (call it inside the transaction of what caused it). Returns its id. */
export async function enqueueEmail(db: DbOrTx, email: OutgoingEmail): Promise<string> {
  const [row] = await enqueueEmails(db, [email]);
  return row.id;
}

/** Several e-mails into the outbox in one statement (a bulk job's notices); each row's id and relatedId. */
export async function enqueueEmails(db: DbOrTx, emails: readonly OutgoingEmail[]): Promise<{ id: string; relatedId: string | null }[]> {
  return bulkInsertTx<{ id: string; relatedId: string | null }>(
    db,
    'email_outbox',
    [['to', 'varchar'], ['subject', 'varchar'], ['text', 'text'], ['html', 'text'], ['related_entity', 'varchar'], ['related_id', 'varchar']],
    emails.map((e) => [e.to.slice(0, 200), e.subject.slice(0, 200), e.text, e.html ?? null, e.relatedEntity ?? null, e.relatedId ?? null]),
    'returning id::text as id, related_id as "relatedId"',
  );
}

type Env = Record<string, string | undefined>;

/** The SMTP transport the environment configures, or null (outbox only). */
export function smtpTransportFromEnv(env: Env = process.env): Transporter | null {
  if (env.SMTP_URL) return nodemailer.createTransport(env.SMTP_URL);
  if (!env.SMTP_HOST) return null;
  const port = Number(env.SMTP_PORT ?? 587);
  return nodemailer.createTransport({
    host: env.SMTP_HOST,
    port,
    secure: port === 465,
    ...(env.SMTP_USER ? { auth: { user: env.SMTP_USER, pass: env.SMTP_PASS ?? '' } } : {}),
  });
}

export type DeliveryResult = { configured: boolean; sent: number; failed: number };

/**
 * Sends what is due in the outbox, oldest first, at most `limit` rows. Each row is claimed (its
 * attempts incremented) under `for update skip locked`, so two deliverers never send one row
 * twice; then sent, then marked SENT (sent_at) or FAILED (last_error). Without a transport
 * (no SMTP configured) nothing is touched.
 */
export async function deliverOutbox(
  db: DbOrTx,
  opts: { transport?: Transporter | null; from?: string; limit?: number; now?: () => Date } = {},
): Promise<DeliveryResult> {
  const transport = opts.transport === undefined ? smtpTransportFromEnv() : opts.transport;
  if (!transport) return { configured: false, sent: 0, failed: 0 };
  const from = opts.from ?? process.env.SMTP_FROM ?? DEFAULT_FROM;
  const now = opts.now ?? (() => new Date());
  const limit = opts.limit ?? 100;
  const due = or(eq(emailOutbox.status, 'PENDING'), and(eq(emailOutbox.status, 'FAILED'), lt(emailOutbox.attempts, MAX_ATTEMPTS)));
  let sent = 0;
  let failed = 0;
  // A row that fails now is retried by a later call, not again in this one.
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    const claimed = await db.transaction(async (tx) => {
      const [row] = await tx.select().from(emailOutbox).where(seen.length ? and(due, notInArray(emailOutbox.id, seen)) : due).orderBy(asc(emailOutbox.createdAt), asc(emailOutbox.id)).limit(1).for('update', { skipLocked: true });
      if (!row) return null;
      await tx.update(emailOutbox).set({ attempts: sql`${emailOutbox.attempts} + 1` }).where(eq(emailOutbox.id, row.id));
      return row;
    });
    if (!claimed) break;
    seen.push(claimed.id);
    try {
      await transport.sendMail({ from, to: claimed.to, subject: claimed.subject, text: claimed.text, ...(claimed.html ? { html: claimed.html } : {}) });
      await db.update(emailOutbox).set({ status: 'SENT', sentAt: now(), lastError: null }).where(eq(emailOutbox.id, claimed.id));
      sent++;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await db.update(emailOutbox).set({ status: 'FAILED', lastError: message.slice(0, 2000) }).where(eq(emailOutbox.id, claimed.id));
      failed++;
    }
  }
  return { configured: true, sent, failed };
}
