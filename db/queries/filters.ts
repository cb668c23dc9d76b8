import { inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { BranchScope } from '@/lib/auth/scope';

/** ILIKE pattern for "contains s", with the user's %, _ and \ taken literally: 'a%b' → '%a\%b%'. */
export function containsPattern(s: string): string {
  return `%${s.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
}

/** Rows whose branch column lies in the scope; an empty scope matches nothing, never everything. */
export function branchScopeCondition(column: AnyColumn, scope: BranchScope): SQL | undefined {
  if (scope.all) return undefined;
  if (!scope.branchIds.length) return sql`false`;
  return inArray(column, scope.branchIds);
}
