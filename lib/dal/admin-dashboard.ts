import 'server-only';
import { getDb } from '@/db/client';
import { adminCounts } from '@/db/queries/admin-dashboard';
import { listAudit } from '@/db/queries/audit';
import { ForbiddenError } from '@/lib/auth/errors';
import { can } from '@/lib/auth/roles';
import type { Actor } from '@/lib/auth/scope';

export async function adminDashboard(actor: Actor, db = getDb()) {
  if (!can(actor.role, 'admin.users') || !can(actor.role, 'audit.read')) throw new ForbiddenError();
  const [counts, latest] = await Promise.all([adminCounts(db), listAudit(db, {}, { limit: 10, offset: 0 })]);
  return { counts, latestAudit: latest.rows };
}
