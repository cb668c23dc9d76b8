import { and, asc, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { BranchScope } from '@/lib/auth/scope';
import type { DbOrTx } from '../client';
import { branches, customers, localities, provinces } from '../schema';
import { nextCode } from './codes';
import { branchScopeCondition, containsPattern } from './filters';

export type CustomerRow = typeof customers.$inferSelect;
export type CustomerFilter = {
  q?: string;
  segment?: CustomerRow['segment'];
  branchId?: string;
  sort?: 'legalName' | 'code' | 'documentNumber' | 'segment' | 'createdAt';
  dir?: 'asc' | 'desc';
};

const scopeCondition = (scope: BranchScope) => branchScopeCondition(customers.branchId, scope);

function filterConditions(scope: BranchScope, f: CustomerFilter) {
  const where: (SQL | undefined)[] = [scopeCondition(scope)];
  if (f.q) {
    const q = containsPattern(f.q);
    const digits = f.q.replace(/[^0-9A-Za-z]/g, '');
    where.push(or(ilike(customers.legalName, q), ilike(customers.code, q), digits ? ilike(customers.documentNumber, `%${digits}%`) : undefined));
  }
  if (f.segment) where.push(eq(customers.segment, f.segment));
  if (f.branchId) where.push(eq(customers.branchId, f.branchId));
  return and(...where.filter(Boolean));
}

const SORT_COLUMNS = {
  legalName: customers.legalName,
  code: customers.code,
  documentNumber: customers.documentNumber,
  segment: customers.segment,
  createdAt: customers.createdAt,
};

const listColumns = {
  id: customers.id,
  code: customers.code,
  legalName: customers.legalName,
  documentType: customers.documentType,
  documentNumber: customers.documentNumber,
  taxCondition: customers.taxCondition,
  segment: customers.segment,
  isLargeAccount: customers.isLargeAccount,
  email: customers.email,
  phone: customers.phone,
  branchId: customers.branchId,
  branchName: branches.name,
  createdAt: customers.createdAt,
};

export async function listCustomers(db: DbOrTx, scope: BranchScope, f: CustomerFilter, page: { limit: number; offset: number }) {
  const cond = filterConditions(scope, f);
  const column = SORT_COLUMNS[f.sort ?? 'legalName'];
  const order = f.dir === 'desc' ? desc(column) : asc(column);
  const [rows, [{ count }]] = await Promise.all([
    db
      .select(listColumns)
      .from(customers)
      .innerJoin(branches, eq(branches.id, customers.branchId))
      .where(cond)
      .orderBy(order, asc(customers.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ count: sql<number>`count(*)::int` }).from(customers).where(cond),
  ]);
  return { rows, total: count };
}

/** Every row of the filtered list, in pages, for CSV export. */
export async function* iterateCustomers(db: DbOrTx, scope: BranchScope, f: CustomerFilter, batch = 1000) {
  const cond = filterConditions(scope, f);
  for (let offset = 0; ; offset += batch) {
    const rows = await db
      .select({ ...listColumns, address: customers.address, localityName: localities.name, provinceName: provinces.name })
      .from(customers)
      .innerJoin(branches, eq(branches.id, customers.branchId))
      .leftJoin(localities, eq(localities.id, customers.localityId))
      .leftJoin(provinces, eq(provinces.id, localities.provinceId))
      .where(cond)
      .orderBy(asc(customers.legalName), asc(customers.id))
      .limit(batch)
      .offset(offset);
    yield* rows;
    if (rows.length < batch) return;
  }
}

/** The customer, if it exists and lies within the scope; undefined otherwise. */
export async function findCustomer(db: DbOrTx, scope: BranchScope, id: string) {
  const [row] = await db
    .select({
      customer: customers,
      branchName: branches.name,
      localityName: localities.name,
      provinceName: provinces.name,
      provinceId: provinces.id,
    })
    .from(customers)
    .innerJoin(branches, eq(branches.id, customers.branchId))
    .leftJoin(localities, eq(localities.id, customers.localityId))
    .leftJoin(provinces, eq(provinces.id, localities.provinceId))
    .where(and(eq(customers.id, id), scopeCondition(scope)))
    .limit(1);
  return row;
}

export async function findCustomerByDocument(db: DbOrTx, documentType: CustomerRow['documentType'], documentNumber: string) {
  const [row] = await db
    .select({ id: customers.id, code: customers.code, legalName: customers.legalName })
    .from(customers)
    .where(and(eq(customers.documentType, documentType), eq(customers.documentNumber, documentNumber)))
    .limit(1);
  return row;
}

/** Next customer code CL-NNNNNN; the unique index on code settles races. */
export function nextCustomerCode(db: DbOrTx) {
  return nextCode(db, customers, customers.code, 'CL');
}
