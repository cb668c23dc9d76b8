import 'server-only';
import { getDb } from '@/db/client';
import { customerCountsBySegment } from '@/db/queries/dashboard';
import { ForbiddenError } from '@/lib/auth/errors';
import { can } from '@/lib/auth/roles';
import { branchScope, type Actor } from '@/lib/auth/scope';

export async function staffDashboard(actor: Actor, db = getDb()) {
  if (!can(actor.role, 'dashboard.staff')) throw new ForbiddenError();
  const bySegment = await customerCountsBySegment(db, branchScope(actor));
  const total = bySegment.reduce((s, r) => s + r.count, 0);
  const large = bySegment.reduce((s, r) => s + r.large, 0);
  return { bySegment, total, large };
}
