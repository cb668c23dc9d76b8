import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { lockAgreement } from '@/db/queries/agreements';
import { recordAudit } from '@/db/queries/audit';
import { accountGroups, workOrders } from '@/db/schema';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import { can } from '@/lib/auth/roles';
import { branchScope, inBranchScope, type Actor } from '@/lib/auth/scope';
import { agreementTransition, groupTransition, workOrderTransition } from '@/lib/domain/crm-status';
import { agreements } from '@/db/schema';
import { isUuid } from './customers';

const notFound = () => new NotFoundError('No se encontró la orden de trabajo.');

/**
 * Approves or rejects a pending work order. The decider must hold the permission, serve the
 * order's branch and not be its creator. Approving an activation activates its target in the same
 * transaction; rejecting keeps the target as it was and records the reason.
 */
export async function decideWorkOrder(actor: Actor, id: string, decision: 'APPROVE' | 'REJECT', reason?: string, db = getDb()) {
  if (!can(actor.role, 'workorders.decide')) throw new ForbiddenError();
  if (!isUuid(id)) throw notFound();
  return db.transaction(async (tx) => {
    const [order] = await tx.select().from(workOrders).where(eq(workOrders.id, id)).for('update');
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
        const [group] = await tx.select().from(accountGroups).where(and(eq(accountGroups.id, order.accountGroupId))).for('update');
        const activated = groupTransition(group.status, 'ACTIVATE');
        if (!activated.ok) throw new UserError(activated.error);
        await tx.update(accountGroups).set({ status: activated.status, updatedAt: new Date() }).where(eq(accountGroups.id, group.id));
        await recordAudit(tx, actor, { entity: 'account_group', entityId: group.id, action: 'STATUS_CHANGE', before: { status: group.status }, after: { status: activated.status, workOrder: order.number } });
      }
    }
    return updated;
  });
}
