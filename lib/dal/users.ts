import 'server-only';
import { getDb, type DbOrTx } from '@/db/client';
import * as q from '@/db/queries/admin-users';
import { recordAudit } from '@/db/queries/audit';
import { listBranches } from '@/db/queries/organization';
import { branchIdsOfUser, existingBranchIds, listUsers, setUserBranches } from '@/db/queries/users';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import { hashPassword, passwordProblems } from '@/lib/auth/password';
import { can } from '@/lib/auth/roles';
import type { Actor } from '@/lib/auth/scope';
import { isLocked } from '@/lib/domain/lockout';
import { roleScopeErrors, type PasswordResetInput, type UserCreateInput, type UserListParams, type UserUpdateInput } from '@/lib/validation/user';
import { isUuid } from './customers';
import { uniqueViolation } from './unique-violation';

export const USERS_PAGE_SIZE = 25;

function assertAdmin(actor: Actor) {
  if (!can(actor.role, 'admin.users')) throw new ForbiddenError();
}

const notFound = () => new NotFoundError('No se encontró el usuario.');

export async function listUsersForAdmin(actor: Actor, params: UserListParams, db = getDb(), now = new Date()) {
  assertAdmin(actor);
  const page = params.page ?? 1;
  const active = params.estado ? params.estado === 'activo' : undefined;
  const result = await listUsers(db, { q: params.q, role: params.role, active }, { limit: USERS_PAGE_SIZE, offset: (page - 1) * USERS_PAGE_SIZE });
  const rows = result.rows.map((r) => ({ ...r, locked: isLocked(r.lockedUntil, now) }));
  return { rows, total: result.total, page, pageSize: USERS_PAGE_SIZE, pageCount: Math.max(1, Math.ceil(result.total / USERS_PAGE_SIZE)) };
}

/** The user as the admin pages show it: never the password hash. */
export async function getUserForAdmin(actor: Actor, id: string, db = getDb(), now = new Date()) {
  assertAdmin(actor);
  if (!isUuid(id)) throw notFound();
  const row = await q.findUserDetail(db, id);
  if (!row) throw notFound();
  // An explicit list, so a column added to users later does not leak to the page by default.
  const { user } = row;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    active: user.active,
    customerId: user.customerId,
    failedLogins: user.failedLogins,
    lockedUntil: user.lockedUntil,
    lastLoginAt: user.lastLoginAt,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
    customerCode: row.customerCode,
    customerName: row.customerName,
    branchIds: await branchIdsOfUser(db, id),
    locked: isLocked(user.lockedUntil, now),
    isSelf: id === actor.id,
  };
}

/** Choices for the user form: every branch (inactive ones marked) and the linkable customers. */
export async function userFormOptions(actor: Actor, currentCustomerId?: string | null, db = getDb()) {
  assertAdmin(actor);
  const [branchRows, customerRows] = await Promise.all([listBranches(db), q.clientCustomerChoices(db, currentCustomerId)]);
  return {
    branches: branchRows.map((b) => ({ id: b.id, code: b.code, name: b.name, active: b.active })),
    customers: customerRows.map((c) => ({ id: c.id, label: `${c.code} — ${c.legalName}` })),
  };
}

export async function createUser(actor: Actor, input: UserCreateInput, db = getDb()) {
  assertAdmin(actor);
  assertRoleScope(input);
  assertPasswordPolicy(input.password);
  // Hashing takes a moment; do it before the transaction opens.
  const passwordHash = await hashPassword(input.password);
  return db
    .transaction(async (tx) => {
      await assertEmailFree(tx, input.email);
      await assertReferencesExist(tx, input);
      const created = await q.insertUser(tx, { email: input.email, name: input.name, role: input.role, customerId: input.customerId, passwordHash });
      await setUserBranches(tx, created.id, input.branchIds);
      await recordAudit(tx, actor, { entity: 'user', entityId: created.id, action: 'CREATE', after: await q.userSnapshot(tx, created) });
      return { id: created.id, email: created.email };
    })
    .catch(translateUniqueViolation);
}

