import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import * as q from '@/db/queries/account-groups';
import { findAgreement } from '@/db/queries/agreements';
import { activeAttributeDefinitions } from '@/db/queries/attribute-definitions';
import { recordAudit } from '@/db/queries/audit';
import { nextCode } from '@/db/queries/codes';
import { listBranches } from '@/db/queries/organization';
import { accountGroups, workOrders } from '@/db/schema';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import { can, type Permission } from '@/lib/auth/roles';
import { assertBranchInScope, branchScope, type Actor } from '@/lib/auth/scope';
import { validateAttributeValues, type AttributeValue } from '@/lib/domain/dynamic-attributes';
import type { AccountGroupInput } from '@/lib/validation/account-group';
import { isUuid } from './customers';
import { uniqueViolation } from './unique-violation';

function assertCan(actor: Actor, permission: Permission) {
  if (!can(actor.role, permission)) throw new ForbiddenError();
}

const groupNotFound = () => new NotFoundError('No se encontró el grupo de cuentas.');
const agreementNotFound = () => new NotFoundError('No se encontró el acuerdo.');

/** One group whose agreement lies within the actor's branches; any other is "not found". */
export async function getAccountGroup(actor: Actor, id: string, db = getDb()) {
  assertCan(actor, 'agreements.read');
  if (!isUuid(id)) throw groupNotFound();
  const row = await q.findAccountGroup(db, branchScope(actor), id);
  if (!row) throw groupNotFound();
  return row;
}

/** The groups of an agreement the actor can see, with their account counts. */
export async function listAgreementGroups(actor: Actor, agreementId: string, db = getDb()) {
  assertCan(actor, 'agreements.read');
  if (!isUuid(agreementId) || !(await findAgreement(db, branchScope(actor), agreementId))) throw agreementNotFound();
  return q.listAgreementGroups(db, agreementId);
}

/**
 * The agreement a new group hangs from, the branches the actor may assign it to and the
 * ACCOUNT_GROUP dynamic attribute definitions.
 */
export async function accountGroupFormContext(actor: Actor, agreementId: string, db = getDb()) {
  assertCan(actor, 'agreements.read');
  const scope = branchScope(actor);
  const agreement = isUuid(agreementId) ? await findAgreement(db, scope, agreementId) : undefined;
  if (!agreement) throw agreementNotFound();
  const [branchRows, definitions] = await Promise.all([listBranches(db, scope.all ? undefined : scope.branchIds), activeAttributeDefinitions(db, 'ACCOUNT_GROUP')]);
  return {
    agreement,
    branches: branchRows.filter((b) => b.active || b.id === agreement.agreement.branchId).map((b) => ({ id: b.id, name: b.name })),
    definitions,
  };
}

/** The active ACCOUNT_GROUP dynamic attribute definitions, to show a group's values. */
export async function accountGroupAttributeDefinitions(actor: Actor, db = getDb()) {
  assertCan(actor, 'agreements.read');
  return activeAttributeDefinitions(db, 'ACCOUNT_GROUP');
}

type Attributes = Record<string, AttributeValue>;

/** Validates the raw `attr.*` form values against the active ACCOUNT_GROUP definitions. */
async function checkAttributes(tx: DbOrTx, raw: Record<string, unknown>, fieldErrors: Record<string, string[]>): Promise<Attributes> {
  const result = validateAttributeValues(await activeAttributeDefinitions(tx, 'ACCOUNT_GROUP'), raw);
  if (result.ok) return result.values;
  for (const [key, errors] of Object.entries(result.fieldErrors)) fieldErrors[`attr.${key}`] = errors;
  return {};
}

/** Every problem of the form's references and attributes is reported at once as field errors. */
async function checkGroupFields(tx: DbOrTx, rawAttributes: Record<string, unknown>) {
  const fieldErrors: Record<string, string[]> = {};
  const attributes = await checkAttributes(tx, rawAttributes, fieldErrors);
  if (Object.keys(fieldErrors).length) throw new UserError('Revise los campos marcados.', fieldErrors);
  return attributes;
}

