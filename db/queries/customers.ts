import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { BranchScope } from '@/lib/auth/scope';
import type { DbOrTx } from '../client';
import { branches, customers, localities, provinces } from '../schema';

export type CustomerRow = typeof customers.$inferSelect;
export type CustomerFilter = {
  q?: string;
  segment?: CustomerRow['segment'];
  branchId?: string;
  sort?: 'legalName' | 'code' | 'documentNumber' | 'segment' | 'createdAt';
  dir?: 'asc' | 'desc';
};

function scopeCondition(scope: BranchScope): SQL | undefined {
  if (scope.all) return undefined;
  // An empty scope must match nothing, not everything.
  if (!scope.branchIds.length) return sql`false`;
  return inArray(customers.branchId, scope.branchIds);
}

function filterConditions(scope: BranchScope, f: CustomerFilter) {
  const where: (SQL | undefined)[] = [scopeCondition(scope)];
  if (f.q) {
    const q = `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
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
export async function nextCustomerCode(db: DbOrTx) {
  const [row] = await db
    .select({ max: sql<number | null>`max(substring(${customers.code} from 4)::int)` })
    .from(customers)
    .where(sql`${customers.code} ~ '^CL-[0-9]{6,}$'`);
  const n = (row?.max ?? 0) + 1;
  return `CL-${String(n).padStart(6, '0')}`;
}
