import type { Role } from '@/db/schema/enums';
import { ForbiddenError } from './errors';

/** Who is asking, as the data layer sees it. Built from the session, never from input. */
export type Actor = {
  id: string;
  email: string;
  name: string;
  role: Role;
  branchIds: string[];
  customerId: string | null;
};

/** Which branches' data an actor may see: every branch, or a list (possibly empty). */
export type BranchScope = { all: true } | { all: false; branchIds: string[] };

/**
 * branchScope(admin) → all; branchScope(staff of B1) → [B1]; branchScope(client) → [].
 * Inspectors work field orders of every branch; what they may do is limited by permissions.
 */
export function branchScope(actor: Pick<Actor, 'role' | 'branchIds'>): BranchScope {
  if (actor.role === 'ADMIN' || actor.role === 'AUDITOR' || actor.role === 'INSPECTOR') return { all: true };
  if (actor.role === 'BRANCH_STAFF' || actor.role === 'CASHIER') return { all: false, branchIds: actor.branchIds };
  return { all: false, branchIds: [] };
}

export function inBranchScope(scope: BranchScope, branchId: string): boolean {
  return scope.all || scope.branchIds.includes(branchId);
}

/** Refuses a write to a branch outside the actor's scope. */
export function assertBranchInScope(scope: BranchScope, branchId: string) {
  if (!inBranchScope(scope, branchId)) throw new ForbiddenError('No puede operar sobre otra sucursal.');
}
