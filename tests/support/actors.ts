import { getDb } from '@/db/client';
import { branchIdsOfUser, findUserByEmail } from '@/db/queries/users';
import type { Actor } from '@/lib/auth/scope';

/** The Actor the data layer would build for a seeded user. */
export async function actorFor(email: string): Promise<Actor> {
  const db = getDb();
  const user = await findUserByEmail(db, email);
  if (!user) throw new Error(`No such seeded user: ${email}`);
  return { id: user.id, email: user.email, name: user.name, role: user.role, customerId: user.customerId, branchIds: await branchIdsOfUser(db, user.id) };
}
