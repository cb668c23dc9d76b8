import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { branches, customers, userBranches, users, type Role } from '../schema';
import { containsPattern } from './filters';

export async function findUserByEmail(db: DbOrTx, email: string) {
  const [user] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
  return user;
}

export async function findUserById(db: DbOrTx, id: string) {
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return user;
}

export async function branchIdsOfUser(db: DbOrTx, userId: string): Promise<string[]> {
  const rows = await db.select({ branchId: userBranches.branchId }).from(userBranches).where(eq(userBranches.userId, userId));
  return rows.map((r) => r.branchId);
}

export type UserListFilter = { q?: string; role?: Role; active?: boolean };

export async function listUsers(db: DbOrTx, filter: UserListFilter, page: { limit: number; offset: number }) {
  const where: SQL[] = [];
  if (filter.q) {
    const q = containsPattern(filter.q);
    where.push(or(ilike(users.email, q), ilike(users.name, q))!);
  }
  if (filter.role) where.push(eq(users.role, filter.role));
  if (filter.active !== undefined) where.push(eq(users.active, filter.active));
  const cond = where.length ? and(...where) : undefined;
  const [rows, [{ count }]] = await Promise.all([
    db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        active: users.active,
        lockedUntil: users.lockedUntil,
        lastLoginAt: users.lastLoginAt,
        customerName: customers.legalName,
        branchNames: sql<string | null>`(select string_agg(b.name, ', ' order by b.name) from ${userBranches} ub join ${branches} b on b.id = ub.branch_id where ub.user_id = ${users.id})`,
      })
      .from(users)
      .leftJoin(customers, eq(customers.id, users.customerId))
      .where(cond)
      .orderBy(asc(users.email))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ count: sql<number>`count(*)::int` }).from(users).where(cond),
  ]);
  return { rows, total: count };
}

export async function setUserBranches(db: DbOrTx, userId: string, branchIds: string[]) {
  await db.delete(userBranches).where(eq(userBranches.userId, userId));
  if (branchIds.length) await db.insert(userBranches).values(branchIds.map((branchId) => ({ userId, branchId })));
}

export async function existingBranchIds(db: DbOrTx, ids: string[]) {
  if (!ids.length) return [];
  const rows = await db.select({ id: branches.id }).from(branches).where(and(inArray(branches.id, ids)));
  return rows.map((r) => r.id);
}
