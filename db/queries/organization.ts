import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { branches, company, customers, localities, pointsOfSale, provinces } from '../schema';

export async function getCompany(db: DbOrTx) {
  const [row] = await db.select().from(company).limit(1);
  return row;
}

export async function listBranches(db: DbOrTx, ids?: string[]) {
  return db
    .select({ id: branches.id, code: branches.code, name: branches.name, active: branches.active, address: branches.address, phone: branches.phone, localityId: branches.localityId, localityName: localities.name, provinceName: provinces.name, provinceId: provinces.id })
    .from(branches)
    .innerJoin(localities, eq(localities.id, branches.localityId))
    .innerJoin(provinces, eq(provinces.id, localities.provinceId))
    .where(ids ? (ids.length ? inArray(branches.id, ids) : sql`false`) : undefined)
    .orderBy(asc(branches.name));
}

export async function listPointsOfSale(db: DbOrTx, branchId?: string) {
  return db
    .select()
    .from(pointsOfSale)
    .where(branchId ? eq(pointsOfSale.branchId, branchId) : undefined)
    .orderBy(asc(pointsOfSale.number));
}

export async function listProvinces(db: DbOrTx) {
  return db.select().from(provinces).orderBy(asc(provinces.name));
}

export async function listLocalities(db: DbOrTx) {
  return db
    .select({ id: localities.id, name: localities.name, provinceId: localities.provinceId })
    .from(localities)
    .orderBy(asc(localities.name));
}

export async function customerName(db: DbOrTx, id: string) {
  const [row] = await db.select({ legalName: customers.legalName }).from(customers).where(eq(customers.id, id)).limit(1);
  return row?.legalName;
}
