import 'server-only';
import { getDb } from '@/db/client';
import * as q from '@/db/queries/email-outbox';
import { ForbiddenError, NotFoundError } from '@/lib/auth/errors';
import { can } from '@/lib/auth/roles';
import type { Actor } from '@/lib/auth/scope';
import { smtpTransportFromEnv } from '@/lib/collections/mailer';
import type { EmailOutboxListParams } from '@/lib/validation/delinquency';
import { isUuid } from './customers';

/** The e-mail outbox (/admin/correo): every e-mail the system sent or will send; administrators only. */

export const OUTBOX_PAGE_SIZE = 25;

function assertAdmin(actor: Actor) {
  if (!can(actor.role, 'admin.catalogs')) throw new ForbiddenError();
}

export async function listOutboxForAdmin(actor: Actor, params: EmailOutboxListParams, db = getDb()) {
  assertAdmin(actor);
  const page = params.page ?? 1;
  const [{ rows, total }, counts] = await Promise.all([q.listOutbox(db, { status: params.status }, { limit: OUTBOX_PAGE_SIZE, offset: (page - 1) * OUTBOX_PAGE_SIZE }), q.outboxCounts(db)]);
  return { rows, total, counts, page, pageSize: OUTBOX_PAGE_SIZE, pageCount: Math.ceil(total / OUTBOX_PAGE_SIZE), smtpConfigured: smtpConfigured() };
}

export async function getOutboxEmail(actor: Actor, id: string, db = getDb()) {
  assertAdmin(actor);
  if (!isUuid(id)) throw new NotFoundError('No se encontró el correo.');
  const row = await q.findOutboxEmail(db, id);
  if (!row) throw new NotFoundError('No se encontró el correo.');
  return row;
}

function smtpConfigured() {
  return smtpTransportFromEnv() !== null;
}
