import 'server-only';
import { forbidden } from 'next/navigation';
import type { Actor } from '@/lib/auth/scope';
import { canUseDebitBatches } from '@/lib/dal/direct-debit';
import { requirePageActor } from '@/lib/dal/page';

/** For the batch pages: the actor, if it holds the permission over every branch (head office); else login or 403. */
export async function requireDebitActor(permission: 'payments.read' | 'payments.write'): Promise<Actor> {
  const actor = await requirePageActor(permission);
  if (!canUseDebitBatches(actor, permission)) forbidden();
  return actor;
}
