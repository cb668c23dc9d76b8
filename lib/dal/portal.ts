import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { branches, customers, localities, provinces } from '@/db/schema';
import { ForbiddenError } from '@/lib/auth/errors';
import { can } from '@/lib/auth/roles';
import type { Actor } from '@/lib/auth/scope';

/**
 * The portal user's own customer. It takes no id: the customer comes from the session only, so
 * a client can never ask for another customer's data.
 */
export async function portalCustomer(actor: Actor, db = getDb()) {
  if (!can(actor.role, 'portal.use') || !actor.customerId) throw new ForbiddenError();
  const [row] = await db
    .select({ customer: customers, branchName: branches.name, localityName: localities.name, provinceName: provinces.name })
    .from(customers)
    .innerJoin(branches, eq(branches.id, customers.branchId))
    .leftJoin(localities, eq(localities.id, customers.localityId))
    .leftJoin(provinces, eq(provinces.id, localities.provinceId))
    .where(eq(customers.id, actor.customerId))
    .limit(1);
  if (!row) throw new ForbiddenError();
  return row;
}
