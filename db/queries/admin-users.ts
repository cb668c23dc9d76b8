import { and, asc, eq, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { customers, users } from '../schema';
import { branchIdsOfUser } from './users';

export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;

/** Another user holding this e-mail, compared case-insensitively (older rows may not be lower-case). */
export async function findUserWithEmail(db: DbOrTx, email: string, exceptId?: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`, exceptId ? ne(users.id, exceptId) : undefined))
    .limit(1);
  return row;
}

/** The user row locked for the rest of the transaction, so two admins do not interleave edits. */
export async function lockUser(tx: DbOrTx, id: string) {
  const [row] = await tx.select().from(users).where(eq(users.id, id)).for('update');
  return row;
}

/** The row plus its branches: what the audit log stores as before/after. */
export async function userSnapshot(db: DbOrTx, user: UserRow) {
  return { ...user, branchIds: (await branchIdsOfUser(db, user.id)).sort() };
}

export async function insertUser(tx: DbOrTx, values: NewUserRow) {
  const [row] = await tx.insert(users).values(values).returning();
  return row;
}

export async function updateUserRow(tx: DbOrTx, id: string, patch: Partial<NewUserRow>) {
  const [row] = await tx
    .update(users)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  return row;
}

/** The user with their customer's code and name, for the edit page. */
export async function findUserDetail(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ user: users, customerCode: customers.code, customerName: customers.legalName })
    .from(users)
    .leftJoin(customers, eq(customers.id, users.customerId))
    .where(eq(users.id, id))
    .limit(1);
  return row;
}

export async function customerExists(db: DbOrTx, id: string) {
  const [row] = await db.select({ id: customers.id }).from(customers).where(eq(customers.id, id)).limit(1);
  return Boolean(row);
}

/** Customers a CLIENT user may be linked to: the large accounts, plus the one already linked. */
export async function clientCustomerChoices(db: DbOrTx, includeId?: string | null) {
  return db
    .select({ id: customers.id, code: customers.code, legalName: customers.legalName })
    .from(customers)
    .where(includeId ? or(eq(customers.isLargeAccount, true), eq(customers.id, includeId)) : eq(customers.isLargeAccount, true))
    .orderBy(asc(customers.legalName))
    .limit(1000);
}
