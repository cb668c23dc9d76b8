import { and, asc, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { BranchScope } from '@/lib/auth/scope';
import type { DbOrTx } from '../client';
import { agreements, branches, customers, localities, provinces } from '../schema';
import { branchScopeCondition, containsPattern } from './filters';

export type AgreementRow = typeof agreements.$inferSelect;
export type AgreementFilter = {
  q?: string;
  status?: AgreementRow['status'];
  branchId?: string;
  billingMode?: AgreementRow['billingMode'];
  delinquencyStatus?: AgreementRow['delinquencyStatus'];
  customerId?: string;
  /** Dynamic attribute filters: key → exact value (as text). */
  attributes?: Record<string, string>;
};

export const agreementScope = (scope: BranchScope) => branchScopeCondition(agreements.branchId, scope);

function conditions(scope: BranchScope, f: AgreementFilter) {
  const where: (SQL | undefined)[] = [agreementScope(scope)];
  if (f.q) {
    const q = containsPattern(f.q);
    where.push(or(ilike(agreements.name, q), ilike(agreements.code, q), ilike(customers.legalName, q), ilike(customers.documentNumber, q)));
  }
  if (f.status) where.push(eq(agreements.status, f.status));
  if (f.branchId) where.push(eq(agreements.branchId, f.branchId));
  if (f.billingMode) where.push(eq(agreements.billingMode, f.billingMode));
  if (f.delinquencyStatus) where.push(eq(agreements.delinquencyStatus, f.delinquencyStatus));
  if (f.customerId) where.push(eq(agreements.customerId, f.customerId));
  for (const [key, value] of Object.entries(f.attributes ?? {})) {
    where.push(sql`${agreements.attributes} ->> ${key} = ${value}`);
  }
  return and(...where.filter(Boolean));
}

export async function listAgreements(db: DbOrTx, scope: BranchScope, f: AgreementFilter, page: { limit: number; offset: number }, sort: 'name' | 'code' | 'createdAt' = 'name', dir: 'asc' | 'desc' = 'asc') {
  const cond = conditions(scope, f);
  const column = { name: agreements.name, code: agreements.code, createdAt: agreements.createdAt }[sort];
  const [rows, [{ count }]] = await Promise.all([
    db
      .select({
        id: agreements.id,
        code: agreements.code,
        name: agreements.name,
        status: agreements.status,
        billingMode: agreements.billingMode,
        currency: agreements.currency,
        delinquencyStatus: agreements.delinquencyStatus,
        customerId: customers.id,
        customerName: customers.legalName,
        documentType: customers.documentType,
        documentNumber: customers.documentNumber,
        branchName: branches.name,
      })
      .from(agreements)
      .innerJoin(customers, eq(customers.id, agreements.customerId))
      .innerJoin(branches, eq(branches.id, agreements.branchId))
      .where(cond)
      .orderBy(dir === 'desc' ? desc(column) : asc(column), asc(agreements.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ count: sql<number>`count(*)::int` }).from(agreements).innerJoin(customers, eq(customers.id, agreements.customerId)).where(cond),
  ]);
  return { rows, total: count };
}

/** One agreement with its customer, branch and place, if it lies within the scope. */
export async function findAgreement(db: DbOrTx, scope: BranchScope, id: string) {
  const [row] = await db
    .select({ agreement: agreements, customer: customers, branchName: branches.name, localityName: localities.name, provinceName: provinces.name, provinceId: provinces.id })
    .from(agreements)
    .innerJoin(customers, eq(customers.id, agreements.customerId))
    .innerJoin(branches, eq(branches.id, agreements.branchId))
    .innerJoin(localities, eq(localities.id, agreements.localityId))
    .innerJoin(provinces, eq(provinces.id, localities.provinceId))
    .where(and(eq(agreements.id, id), agreementScope(scope)))
    .limit(1);
  return row;
}

/** Locks the agreement row for a status change inside a transaction. */
export async function lockAgreement(tx: DbOrTx, id: string) {
  const [row] = await tx.select().from(agreements).where(eq(agreements.id, id)).for('update');
  return row;
}
