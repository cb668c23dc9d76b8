import 'server-only';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { branchIdsOfUser, findUserById } from '@/db/queries/users';
import { auth } from '@/lib/auth/auth';
import { ForbiddenError, UnauthenticatedError } from '@/lib/auth/errors';
import { can, type Permission } from '@/lib/auth/roles';
import type { Actor } from '@/lib/auth/scope';

/** The signed-in user as stored now (active, role, branches), or null. Once per request. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const db = getDb();
  const user = await findUserById(db, id);
  if (!user || !user.active) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    customerId: user.customerId,
    branchIds: await branchIdsOfUser(db, user.id),
  };
});

/** The actor if it holds the permission; throws Unauthenticated / Forbidden otherwise. */
export async function requireActor(permission?: Permission): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new UnauthenticatedError();
  if (permission && !can(actor.role, permission)) throw new ForbiddenError();
  return actor;
}
