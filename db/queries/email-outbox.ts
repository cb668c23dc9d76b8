import { count, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { emailOutbox } from '../schema';

export type EmailStatus = (typeof emailOutbox.$inferSelect)['status'];

/** The outbox newest first, optionally one status, a page at a time (the text is left for the detail). */
export async function listOutbox(db: DbOrTx, filter: { status?: EmailStatus }, page: { limit: number; offset: number }) {
  const where = filter.status ? eq(emailOutbox.status, filter.status) : undefined;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ id: emailOutbox.id, to: emailOutbox.to, subject: emailOutbox.subject, status: emailOutbox.status, attempts: emailOutbox.attempts, lastError: emailOutbox.lastError, createdAt: emailOutbox.createdAt, sentAt: emailOutbox.sentAt })
      .from(emailOutbox)
      .where(where)
      .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ total: count() }).from(emailOutbox).where(where),
  ]);
  return { rows, total };
}

/** Counts per status (for the filter). */
export async function outboxCounts(db: DbOrTx) {
  const rows = await db.select({ status: emailOutbox.status, n: count() }).from(emailOutbox).groupBy(emailOutbox.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Partial<Record<EmailStatus, number>>;
}

export async function findOutboxEmail(db: DbOrTx, id: string) {
  const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id)).limit(1);
  return row;
}
