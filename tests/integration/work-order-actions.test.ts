import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { findUserByEmail } from '@/db/queries/users';
import { accounts, agreements, branches, customers, localities, tariffCategories, workOrders } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { SAME_USER_ERROR } from '@/lib/domain/crm-status';
import { createTestDatabase } from '../support/db';

// The server actions read the session through Auth.js; here the session is whatever we say.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock('@/lib/auth/auth', () => ({ auth: async () => session.current, signIn: vi.fn(), signOut: vi.fn() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { approveWorkOrderAction, completeWorkOrderAction, createWorkOrderAction, rejectWorkOrderAction } = await import('@/lib/actions/work-orders');

let h: DatabaseHandle;
let sdcAgreement: string;
let stiAgreement: string;
let account: { id: string; number: string };
let seq = 0;

async function insertAgreement(branchCode: string) {
  const [branch] = await h.db.select().from(branches).where(eq(branches.code, branchCode));
  const [customer] = await h.db.select().from(customers).where(eq(customers.branchId, branch.id)).limit(1);
  const [locality] = await h.db.select().from(localities).limit(1);
  const [row] = await h.db
    .insert(agreements)
    .values({ code: `AC-8${String(++seq).padStart(5, '0')}`, name: `Acuerdo ${seq}`, status: 'ACTIVE', customerId: customer.id, billingAddress: 'Calle 1', localityId: locality.id, branchId: branch.id, billingMode: 'PER_ACCOUNT', billingOpportunity: 'METERED', validFrom: '2026-01-01' })
    .returning();
  return row.id;
}

beforeAll(async () => {
  h = await createTestDatabase();
  await seedDemo(h);
  sdcAgreement = await insertAgreement('SDC');
  stiAgreement = await insertAgreement('STI');
  const [category] = await h.db.select().from(tariffCategories).limit(1);
  [account] = await h.db
    .insert(accounts)
    .values({ number: 'CU-800001', description: 'Local', agreementId: sdcAgreement, serviceAddress: 'Calle 1 #2', tariffCategoryId: category.id, startDate: '2026-01-01' })
    .returning();
});
afterAll(() => h.close());
beforeEach(() => {
  session.current = null;
});

async function signInAs(email: string) {
  const user = await findUserByEmail(h.db, email);
  session.current = { user: { id: user!.id } };
}

function orderForm(over: Record<string, string> = {}) {
  const fd = new FormData();
  for (const [k, v] of Object.entries({ agreementId: sdcAgreement, type: 'DISCONNECTION', target: 'ACCOUNT', accountId: account.id, description: 'Corte por falta de pago', ...over })) fd.set(k, v);
  return fd;
}

function form(fields: Record<string, string> = {}) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}

const digest = (p: Promise<unknown>) => p.then(() => 'resolved', (e: { digest?: string }) => e.digest ?? String(e));

/** A pending order created by branch staff, straight through the action. */
async function createdByStaff(over: Record<string, string> = {}) {
  await signInAs('sucursal@cauce.example');
  const d = await digest(createWorkOrderAction(undefined, orderForm(over)));
  const id = /\/ordenes\/([0-9a-f-]{36})\?creada=1/.exec(d)?.[1];
  if (!id) throw new Error(`no redirect to the new order: ${d}`);
  return id;
}

const status = async (id: string) => (await h.db.select({ s: workOrders.status }).from(workOrders).where(eq(workOrders.id, id)))[0].s;

