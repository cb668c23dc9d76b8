import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { can, type Permission } from '@/lib/auth/roles';
import type { Actor } from '@/lib/auth/scope';
import { currentActor } from './actor';

/** For pages and layouts: the actor, or a redirect to /login, or the 403 page. */
export async function requirePageActor(permission?: Permission): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect('/login');
  if (permission && !can(actor.role, permission)) forbidden();
  return actor;
}
