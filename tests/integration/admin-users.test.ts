import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { auditLog, branches, customers, userBranches, users } from '@/db/schema';
import { DEMO_PASSWORD, seedDemo } from '@/db/seed';
import { ForbiddenError, UserError } from '@/lib/auth/errors';
import { verifyPassword } from '@/lib/auth/password';
import type { Actor } from '@/lib/auth/scope';
import { createUser, getUserForAdmin, listUsersForAdmin, resetUserPassword, setUserActive, unlockUser, updateUser } from '@/lib/dal/users';
import { passwordResetSchema, userCreateSchema, userUpdateSchema } from '@/lib/validation/user';
import { actorFor } from '../support/actors';
import { createTestDatabase } from '../support/db';

// The server actions read the session through Auth.js; here the session is whatever we say.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock('@/lib/auth/auth', () => ({ auth: async () => session.current, signIn: vi.fn(), signOut: vi.fn() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { createUserAction, setUserActiveAction } = await import('@/lib/actions/users');

let h: DatabaseHandle;
let admin: Actor;
let staff: Actor;
let sdc: string;
let sti: string;

const NEW_PASSWORD = 'NuevaClave2026';

/** The create form as the browser would send it. */
function createForm(over: Record<string, unknown> = {}) {
  return { name: 'Beatriz Sucursal', email: 'beatriz@cauce.example', role: 'BRANCH_STAFF', branchIds: [sti], password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD, ...over };
}

function createInput(over: Record<string, unknown> = {}) {
  return userCreateSchema.parse(createForm(over));
}

async function userByEmail(email: string) {
  const [row] = await h.db.select().from(users).where(eq(users.email, email));
  return row;
}

async function counts() {
  return { users: await h.db.$count(users), links: await h.db.$count(userBranches), audit: await h.db.$count(auditLog) };
}

async function expectUserError(p: Promise<unknown>, field: string) {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(UserError);
  expect((err as UserError).fieldErrors?.[field]?.length).toBeGreaterThan(0);
  return err as UserError;
}

beforeAll(async () => {
  h = await createTestDatabase();
  await seedDemo(h);
  admin = await actorFor('admin@cauce.example');
  staff = await actorFor('sucursal@cauce.example');
  const rows = await h.db.select().from(branches);
  sdc = rows.find((b) => b.code === 'SDC')!.id;
  sti = rows.find((b) => b.code === 'STI')!.id;
});
afterAll(() => h.close());

