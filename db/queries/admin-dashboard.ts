import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { branches, customers, pointsOfSale, users } from '../schema';

/** The admin panel's four figures, in one round trip. */
export async function adminCounts(db: DbOrTx) {
  const [row] = await db
    .select({
      activeUsers: sql<number>`(select count(*)::int from ${users} where ${eq(users.active, true)})`,
      branches: sql<number>`(select count(*)::int from ${branches} where ${eq(branches.active, true)})`,
      pointsOfSale: sql<number>`(select count(*)::int from ${pointsOfSale} where ${eq(pointsOfSale.active, true)})`,
      customers: sql<number>`(select count(*)::int from ${customers})`,
    })
    .from(sql`(select 1) as one`);
  return row;
}
