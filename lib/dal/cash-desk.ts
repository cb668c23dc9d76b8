import 'server-only';
import { getDb } from '@/db/client';
import { listBranches, listPointsOfSale } from '@/db/queries/organization';
import { searchAgreementsToCollect } from '@/db/queries/payments';
import { ForbiddenError } from '@/lib/auth/errors';
import { can } from '@/lib/auth/roles';
import { branchScope, type Actor } from '@/lib/auth/scope';
import { toLocalDateString } from '@/lib/domain/format';

/** The cashier's branches with their points of sale. */
export async function getCashDeskContext(actor: Actor, db = getDb()) {
  if (!can(actor.role, 'cash.use')) throw new ForbiddenError();
  const branches = await listBranches(db, actor.branchIds);
  const pos = await listPointsOfSale(db);
  return { branches: branches.map((b) => ({ ...b, pointsOfSale: pos.filter((p) => p.branchId === b.id) })) };
}

export const COLLECT_SEARCH_MIN = 3;
export const COLLECT_SEARCH_LIMIT = 20;

/**
 * Agreements to collect from, by one search box: agreement name or code, customer name or
 * document, account number or invoice fiscal number — only in the actor's branches
 * (payments.write: cashiers have no agreements.read). Each with what it owes and how much is
 * overdue. A term shorter than 3 characters finds nothing.
 */
export async function findAgreementsToCollect(actor: Actor, term: string, db = getDb(), now = new Date()) {
  if (!can(actor.role, 'payments.write')) throw new ForbiddenError();
  const q = term.trim().slice(0, 60);
  if (q.length < COLLECT_SEARCH_MIN) return [];
  return searchAgreementsToCollect(db, branchScope(actor), q, toLocalDateString(now), COLLECT_SEARCH_LIMIT);
}
