import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { accounts, agreements, auditLog, branches, customers, localities, tariffCategories, userBranches, users, workOrders } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import type { Actor } from '@/lib/auth/scope';
import { completeWorkOrder, createWorkOrder, decideWorkOrder, getWorkOrder, listWorkOrders } from '@/lib/dal/work-orders';
import { SAME_USER_ERROR } from '@/lib/domain/crm-status';
import { workOrderInputSchema, type WorkOrderInput } from '@/lib/validation/work-order';
import { actorFor } from '../support/actors';
import { createTestDatabase } from '../support/db';

let h: DatabaseHandle;
let staff: Actor; // BRANCH_STAFF of SDC (Sergio)
let staff2: Actor; // a second BRANCH_STAFF of SDC, to decide Sergio's orders
let admin: Actor;
let auditor: Actor;
let sdcAgreement: string;
let stiAgreement: string;
let seq = 0;

// Agreements and accounts are inserted directly: this file tests work orders, not the CRM forms.
async function insertAgreement(branchCode: string) {
  const [branch] = await h.db.select().from(branches).where(eq(branches.code, branchCode));
  const [customer] = await h.db.select().from(customers).where(eq(customers.branchId, branch.id)).limit(1);
  const [locality] = await h.db.select().from(localities).limit(1);
  const [row] = await h.db
    .insert(agreements)
    .values({
      code: `AC-9${String(++seq).padStart(5, '0')}`,
      name: `Acuerdo de prueba ${seq}`,
      status: 'ACTIVE',
      customerId: customer.id,
      billingAddress: 'Calle El Conde 105',
      localityId: locality.id,
      branchId: branch.id,
      billingMode: 'PER_ACCOUNT',
      billingOpportunity: 'METERED',
      validFrom: '2026-01-01',
    })
    .returning();
  return row.id;
}

async function insertAccount(agreementId: string, status: 'ACTIVE' | 'DISCONNECTED' | 'CLOSED' = 'ACTIVE') {
  const [category] = await h.db.select().from(tariffCategories).limit(1);
  const [row] = await h.db
    .insert(accounts)
    .values({ number: `CU-9${String(++seq).padStart(5, '0')}`, description: 'Local comercial', agreementId, serviceAddress: 'Calle 1 #2', tariffCategoryId: category.id, status, startDate: '2026-01-01' })
    .returning();
  return row;
}

const accountStatus = async (id: string) => (await h.db.select({ s: accounts.status }).from(accounts).where(eq(accounts.id, id)))[0].s;
const orderRow = async (id: string) => (await h.db.select().from(workOrders).where(eq(workOrders.id, id)))[0];

function input(over: Partial<Record<keyof WorkOrderInput, string>>): WorkOrderInput {
  return workOrderInputSchema.parse({ agreementId: sdcAgreement, type: 'INSPECTION', target: 'AGREEMENT', description: 'Revisar la acometida principal', ...over });
}

/** Another user (of SDC when branch-scoped), so several people can decide one order. */
async function extraUser(email: string, role: 'ADMIN' | 'BRANCH_STAFF') {
  const [u] = await h.db.insert(users).values({ email, name: email, passwordHash: 'x', role }).returning();
  if (role === 'BRANCH_STAFF') await h.db.insert(userBranches).values({ userId: u.id, branchId: staff.branchIds[0] });
  return actorFor(email);
}

beforeAll(async () => {
  h = await createTestDatabase();
  await seedDemo(h);
  staff = await actorFor('sucursal@cauce.example');
  admin = await actorFor('admin@cauce.example');
  auditor = await actorFor('auditor@cauce.example');
  staff2 = await extraUser('sucursal2@cauce.example', 'BRANCH_STAFF');
  await h.db.update(users).set({ name: 'Sonia Sucursal' }).where(eq(users.id, staff2.id));
  sdcAgreement = await insertAgreement('SDC');
  stiAgreement = await insertAgreement('STI');
});
afterAll(() => h.close());

