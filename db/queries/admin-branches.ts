import { and, asc, eq, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { branches, localities, pointsOfSale, provinces } from '../schema';

export type BranchRow = typeof branches.$inferSelect;
export type NewBranchRow = typeof branches.$inferInsert;
export type PointOfSaleRow = typeof pointsOfSale.$inferSelect;

/** Every branch with where it is and how many points of sale it has (all / active). */
export async function listBranchesWithCounts(db: DbOrTx) {
  return db
    .select({
      id: branches.id,
      code: branches.code,
      name: branches.name,
      active: branches.active,
      localityName: localities.name,
      provinceName: provinces.name,
      posTotal: sql<number>`(select count(*)::int from ${pointsOfSale} p where p.branch_id = "branches"."id")`,
      posActive: sql<number>`(select count(*)::int from ${pointsOfSale} p where p.branch_id = "branches"."id" and p.active)`,
    })
    .from(branches)
    .innerJoin(localities, eq(localities.id, branches.localityId))
    .innerJoin(provinces, eq(provinces.id, localities.provinceId))
    .orderBy(asc(branches.code));
}

export async function findBranch(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ branch: branches, provinceId: localities.provinceId })
    .from(branches)
    .innerJoin(localities, eq(localities.id, branches.localityId))
    .where(eq(branches.id, id))
    .limit(1);
  return row;
}

export async function lockBranch(tx: DbOrTx, id: string) {
  const [row] = await tx.select().from(branches).where(eq(branches.id, id)).for('update');
  return row;
}

/** Other branches already using this code, or this name in any letter case. */
export async function findBranchConflicts(db: DbOrTx, code: string, name: string, exceptId?: string) {
  return db
    .select({ id: branches.id, code: branches.code, name: branches.name })
    .from(branches)
    .where(and(or(eq(branches.code, code), sql`lower(${branches.name}) = ${name.toLowerCase()}`), exceptId ? ne(branches.id, exceptId) : undefined));
}

export async function insertBranch(tx: DbOrTx, values: NewBranchRow) {
  const [row] = await tx.insert(branches).values(values).returning();
  return row;
}

export async function updateBranchRow(tx: DbOrTx, id: string, patch: Partial<NewBranchRow>) {
  const [row] = await tx
    .update(branches)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(branches.id, id))
    .returning();
  return row;
}

export async function localityExists(db: DbOrTx, id: string) {
  const [row] = await db.select({ id: localities.id }).from(localities).where(eq(localities.id, id)).limit(1);
  return Boolean(row);
}

/** The point of sale holding a fiscal number, in whichever branch. */
export async function findPointOfSaleByNumber(db: DbOrTx, number: number) {
  const [row] = await db
    .select({ id: pointsOfSale.id, branchName: branches.name })
    .from(pointsOfSale)
    .innerJoin(branches, eq(branches.id, pointsOfSale.branchId))
    .where(eq(pointsOfSale.number, number))
    .limit(1);
  return row;
}

export async function lockPointOfSale(tx: DbOrTx, id: string) {
  const [row] = await tx.select().from(pointsOfSale).where(eq(pointsOfSale.id, id)).for('update');
  return row;
}

export async function insertPointOfSale(tx: DbOrTx, values: typeof pointsOfSale.$inferInsert) {
  const [row] = await tx.insert(pointsOfSale).values(values).returning();
  return row;
}

export async function updatePointOfSaleRow(tx: DbOrTx, id: string, patch: Partial<Pick<PointOfSaleRow, 'description' | 'active'>>) {
  const [row] = await tx
    .update(pointsOfSale)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(pointsOfSale.id, id))
    .returning();
  return row;
}
