import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { lockAgreement } from '@/db/queries/agreements';
import { recordAudit } from '@/db/queries/audit';
import { listBranches } from '@/db/queries/organization';
import * as q from '@/db/queries/work-orders';
import { accountGroups, accounts, agreements, workOrders } from '@/db/schema';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import { can, type Permission } from '@/lib/auth/roles';
import { branchScope, inBranchScope, type Actor } from '@/lib/auth/scope';
import {
  ACCOUNT_STATUS_LABELS,
  agreementTransition,
  effectOfApproval,
  groupTransition,
  WORK_ORDER_TYPE_LABELS,
  workOrderTransition,
  type AccountStatus,
} from '@/lib/domain/crm-status';
import { MANUAL_WORK_ORDER_TYPES, REQUIRED_ACCOUNT_STATUS, type WorkOrderInput, type WorkOrderListParams } from '@/lib/validation/work-order';
import { isUuid } from './customers';
import { uniqueViolation } from './unique-violation';

export const WORK_ORDERS_PAGE_SIZE = 25;

const notFound = () => new NotFoundError('No se encontró la orden de trabajo.');

function assertCan(actor: Actor, permission: Permission) {
  if (!can(actor.role, permission)) throw new ForbiddenError();
}

/**
 * Orders within the actor's branches. `status` 'ALL' lists every status; no status lists the
 * pending ones (the default tab of the list).
 */
export async function listWorkOrders(actor: Actor, params: WorkOrderListParams & { pageSize?: number }, db = getDb()) {
  assertCan(actor, 'workorders.read');
  const pageSize = params.pageSize ?? WORK_ORDERS_PAGE_SIZE;
  const page = params.page ?? 1;
  const status = params.status === 'ALL' ? undefined : (params.status ?? 'PENDING');
  const result = await q.listWorkOrders(db, branchScope(actor), { ...params, status }, { limit: pageSize, offset: (page - 1) * pageSize });
  return { ...result, page, pageSize, pageCount: Math.max(1, Math.ceil(result.total / pageSize)) };
}

/** Labels of the agreement / group / account a list is filtered by; ids outside the scope give nothing. */
export async function workOrderFilterLabels(actor: Actor, ids: { agreementId?: string; accountGroupId?: string; accountId?: string }, db = getDb()) {
  assertCan(actor, 'workorders.read');
  return q.filterTargetLabels(db, branchScope(actor), ids);
}

/** Branches the list can be filtered by: those the actor serves (inactive ones too: old orders stay findable). */
export async function workOrderBranchOptions(actor: Actor, db = getDb()) {
  assertCan(actor, 'workorders.read');
  const scope = branchScope(actor);
  const rows = await listBranches(db, scope.all ? undefined : scope.branchIds);
  return rows.map((b) => ({ id: b.id, name: b.name }));
}

/** One order within the actor's branches, with its target and who created, decided and completed it. */
export async function getWorkOrder(actor: Actor, id: string, db = getDb()) {
  assertCan(actor, 'workorders.read');
  if (!isUuid(id)) throw notFound();
  const row = await q.findWorkOrder(db, branchScope(actor), id);
  if (!row) throw notFound();
  return { ...row, completionNotes: row.order.completionNotes };
}

/** What the new-order form offers: the agreement (within the scope) and its accounts. */
export async function workOrderFormOptions(actor: Actor, agreementId: string, db = getDb()) {
  assertCan(actor, 'workorders.create');
  if (!isUuid(agreementId)) throw new NotFoundError('No se encontró el acuerdo.');
  const agreement = await q.findOrderAgreement(db, branchScope(actor), agreementId);
  if (!agreement) throw new NotFoundError('No se encontró el acuerdo.');
  return { agreement, accounts: await q.listAgreementAccounts(db, agreementId) };
}

/**
 * Creates a pending order by hand (never an activation: those come with their agreement or group).
 * An account target must be an account of the agreement, not closed, in the status the type needs,
 * and without another open order of the same type. The account row is locked so two creations on
 * one account are checked one after the other.
 */
