import 'server-only';
import { getDb, type DbOrTx } from '@/db/client';
import { recordAudit } from '@/db/queries/audit';
import * as q from '@/db/queries/payment-entities';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import { can } from '@/lib/auth/roles';
import type { Actor } from '@/lib/auth/scope';
import { PAYMENT_METHOD_LABELS, type PaymentMethod } from '@/lib/domain/payment-instrument';
import type { PaymentEntityInput } from '@/lib/validation/catalogs';
import { isUuid } from './customers';
import { uniqueViolation } from './unique-violation';

function assertAdmin(actor: Actor) {
  if (!can(actor.role, 'admin.catalogs')) throw new ForbiddenError();
}

const notFound = () => new NotFoundError('No se encontró la entidad de pago.');

export async function listPaymentEntitiesForAdmin(actor: Actor, filter: { method?: PaymentMethod } = {}, db = getDb()) {
  assertAdmin(actor);
  return q.listPaymentEntities(db, filter);
}

export async function getPaymentEntity(actor: Actor, id: string, db = getDb()) {
  assertAdmin(actor);
  if (!isUuid(id)) throw notFound();
  const row = await q.findPaymentEntity(db, id);
  if (!row) throw notFound();
  return { ...row, uses: await q.paymentEntityUses(db, id) };
}

export async function createPaymentEntity(actor: Actor, input: PaymentEntityInput, db = getDb()) {
  assertAdmin(actor);
  return db
    .transaction(async (tx) => {
      await assertCodeFree(tx, input.code);
      const created = await q.insertPaymentEntity(tx, input);
      await recordAudit(tx, actor, { entity: 'payment_entity', entityId: created.id, action: 'CREATE', after: created });
      return created;
    })
    .catch(translateUniqueViolation);
}

/** Edits code, name, method and the active flag; the method stays fixed once agreements use the entity. */
export async function updatePaymentEntity(actor: Actor, id: string, input: PaymentEntityInput, db = getDb()) {
  assertAdmin(actor);
  if (!isUuid(id)) throw notFound();
  return db
    .transaction(async (tx) => {
      const existing = await q.lockPaymentEntity(tx, id);
      if (!existing) throw notFound();
      await assertCodeFree(tx, input.code, id);
      if (input.method !== existing.method && (await q.paymentEntityUses(tx, id)) > 0) {
        throw new UserError('Revise los campos marcados.', {
          method: [`No se puede cambiar: hay acuerdos que la usan como ${PAYMENT_METHOD_LABELS[existing.method].toLowerCase()}. Cree otra entidad.`],
        });
      }
      const updated = await q.updatePaymentEntityRow(tx, id, input);
      await recordAudit(tx, actor, { entity: 'payment_entity', entityId: id, action: 'UPDATE', before: existing, after: updated });
      return updated;
    })
    .catch(translateUniqueViolation);
}

/** Entities are deactivated, never deleted: agreements keep pointing at them; new methods cannot choose them. */
export async function setPaymentEntityActive(actor: Actor, id: string, active: boolean, db = getDb()) {
  assertAdmin(actor);
  if (!isUuid(id)) throw notFound();
  return db.transaction(async (tx) => {
    const existing = await q.lockPaymentEntity(tx, id);
    if (!existing) throw notFound();
    if (existing.active === active) return existing;
    const updated = await q.updatePaymentEntityRow(tx, id, { active });
    await recordAudit(tx, actor, { entity: 'payment_entity', entityId: id, action: 'UPDATE', before: existing, after: updated });
    return updated;
  });
}

async function assertCodeFree(tx: DbOrTx, code: string, exceptId?: string) {
  const taken = await q.findPaymentEntityByCode(tx, code, exceptId);
  if (taken) throw new UserError('Revise los campos marcados.', { code: [`El código ${code} ya es de ${taken.name}.`] });
}

// Two admins saving the same code at once: the unique index decides, and the user still gets a field error.
function translateUniqueViolation(err: unknown): never {
  if (uniqueViolation(err) === null) throw err;
  throw new UserError('Revise los campos marcados.', { code: ['Código ya registrado.'] });
}
