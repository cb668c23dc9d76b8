import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import * as q from '@/db/queries/agreements';
import { recordAudit } from '@/db/queries/audit';
import { nextCode } from '@/db/queries/codes';
import { findCustomer } from '@/db/queries/customers';
import { agreements, localities, workOrders } from '@/db/schema';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import { can, type Permission } from '@/lib/auth/roles';
import { assertBranchInScope, branchScope, type Actor } from '@/lib/auth/scope';
import { agreementTransition, type AgreementEvent } from '@/lib/domain/crm-status';
import type { AgreementInput } from '@/lib/validation/agreement';
import { isUuid } from './customers';
import { uniqueViolation } from './unique-violation';

export const AGREEMENTS_PAGE_SIZE = 25;

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
 * Creates an agreement in status NEW together with its activation work order; the agreement
 * becomes ACTIVE only when another user approves that order.
 */
export async function createAgreement(actor: Actor, input: AgreementInput, attributes: Record<string, string | number | boolean | null> = {}, db = getDb()) {
  assertCan(actor, 'agreements.write');
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        await assertReferences(tx, actor, input);
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

export async function updateAgreement(actor: Actor, id: string, input: AgreementInput, attributes: Record<string, string | number | boolean | null> = {}, db = getDb()) {
  assertCan(actor, 'agreements.write');
  return db.transaction(async (tx) => {
    const existing = await q.findAgreement(tx, branchScope(actor), id);
    if (!existing) throw notFound();
    if (existing.agreement.status === 'CLOSED') throw new UserError('Un acuerdo cerrado no se puede modificar.');
    await assertReferences(tx, actor, input);
    const [updated] = await tx.update(agreements).set({ ...input, attributes, updatedAt: new Date() }).where(eq(agreements.id, id)).returning();
    await recordAudit(tx, actor, { entity: 'agreement', entityId: id, action: 'UPDATE', before: existing.agreement, after: updated });
    return updated;
  });
}

/** Suspend, reactivate or close: explicit actions with a reason, refused when illegal. */
export async function changeAgreementStatus(actor: Actor, id: string, event: Exclude<AgreementEvent, 'ACTIVATE'>, reason: string, db = getDb()) {
  assertCan(actor, 'agreements.write');
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
