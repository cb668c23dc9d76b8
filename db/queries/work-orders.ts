import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { BranchScope } from '@/lib/auth/scope';
import type { DbOrTx } from '../client';
import { accountGroups, accounts, agreements, branches, users, workOrders } from '../schema';
import { nextCode } from './codes';
import { branchScopeCondition, containsPattern } from './filters';

export type WorkOrderRow = typeof workOrders.$inferSelect;
export type WorkOrderFilter = {
  q?: string;
  /** Undefined means every status. */
  status?: WorkOrderRow['status'];
  type?: WorkOrderRow['type'];
  target?: WorkOrderRow['target'];
  branchId?: string;
  agreementId?: string;
  accountGroupId?: string;
  accountId?: string;
};

/** Orders are scoped by their own branch (copied from the agreement when created). */
export const workOrderScope = (scope: BranchScope) => branchScopeCondition(workOrders.branchId, scope);

const creator = alias(users, 'wo_creator');
const decider = alias(users, 'wo_decider');
const completer = alias(users, 'wo_completer');

function conditions(scope: BranchScope, f: WorkOrderFilter) {
  const where: (SQL | undefined)[] = [workOrderScope(scope)];
  if (f.q) {
    const q = containsPattern(f.q);
    where.push(or(ilike(workOrders.number, q), ilike(agreements.code, q), ilike(agreements.name, q), ilike(accounts.number, q)));
  }
  if (f.status) where.push(eq(workOrders.status, f.status));
  if (f.type) where.push(eq(workOrders.type, f.type));
  if (f.target) where.push(eq(workOrders.target, f.target));
  if (f.branchId) where.push(eq(workOrders.branchId, f.branchId));
  if (f.agreementId) where.push(eq(workOrders.agreementId, f.agreementId));
  if (f.accountGroupId) where.push(eq(workOrders.accountGroupId, f.accountGroupId));
  if (f.accountId) where.push(eq(workOrders.accountId, f.accountId));
  return and(...where.filter(Boolean));
}

export async function listWorkOrders(db: DbOrTx, scope: BranchScope, f: WorkOrderFilter, page: { limit: number; offset: number }) {
  const cond = conditions(scope, f);
  const [rows, [{ count }]] = await Promise.all([
    db
      .select({
        id: workOrders.id,
        number: workOrders.number,
        type: workOrders.type,
        status: workOrders.status,
        target: workOrders.target,
        description: workOrders.description,
        createdAt: workOrders.createdAt,
        agreementId: agreements.id,
        agreementCode: agreements.code,
        agreementName: agreements.name,
        accountGroupId: accountGroups.id,
        groupCode: accountGroups.code,
        groupName: accountGroups.name,
        accountId: accounts.id,
        accountNumber: accounts.number,
        branchName: branches.name,
        createdByName: creator.name,
      })
      .from(workOrders)
      .innerJoin(agreements, eq(agreements.id, workOrders.agreementId))
      .innerJoin(branches, eq(branches.id, workOrders.branchId))
      .leftJoin(accountGroups, eq(accountGroups.id, workOrders.accountGroupId))
      .leftJoin(accounts, eq(accounts.id, workOrders.accountId))
      .leftJoin(creator, eq(creator.id, workOrders.createdBy))
      .where(cond)
      .orderBy(desc(workOrders.createdAt), desc(workOrders.number))
      .limit(page.limit)
      .offset(page.offset),
    db
      .select({ count: sql<number>`count(*)::int` })
      .from(workOrders)
      .innerJoin(agreements, eq(agreements.id, workOrders.agreementId))
      .leftJoin(accounts, eq(accounts.id, workOrders.accountId))
      .where(cond),
  ]);
  return { rows, total: count };
}

