import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import * as q from '@/db/queries/agreements';
import { activeAttributeDefinitions } from '@/db/queries/attribute-definitions';
import { recordAudit } from '@/db/queries/audit';
import { nextCode } from '@/db/queries/codes';
import { findCustomer } from '@/db/queries/customers';
import { delinquencyLevelChoices } from '@/db/queries/delinquency';
import { listBranches, listLocalities, listProvinces } from '@/db/queries/organization';
import { agreements, localities, workOrders } from '@/db/schema';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import { can, type Permission } from '@/lib/auth/roles';
import { assertBranchInScope, branchScope, type Actor } from '@/lib/auth/scope';
import { agreementTransition } from '@/lib/domain/crm-status';
import { validateAttributeValues, type AttributeValue } from '@/lib/domain/dynamic-attributes';
import { AGREEMENT_USER_EVENTS, type AgreementInput, type AgreementUserEvent } from '@/lib/validation/agreement';
import { isUuid } from './customers';
import { uniqueViolation } from './unique-violation';

export const AGREEMENTS_PAGE_SIZE = 25;
/** The agreement form lists at most this many customers (by name) in its picker; see agreementFormOptions. */
export const CUSTOMER_CHOICES_LIMIT = 500;

function assertCan(actor: Actor, permission: Permission) {
  if (!can(actor.role, permission)) throw new ForbiddenError();
}

const notFound = () => new NotFoundError('No se encontró el acuerdo.');

export async function listAgreements(actor: Actor, filter: q.AgreementFilter & { page?: number }, db = getDb()) {
  assertCan(actor, 'agreements.read');
  const page = filter.page ?? 1;
  const result = await q.listAgreements(db, branchScope(actor), filter, { limit: AGREEMENTS_PAGE_SIZE, offset: (page - 1) * AGREEMENTS_PAGE_SIZE });
  return { ...result, page, pageSize: AGREEMENTS_PAGE_SIZE, pageCount: Math.max(1, Math.ceil(result.total / AGREEMENTS_PAGE_SIZE)) };
}

/** One agreement within the actor's branches; another branch's agreement is "not found". */
export async function getAgreement(actor: Actor, id: string, db = getDb()) {
  assertCan(actor, 'agreements.read');
  if (!isUuid(id)) throw notFound();
  const row = await q.findAgreement(db, branchScope(actor), id);
  if (!row) throw notFound();
  return row;
}

/**
 * The active dynamic attributes of agreements, in the admin's order. Configuration, not branch
 * data: actions read it before authenticating so the form's schema can check attributes too.
 */
export async function agreementAttributeDefinitions(db = getDb()) {
  return activeAttributeDefinitions(db, 'AGREEMENT');
}

/** Filter choices of the list: the branches in the actor's scope, the attribute definitions and the delinquency policy's levels. */
export async function agreementListOptions(actor: Actor, db = getDb()) {
  assertCan(actor, 'agreements.read');
  const scope = branchScope(actor);
  const [branchRows, definitions, delinquencyLevels] = await Promise.all([
    listBranches(db, scope.all ? undefined : scope.branchIds),
    activeAttributeDefinitions(db, 'AGREEMENT'),
    delinquencyLevelChoices(db),
  ]);
  return { branches: branchRows.map((b) => ({ id: b.id, name: b.name })), definitions, delinquencyLevels };
}

/**
 * Choices of the agreement form: active branches the actor may write to, provinces and localities,
 * the customers in scope (the first CUSTOMER_CHOICES_LIMIT by name, plus `includeCustomerIds`
 * when in scope) and the attribute definitions.
 */
export async function agreementFormOptions(actor: Actor, includeCustomerIds: string[] = [], db = getDb()) {
  assertCan(actor, 'agreements.write');
  const scope = branchScope(actor);
  const [branchRows, provinceRows, localityRows, customerRows, definitions] = await Promise.all([
    listBranches(db, scope.all ? undefined : scope.branchIds),
    listProvinces(db),
    listLocalities(db),
    q.customerChoices(db, scope, CUSTOMER_CHOICES_LIMIT, includeCustomerIds.filter(isUuid)),
    activeAttributeDefinitions(db, 'AGREEMENT'),
  ]);
  return {
    branches: branchRows.filter((b) => b.active).map((b) => ({ id: b.id, name: b.name })),
    provinces: provinceRows.map((p) => ({ id: p.id, name: p.name })),
    localities: localityRows,
    customers: customerRows.rows,
    customersTotal: customerRows.total,
    definitions,
  };
}

/** The detail page: the agreement, its latest activation order and the attribute definitions. */
export async function getAgreementDetail(actor: Actor, id: string, db = getDb()) {
  const row = await getAgreement(actor, id, db);
  const [activationOrder, definitions] = await Promise.all([q.latestActivationOrder(db, id), activeAttributeDefinitions(db, 'AGREEMENT')]);
  return { ...row, activationOrder, definitions };
}

