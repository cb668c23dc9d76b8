import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { groupChoices } from '@/db/queries/account-groups';
import * as q from '@/db/queries/accounts';
import { findAgreement } from '@/db/queries/agreements';
import { activeAttributeDefinitions } from '@/db/queries/attribute-definitions';
import { recordAudit } from '@/db/queries/audit';
import { listBranches, listLocalities, listProvinces } from '@/db/queries/organization';
import { accountGroups, accounts, localities, tariffCategories } from '@/db/schema';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import { can, type Permission } from '@/lib/auth/roles';
import { branchScope, type Actor } from '@/lib/auth/scope';
import { ACCOUNT_STATUS_LABELS, hasReason } from '@/lib/domain/crm-status';
import { validateAttributeValues, type AttributeValue } from '@/lib/domain/dynamic-attributes';
import type { AccountInput, AccountListParams } from '@/lib/validation/account';
import { isUuid } from './customers';
import { uniqueViolation } from './unique-violation';

export const ACCOUNTS_PAGE_SIZE = 25;
export const METER_TAKEN = 'Ese medidor ya está asignado a otra cuenta.';

function assertCan(actor: Actor, permission: Permission) {
  if (!can(actor.role, permission)) throw new ForbiddenError();
}

const accountNotFound = () => new NotFoundError('No se encontró la cuenta.');
const agreementNotFound = () => new NotFoundError('No se encontró el acuerdo.');

export async function listAccounts(actor: Actor, params: AccountListParams, db = getDb()) {
  assertCan(actor, 'agreements.read');
  const page = params.page ?? 1;
  const filter: q.AccountFilter = { ...params, agreementId: params.acuerdo, groupId: params.grupo };
  const result = await q.listAccounts(db, branchScope(actor), filter, { limit: ACCOUNTS_PAGE_SIZE, offset: (page - 1) * ACCOUNTS_PAGE_SIZE });
  return { ...result, page, pageSize: ACCOUNTS_PAGE_SIZE, pageCount: Math.max(1, Math.ceil(result.total / ACCOUNTS_PAGE_SIZE)) };
}

/** The first `limit` accounts of an agreement (or of one of its groups) and how many there are. */
export async function listAgreementAccounts(actor: Actor, agreementId: string, opts: { groupId?: string; limit?: number } = {}, db = getDb()) {
  assertCan(actor, 'agreements.read');
  if (!isUuid(agreementId)) throw agreementNotFound();
  return q.listAccounts(db, branchScope(actor), { agreementId, groupId: opts.groupId }, { limit: opts.limit ?? 20, offset: 0 });
}

/** One account whose agreement lies within the actor's branches; any other is "not found". */
export async function getAccount(actor: Actor, id: string, db = getDb()) {
  assertCan(actor, 'agreements.read');
  if (!isUuid(id)) throw accountNotFound();
  const row = await q.findAccount(db, branchScope(actor), id);
  if (!row) throw accountNotFound();
  // The reason is on the account; when and by whom it changed come from the audit log.
  const statusChange = row.account.status === 'ACTIVE' ? undefined : await q.lastStatusChange(db, id);
  return { ...row, statusChange };
}

/** Filter choices of the account list: the actor's branches and the tariff categories. */
export async function accountListOptions(actor: Actor, db = getDb()) {
  assertCan(actor, 'agreements.read');
  const scope = branchScope(actor);
  const [branchRows, categories] = await Promise.all([listBranches(db, scope.all ? undefined : scope.branchIds), q.listTariffCategories(db, false)]);
  return { branches: branchRows.map((b) => ({ id: b.id, name: b.name })), tariffCategories: categories };
}

/**
 * What the account form needs for one agreement: the agreement, its open groups, the active
 * tariff categories (plus `keepCategoryId`, the account's current one, even if retired), places
 * and the ACCOUNT dynamic attribute definitions.
 */
export async function accountFormContext(actor: Actor, agreementId: string, keepCategoryId?: string, db = getDb()) {
  assertCan(actor, 'agreements.read');
  const agreement = isUuid(agreementId) ? await findAgreement(db, branchScope(actor), agreementId) : undefined;
  if (!agreement) throw agreementNotFound();
  const [groups, categories, provinces, localityRows, definitions] = await Promise.all([
    groupChoices(db, agreementId),
    q.listTariffCategories(db, false),
    listProvinces(db),
    listLocalities(db),
    activeAttributeDefinitions(db, 'ACCOUNT'),
  ]);
  return {
    agreement,
    groups,
    tariffCategories: categories.filter((c) => c.active || c.id === keepCategoryId).map((c) => ({ id: c.id, name: c.name })),
    provinces: provinces.map((p) => ({ id: p.id, name: p.name })),
    localities: localityRows,
    definitions,
  };
}

type Attributes = Record<string, AttributeValue>;

/** Validates the raw `attr.*` form values against the active ACCOUNT definitions. */
async function checkAttributes(tx: DbOrTx, raw: Record<string, unknown>, fieldErrors: Record<string, string[]>): Promise<Attributes> {
  const result = validateAttributeValues(await activeAttributeDefinitions(tx, 'ACCOUNT'), raw);
  if (result.ok) return result.values;
  for (const [key, errors] of Object.entries(result.fieldErrors)) fieldErrors[`attr.${key}`] = errors;
  return {};
}

/**
 * Checks what the form points at: a group of this very agreement that is not closed, an active
 * tariff category (or the account's current one), a real locality and a meter no open account uses.
 * Every problem is reported at once as field errors.
 */
