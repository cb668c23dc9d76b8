import { and, asc, desc, eq, ilike, ne, or, sql, type SQL } from 'drizzle-orm';
import type { BranchScope } from '@/lib/auth/scope';
import type { DbOrTx } from '../client';
import { accountGroups, accounts, agreements, auditLog, branches, customers, localities, provinces, tariffCategories } from '../schema';
import { agreementScope } from './agreements';
import { nextCode } from './codes';
import { containsPattern } from './filters';

export type AccountRow = typeof accounts.$inferSelect;
export type AccountFilter = {
  q?: string;
  status?: AccountRow['status'];
  branchId?: string;
  tariffCategoryId?: string;
  agreementId?: string;
  groupId?: string;
  sort?: 'number' | 'description' | 'startDate' | 'createdAt';
  dir?: 'asc' | 'desc';
};

// An account's branch is its agreement's branch: the scope is applied through the agreement.
function conditions(scope: BranchScope, f: AccountFilter) {
  const where: (SQL | undefined)[] = [agreementScope(scope)];
  if (f.q) {
    const q = containsPattern(f.q);
    where.push(
      or(
        ilike(accounts.number, q),
        ilike(accounts.description, q),
        ilike(accounts.meterNumber, q),
        ilike(agreements.code, q),
        ilike(agreements.name, q),
        ilike(customers.legalName, q),
        ilike(customers.documentNumber, q),
      ),
    );
  }
  if (f.status) where.push(eq(accounts.status, f.status));
  if (f.branchId) where.push(eq(agreements.branchId, f.branchId));
  if (f.tariffCategoryId) where.push(eq(accounts.tariffCategoryId, f.tariffCategoryId));
  if (f.agreementId) where.push(eq(accounts.agreementId, f.agreementId));
  if (f.groupId) where.push(eq(accounts.groupId, f.groupId));
  return and(...where.filter(Boolean));
}

const SORT_COLUMNS = { number: accounts.number, description: accounts.description, startDate: accounts.startDate, createdAt: accounts.createdAt };

export async function listAccounts(db: DbOrTx, scope: BranchScope, f: AccountFilter, page: { limit: number; offset: number }) {
  const cond = conditions(scope, f);
  const column = SORT_COLUMNS[f.sort ?? 'number'];
  const [rows, [{ count }]] = await Promise.all([
    db
      .select({
        id: accounts.id,
        number: accounts.number,
        description: accounts.description,
        status: accounts.status,
        meterNumber: accounts.meterNumber,
        serviceAddress: accounts.serviceAddress,
        startDate: accounts.startDate,
        agreementId: agreements.id,
        agreementCode: agreements.code,
        agreementName: agreements.name,
        customerName: customers.legalName,
        groupId: accountGroups.id,
        groupCode: accountGroups.code,
        groupName: accountGroups.name,
        tariffCategoryName: tariffCategories.name,
        branchName: branches.name,
      })
      .from(accounts)
      .innerJoin(agreements, eq(agreements.id, accounts.agreementId))
      .innerJoin(customers, eq(customers.id, agreements.customerId))
      .innerJoin(branches, eq(branches.id, agreements.branchId))
      .innerJoin(tariffCategories, eq(tariffCategories.id, accounts.tariffCategoryId))
      .leftJoin(accountGroups, eq(accountGroups.id, accounts.groupId))
      .where(cond)
      .orderBy(f.dir === 'desc' ? desc(column) : asc(column), asc(accounts.id))
      .limit(page.limit)
      .offset(page.offset),
    db
      .select({ count: sql<number>`count(*)::int` })
      .from(accounts)
      .innerJoin(agreements, eq(agreements.id, accounts.agreementId))
      .innerJoin(customers, eq(customers.id, agreements.customerId))
      .where(cond),
  ]);
  return { rows, total: count };
}

/** One account with its agreement, customer, group, tariff category and place, if within the scope. */
export async function findAccount(db: DbOrTx, scope: BranchScope, id: string) {
  const [row] = await db
    .select({
      account: accounts,
      agreement: { id: agreements.id, code: agreements.code, name: agreements.name, status: agreements.status, branchId: agreements.branchId },
      customer: { id: customers.id, code: customers.code, legalName: customers.legalName },
      group: { id: accountGroups.id, code: accountGroups.code, name: accountGroups.name, status: accountGroups.status },
      tariffCategoryName: tariffCategories.name,
      branchName: branches.name,
      localityName: localities.name,
      provinceName: provinces.name,
      provinceId: provinces.id,
    })
    .from(accounts)
    .innerJoin(agreements, eq(agreements.id, accounts.agreementId))
    .innerJoin(customers, eq(customers.id, agreements.customerId))
    .innerJoin(branches, eq(branches.id, agreements.branchId))
    .innerJoin(tariffCategories, eq(tariffCategories.id, accounts.tariffCategoryId))
    .leftJoin(accountGroups, eq(accountGroups.id, accounts.groupId))
    .leftJoin(localities, eq(localities.id, accounts.localityId))
    .leftJoin(provinces, eq(provinces.id, localities.provinceId))
    .where(and(eq(accounts.id, id), agreementScope(scope)))
    .limit(1);
  return row;
}

/** Locks an account row for a change inside a transaction. */
export async function lockAccount(tx: DbOrTx, id: string) {
  const [row] = await tx.select().from(accounts).where(eq(accounts.id, id)).for('update');
  return row;
}

/** The open (not closed) account using this meter, if any, other than `exceptId`. */
export async function findAccountByMeter(db: DbOrTx, meterNumber: string, exceptId?: string) {
  const [row] = await db
    .select({ id: accounts.id, number: accounts.number })
    .from(accounts)
    .where(and(eq(accounts.meterNumber, meterNumber), ne(accounts.status, 'CLOSED'), exceptId ? ne(accounts.id, exceptId) : undefined))
    .limit(1);
  return row;
}

export async function listTariffCategories(db: DbOrTx, activeOnly = true) {
  return db
    .select({ id: tariffCategories.id, code: tariffCategories.code, name: tariffCategories.name, active: tariffCategories.active })
    .from(tariffCategories)
    .where(activeOnly ? eq(tariffCategories.active, true) : undefined)
    .orderBy(asc(tariffCategories.name));
}

/** Next account number CT-NNNNNN; the unique index on number settles races. */
export function nextAccountNumber(db: DbOrTx) {
  return nextCode(db, accounts, accounts.number, 'CT');
}

/** When, by whom and why an account last changed status (from the audit log), if it ever did. */
export async function lastStatusChange(db: DbOrTx, accountId: string) {
  const [row] = await db
    .select({ at: auditLog.at, userEmail: auditLog.userEmail, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'account'), eq(auditLog.entityId, accountId), eq(auditLog.action, 'STATUS_CHANGE')))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(1);
  if (!row) return undefined;
  const after = (row.after ?? {}) as { reason?: unknown; workOrder?: unknown };
  return { at: row.at, userEmail: row.userEmail, reason: typeof after.reason === 'string' ? after.reason : null, workOrder: typeof after.workOrder === 'string' ? after.workOrder : null };
}
