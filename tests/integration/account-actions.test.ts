import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { findUserByEmail } from '@/db/queries/users';
import { accountGroups, accounts, attributeDefinitions, branches, customers, localities, tariffCategories } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { createAgreement } from '@/lib/dal/agreements';
import { agreementInputSchema } from '@/lib/validation/agreement';
import { actorFor } from '../support/actors';
import { createTestDatabase } from '../support/db';

// The server actions read the session through Auth.js; here the session is whatever we say.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock('@/lib/auth/auth', () => ({ auth: async () => session.current, signIn: vi.fn(), signOut: vi.fn() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { createAccountGroupAction, updateAccountGroupAction } = await import('@/lib/actions/account-groups');
const { closeAccountAction, createAccountAction, updateAccountAction } = await import('@/lib/actions/accounts');

let h: DatabaseHandle;
let sdc: string;
let sti: string;
let tariff: string;
let sdcAgreement: string;
let stiAgreement: string;

async function agreementIn(branchId: string, name: string) {
  const [{ id: customerId }] = await h.db.select().from(customers).where(eq(customers.branchId, branchId)).limit(1);
  const [{ id: localityId }] = await h.db.select().from(localities).limit(1);
  const input = agreementInputSchema.parse({
    name, customerId, billingAddress: 'Calle El Conde 105', localityId, branchId, billingMode: 'PER_ACCOUNT', billingOpportunity: 'METERED',
    currency: 'DOP', itemGrouping: 'SIMPLE', graceDays: '0', dueDays: '30', billingFrequency: 'MONTHLY', anchorMonth: '1', validFrom: '2026-01-01',
  });
  return (await createAgreement(await actorFor('admin@cauce.example'), input)).agreement.id;
}

beforeAll(async () => {
  h = await createTestDatabase();
  await seedDemo(h);
  // Seeded dynamic attributes are switched off so the forms below need only the fixed fields.
  await h.db.update(attributeDefinitions).set({ active: false });
  const rows = await h.db.select().from(branches);
  sdc = rows.find((b) => b.code === 'SDC')!.id;
  sti = rows.find((b) => b.code === 'STI')!.id;
  [{ id: tariff }] = await h.db.select().from(tariffCategories).limit(1);
  sdcAgreement = await agreementIn(sdc, 'Acuerdo de acciones SDC');
  stiAgreement = await agreementIn(sti, 'Acuerdo de acciones STI');
});
afterAll(() => h.close());
beforeEach(() => {
  session.current = null;
});

async function signInAs(email: string) {
  const user = await findUserByEmail(h.db, email);
  session.current = { user: { id: user!.id } };
}

function form(fields: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}

const groupForm = (over: Record<string, string> = {}) => form({ name: 'Locales de la plaza', branchId: sdc, billingAddress: 'Av. Lope de Vega 55', ...over });
const accountForm = (over: Record<string, string> = {}) => form({ description: 'Local 7', serviceAddress: 'Av. Lope de Vega 55, local 7', tariffCategoryId: tariff, startDate: '2026-03-01', ...over });

const digest = (p: Promise<unknown>) => p.then(() => 'resolved', (e: { digest?: string }) => e.digest ?? String(e));