export async function createWorkOrder(actor: Actor, input: WorkOrderInput, db = getDb()) {
  assertCan(actor, 'workorders.create');
  if (!(MANUAL_WORK_ORDER_TYPES as readonly string[]).includes(input.type)) {
    throw new UserError('Las órdenes de activación se crean solas al registrar un acuerdo o un grupo de cuentas; no se pueden crear a mano.', {
      type: ['Tipo de orden no permitido.'],
    });
  }
  if (input.target === 'ACCOUNT' && !input.accountId) throw new UserError('Seleccione la cuenta.', { accountId: ['Seleccione la cuenta.'] });
  if (!isUuid(input.agreementId)) throw new NotFoundError('No se encontró el acuerdo.');
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const agreement = await q.findOrderAgreement(tx, branchScope(actor), input.agreementId);
        if (!agreement) throw new NotFoundError('No se encontró el acuerdo.');
        if (agreement.status === 'CLOSED') throw new UserError(`El acuerdo ${agreement.code} está cerrado: no admite órdenes de trabajo.`);
        let account: typeof accounts.$inferSelect | undefined;
        if (input.target === 'ACCOUNT' && input.accountId) {
          account = isUuid(input.accountId) ? await q.lockAgreementAccount(tx, agreement.id, input.accountId) : undefined;
          if (!account) throw new UserError('La cuenta no pertenece a este acuerdo.', { accountId: ['Elija una cuenta de este acuerdo.'] });
          assertAccountAccepts(account, input.type);
          const open = await q.findOpenAccountOrder(tx, account.id, input.type);
          if (open) {
            throw new UserError(`La cuenta ${account.number} ya tiene una orden de ${WORK_ORDER_TYPE_LABELS[input.type].toLowerCase()} abierta (${open.number}).`, {
              type: [`Ya existe la orden ${open.number}.`],
            });
          }
        }
        const [created] = await tx
          .insert(workOrders)
          .values({
            number: await q.nextWorkOrderNumber(tx),
            type: input.type,
            target: input.target,
            agreementId: agreement.id,
            accountGroupId: account?.groupId ?? null,
            accountId: account?.id ?? null,
            branchId: agreement.branchId,
            description: input.description,
            createdBy: actor.id,
          })
          .returning();
        await recordAudit(tx, actor, { entity: 'work_order', entityId: created.id, action: 'CREATE', after: created });
        return created;
      });
    } catch (err) {
      if (uniqueViolation(err) === 'work_orders_number_unique' && attempt < 5) continue;
      throw err;
    }
  }
}

function assertAccountAccepts(account: typeof accounts.$inferSelect, type: WorkOrderInput['type']) {
  const label = ACCOUNT_STATUS_LABELS[account.status].toLowerCase();
  if (account.status === 'CLOSED') {
    throw new UserError(`La cuenta ${account.number} está cerrada: no admite órdenes de trabajo.`, { accountId: ['Cuenta cerrada.'] });
  }
  const needed = REQUIRED_ACCOUNT_STATUS[type];
  if (needed && account.status !== needed.status) {
    throw new UserError(`Solo se puede ${needed.verb}; la cuenta ${account.number} está ${label}.`, { accountId: [`La cuenta está ${label}.`] });
  }
}

/**
 * Approves or rejects a pending work order. The decider must hold the permission, serve the
 * order's branch and not be its creator. Approving an activation activates its target in the same
 * transaction; rejecting keeps the target as it was and records the reason.
 */
