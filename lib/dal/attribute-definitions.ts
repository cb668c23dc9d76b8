import 'server-only';
import { getDb } from '@/db/client';
import * as q from '@/db/queries/attribute-definitions';
import { recordAudit } from '@/db/queries/audit';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import { can } from '@/lib/auth/roles';
import type { Actor } from '@/lib/auth/scope';
import { ATTRIBUTE_ENTITY_LABELS, ATTRIBUTE_TYPE_LABELS, type AttributeEntity } from '@/lib/domain/dynamic-attributes';
import type { AttributeDefinitionFormInput } from '@/lib/validation/catalogs';
import { isUuid } from './customers';
import { uniqueViolation } from './unique-violation';

function assertAdmin(actor: Actor) {
  if (!can(actor.role, 'admin.catalogs')) throw new ForbiddenError();
}

const notFound = () => new NotFoundError('No se encontró el atributo.');
const keyTaken = (input: { key: string; entity: AttributeEntity }) =>
  new UserError('Revise los campos marcados.', { key: [`Ya existe un atributo "${input.key}" para ${ATTRIBUTE_ENTITY_LABELS[input.entity].toLowerCase()}.`] });

export async function listAttributeDefinitionsForAdmin(actor: Actor, filter: { entity?: AttributeEntity } = {}, db = getDb()) {
  assertAdmin(actor);
  return q.listAttributeDefinitions(db, filter);
}

export async function getAttributeDefinition(actor: Actor, id: string, db = getDb()) {
  assertAdmin(actor);
  if (!isUuid(id)) throw notFound();
  const row = await q.findAttributeDefinition(db, id);
  if (!row) throw notFound();
  return { ...row, valueCount: await q.attributeValueCount(db, row.entity, row.key) };
}

export async function createAttributeDefinition(actor: Actor, input: AttributeDefinitionFormInput, db = getDb()) {
  assertAdmin(actor);
  return db
    .transaction(async (tx) => {
      if (await q.findAttributeDefinitionByKey(tx, input.entity, input.key)) throw keyTaken(input);
      const created = await q.insertAttributeDefinition(tx, input);
      await recordAudit(tx, actor, { entity: 'attribute_definition', entityId: created.id, action: 'CREATE', after: created });
      return created;
    })
    .catch((err) => {
      if (uniqueViolation(err) !== null) throw keyTaken(input);
      throw err;
    });
}

/**
 * Edits label, type, options, required, order and the active flag. The key and the entity are
 * fixed once created: stored values live under the key. The type is fixed too while records hold
 * a value, since those values were checked against the old type.
 */
export async function updateAttributeDefinition(actor: Actor, id: string, input: AttributeDefinitionFormInput, db = getDb()) {
  assertAdmin(actor);
  if (!isUuid(id)) throw notFound();
  return db.transaction(async (tx) => {
    const existing = await q.lockAttributeDefinition(tx, id);
    if (!existing) throw notFound();
    const fieldErrors: Record<string, string[]> = {};
    if (input.key !== existing.key) fieldErrors.key = ['La clave no se puede cambiar: los valores guardados usan esta clave.'];
    if (input.entity !== existing.entity) fieldErrors.entity = ['No se puede cambiar a qué se aplica el atributo.'];
    if (input.type !== existing.type) {
      const count = await q.attributeValueCount(tx, existing.entity, existing.key);
      if (count > 0) fieldErrors.type = [`No se puede cambiar de ${ATTRIBUTE_TYPE_LABELS[existing.type].toLowerCase()}: ${count} registro(s) tienen un valor.`];
    }
    if (Object.keys(fieldErrors).length) throw new UserError('Revise los campos marcados.', fieldErrors);
    const updated = await q.updateAttributeDefinitionRow(tx, id, {
      label: input.label,
      type: input.type,
      options: input.options,
      required: input.required,
      position: input.position,
      active: input.active,
    });
    await recordAudit(tx, actor, { entity: 'attribute_definition', entityId: id, action: 'UPDATE', before: existing, after: updated });
    return updated;
  });
}

/** Definitions are deactivated, never deleted: stored values stay readable in the audit trail and exports. */
export async function setAttributeDefinitionActive(actor: Actor, id: string, active: boolean, db = getDb()) {
  assertAdmin(actor);
  if (!isUuid(id)) throw notFound();
  return db.transaction(async (tx) => {
    const existing = await q.lockAttributeDefinition(tx, id);
    if (!existing) throw notFound();
    if (existing.active === active) return existing;
    const updated = await q.updateAttributeDefinitionRow(tx, id, { active });
    await recordAudit(tx, actor, { entity: 'attribute_definition', entityId: id, action: 'UPDATE', before: existing, after: updated });
    return updated;
  });
}
