import 'server-only';
import { getDb } from '@/db/client';
import { listAudit, listAuditEntities } from '@/db/queries/audit';
import { ForbiddenError } from '@/lib/auth/errors';
import { can } from '@/lib/auth/roles';
import type { Actor } from '@/lib/auth/scope';
import type { AuditListParams } from '@/lib/validation/audit';

export const AUDIT_PAGE_SIZE = 50;

// Date-only filters are Santo Domingo days (UTC−4, no daylight saving).
const dayStart = (d: string) => new Date(`${d}T00:00:00-04:00`);

export async function listAuditLog(actor: Actor, params: AuditListParams, db = getDb()) {
  if (!can(actor.role, 'audit.read')) throw new ForbiddenError();
  const page = params.page ?? 1;
  const to = params.to ? new Date(dayStart(params.to).getTime() + 86_400_000) : undefined;
  const [result, entities] = await Promise.all([
    listAudit(
      db,
      { entity: params.entity, entityId: params.entityId, action: params.action, userEmail: params.user, from: params.from ? dayStart(params.from) : undefined, to },
      { limit: AUDIT_PAGE_SIZE, offset: (page - 1) * AUDIT_PAGE_SIZE },
    ),
    listAuditEntities(db),
  ]);
  return { ...result, entities, page, pageSize: AUDIT_PAGE_SIZE, pageCount: Math.max(1, Math.ceil(result.total / AUDIT_PAGE_SIZE)) };
}