describe('branch scope', () => {
  it('hides another branch order from SDC staff: read, decide and complete answer 404', async () => {
    const order = await createWorkOrder(admin, input({ agreementId: stiAgreement }));
    await expect(getWorkOrder(staff, order.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(decideWorkOrder(staff, order.id, 'APPROVE')).rejects.toBeInstanceOf(NotFoundError);
    await expect(decideWorkOrder(staff, order.id, 'REJECT', 'No corresponde')).rejects.toBeInstanceOf(NotFoundError);
    await h.db.update(workOrders).set({ status: 'APPROVED' }).where(eq(workOrders.id, order.id)); // as if another admin approved it
    await expect(completeWorkOrder(staff, order.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await orderRow(order.id)).status).not.toBe('DONE');
    const list = await listWorkOrders(staff, { status: 'ALL' });
    expect(list.rows.map((r) => r.id)).not.toContain(order.id);
    expect(list.rows.every((r) => r.branchName === 'Santo Domingo Centro')).toBe(true);
  });

  it('refuses to create an order on another branch agreement (404) and anything to an auditor (403)', async () => {
    await expect(createWorkOrder(staff, input({ agreementId: stiAgreement }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(createWorkOrder(auditor, input({}))).rejects.toBeInstanceOf(ForbiddenError);
    const order = await createWorkOrder(staff, input({}));
    await expect(decideWorkOrder(auditor, order.id, 'APPROVE')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(completeWorkOrder(auditor, order.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getWorkOrder(auditor, order.id)).order.number).toBe(order.number);
  });
});

describe('deciding', () => {
  it('refuses approval by the creator and accepts another user of the branch', async () => {
    const order = await createWorkOrder(staff, input({}));
    await expect(decideWorkOrder(staff, order.id, 'APPROVE')).rejects.toThrow(SAME_USER_ERROR);
    await expect(decideWorkOrder(staff, order.id, 'REJECT', 'No hace falta')).rejects.toThrow(SAME_USER_ERROR);
    expect((await decideWorkOrder(staff2, order.id, 'APPROVE')).status).toBe('APPROVED');
    const detail = await getWorkOrder(staff, order.id);
    expect(detail).toMatchObject({ createdByName: 'Sergio Sucursal', decidedByName: 'Sonia Sucursal', order: { status: 'APPROVED', decidedBy: staff2.id } });
  });

  it('refuses a rejection without a reason and keeps the order pending', async () => {
    const order = await createWorkOrder(staff, input({}));
    await expect(decideWorkOrder(staff2, order.id, 'REJECT')).rejects.toThrow('Indique el motivo.');
    await expect(decideWorkOrder(staff2, order.id, 'REJECT', '  ')).rejects.toBeInstanceOf(UserError);
    expect((await orderRow(order.id)).status).toBe('PENDING');
    await decideWorkOrder(staff2, order.id, 'REJECT', 'Duplicada con otra orden');
    expect(await orderRow(order.id)).toMatchObject({ status: 'REJECTED', decisionReason: 'Duplicada con otra orden', decidedBy: staff2.id });
  });

  it('refuses a second decision with a clear message', async () => {
    const order = await createWorkOrder(staff, input({}));
    await decideWorkOrder(staff2, order.id, 'APPROVE');
    await expect(decideWorkOrder(admin, order.id, 'APPROVE')).rejects.toThrow('No se puede aprobar una orden en estado Aprobada.');
    await expect(decideWorkOrder(admin, order.id, 'REJECT', 'Tarde')).rejects.toThrow('No se puede rechazar una orden en estado Aprobada.');
    expect((await orderRow(order.id)).decidedBy).toBe(staff2.id);
  });

  it('lets exactly one of several simultaneous deciders win (the order row is locked)', async () => {
    const admin2 = await extraUser('admin2@cauce.example', 'ADMIN');
    const staff3 = await extraUser('sucursal3@cauce.example', 'BRANCH_STAFF');
    const deciders = [staff2, admin, admin2, staff3];
    for (let round = 0; round < 3; round++) {
      const order = await createWorkOrder(staff, input({}));
      const results = await Promise.allSettled(
        deciders.map((d, i) => (i % 2 ? decideWorkOrder(d, order.id, 'REJECT', 'No procede') : decideWorkOrder(d, order.id, 'APPROVE'))),
      );
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(lost).toHaveLength(deciders.length - 1);
      for (const l of lost) {
        expect(l.reason).toBeInstanceOf(UserError);
        expect(l.reason.message).toMatch(/^No se puede (aprobar|rechazar) una orden en estado (Aprobada|Rechazada)\.$/);
      }
      const decisions = await h.db.select().from(auditLog).where(and(eq(auditLog.entity, 'work_order'), eq(auditLog.entityId, order.id)));
      expect(decisions.filter((a) => a.action === 'APPROVE' || a.action === 'REJECT')).toHaveLength(1);
    }
  });
});

describe('completing', () => {
  it('cuts the account when a disconnection is done, and restores it when a reconnection is done, both audited', async () => {
    const account = await insertAccount(sdcAgreement);
    const cut = await createWorkOrder(staff, input({ type: 'DISCONNECTION', target: 'ACCOUNT', accountId: account.id, description: 'Corte por falta de pago' }));
    await decideWorkOrder(staff2, cut.id, 'APPROVE');
    expect(await accountStatus(account.id)).toBe('ACTIVE'); // approval alone changes nothing on the account
    const done = await completeWorkOrder(staff, cut.id, 'Se retiró la acometida');
    expect(done.order).toMatchObject({ status: 'DONE', completedBy: staff.id });
    expect(done.order.completedAt).toBeInstanceOf(Date);
    expect(done.accountChange).toMatchObject({ before: 'ACTIVE', after: 'DISCONNECTED', applied: true });
    expect(await accountStatus(account.id)).toBe('DISCONNECTED');
    expect((await h.db.select().from(accounts).where(eq(accounts.id, account.id)))[0].statusReason).toBe(`Orden ${cut.number}`);
    expect(await getWorkOrder(staff, cut.id)).toMatchObject({ completedByName: 'Sergio Sucursal', completionNotes: 'Se retiró la acometida' });

    const reconnect = await createWorkOrder(staff, input({ type: 'RECONNECTION', target: 'ACCOUNT', accountId: account.id, description: 'Pago recibido' }));
    await decideWorkOrder(admin, reconnect.id, 'APPROVE');
    await completeWorkOrder(staff2, reconnect.id);
    expect(await accountStatus(account.id)).toBe('ACTIVE');
    expect((await h.db.select().from(accounts).where(eq(accounts.id, account.id)))[0].statusReason).toBeNull();

    const audit = await h.db.select().from(auditLog).where(and(eq(auditLog.entity, 'account'), eq(auditLog.entityId, account.id))).orderBy(auditLog.id);
    expect(audit.map((a) => [a.action, (a.before as { status: string }).status, (a.after as { status: string }).status])).toEqual([
      ['STATUS_CHANGE', 'ACTIVE', 'DISCONNECTED'],
      ['STATUS_CHANGE', 'DISCONNECTED', 'ACTIVE'],
    ]);
    const orderAudit = await h.db.select().from(auditLog).where(and(eq(auditLog.entity, 'work_order'), eq(auditLog.entityId, cut.id))).orderBy(auditLog.id);
    expect(orderAudit.map((a) => a.action)).toEqual(['CREATE', 'APPROVE', 'STATUS_CHANGE']);
    expect(orderAudit[2].after).toMatchObject({ status: 'DONE', notes: 'Se retiró la acometida' });
  });

  it('refuses to complete an order that is not approved (pending or rejected)', async () => {
    const account = await insertAccount(sdcAgreement);
    const order = await createWorkOrder(staff, input({ type: 'DISCONNECTION', target: 'ACCOUNT', accountId: account.id }));
    await expect(completeWorkOrder(staff2, order.id)).rejects.toThrow('No se puede completar una orden en estado Pendiente.');
    await decideWorkOrder(staff2, order.id, 'REJECT', 'Cliente pagó');
    await expect(completeWorkOrder(staff2, order.id)).rejects.toThrow('No se puede completar una orden en estado Rechazada.');
    expect(await accountStatus(account.id)).toBe('ACTIVE');
  });

  it('closes an order without touching an account that is no longer in the expected status', async () => {
    const account = await insertAccount(sdcAgreement);
    const order = await createWorkOrder(staff, input({ type: 'DISCONNECTION', target: 'ACCOUNT', accountId: account.id }));
    await decideWorkOrder(staff2, order.id, 'APPROVE');
    await h.db.update(accounts).set({ status: 'CLOSED' }).where(eq(accounts.id, account.id));
    const done = await completeWorkOrder(staff2, order.id);
    expect(done.accountChange).toMatchObject({ before: 'CLOSED', after: 'CLOSED', applied: false });
    expect(await accountStatus(account.id)).toBe('CLOSED');
  });
});

describe('creating', () => {
  it('creates a pending account order numbered OT-NNNNNN, with the account group, audited', async () => {
    const account = await insertAccount(sdcAgreement);
    const order = await createWorkOrder(staff, input({ type: 'METER_CHANGE', target: 'ACCOUNT', accountId: account.id, description: 'Medidor dañado' }));
    expect(order).toMatchObject({ status: 'PENDING', type: 'METER_CHANGE', target: 'ACCOUNT', accountId: account.id, agreementId: sdcAgreement, createdBy: staff.id, number: expect.stringMatching(/^OT-\d{6}$/) });
    const [audit] = await h.db.select().from(auditLog).where(and(eq(auditLog.entity, 'work_order'), eq(auditLog.entityId, order.id)));
    expect(audit).toMatchObject({ action: 'CREATE', userId: staff.id });
    const listed = await listWorkOrders(staff, { accountId: account.id });
    expect(listed.rows.map((r) => r.number)).toEqual([order.number]);
    expect((await listWorkOrders(staff, { q: order.number, status: 'ALL' })).total).toBe(1);
  });

  it('refuses a disconnection of an account that is not active, and a reconnection of one that is not cut', async () => {
    const cut = await insertAccount(sdcAgreement, 'DISCONNECTED');
    const active = await insertAccount(sdcAgreement);
    const before = await h.db.$count(workOrders);
    await expect(createWorkOrder(staff, input({ type: 'DISCONNECTION', target: 'ACCOUNT', accountId: cut.id }))).rejects.toThrow(`Solo se puede cortar una cuenta activa; la cuenta ${cut.number} está cortada.`);
    await expect(createWorkOrder(staff, input({ type: 'RECONNECTION', target: 'ACCOUNT', accountId: active.id }))).rejects.toThrow(`Solo se puede reconectar una cuenta cortada; la cuenta ${active.number} está activa.`);
    expect(await h.db.$count(workOrders)).toBe(before);
  });

  it('refuses an account of another agreement, a closed account and a second open order of the same type', async () => {
    const foreign = await insertAccount(await insertAgreement('SDC'));
    await expect(createWorkOrder(staff, input({ type: 'INSPECTION', target: 'ACCOUNT', accountId: foreign.id }))).rejects.toThrow('La cuenta no pertenece a este acuerdo.');
    const closed = await insertAccount(sdcAgreement, 'CLOSED');
    await expect(createWorkOrder(staff, input({ type: 'INSPECTION', target: 'ACCOUNT', accountId: closed.id }))).rejects.toBeInstanceOf(UserError);
    const account = await insertAccount(sdcAgreement);
    const first = await createWorkOrder(staff, input({ type: 'DISCONNECTION', target: 'ACCOUNT', accountId: account.id }));
    await expect(createWorkOrder(staff, input({ type: 'DISCONNECTION', target: 'ACCOUNT', accountId: account.id }))).rejects.toThrow(first.number);
  });

  it('never creates an ACTIVATION by hand', async () => {
    expect(workOrderInputSchema.safeParse({ agreementId: sdcAgreement, type: 'ACTIVATION', target: 'AGREEMENT', description: 'Activar acuerdo' }).success).toBe(false);
    const forged = { ...input({}), type: 'ACTIVATION' } as unknown as WorkOrderInput;
    await expect(createWorkOrder(admin, forged)).rejects.toThrow(/activación se crean solas/);
  });

  it('requires the account for account-only types and for an account target', () => {
    const disconnectAgreement = workOrderInputSchema.safeParse({ agreementId: sdcAgreement, type: 'DISCONNECTION', target: 'AGREEMENT', description: 'Corte general' });
    expect(disconnectAgreement.success).toBe(false);
    const noAccount = workOrderInputSchema.safeParse({ agreementId: sdcAgreement, type: 'INSPECTION', target: 'ACCOUNT', accountId: '', description: 'Inspección' });
    expect(noAccount.error?.issues.map((i) => i.path.join('.'))).toEqual(['accountId']);
  });
});