/** One order with its agreement, group, account, branch and the people involved, if it lies within the scope. */
export async function findWorkOrder(db: DbOrTx, scope: BranchScope, id: string) {
  const [row] = await db
    .select({
      order: workOrders,
      agreement: { id: agreements.id, code: agreements.code, name: agreements.name, status: agreements.status },
      group: { id: accountGroups.id, code: accountGroups.code, name: accountGroups.name, status: accountGroups.status },
      account: { id: accounts.id, number: accounts.number, description: accounts.description, status: accounts.status, serviceAddress: accounts.serviceAddress, meterNumber: accounts.meterNumber },
      branchName: branches.name,
      createdByName: creator.name,
      decidedByName: decider.name,
      completedByName: completer.name,
    })
    .from(workOrders)
    .innerJoin(agreements, eq(agreements.id, workOrders.agreementId))
    .innerJoin(branches, eq(branches.id, workOrders.branchId))
    .leftJoin(accountGroups, eq(accountGroups.id, workOrders.accountGroupId))
    .leftJoin(accounts, eq(accounts.id, workOrders.accountId))
    .leftJoin(creator, eq(creator.id, workOrders.createdBy))
    .leftJoin(decider, eq(decider.id, workOrders.decidedBy))
    .leftJoin(completer, eq(completer.id, workOrders.completedBy))
    .where(and(eq(workOrders.id, id), workOrderScope(scope)))
    .limit(1);
  return row;
}


/** Locks the order row inside a transaction, so two deciders or completers cannot both win. */
export async function lockWorkOrder(tx: DbOrTx, id: string) {
  const [row] = await tx.select().from(workOrders).where(eq(workOrders.id, id)).for('update');
  return row;
}

/** Locks an account of the given agreement; undefined when the account is not one of its accounts. */
export async function lockAgreementAccount(tx: DbOrTx, agreementId: string, accountId: string) {
  const [row] = await tx
    .select()
    .from(accounts)
    .where(and(eq(accounts.id, accountId), eq(accounts.agreementId, agreementId)))
    .for('update');
  return row;
}

/** An open (pending or approved) order of this type on this account, if any. */
export async function findOpenAccountOrder(db: DbOrTx, accountId: string, type: WorkOrderRow['type']) {
  const [row] = await db
    .select({ id: workOrders.id, number: workOrders.number })
    .from(workOrders)
    .where(and(eq(workOrders.accountId, accountId), eq(workOrders.type, type), inArray(workOrders.status, ['PENDING', 'APPROVED'])))
    .limit(1);
  return row;
}

/** The agreement an order is created on, if it lies within the scope. */
export async function findOrderAgreement(db: DbOrTx, scope: BranchScope, agreementId: string) {
  const [row] = await db
    .select({ id: agreements.id, code: agreements.code, name: agreements.name, status: agreements.status, branchId: agreements.branchId })
    .from(agreements)
    .where(and(eq(agreements.id, agreementId), branchScopeCondition(agreements.branchId, scope)))
    .limit(1);
  return row;
}

/** The agreement's accounts, for the account select of the new-order form. */
export function listAgreementAccounts(db: DbOrTx, agreementId: string) {
  return db
    .select({ id: accounts.id, number: accounts.number, description: accounts.description, status: accounts.status })
    .from(accounts)
    .where(eq(accounts.agreementId, agreementId))
    .orderBy(asc(accounts.number))
    .limit(1000);
}

/** Codes of the agreement / group / account a list is filtered by (for the filter chips), within the scope. */
export async function filterTargetLabels(db: DbOrTx, scope: BranchScope, ids: { agreementId?: string; accountGroupId?: string; accountId?: string }) {
  const inScope = branchScopeCondition(agreements.branchId, scope);
  const [agreement, group, account] = await Promise.all([
    ids.agreementId
      ? db.select({ code: agreements.code, name: agreements.name }).from(agreements).where(and(eq(agreements.id, ids.agreementId), inScope)).limit(1)
      : [],
    ids.accountGroupId
      ? db
          .select({ code: accountGroups.code, name: accountGroups.name })
          .from(accountGroups)
          .innerJoin(agreements, eq(agreements.id, accountGroups.agreementId))
          .where(and(eq(accountGroups.id, ids.accountGroupId), inScope))
          .limit(1)
      : [],
    ids.accountId
      ? db
          .select({ code: accounts.number, name: accounts.description })
          .from(accounts)
          .innerJoin(agreements, eq(agreements.id, accounts.agreementId))
          .where(and(eq(accounts.id, ids.accountId), inScope))
          .limit(1)
      : [],
  ]);
  return { agreement: agreement[0], group: group[0], account: account[0] };
}

/** Next order number OT-NNNNNN; the unique index on number settles races (the caller retries). */
export function nextWorkOrderNumber(db: DbOrTx) {
  return nextCode(db, workOrders, workOrders.number, 'OT');
}