/** The agreement must be visible and open; the group's branch must be one the actor serves. */
async function openAgreement(tx: DbOrTx, actor: Actor, agreementId: string) {
  const row = isUuid(agreementId) ? await findAgreement(tx, branchScope(actor), agreementId) : undefined;
  if (!row) throw agreementNotFound();
  if (row.agreement.status === 'CLOSED') throw new UserError('El acuerdo está cerrado: no admite cambios en sus grupos.');
  return row.agreement;
}

/**
 * Creates a group in status NEW under an agreement, together with its pending activation work
 * order; the group becomes ACTIVE only when another user approves that order.
 */
export async function createAccountGroup(actor: Actor, agreementId: string, input: AccountGroupInput, rawAttributes: Record<string, unknown> = {}, db = getDb()) {
  assertCan(actor, 'agreements.write');
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const agreement = await openAgreement(tx, actor, agreementId);
        assertBranchInScope(branchScope(actor), input.branchId);
        const attributes = await checkGroupFields(tx, rawAttributes);
        const code = await q.nextAccountGroupCode(tx);
        const [group] = await tx
          .insert(accountGroups)
          .values({ ...input, attributes, code, agreementId: agreement.id, status: 'NEW', createdBy: actor.id })
          .returning();
        const [order] = await tx
          .insert(workOrders)
          .values({
            number: await nextCode(tx, workOrders, workOrders.number, 'OT'),
            type: 'ACTIVATION',
            target: 'ACCOUNT_GROUP',
            agreementId: agreement.id,
            accountGroupId: group.id,
            branchId: group.branchId,
            description: `Activación del grupo ${code} — ${group.name} (acuerdo ${agreement.code})`,
            createdBy: actor.id,
          })
          .returning();
        await recordAudit(tx, actor, { entity: 'account_group', entityId: group.id, action: 'CREATE', after: group });
        await recordAudit(tx, actor, { entity: 'work_order', entityId: order.id, action: 'CREATE', after: order });
        return { group, activationOrder: order };
      });
    } catch (err) {
      const constraint = uniqueViolation(err);
      if ((constraint === 'account_groups_code_unique' || constraint === 'work_orders_number_unique') && attempt < 5) continue;
      throw err;
    }
  }
}

/**
 * Edits a group's data; status changes only through work orders. Refused once group or agreement
 * is closed. Values of attributes whose definition was retired are kept.
 */
export async function updateAccountGroup(actor: Actor, id: string, input: AccountGroupInput, rawAttributes: Record<string, unknown> = {}, db = getDb()) {
  assertCan(actor, 'agreements.write');
  if (!isUuid(id)) throw groupNotFound();
  const scope = branchScope(actor);
  return db.transaction(async (tx) => {
    const existing = await q.findAccountGroup(tx, scope, id);
    if (!existing) throw groupNotFound();
    const current = await q.lockAccountGroup(tx, id);
    if (current.status === 'CLOSED') throw new UserError('Un grupo cerrado no se puede modificar.');
    if (existing.agreement.status === 'CLOSED') throw new UserError('El acuerdo está cerrado: no admite cambios en sus grupos.');
    // Moving the group to a branch one does not serve is a write to that branch too.
    assertBranchInScope(scope, current.branchId);
    assertBranchInScope(scope, input.branchId);
    const attributes = await checkGroupFields(tx, rawAttributes);
    const [updated] = await tx
      .update(accountGroups)
      .set({ ...input, attributes: { ...current.attributes, ...attributes }, updatedAt: new Date() })
      .where(eq(accountGroups.id, id))
      .returning();
    await recordAudit(tx, actor, { entity: 'account_group', entityId: id, action: 'UPDATE', before: current, after: updated });
    return updated;
  });
}
