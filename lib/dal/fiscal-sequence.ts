import 'server-only';
import { getDb } from '@/db/client';
import { currentSequences } from '@/db/queries/fiscal-sequence';
import { ForbiddenError } from '@/lib/auth/errors';
import { can } from '@/lib/auth/roles';
import type { Actor } from '@/lib/auth/scope';
import { isUuid } from './customers';

/**
 * The fiscal counters for the admin view (read-only: numbers move only by issuing documents).
 * Issuing itself goes through db/queries/fiscal-sequence.ts inside the issuing transaction.
 */
export async function listFiscalSequences(actor: Actor, filter: { branchId?: string } = {}, db = getDb()) {
  if (!can(actor.role, 'admin.catalogs')) throw new ForbiddenError();
  if (filter.branchId !== undefined && !isUuid(filter.branchId)) return [];
  return currentSequences(db, filter);
}
