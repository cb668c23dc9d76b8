import 'server-only';
import { getDb, type DbOrTx } from '@/db/client';
import * as q from '@/db/queries/admin-branches';
import { recordAudit } from '@/db/queries/audit';
import { listLocalities, listPointsOfSale, listProvinces } from '@/db/queries/organization';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import { can } from '@/lib/auth/roles';
import type { Actor } from '@/lib/auth/scope';
import { formatPointOfSale, type BranchInput, type PointOfSaleCreateInput, type PointOfSaleUpdateInput } from '@/lib/validation/branch';
import { isUuid } from './customers';
import { uniqueViolation } from './unique-violation';

function assertAdmin(actor: Actor) {
  if (!can(actor.role, 'admin.branches')) throw new ForbiddenError();
}

const branchNotFound = () => new NotFoundError('No se encontró la sucursal.');
const posNotFound = () => new NotFoundError('No se encontró el punto de venta.');

export async function listBranchesForAdmin(actor: Actor, db = getDb()) {
  assertAdmin(actor);
  return q.listBranchesWithCounts(db);
}

export async function getBranchForAdmin(actor: Actor, id: string, db = getDb()) {
  assertAdmin(actor);
  if (!isUuid(id)) throw branchNotFound();
  const row = await q.findBranch(db, id);
  if (!row) throw branchNotFound();
  return { ...row.branch, provinceId: row.provinceId, pointsOfSale: await listPointsOfSale(db, id) };
}

export async function branchFormOptions(actor: Actor, db = getDb()) {
  assertAdmin(actor);
  const [provinceRows, localityRows] = await Promise.all([listProvinces(db), listLocalities(db)]);
  return { provinces: provinceRows.map((p) => ({ id: p.id, name: p.name })), localities: localityRows };
}

export async function createBranch(actor: Actor, input: BranchInput, db = getDb()) {
  assertAdmin(actor);
  return db
    .transaction(async (tx) => {
      await assertBranchFree(tx, input);
      await assertLocality(tx, input.localityId);
      const created = await q.insertBranch(tx, input);
      await recordAudit(tx, actor, { entity: 'branch', entityId: created.id, action: 'CREATE', after: created });
      return created;
    })
    .catch(translateUniqueViolation);
}

export async function updateBranch(actor: Actor, id: string, input: BranchInput, db = getDb()) {
  assertAdmin(actor);
  if (!isUuid(id)) throw branchNotFound();
  return db
    .transaction(async (tx) => {
      const existing = await q.lockBranch(tx, id);
      if (!existing) throw branchNotFound();
      await assertBranchFree(tx, input, id);
      await assertLocality(tx, input.localityId);
      const updated = await q.updateBranchRow(tx, id, input);
      await recordAudit(tx, actor, { entity: 'branch', entityId: id, action: 'UPDATE', before: existing, after: updated });
      return updated;
    })
    .catch(translateUniqueViolation);
}

export async function createPointOfSale(actor: Actor, branchId: string, input: PointOfSaleCreateInput, db = getDb()) {
  assertAdmin(actor);
  if (!isUuid(branchId)) throw branchNotFound();
  return db
    .transaction(async (tx) => {
      if (!(await q.lockBranch(tx, branchId))) throw branchNotFound();
      const taken = await q.findPointOfSaleByNumber(tx, input.number);
      if (taken) throw numberTaken(input.number, taken.branchName);
      const created = await q.insertPointOfSale(tx, { ...input, branchId });
      await recordAudit(tx, actor, { entity: 'point_of_sale', entityId: created.id, action: 'CREATE', after: created });
      return created;
    })
    .catch(translateUniqueViolation);
}

export async function updatePointOfSale(actor: Actor, id: string, input: PointOfSaleUpdateInput, db = getDb()) {
  assertAdmin(actor);
  return changePointOfSale(actor, id, { description: input.description }, db);
}

/**
 * Points of sale are deactivated, never deleted: issued invoices carry their number, and a
 * number once used must not be handed to another point of sale.
 */
export async function setPointOfSaleActive(actor: Actor, id: string, active: boolean, db = getDb()) {
  assertAdmin(actor);
  return changePointOfSale(actor, id, { active }, db);
}

async function changePointOfSale(actor: Actor, id: string, patch: { description?: string; active?: boolean }, db: DbOrTx) {
  if (!isUuid(id)) throw posNotFound();
  return db.transaction(async (tx) => {
    const existing = await q.lockPointOfSale(tx, id);
    if (!existing) throw posNotFound();
    const updated = await q.updatePointOfSaleRow(tx, id, patch);
    await recordAudit(tx, actor, { entity: 'point_of_sale', entityId: id, action: 'UPDATE', before: existing, after: updated });
    return updated;
  });
}

async function assertBranchFree(tx: DbOrTx, input: BranchInput, exceptId?: string) {
  const conflicts = await q.findBranchConflicts(tx, input.code, input.name, exceptId);
  const fieldErrors: Record<string, string[]> = {};
  for (const c of conflicts) {
    if (c.code === input.code) fieldErrors.code = [`El código ${c.code} ya es de la sucursal ${c.name}.`];
    if (c.name.toLowerCase() === input.name.toLowerCase()) fieldErrors.name = ['Ya existe una sucursal con ese nombre.'];
  }
  if (Object.keys(fieldErrors).length) throw new UserError('Ya existe una sucursal con esos datos.', fieldErrors);
}

async function assertLocality(tx: DbOrTx, localityId: string) {
  if (!(await q.localityExists(tx, localityId))) throw new UserError('Revise los campos marcados.', { localityId: ['Seleccione la localidad.'] });
}

function numberTaken(number: number, branchName?: string) {
  const where = branchName ? ` (sucursal ${branchName})` : '';
  return new UserError('Ese número de punto de venta ya existe.', {
    number: [`El punto de venta ${formatPointOfSale(number)} ya existe${where}; el número es único en toda la empresa.`],
  });
}

// Two admins saving at once: the unique indexes decide, and the user still gets a field error.
function translateUniqueViolation(err: unknown): never {
  const constraint = uniqueViolation(err);
  if (constraint === null) throw err;
  if (constraint.includes('points_of_sale')) throw new UserError('Ese número de punto de venta ya existe.', { number: ['Número ya registrado.'] });
  if (constraint.includes('name')) throw new UserError('Ya existe una sucursal con esos datos.', { name: ['Ya existe una sucursal con ese nombre.'] });
  throw new UserError('Ya existe una sucursal con esos datos.', { code: ['Código ya registrado.'] });
}
