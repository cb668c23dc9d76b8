import { inArray, sql } from 'drizzle-orm';
import type { BranchScope } from '@/lib/auth/scope';
import type { DbOrTx } from '../client';
import { customers } from '../schema';

/** Customer counts per segment within the scope. */
export async function customerCountsBySegment(db: DbOrTx, scope: BranchScope) {
  const where = scope.all ? undefined : scope.branchIds.length ? inArray(customers.branchId, scope.branchIds) : sql`false`;
  return db
    .select({ segment: customers.segment, count: sql<number>`count(*)::int`, large: sql<number>`count(*) filter (where ${customers.isLargeAccount})::int` })
    .from(customers)
    .where(where)
    .groupBy(customers.segment);
}
