import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { BranchScope } from '@/lib/auth/scope';
import type { AttributeType } from '@/lib/domain/dynamic-attributes';
import type { DbOrTx } from '../client';
import { agreements, branches, customers, delinquencyLevels, localities, provinces, users, workOrders } from '../schema';
import { branchScopeCondition, containsPattern } from './filters';

export type AgreementRow = typeof agreements.$inferSelect;
export type AgreementFilter = {
  q?: string;
  status?: AgreementRow['status'];
  branchId?: string;
  billingMode?: AgreementRow['billingMode'];
  delinquencyStatus?: AgreementRow['delinquencyStatus'];
  /** A policy level; null = no level (with DELINQUENT: a debt under every level's minimum). */
  delinquencyLevelId?: string | null;
  customerId?: string;
  /** Dynamic attribute filters (keys already checked against the definitions): TEXT contains, others exact. */
  attributes?: { key: string; type: AttributeType; value: string }[];
  sort?: 'name' | 'code' | 'createdAt';
  dir?: 'asc' | 'desc';
};

export const agreementScope = (scope: BranchScope) => branchScopeCondition(agreements.branchId, scope);

function conditions(scope: BranchScope, f: AgreementFilter) {
  const where: (SQL | undefined)[] = [agreementScope(scope)];
  if (f.q) {
    const q = containsPattern(f.q);
    // Documents are stored without separators: '001-0000001-2' finds 00100000012.
    const digits = f.q.replace(/[^0-9A-Za-z]/g, '');
    where.push(or(ilike(agreements.name, q), ilike(agreements.code, q), ilike(customers.legalName, q), digits ? ilike(customers.documentNumber, `%${digits}%`) : undefined));
  }
  if (f.status) where.push(eq(agreements.status, f.status));
  if (f.branchId) where.push(eq(agreements.branchId, f.branchId));
  if (f.billingMode) where.push(eq(agreements.billingMode, f.billingMode));
  if (f.delinquencyStatus) where.push(eq(agreements.delinquencyStatus, f.delinquencyStatus));
  if (f.delinquencyLevelId !== undefined) where.push(f.delinquencyLevelId === null ? isNull(agreements.delinquencyLevelId) : eq(agreements.delinquencyLevelId, f.delinquencyLevelId));
  if (f.customerId) where.push(eq(agreements.customerId, f.customerId));
  for (const a of f.attributes ?? []) where.push(attributeCondition(a));
  return and(...where.filter(Boolean));
}

// One dynamic attribute condition on the jsonb column. A BOOLEAN never set counts as false.
function attributeCondition(a: NonNullable<AgreementFilter['attributes']>[number]): SQL {
  const value = sql`${agreements.attributes} ->> ${a.key}`;
  if (a.type === 'TEXT') return sql`${value} ilike ${containsPattern(a.value)}`;
  if (a.type === 'BOOLEAN' && a.value === 'false') return sql`coalesce(${value}, 'false') = 'false'`;
  return sql`${value} = ${a.value}`;
}

const SORT_COLUMNS = { name: agreements.name, code: agreements.code, createdAt: agreements.createdAt };

export async function listAgreements(db: DbOrTx, scope: BranchScope, f: AgreementFilter, page: { limit: number; offset: number }) {
  const cond = conditions(scope, f);
  const column = SORT_COLUMNS[f.sort ?? 'name'];
  const dir = f.dir ?? 'asc';
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
        delinquencyLevelName: delinquencyLevels.name,
        customerId: customers.id,
        customerName: customers.legalName,
        documentType: customers.documentType,
        documentNumber: customers.documentNumber,
        branchId: agreements.branchId,
        branchName: branches.name,
        createdAt: agreements.createdAt,
      })
      .from(agreements)
      .innerJoin(customers, eq(customers.id, agreements.customerId))
      .innerJoin(branches, eq(branches.id, agreements.branchId))
      .leftJoin(delinquencyLevels, eq(delinquencyLevels.id, agreements.delinquencyLevelId))
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

/** The latest activation order of an agreement (pending, or the last decided one), with its creator. */
export async function latestActivationOrder(db: DbOrTx, agreementId: string) {
  const [row] = await db
    .select({ id: workOrders.id, number: workOrders.number, status: workOrders.status, decisionReason: workOrders.decisionReason, decidedAt: workOrders.decidedAt, createdAt: workOrders.createdAt, createdByName: users.name })
    .from(workOrders)
    .leftJoin(users, eq(users.id, workOrders.createdBy))
    .where(and(eq(workOrders.agreementId, agreementId), eq(workOrders.type, 'ACTIVATION'), eq(workOrders.target, 'AGREEMENT')))
    .orderBy(desc(workOrders.createdAt), desc(workOrders.number))
    .limit(1);
  return row;
}

/**
 * Customers the agreement form can pick from, within the scope, by name, at most `limit` of them;
 * `include` adds specific customers (the one preselected or already on the agreement) even past the cap.
 */
export async function customerChoices(db: DbOrTx, scope: BranchScope, limit: number, include: string[] = []) {
  const columns = {
    id: customers.id,
    code: customers.code,
    legalName: customers.legalName,
    documentType: customers.documentType,
    documentNumber: customers.documentNumber,
    branchId: customers.branchId,
    address: customers.address,
    localityId: customers.localityId,
    email: customers.email,
  };
  const scoped = branchScopeCondition(customers.branchId, scope);
  const [rows, extra, [{ count }]] = await Promise.all([
    db.select(columns).from(customers).where(scoped).orderBy(asc(customers.legalName), asc(customers.id)).limit(limit),
    include.length ? db.select(columns).from(customers).where(and(scoped, inArray(customers.id, include))) : Promise.resolve([]),
    db.select({ count: sql<number>`count(*)::int` }).from(customers).where(scoped),
  ]);
  const seen = new Set(rows.map((r) => r.id));
  return { rows: [...rows, ...extra.filter((r) => !seen.has(r.id))], total: count };
}