/** Checks the references the form points at: a customer the actor can see and a real locality. */
async function assertReferences(tx: DbOrTx, actor: Actor, input: AgreementInput) {
  const scope = branchScope(actor);
  assertBranchInScope(scope, input.branchId);
  const fieldErrors: Record<string, string[]> = {};
  if (!(await findCustomer(tx, scope, input.customerId))) fieldErrors.customerId = ['Cliente no encontrado en sus sucursales.'];
  const [loc] = await tx.select({ id: localities.id }).from(localities).where(eq(localities.id, input.localityId));
  if (!loc) fieldErrors.localityId = ['Localidad no válida.'];
  if (Object.keys(fieldErrors).length) throw new UserError('Revise los campos marcados.', fieldErrors);
}

/**
 * Checks the attribute values against the active definitions (the authority, whatever the form
 * checked); errors come back under the form's field names (`attr.<key>`).
 */
async function checkedAttributes(tx: DbOrTx, raw: Record<string, unknown>) {
  const result = validateAttributeValues(await activeAttributeDefinitions(tx, 'AGREEMENT'), raw);
  if (!result.ok) {
    throw new UserError('Revise los campos marcados.', Object.fromEntries(Object.entries(result.fieldErrors).map(([k, v]) => [`attr.${k}`, v])));
  }
  return result.values;
}

/**
 * Creates an agreement in status NEW together with its activation work order; the agreement
 * becomes ACTIVE only when another user approves that order.
 */
export async function createAgreement(actor: Actor, input: AgreementInput, rawAttributes: Record<string, unknown> = {}, db = getDb()) {
  assertCan(actor, 'agreements.write');
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        await assertReferences(tx, actor, input);
        const attributes = await checkedAttributes(tx, rawAttributes);
        const code = await nextCode(tx, agreements, agreements.code, 'AC');
        const [created] = await tx.insert(agreements).values({ ...input, attributes, code, status: 'NEW', createdBy: actor.id }).returning();
        const [order] = await tx
          .insert(workOrders)
          .values({
            number: await nextCode(tx, workOrders, workOrders.number, 'OT'),
            type: 'ACTIVATION',
            target: 'AGREEMENT',
            agreementId: created.id,
            branchId: created.branchId,
            description: `Activación del acuerdo ${code} — ${created.name}`,
            createdBy: actor.id,
          })
          .returning();
        await recordAudit(tx, actor, { entity: 'agreement', entityId: created.id, action: 'CREATE', after: created });
        await recordAudit(tx, actor, { entity: 'work_order', entityId: order.id, action: 'CREATE', after: order });
        return { agreement: created, activationOrder: order };
      });
    } catch (err) {
      const constraint = uniqueViolation(err);
      if ((constraint === 'agreements_code_unique' || constraint === 'work_orders_number_unique') && attempt < 5) continue;
      throw err;
    }
  }
}

/**
 * Edits an agreement (not a closed one). Values of attributes whose definition was deactivated are
 * kept: the form no longer shows them, so it cannot be taken to have erased them.
 */
export async function updateAgreement(actor: Actor, id: string, input: AgreementInput, rawAttributes: Record<string, unknown> = {}, db = getDb()) {
  assertCan(actor, 'agreements.write');
  if (!isUuid(id)) throw notFound();
  return db.transaction(async (tx) => {
    const existing = await q.findAgreement(tx, branchScope(actor), id);
    if (!existing) throw notFound();
    if (existing.agreement.status === 'CLOSED') throw new UserError('Un acuerdo cerrado no se puede modificar.');
    // Its work orders and account groups carry the branch too (they are scoped by it): it stays fixed.
    if (input.branchId !== existing.agreement.branchId) {
      throw new UserError('Revise los campos marcados.', { branchId: ['La sucursal de un acuerdo no se cambia una vez creado.'] });
    }
    await assertReferences(tx, actor, input);
    const attributes: Record<string, AttributeValue> = { ...existing.agreement.attributes, ...(await checkedAttributes(tx, rawAttributes)) };
    const [updated] = await tx.update(agreements).set({ ...input, attributes, updatedAt: new Date() }).where(eq(agreements.id, id)).returning();
    await recordAudit(tx, actor, { entity: 'agreement', entityId: id, action: 'UPDATE', before: existing.agreement, after: updated });
    return updated;
  });
}

/** Suspend, reactivate or close: explicit actions with a reason, refused when illegal. */
export async function changeAgreementStatus(actor: Actor, id: string, event: AgreementUserEvent, reason: string, db = getDb()) {
  assertCan(actor, 'agreements.write');
  // Activation only ever comes from an approved work order, whatever a caller passes at run time.
  if (!AGREEMENT_USER_EVENTS.includes(event)) throw new UserError('Acción no válida.');
  if (!isUuid(id)) throw notFound();
  return db.transaction(async (tx) => {
    if (!(await q.findAgreement(tx, branchScope(actor), id))) throw notFound();
    const current = await q.lockAgreement(tx, id);
    const next = agreementTransition(current.status, event, reason);
    if (!next.ok) throw new UserError(next.error);
    const [updated] = await tx.update(agreements).set({ status: next.status, statusReason: reason.trim(), updatedAt: new Date() }).where(eq(agreements.id, id)).returning();
    await recordAudit(tx, actor, { entity: 'agreement', entityId: id, action: 'STATUS_CHANGE', before: { status: current.status }, after: { status: updated.status, reason: updated.statusReason } });
    return updated;
  });
}
