import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { BranchScope } from '@/lib/auth/scope';
import type { DbOrTx } from '../client';
import { accountGroups, accounts, agreements, branches } from '../schema';
import { nextCode } from './codes';
import { agreementScope } from './agreements';

export type AccountGroupRow = typeof accountGroups.$inferSelect;

/**
 * One account group, if its agreement lies within the scope (a group is reached through its
 * agreement), with the agreement's header and the group's branch name.
 */
export async function findAccountGroup(db: DbOrTx, scope: BranchScope, id: string) {
  const [row] = await db
    .select({
      group: accountGroups,
      agreement: { id: agreements.id, code: agreements.code, name: agreements.name, status: agreements.status, branchId: agreements.branchId },
      branchName: branches.name,
    })
    .from(accountGroups)
    .innerJoin(agreements, eq(agreements.id, accountGroups.agreementId))
    .innerJoin(branches, eq(branches.id, accountGroups.branchId))
    .where(and(eq(accountGroups.id, id), agreementScope(scope)))
    .limit(1);
  return row;
}

/** The groups of one agreement with how many accounts each holds (closed accounts excluded). */
export async function listAgreementGroups(db: DbOrTx, agreementId: string) {
  return db
    .select({
      id: accountGroups.id,
      code: accountGroups.code,
      name: accountGroups.name,
      status: accountGroups.status,
      branchName: branches.name,
      email: accountGroups.email,
      accountsCount: sql<number>`(select count(*)::int from ${accounts} where ${accounts.groupId} = ${accountGroups.id} and ${accounts.status} <> 'CLOSED')`,
    })
    .from(accountGroups)
    .innerJoin(branches, eq(branches.id, accountGroups.branchId))
    .where(eq(accountGroups.agreementId, agreementId))
    .orderBy(asc(accountGroups.code));
}

/** Groups an account of this agreement may join: the agreement's own, not closed. */
export async function groupChoices(db: DbOrTx, agreementId: string) {
  return db
    .select({ id: accountGroups.id, code: accountGroups.code, name: accountGroups.name, status: accountGroups.status })
    .from(accountGroups)
    .where(and(eq(accountGroups.agreementId, agreementId), ne(accountGroups.status, 'CLOSED')))
    .orderBy(asc(accountGroups.code));
}

/** Locks a group row for a change inside a transaction. */
export async function lockAccountGroup(tx: DbOrTx, id: string) {
  const [row] = await tx.select().from(accountGroups).where(eq(accountGroups.id, id)).for('update');
  return row;
}

/** Next group code GR-NNNNNN; the unique index on code settles races. */
export function nextAccountGroupCode(db: DbOrTx) {
  return nextCode(db, accountGroups, accountGroups.code, 'GR');
}
