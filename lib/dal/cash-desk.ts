import 'server-only';
import { getDb } from '@/db/client';
import { listBranches, listPointsOfSale } from '@/db/queries/organization';
import { ForbiddenError } from '@/lib/auth/errors';
import { can } from '@/lib/auth/roles';
import type { Actor } from '@/lib/auth/scope';

/** The cashier's branches with their points of sale. */
export async function getCashDeskContext(actor: Actor, db = getDb()) {
  if (!can(actor.role, 'cash.use')) throw new ForbiddenError();
  const branches = await listBranches(db, actor.branchIds);
  const pos = await listPointsOfSale(db);
  return { branches: branches.map((b) => ({ ...b, pointsOfSale: pos.filter((p) => p.branchId === b.id) })) };
}
