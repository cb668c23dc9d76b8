import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { customers } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { findUserByEmail } from '@/db/queries/users';
import { cedulaCheckDigit } from '@/lib/domain/documents';
import { createTestDatabase } from '../support/db';

// The server actions read the session through Auth.js; here the session is whatever we say.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock('@/lib/auth/auth', () => ({ auth: async () => session.current, signIn: vi.fn(), signOut: vi.fn() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { createCustomerAction, updateCustomerAction } = await import('@/lib/actions/customers');

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
  await seedDemo(h);
});
afterAll(() => h.close());
beforeEach(() => {
  session.current = null;
});

async function signInAs(email: string) {
  const user = await findUserByEmail(h.db, email);
  session.current = { user: { id: user!.id } };
}

function customerForm(branchId: string, documentNumber: string) {
  const fd = new FormData();
  fd.set('legalName', 'Colmado La Esquina, S.R.L.');
  fd.set('documentType', 'CEDULA');
  fd.set('documentNumber', documentNumber);
  fd.set('taxCondition', 'FINAL_CONSUMER');
  fd.set('segment', 'COMMERCIAL');
  fd.set('branchId', branchId);
  return fd;
}

const digest = (p: Promise<unknown>) => p.then(() => 'resolved', (e: { digest?: string }) => e.digest ?? String(e));

describe('server actions re-check the session and role', () => {
  it('redirects an anonymous caller to the login page and writes nothing', async () => {
    const before = await h.db.$count(customers);
    const branch = (await h.db.query.branches.findFirst())!;
    expect(await digest(createCustomerAction(undefined, customerForm(branch.id, '00100000099')))).toMatch(/^NEXT_REDIRECT;.*\/login/);
    expect(await h.db.$count(customers)).toBe(before);
  });

  it('answers 403 to a CLIENT calling a staff action, and writes nothing', async () => {
    await signInAs('cliente@cauce.example');
    const before = await h.db.$count(customers);
    const branch = (await h.db.query.branches.findFirst())!;
    const doc = '0010000010' + cedulaCheckDigit('0010000010');
    expect(await digest(createCustomerAction(undefined, customerForm(branch.id, doc)))).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
    expect(await h.db.$count(customers)).toBe(before);
  });

  it('answers 403 to a CASHIER creating customers (read-only role)', async () => {
    await signInAs('cajero@cauce.example');
    const branch = (await h.db.query.branches.findFirst({ where: (b, { eq }) => eq(b.code, 'SDC') }))!;
    const doc = '0010000011' + cedulaCheckDigit('0010000011');
    expect(await digest(createCustomerAction(undefined, customerForm(branch.id, doc)))).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
  });

  it('returns field errors for bad input, keeping what was typed', async () => {
    await signInAs('sucursal@cauce.example');
    const branch = (await h.db.query.branches.findFirst({ where: (b, { eq }) => eq(b.code, 'SDC') }))!;
    const result = await createCustomerAction(undefined, customerForm(branch.id, '00100000000'));
    expect(result).toMatchObject({ ok: false, fieldErrors: { documentNumber: ['El dígito verificador de la cédula no es válido'] } });
    expect(result.ok === false && result.values?.legalName).toBe('Colmado La Esquina, S.R.L.');
  });

  it('lets branch staff create in their branch (redirect to the new customer)', async () => {
    await signInAs('sucursal@cauce.example');
    const branch = (await h.db.query.branches.findFirst({ where: (b, { eq }) => eq(b.code, 'SDC') }))!;
    const doc = '0010000012' + cedulaCheckDigit('0010000012');
    expect(await digest(createCustomerAction(undefined, customerForm(branch.id, doc)))).toMatch(/^NEXT_REDIRECT;.*\/clientes\/[0-9a-f-]{36}\?creado=1/);
  });

  it('refuses branch staff editing another branch customer by id', async () => {
    await signInAs('sucursal@cauce.example');
    const sti = (await h.db.query.branches.findFirst({ where: (b, { eq }) => eq(b.code, 'STI') }))!;
    const other = (await h.db.query.customers.findFirst({ where: (c, { eq }) => eq(c.branchId, sti.id) }))!;
    const sdc = (await h.db.query.branches.findFirst({ where: (b, { eq }) => eq(b.code, 'SDC') }))!;
    const fd = customerForm(sdc.id, other.documentNumber);
    fd.set('documentType', other.documentType);
    const result = await updateCustomerAction(other.id, undefined, fd);
    expect(result).toMatchObject({ ok: false, error: 'No se encontró el cliente.' });
    const after = (await h.db.query.customers.findFirst({ where: (c, { eq }) => eq(c.id, other.id) }))!;
    expect(after.legalName).toBe(other.legalName);
  });
});