export async function decideWorkOrder(actor: Actor, id: string, decision: 'APPROVE' | 'REJECT', reason?: string, db = getDb()) {
  assertCan(actor, 'workorders.decide');
  if (!isUuid(id)) throw notFound();
  return db.transaction(async (tx) => {
    const order = await q.lockWorkOrder(tx, id);
    if (!order || !inBranchScope(branchScope(actor), order.branchId)) throw notFound();
    const next = workOrderTransition(order.status, decision, { actorId: actor.id, creatorId: order.createdBy, reason });
    if (!next.ok) throw new UserError(next.error);
    const [updated] = await tx
      .update(workOrders)
      .set({ status: next.status, decidedBy: actor.id, decidedAt: new Date(), decisionReason: reason?.trim() || null, updatedAt: new Date() })
      .where(eq(workOrders.id, id))
      .returning();
    await recordAudit(tx, actor, { entity: 'work_order', entityId: id, action: decision, before: { status: order.status }, after: { status: updated.status, reason: updated.decisionReason } });
    if (decision === 'APPROVE' && order.type === 'ACTIVATION') {
      if (order.target === 'AGREEMENT') {
        const agreement = await lockAgreement(tx, order.agreementId);
        const activated = agreementTransition(agreement.status, 'ACTIVATE');
        if (!activated.ok) throw new UserError(activated.error);
        await tx.update(agreements).set({ status: activated.status, statusReason: null, updatedAt: new Date() }).where(eq(agreements.id, agreement.id));
        await recordAudit(tx, actor, { entity: 'agreement', entityId: agreement.id, action: 'STATUS_CHANGE', before: { status: agreement.status }, after: { status: activated.status, workOrder: order.number } });
      } else if (order.target === 'ACCOUNT_GROUP' && order.accountGroupId) {
        const [group] = await tx.select().from(accountGroups).where(eq(accountGroups.id, order.accountGroupId)).for('update');
        const activated = groupTransition(group.status, 'ACTIVATE');
        if (!activated.ok) throw new UserError(activated.error);
        await tx.update(accountGroups).set({ status: activated.status, updatedAt: new Date() }).where(eq(accountGroups.id, group.id));
        await recordAudit(tx, actor, { entity: 'account_group', entityId: group.id, action: 'STATUS_CHANGE', before: { status: group.status }, after: { status: activated.status, workOrder: order.number } });
      }
    }
    return updated;
  });
}

/** The account status an effect moves from; e.g. a disconnection cuts an ACTIVE account. */
const EFFECT_SOURCE: Record<AccountStatus, AccountStatus | null> = { DISCONNECTED: 'ACTIVE', ACTIVE: 'DISCONNECTED', CLOSED: null };

export type AccountChange = { accountId: string; number: string; before: AccountStatus; after: AccountStatus; applied: boolean };

/**
 * Marks an approved order as done (the field work happened). A completed disconnection cuts the
 * account and a completed reconnection restores it, in the same transaction. If the account is no
 * longer in the status the order expects (closed meanwhile, or already cut by another order), the
 * order is still closed but the account is left as it is, and the answer says so.
 */
export async function completeWorkOrder(actor: Actor, id: string, notes?: string, db = getDb()) {
  assertCan(actor, 'workorders.complete');
  if (!isUuid(id)) throw notFound();
  const cleanNotes = notes?.trim() || null;
  return db.transaction(async (tx) => {
    const order = await q.lockWorkOrder(tx, id);
    if (!order || !inBranchScope(branchScope(actor), order.branchId)) throw notFound();
    const next = workOrderTransition(order.status, 'COMPLETE', { actorId: actor.id, creatorId: order.createdBy });
    if (!next.ok) throw new UserError(next.error);
    const [updated] = await tx
      .update(workOrders)
      .set({ status: next.status, completedBy: actor.id, completedAt: new Date(), completionNotes: cleanNotes, updatedAt: new Date() })
      .where(eq(workOrders.id, id))
      .returning();
    await recordAudit(tx, actor, { entity: 'work_order', entityId: id, action: 'STATUS_CHANGE', before: { status: order.status }, after: { status: updated.status, notes: cleanNotes } });

    let accountChange: AccountChange | null = null;
    const effect = effectOfApproval(order.type, order.target);
    if (effect?.at === 'COMPLETE' && order.accountId) {
      const [account] = await tx.select().from(accounts).where(eq(accounts.id, order.accountId)).for('update');
      const applied = account.status === EFFECT_SOURCE[effect.accountStatus];
      accountChange = { accountId: account.id, number: account.number, before: account.status, after: applied ? effect.accountStatus : account.status, applied };
      if (applied) {
        await tx.update(accounts).set({ status: effect.accountStatus, statusReason: effect.accountStatus === 'ACTIVE' ? null : `Orden ${order.number}`, updatedAt: new Date() }).where(eq(accounts.id, account.id));
        await recordAudit(tx, actor, { entity: 'account', entityId: account.id, action: 'STATUS_CHANGE', before: { status: account.status }, after: { status: effect.accountStatus, workOrder: order.number } });
      }
    }
    return { order: updated, accountChange };
  });
}
