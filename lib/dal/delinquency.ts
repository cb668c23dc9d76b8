import 'server-only';
import { getDb } from '@/db/client';
import * as q from '@/db/queries/delinquency';
import { ForbiddenError, NotFoundError } from '@/lib/auth/errors';
import { can } from '@/lib/auth/roles';
import { branchScope, type Actor } from '@/lib/auth/scope';
import { isUuid } from './customers';

/** An agreement's delinquency for its page: agreements.read and the agreement within the actor's branches. */
export async function getAgreementDelinquency(actor: Actor, agreementId: string, db = getDb()) {
  if (!can(actor.role, 'agreements.read')) throw new ForbiddenError();
  if (!isUuid(agreementId)) throw new NotFoundError('No se encontró el acuerdo.');
  const row = await q.agreementDelinquency(db, branchScope(actor), agreementId);
  if (!row) throw new NotFoundError('No se encontró el acuerdo.');
  return row;
}
