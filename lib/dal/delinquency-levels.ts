import 'server-only';
import { getDb, type DbOrTx } from '@/db/client';
import { recordAudit } from '@/db/queries/audit';
import * as q from '@/db/queries/delinquency-levels';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import { can } from '@/lib/auth/roles';
import type { Actor } from '@/lib/auth/scope';
import type { DelinquencyLevelInput } from '@/lib/validation/delinquency';
import { isUuid } from './customers';
import { uniqueViolation } from './unique-violation';

/**
 * The delinquency policy (/admin/morosidad): levels are created, edited and deactivated by an
 * administrator (admin.catalogs), never deleted (history and actions point at them). Every write
 * is audited ('delinquency_level'). The engine reads the active levels on each run.
 */

function assertAdmin(actor: Actor) {
  if (!can(actor.role, 'admin.catalogs')) throw new ForbiddenError();
}

const notFound = () => new NotFoundError('No se encontró el nivel de morosidad.');
const FIELD_ERRORS = 'Revise los campos marcados.';

export async function listDelinquencyLevelsForAdmin(actor: Actor, db = getDb()) {
  assertAdmin(actor);
  return q.listDelinquencyLevels(db);
}

export async function getDelinquencyLevel(actor: Actor, id: string, db = getDb()) {
  assertAdmin(actor);
  if (!isUuid(id)) throw notFound();
  const row = await q.findDelinquencyLevel(db, id);
  if (!row) throw notFound();
  return { ...row, agreements: await q.agreementsAtLevel(db, id) };
}

/** The LATE_FEE concepts a level may charge (active ones, plus the level's current one). */
export async function delinquencyLevelFormOptions(actor: Actor, currentConceptId: string | null = null, db = getDb()) {
  assertAdmin(actor);
  const rows = await q.lateFeeConcepts(db);
  return rows.filter((c) => c.active || c.id === currentConceptId);
}

async function assertValid(tx: DbOrTx, input: DelinquencyLevelInput, exceptId?: string) {
  const errors: Record<string, string[]> = {};
  const taken = await q.findLevelByName(tx, input.name, exceptId);
  if (taken) errors.name = [`Ya existe el nivel «${taken.name}».`];
  if (input.lateFeeConceptId) {
    const concepts = await q.lateFeeConcepts(tx);
    const concept = concepts.find((c) => c.id === input.lateFeeConceptId);
    if (!concept || !concept.active) errors.lateFeeConceptId = ['Seleccione un concepto activo de tipo «Recargo por mora».'];
  }
  if (Object.keys(errors).length) throw new UserError(FIELD_ERRORS, errors);
}

export async function createDelinquencyLevel(actor: Actor, input: DelinquencyLevelInput, db = getDb()) {
  assertAdmin(actor);
  return db
    .transaction(async (tx) => {
      await assertValid(tx, input);
      const created = await q.insertDelinquencyLevel(tx, input);
      await recordAudit(tx, actor, { entity: 'delinquency_level', entityId: created.id, action: 'CREATE', after: created });
      return created;
    })
    .catch(translateUniqueViolation);
}

export async function updateDelinquencyLevel(actor: Actor, id: string, input: DelinquencyLevelInput, db = getDb()) {
  assertAdmin(actor);
  if (!isUuid(id)) throw notFound();
  return db
    .transaction(async (tx) => {
      const existing = await q.lockDelinquencyLevel(tx, id);
      if (!existing) throw notFound();
      await assertValid(tx, input, id);
      const updated = await q.updateDelinquencyLevelRow(tx, id, input);
      await recordAudit(tx, actor, { entity: 'delinquency_level', entityId: id, action: 'UPDATE', before: existing, after: updated });
      return updated;
    })
    .catch(translateUniqueViolation);
}

/** Deactivating takes the level out of the next runs; agreements keep it until the next run recomputes them. */
export async function setDelinquencyLevelActive(actor: Actor, id: string, active: boolean, db = getDb()) {
  assertAdmin(actor);
  if (!isUuid(id)) throw notFound();
  return db.transaction(async (tx) => {
    const existing = await q.lockDelinquencyLevel(tx, id);
    if (!existing) throw notFound();
    if (existing.active === active) return existing;
    const updated = await q.updateDelinquencyLevelRow(tx, id, { active });
    await recordAudit(tx, actor, { entity: 'delinquency_level', entityId: id, action: 'UPDATE', before: { active: existing.active }, after: { active: updated.active } });
    return updated;
  });
}

function translateUniqueViolation(err: unknown): never {
  if (uniqueViolation(err) === null) throw err;
  throw new UserError(FIELD_ERRORS, { name: ['Ya existe un nivel con ese nombre.'] });
}
