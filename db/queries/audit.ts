import { and, desc, eq, gte, ilike, lt, sql, type SQL } from 'drizzle-orm';
import { bulkInsertTx } from '@/lib/billing/bulk';
import type { DbOrTx } from '../client';
import { auditLog, type AuditAction } from '../schema';

export type AuditActor = { id: string; email: string } | null;

export type AuditEntry = {
  entity: string;
  entityId: string;
  action: AuditAction;
  before?: unknown;
  after?: unknown;
};

/** Writes one audit row; call it inside the transaction of the change it describes. */
export async function recordAudit(tx: DbOrTx, actor: AuditActor, entry: AuditEntry) {
  await tx.insert(auditLog).values({
    userId: actor?.id ?? null,
    userEmail: actor?.email ?? null,
    entity: entry.entity,
    entityId: entry.entityId,
    action: entry.action,
    before: entry.before === undefined ? null : toJson(entry.before),
    after: entry.after === undefined ? null : toJson(entry.after),
  });
}

/** Writes several audit rows in one statement (a bulk change by one actor), in the change's transaction. */
export async function recordAudits(tx: DbOrTx, actor: AuditActor, entries: readonly AuditEntry[]) {
  await bulkInsertTx(
    tx,
    'audit_log',
    [['user_id', 'uuid'], ['user_email', 'varchar'], ['entity', 'varchar'], ['entity_id', 'varchar'], ['action', 'audit_action'], ['before', 'jsonb'], ['after', 'jsonb']],
    entries.map((e) => [
      actor?.id ?? null,
      actor?.email ?? null,
      e.entity,
      e.entityId,
      e.action,
      e.before === undefined ? null : JSON.stringify(toJson(e.before)),
      e.after === undefined ? null : JSON.stringify(toJson(e.after)),
    ]),
  );
}

// Dates become ISO strings and secrets never reach the log.
function toJson(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (key, v) => (key === 'passwordHash' ? '[oculto]' : v)),
  );
}

export type AuditFilter = {
  entity?: string;
  entityId?: string;
  action?: AuditAction;
  userEmail?: string;
  from?: Date;
  to?: Date;
};

export async function listAudit(db: DbOrTx, filter: AuditFilter, page: { limit: number; offset: number }) {
  const where: SQL[] = [];
  if (filter.entity) where.push(eq(auditLog.entity, filter.entity));
  if (filter.entityId) where.push(eq(auditLog.entityId, filter.entityId));
  if (filter.action) where.push(eq(auditLog.action, filter.action));
  if (filter.userEmail) where.push(ilike(auditLog.userEmail, `%${filter.userEmail}%`));
  if (filter.from) where.push(gte(auditLog.at, filter.from));
  if (filter.to) where.push(lt(auditLog.at, filter.to));
  const cond = where.length ? and(...where) : undefined;
  const [rows, [{ count }]] = await Promise.all([
    db.select().from(auditLog).where(cond).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(page.limit).offset(page.offset),
    db.select({ count: sql<number>`count(*)::int` }).from(auditLog).where(cond),
  ]);
  return { rows, total: count };
}

export async function listAuditEntities(db: DbOrTx) {
  const rows = await db.selectDistinct({ entity: auditLog.entity }).from(auditLog).orderBy(auditLog.entity);
  return rows.map((r) => r.entity);
}