describe('creating users', () => {
  it('creates a BRANCH_STAFF user with its branch and an audit row without the hash', async () => {
    const created = await createUser(admin, createInput({ email: '  Beatriz@Cauce.Example ' }));
    const row = await userByEmail('beatriz@cauce.example');
    expect(row).toMatchObject({ id: created.id, role: 'BRANCH_STAFF', active: true, customerId: null });
    expect(await verifyPassword(row.passwordHash, NEW_PASSWORD)).toBe(true);
    const links = await h.db.select().from(userBranches).where(eq(userBranches.userId, created.id));
    expect(links.map((l) => l.branchId)).toEqual([sti]);

    const audit = await h.db.select().from(auditLog).where(and(eq(auditLog.entity, 'user'), eq(auditLog.entityId, created.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'CREATE', userEmail: 'admin@cauce.example', before: null });
    const after = audit[0].after as Record<string, unknown>;
    expect(after).toMatchObject({ email: 'beatriz@cauce.example', role: 'BRANCH_STAFF', branchIds: [sti], passwordHash: '[oculto]' });
    expect(JSON.stringify(after)).not.toContain(row.passwordHash);
  });

  it('refuses a CLIENT without a customer, in the schema and in the data layer, writing nothing', async () => {
    const parsed = userCreateSchema.safeParse({ name: 'Cliente Sin Empresa', email: 'sinempresa@cauce.example', role: 'CLIENT', password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toContainEqual(expect.objectContaining({ path: ['customerId'], message: 'Seleccione el cliente al que accede este usuario.' }));

    const before = await counts();
    // A caller that skips the schema still meets the same rule in the data layer.
    const input = { ...createInput({ email: 'sinempresa@cauce.example' }), role: 'CLIENT' as const, branchIds: [] };
    await expectUserError(createUser(admin, input), 'customerId');
    expect(await counts()).toEqual(before);
  });

  it('refuses a BRANCH_STAFF without branches and an AUDITOR with branches', () => {
    const staffless = userCreateSchema.safeParse(createForm({ branchIds: [] }));
    expect(staffless.error?.issues[0]).toMatchObject({ path: ['branchIds'], message: 'Asigne al menos una sucursal.' });
    const auditor = userCreateSchema.safeParse(createForm({ role: 'AUDITOR' }));
    expect(auditor.error?.issues[0]?.path).toEqual(['branchIds']);
  });

  it('links a CLIENT to exactly one customer', async () => {
    const [customer] = await h.db.select().from(customers).where(eq(customers.code, 'GC-000001'));
    const created = await createUser(admin, createInput({ email: 'portal2@cauce.example', role: 'CLIENT', branchIds: [], customerId: customer.id }));
    expect((await getUserForAdmin(admin, created.id)).customerCode).toBe('GC-000001');
  });

  it('refuses a duplicate e-mail whatever its case, writing nothing', async () => {
    const before = await counts();
    const err = await expectUserError(createUser(admin, createInput({ email: 'SUCURSAL@cauce.example' })), 'email');
    expect(err.fieldErrors?.email).toEqual(['Este correo ya está registrado.']);
    expect(await counts()).toEqual(before);
  });

  it('applies the password policy with a Spanish field error', async () => {
    await expectUserError(createUser(admin, createInput({ email: 'corta@cauce.example', password: 'corta1', passwordConfirm: 'corta1' })), 'password');
    expect(userCreateSchema.safeParse(createForm({ passwordConfirm: 'OtraClave2026' })).error?.issues[0]?.path).toEqual(['passwordConfirm']);
  });
});

describe('who may administer users', () => {
  it('answers ForbiddenError to a BRANCH_STAFF actor, before touching anything', async () => {
    const before = await counts();
    await expect(createUser(staff, createInput({ email: 'intruso@cauce.example' }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listUsersForAdmin(staff, {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setUserActive(staff, admin.id, false)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(resetUserPassword(staff, admin.id, { password: NEW_PASSWORD })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await counts()).toEqual(before);
  });
});

describe('editing users', () => {
  it('updates role and branches, auditing before and after', async () => {
    const target = await userByEmail('cajero@cauce.example');
    await updateUser(admin, target.id, userUpdateSchema.parse({ name: target.name, email: target.email, role: 'CASHIER', branchIds: [sdc, sti] }));
    expect((await getUserForAdmin(admin, target.id)).branchIds.sort()).toEqual([sdc, sti].sort());
    const [audit] = await h.db.select().from(auditLog).where(eq(auditLog.entityId, target.id)).orderBy(desc(auditLog.id)).limit(1);
    expect(audit.action).toBe('UPDATE');
    expect((audit.before as { branchIds: string[] }).branchIds).toEqual([sdc]);
    expect((audit.after as { branchIds: string[] }).branchIds).toHaveLength(2);
  });

  it('does not let an admin deactivate themself or drop their own ADMIN role', async () => {
    await expect(setUserActive(admin, admin.id, false)).rejects.toBeInstanceOf(UserError);
    await expectUserError(updateUser(admin, admin.id, userUpdateSchema.parse({ name: admin.name, email: admin.email, role: 'AUDITOR' })), 'role');
    expect(await userByEmail('admin@cauce.example')).toMatchObject({ active: true, role: 'ADMIN' });
  });

  it('deactivates and reactivates another user', async () => {
    const target = await userByEmail('inspector@cauce.example');
    await setUserActive(admin, target.id, false);
    expect((await userByEmail('inspector@cauce.example')).active).toBe(false);
    const list = await listUsersForAdmin(admin, { estado: 'inactivo' });
    expect(list.rows.map((r) => r.email)).toContain('inspector@cauce.example');
    await setUserActive(admin, target.id, true);
    expect((await userByEmail('inspector@cauce.example')).active).toBe(true);
  });
});

describe('password reset and unlock', () => {
  it('changes the hash, clears the lock and writes a PASSWORD_RESET audit row', async () => {
    const target = await userByEmail('auditor@cauce.example');
    await h.db.update(users).set({ failedLogins: 3, lockedUntil: new Date(Date.now() + 10 * 60_000) }).where(eq(users.id, target.id));
    expect((await getUserForAdmin(admin, target.id)).locked).toBe(true);

    await resetUserPassword(admin, target.id, passwordResetSchema.parse({ password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }));
    const after = await userByEmail('auditor@cauce.example');
    expect(after.passwordHash).not.toBe(target.passwordHash);
    expect(await verifyPassword(after.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(after.passwordHash, DEMO_PASSWORD)).toBe(false);
    expect(after).toMatchObject({ failedLogins: 0, lockedUntil: null });

    const [audit] = await h.db.select().from(auditLog).where(and(eq(auditLog.entityId, target.id), eq(auditLog.action, 'PASSWORD_RESET')));
    expect(audit).toMatchObject({ entity: 'user', userEmail: 'admin@cauce.example' });
    expect(audit.before).toMatchObject({ passwordHash: '[oculto]', failedLogins: 3 });
    expect(audit.after).toMatchObject({ passwordHash: '[oculto]', failedLogins: 0, lockedUntil: null });
  });

  it('unlocks a locked account without touching its password', async () => {
    const target = await userByEmail('cliente2@cauce.example');
    await h.db.update(users).set({ lockedUntil: new Date(Date.now() + 10 * 60_000) }).where(eq(users.id, target.id));
    await unlockUser(admin, target.id);
    const after = await userByEmail('cliente2@cauce.example');
    expect(after).toMatchObject({ lockedUntil: null, passwordHash: target.passwordHash });
  });
});

describe('user server actions', () => {
  const digest = (p: Promise<unknown>) => p.then(() => 'resolved', (e: { digest?: string }) => e.digest ?? String(e));

  function form(fields: Record<string, string | string[]>) {
    const fd = new FormData();
    for (const [k, v] of Object.entries(fields)) for (const item of [v].flat()) fd.append(k, item);
    return fd;
  }

  it('creates from a form with branchIds[] and redirects to the new user', async () => {
    session.current = { user: { id: admin.id } };
    const fd = form({ name: 'Rosa Cajera', email: 'rosa@cauce.example', role: 'CASHIER', 'branchIds[]': [sdc, sti], password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(await digest(createUserAction(undefined, fd))).toMatch(/^NEXT_REDIRECT;.*\/admin\/usuarios\/[0-9a-f-]{36}\?creado=1/);
    const row = await userByEmail('rosa@cauce.example');
    expect((await getUserForAdmin(admin, row.id)).branchIds).toHaveLength(2);
  });

  it('returns field errors without echoing the typed password', async () => {
    session.current = { user: { id: admin.id } };
    const result = await createUserAction(undefined, form({ name: 'Rosa Cajera', email: 'rosa@cauce.example', role: 'CASHIER', 'branchIds[]': sdc, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { email: ['Este correo ya está registrado.'] } });
    expect(result.ok === false && result.values).toEqual(expect.not.objectContaining({ password: expect.anything() }));
    expect(result.ok === false && result.values?.name).toBe('Rosa Cajera');
  });

  it('answers 403 to a non-admin and leaves the user active', async () => {
    session.current = { user: { id: staff.id } };
    const target = await userByEmail('rosa@cauce.example');
    expect(await digest(setUserActiveAction(target.id, undefined, form({ active: 'false' })))).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
    expect((await userByEmail('rosa@cauce.example')).active).toBe(true);
  });

  it('reports the self-deactivation refusal as a message', async () => {
    session.current = { user: { id: admin.id } };
    expect(await setUserActiveAction(admin.id, undefined, form({ active: 'false' }))).toEqual({ ok: false, error: 'No puede desactivar su propia cuenta.', fieldErrors: undefined, values: { active: 'false' } });
  });
});