describe('work order actions re-check the session and role', () => {
  it('redirects an anonymous caller to the login page and writes nothing', async () => {
    const before = await h.db.$count(workOrders);
    expect(await digest(createWorkOrderAction(undefined, orderForm()))).toMatch(/^NEXT_REDIRECT;.*\/login/);
    expect(await h.db.$count(workOrders)).toBe(before);
  });

  it('answers 403 to roles that may not create (client, cashier, auditor, inspector)', async () => {
    const before = await h.db.$count(workOrders);
    for (const email of ['cliente@cauce.example', 'cajero@cauce.example', 'auditor@cauce.example', 'inspector@cauce.example']) {
      await signInAs(email);
      expect(await digest(createWorkOrderAction(undefined, orderForm())), email).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
    }
    expect(await h.db.$count(workOrders)).toBe(before);
  });

  it('answers 403 to an inspector or auditor deciding, and to an auditor completing', async () => {
    const id = await createdByStaff({ type: 'INSPECTION', target: 'AGREEMENT', accountId: '' });
    for (const email of ['inspector@cauce.example', 'auditor@cauce.example']) {
      await signInAs(email);
      expect(await digest(approveWorkOrderAction(id, undefined, form())), email).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
      expect(await digest(rejectWorkOrderAction(id, undefined, form({ reason: 'No procede' }))), email).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
    }
    await signInAs('auditor@cauce.example');
    expect(await digest(completeWorkOrderAction(id, undefined, form()))).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
    expect(await status(id)).toBe('PENDING');
  });

  it('returns field errors for bad input, keeping what was typed', async () => {
    await signInAs('sucursal@cauce.example');
    const result = await createWorkOrderAction(undefined, orderForm({ type: 'ACTIVATION', description: 'x' }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { type: [expect.stringContaining('Seleccione el tipo')], description: [expect.any(String)] } });
    expect(result.ok === false && result.values?.accountId).toBe(account.id);
  });

  it('refuses creating on another branch agreement as not found', async () => {
    await signInAs('sucursal@cauce.example');
    const result = await createWorkOrderAction(undefined, orderForm({ agreementId: stiAgreement, type: 'INSPECTION', target: 'AGREEMENT', accountId: '' }));
    expect(result).toEqual({ ok: false, error: 'No se encontró el acuerdo.' });
  });

  it('lets the creator neither approve nor reject; another user approves, then it is marked done and the account is cut', async () => {
    const id = await createdByStaff();
    expect(await approveWorkOrderAction(id, undefined, form())).toMatchObject({ ok: false, error: SAME_USER_ERROR });
    await signInAs('admin@cauce.example');
    expect(await rejectWorkOrderAction(id, undefined, form({ reason: ' ' }))).toMatchObject({ ok: false, fieldErrors: { reason: [expect.stringContaining('motivo')] } });
    expect(await approveWorkOrderAction(id, undefined, form())).toMatchObject({ ok: true, message: 'Orden aprobada.' });
    expect(await approveWorkOrderAction(id, undefined, form())).toMatchObject({ ok: false, error: 'No se puede aprobar una orden en estado Aprobada.' });
    await signInAs('sucursal@cauce.example');
    const done = await completeWorkOrderAction(id, undefined, form({ notes: 'Acometida retirada' }));
    expect(done).toMatchObject({ ok: true, message: 'Orden marcada como realizada. La cuenta CU-800001 quedó cortada.' });
    const [acc] = await h.db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(acc.status).toBe('DISCONNECTED');
  });

  it('answers not found to branch staff deciding another branch order, changing nothing', async () => {
    await signInAs('admin@cauce.example');
    const d = await digest(createWorkOrderAction(undefined, orderForm({ agreementId: stiAgreement, type: 'INSPECTION', target: 'AGREEMENT', accountId: '' })));
    const id = /\/ordenes\/([0-9a-f-]{36})/.exec(d)![1];
    await signInAs('sucursal@cauce.example');
    expect(await approveWorkOrderAction(id, undefined, form())).toEqual({ ok: false, error: 'No se encontró la orden de trabajo.' });
    expect(await rejectWorkOrderAction(id, undefined, form({ reason: 'Ajena' }))).toEqual({ ok: false, error: 'No se encontró la orden de trabajo.' });
    expect(await status(id)).toBe('PENDING');
  });
});
