import { sql } from 'drizzle-orm';
import type { BranchScope } from '@/lib/auth/scope';
import type { DbOrTx } from '../client';
import { customers } from '../schema';
import { branchScopeCondition } from './filters';

/** Customer counts per segment within the scope. */
export async function customerCountsBySegment(db: DbOrTx, scope: BranchScope) {
  const where = branchScopeCondition(customers.branchId, scope);
  return db
    .select({ segment: customers.segment, count: sql<number>`count(*)::int`, large: sql<number>`count(*) filter (where ${customers.isLargeAccount})::int` })
    .from(customers)
    .where(where)
    .groupBy(customers.segment);
}