async function checkReferences(tx: DbOrTx, agreementId: string, input: AccountInput, rawAttributes: Record<string, unknown>, current?: q.AccountRow) {
  const fieldErrors: Record<string, string[]> = {};
  if (input.groupId && input.groupId !== current?.groupId) {
    const [group] = await tx.select({ agreementId: accountGroups.agreementId, status: accountGroups.status }).from(accountGroups).where(eq(accountGroups.id, input.groupId));
    if (!group || group.agreementId !== agreementId) fieldErrors.groupId = ['El grupo no pertenece al acuerdo de la cuenta.'];
    else if (group.status === 'CLOSED') fieldErrors.groupId = ['El grupo está cerrado.'];
  }
  if (input.tariffCategoryId !== current?.tariffCategoryId) {
    const [category] = await tx.select({ active: tariffCategories.active }).from(tariffCategories).where(eq(tariffCategories.id, input.tariffCategoryId));
    if (!category?.active) fieldErrors.tariffCategoryId = ['Categoría tarifaria no válida.'];
  }
  if (input.localityId) {
    const [loc] = await tx.select({ id: localities.id }).from(localities).where(eq(localities.id, input.localityId));
    if (!loc) fieldErrors.localityId = ['Localidad no válida.'];
  }
  if (input.meterNumber && (await q.findAccountByMeter(tx, input.meterNumber, current?.id))) fieldErrors.meterNumber = [METER_TAKEN];
  const attributes = await checkAttributes(tx, rawAttributes, fieldErrors);
  if (Object.keys(fieldErrors).length) throw new UserError('Revise los campos marcados.', fieldErrors);
  return attributes;
}

// Two accounts saved at once with one meter: the partial unique index decides, the user gets words.
function translateMeterViolation(err: unknown): never {
  if (uniqueViolation(err) === 'accounts_meter_uq') throw new UserError('Revise los campos marcados.', { meterNumber: [METER_TAKEN] });
  throw err;
}

/** Creates an ACTIVE account under an agreement the actor can see and that is not closed. */
export async function createAccount(actor: Actor, agreementId: string, input: AccountInput, rawAttributes: Record<string, unknown> = {}, db = getDb()) {
  assertCan(actor, 'agreements.write');
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const agreement = isUuid(agreementId) ? await findAgreement(tx, branchScope(actor), agreementId) : undefined;
        if (!agreement) throw agreementNotFound();
        if (agreement.agreement.status === 'CLOSED') throw new UserError('El acuerdo está cerrado: no admite cuentas nuevas.');
        const attributes = await checkReferences(tx, agreementId, input, rawAttributes);
        const number = await q.nextAccountNumber(tx);
        const [created] = await tx.insert(accounts).values({ ...input, agreementId, attributes, number, status: 'ACTIVE' }).returning();
        await recordAudit(tx, actor, { entity: 'account', entityId: created.id, action: 'CREATE', after: created });
        return created;
      });
    } catch (err) {
      if (uniqueViolation(err) === 'accounts_number_unique' && attempt < 5) continue;
      translateMeterViolation(err);
    }
  }
}

/**
 * Edits an account's data. Its agreement never changes and its status moves only through work
 * orders or closeAccount; a closed account (or one of a closed agreement) is read-only. Values of
 * attributes whose definition was retired are kept.
 */
export async function updateAccount(actor: Actor, id: string, input: AccountInput, rawAttributes: Record<string, unknown> = {}, db = getDb()) {
  assertCan(actor, 'agreements.write');
  if (!isUuid(id)) throw accountNotFound();
  return db
    .transaction(async (tx) => {
      const existing = await q.findAccount(tx, branchScope(actor), id);
      if (!existing) throw accountNotFound();
      const current = await q.lockAccount(tx, id);
      if (current.status === 'CLOSED') throw new UserError('Una cuenta cerrada no se puede modificar.');
      if (existing.agreement.status === 'CLOSED') throw new UserError('El acuerdo está cerrado: sus cuentas no se pueden modificar.');
      const attributes = await checkReferences(tx, current.agreementId, input, rawAttributes, current);
      const [updated] = await tx
        .update(accounts)
        .set({ ...input, attributes: { ...current.attributes, ...attributes }, updatedAt: new Date() })
        .where(eq(accounts.id, id))
        .returning();
      await recordAudit(tx, actor, { entity: 'account', entityId: id, action: 'UPDATE', before: current, after: updated });
      return updated;
    })
    .catch(translateMeterViolation);
}

/** Closes an account for good, with a reason; its meter becomes free. */
export async function closeAccount(actor: Actor, id: string, reason: string, db = getDb()) {
  assertCan(actor, 'agreements.write');
  if (!isUuid(id)) throw accountNotFound();
  if (!hasReason(reason)) throw new UserError('Indique el motivo del cierre.', { reason: ['Indique el motivo del cierre (mínimo 3 caracteres).'] });
  return db.transaction(async (tx) => {
    if (!(await q.findAccount(tx, branchScope(actor), id))) throw accountNotFound();
    const current = await q.lockAccount(tx, id);
    if (current.status === 'CLOSED') throw new UserError(`La cuenta ya está ${ACCOUNT_STATUS_LABELS.CLOSED.toLowerCase()}.`);
    const [updated] = await tx.update(accounts).set({ status: 'CLOSED', statusReason: reason.trim(), updatedAt: new Date() }).where(eq(accounts.id, id)).returning();
    await recordAudit(tx, actor, { entity: 'account', entityId: id, action: 'STATUS_CHANGE', before: { status: current.status }, after: { status: updated.status, reason: reason.trim() } });
    return updated;
  });
}

/** The active ACCOUNT dynamic attribute definitions, to show an account's values. */
export async function accountAttributeDefinitions(actor: Actor, db = getDb()) {
  assertCan(actor, 'agreements.read');
  return activeAttributeDefinitions(db, 'ACCOUNT');
}