describe('account and group actions re-check the session and role', () => {
  it('redirects an anonymous caller to the login page and writes nothing', async () => {
    const [groupsBefore, accountsBefore] = [await h.db.$count(accountGroups), await h.db.$count(accounts)];
    expect(await digest(createAccountGroupAction(sdcAgreement, undefined, groupForm()))).toMatch(/^NEXT_REDIRECT;.*\/login/);
    expect(await digest(createAccountAction(sdcAgreement, undefined, accountForm()))).toMatch(/^NEXT_REDIRECT;.*\/login/);
    expect(await h.db.$count(accountGroups)).toBe(groupsBefore);
    expect(await h.db.$count(accounts)).toBe(accountsBefore);
  });

  it.each(['cliente@cauce.example', 'cajero@cauce.example', 'inspector@cauce.example', 'auditor@cauce.example'])('answers 403 to %s and writes nothing', async (email) => {
    await signInAs(email);
    const [groupsBefore, accountsBefore] = [await h.db.$count(accountGroups), await h.db.$count(accounts)];
    expect(await digest(createAccountGroupAction(sdcAgreement, undefined, groupForm()))).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
    expect(await digest(createAccountAction(sdcAgreement, undefined, accountForm()))).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
    expect(await h.db.$count(accountGroups)).toBe(groupsBefore);
    expect(await h.db.$count(accounts)).toBe(accountsBefore);
  });

  it("answers 'not found' to branch staff writing under another branch's agreement", async () => {
    await signInAs('sucursal@cauce.example');
    const before = await h.db.$count(accounts);
    expect(await createAccountAction(stiAgreement, undefined, accountForm())).toEqual({ ok: false, error: 'No se encontró el acuerdo.' });
    expect(await createAccountGroupAction(stiAgreement, undefined, groupForm())).toEqual({ ok: false, error: 'No se encontró el acuerdo.' });
    expect(await h.db.$count(accounts)).toBe(before);
  });

  it('returns field errors for bad input, keeping what was typed', async () => {
    await signInAs('sucursal@cauce.example');
    const result = await createAccountAction(sdcAgreement, undefined, accountForm({ description: 'x', startDate: '2026-02-30', meterNumber: 'medidor con espacios' }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { description: [expect.any(String)], startDate: ['Indique una fecha de alta válida.'], meterNumber: [expect.any(String)] } });
    expect(result.ok === false && result.values?.serviceAddress).toBe('Av. Lope de Vega 55, local 7');
  });

  it('lets branch staff create a group and an account in it, then edit and close the account', async () => {
    await signInAs('sucursal@cauce.example');
    const created = await digest(createAccountGroupAction(sdcAgreement, undefined, groupForm()));
    expect(created).toMatch(new RegExp(`^NEXT_REDIRECT;.*/acuerdos/${sdcAgreement}/grupos/[0-9a-f-]{36}\\?creado=1`));
    const groupId = created.match(/grupos\/([0-9a-f-]{36})/)![1];
    expect(await digest(updateAccountGroupAction(groupId, undefined, groupForm({ name: 'Locales renombrados' })))).toMatch(/\?actualizado=1/);

    const made = await digest(createAccountAction(sdcAgreement, undefined, accountForm({ groupId, meterNumber: 'ACT-7777' })));
    expect(made).toMatch(/^NEXT_REDIRECT;.*\/cuentas\/[0-9a-f-]{36}\?creada=1/);
    const accountId = made.match(/cuentas\/([0-9a-f-]{36})/)![1];
    const [row] = await h.db.select().from(accounts).where(eq(accounts.id, accountId));
    expect(row).toMatchObject({ groupId, agreementId: sdcAgreement, meterNumber: 'ACT-7777', status: 'ACTIVE' });

    // A second account with the same meter: a field error, not a crash.
    expect(await createAccountAction(sdcAgreement, undefined, accountForm({ meterNumber: 'act-7777' }))).toMatchObject({ ok: false, fieldErrors: { meterNumber: ['Ese medidor ya está asignado a otra cuenta.'] } });
    expect(await digest(updateAccountAction(accountId, undefined, accountForm({ description: 'Local 7 ampliado', groupId })))).toMatch(/\?actualizada=1/);

    expect(await closeAccountAction(accountId, undefined, form({ reason: '' }))).toMatchObject({ ok: false, fieldErrors: { reason: [expect.any(String)] } });
    expect(await digest(closeAccountAction(accountId, undefined, form({ reason: 'Local entregado al propietario' })))).toMatch(/\?cerrada=1/);
    expect((await h.db.select().from(accounts).where(eq(accounts.id, accountId)))[0].status).toBe('CLOSED');
  });

  it('answers 403 to the auditor closing an account', async () => {
    await signInAs('sucursal@cauce.example');
    const made = await digest(createAccountAction(sdcAgreement, undefined, accountForm()));
    const accountId = made.match(/cuentas\/([0-9a-f-]{36})/)![1];
    await signInAs('auditor@cauce.example');
    expect(await digest(closeAccountAction(accountId, undefined, form({ reason: 'Sin permiso' })))).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
    expect((await h.db.select().from(accounts).where(eq(accounts.id, accountId)))[0].status).toBe('ACTIVE');
  });
});