export async function updateUser(actor: Actor, id: string, input: UserUpdateInput, db = getDb()) {
  assertAdmin(actor);
  if (!isUuid(id)) throw notFound();
  assertRoleScope(input);
  // If the only admin demoted themself, nobody could ever administer users again.
  if (id === actor.id && input.role !== 'ADMIN') {
    throw new UserError('No puede quitarse a sí mismo el rol de Administrador.', { role: ['Otro administrador debe cambiar su rol.'] });
  }
  return db
    .transaction(async (tx) => {
      const existing = await q.lockUser(tx, id);
      if (!existing) throw notFound();
      await assertEmailFree(tx, input.email, id);
      await assertReferencesExist(tx, input);
      const before = await q.userSnapshot(tx, existing);
      const updated = await q.updateUserRow(tx, id, { email: input.email, name: input.name, role: input.role, customerId: input.customerId });
      await setUserBranches(tx, id, input.branchIds);
      await recordAudit(tx, actor, { entity: 'user', entityId: id, action: 'UPDATE', before, after: await q.userSnapshot(tx, updated) });
      return { id };
    })
    .catch(translateUniqueViolation);
}

/** Deactivating takes effect on the user's next request: the session re-reads `active`. */
export async function setUserActive(actor: Actor, id: string, active: boolean, db = getDb()) {
  assertAdmin(actor);
  if (!isUuid(id)) throw notFound();
  if (!active && id === actor.id) throw new UserError('No puede desactivar su propia cuenta.');
  return changeUser(actor, id, 'UPDATE', { active }, db);
}

/** A new password chosen by the admin; it also lifts a lockout, as the user would expect. */
export async function resetUserPassword(actor: Actor, id: string, input: PasswordResetInput, db = getDb()) {
  assertAdmin(actor);
  if (!isUuid(id)) throw notFound();
  assertPasswordPolicy(input.password);
  const passwordHash = await hashPassword(input.password);
  return changeUser(actor, id, 'PASSWORD_RESET', { passwordHash, failedLogins: 0, lockedUntil: null }, db);
}

export async function unlockUser(actor: Actor, id: string, db = getDb()) {
  assertAdmin(actor);
  if (!isUuid(id)) throw notFound();
  return changeUser(actor, id, 'UPDATE', { failedLogins: 0, lockedUntil: null }, db);
}

async function changeUser(actor: Actor, id: string, action: 'UPDATE' | 'PASSWORD_RESET', patch: Partial<q.NewUserRow>, db: DbOrTx) {
  return db.transaction(async (tx) => {
    const existing = await q.lockUser(tx, id);
    if (!existing) throw notFound();
    const before = await q.userSnapshot(tx, existing);
    const updated = await q.updateUserRow(tx, id, patch);
    await recordAudit(tx, actor, { entity: 'user', entityId: id, action, before, after: await q.userSnapshot(tx, updated) });
    return { id };
  });
}

function assertRoleScope(input: Pick<UserUpdateInput, 'role' | 'branchIds' | 'customerId'>) {
  const fieldErrors = roleScopeErrors(input.role, input.branchIds, input.customerId);
  if (fieldErrors) throw new UserError('Revise los campos marcados.', fieldErrors);
}

function assertPasswordPolicy(password: string) {
  const problem = passwordProblems(password);
  if (problem) throw new UserError(problem, { password: [problem] });
}

async function assertEmailFree(tx: DbOrTx, email: string, exceptId?: string) {
  if (await q.findUserWithEmail(tx, email, exceptId)) {
    throw new UserError('Ya existe un usuario con ese correo electrónico.', { email: ['Este correo ya está registrado.'] });
  }
}

async function assertReferencesExist(tx: DbOrTx, input: Pick<UserUpdateInput, 'branchIds' | 'customerId'>) {
  const found = await existingBranchIds(tx, input.branchIds);
  if (found.length !== input.branchIds.length) throw new UserError('Revise los campos marcados.', { branchIds: ['Alguna sucursal ya no existe.'] });
  if (input.customerId && !(await q.customerExists(tx, input.customerId))) {
    throw new UserError('Revise los campos marcados.', { customerId: ['El cliente no existe.'] });
  }
}

// Two admins creating one e-mail at once: the unique index decides, the user gets words.
function translateUniqueViolation(err: unknown): never {
  if (uniqueViolation(err) !== null) {
    throw new UserError('Ya existe un usuario con ese correo electrónico.', { email: ['Este correo ya está registrado.'] });
  }
  throw err;
}
