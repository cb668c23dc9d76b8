import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { agreements, auditLog, branches, customers, localities, workOrders } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import type { Actor } from '@/lib/auth/scope';
import { changeAgreementStatus, createAgreement, getAgreement, listAgreements } from '@/lib/dal/agreements';
import { decideWorkOrder } from '@/lib/dal/work-orders';
import { agreementInputSchema } from '@/lib/validation/agreement';
import { actorFor } from '../support/actors';
import { createTestDatabase } from '../support/db';

let h: DatabaseHandle;
let staff: Actor; // BRANCH_STAFF of SDC
let admin: Actor;
let auditor: Actor;
let sdc: string;
let sti: string;
let sdcCustomer: string;
let locality: string;

function input(over: Record<string, unknown> = {}) {
  return agreementInputSchema.parse({
    name: 'Acuerdo Colmado La Esquina (DOP)',
    customerId: sdcCustomer,
    billingAddress: 'Calle El Conde 105, Zona Colonial',
    localityId: locality,
    branchId: sdc,
    billingMode: 'PER_ACCOUNT',
    billingOpportunity: 'METERED',
    currency: 'DOP',
    itemGrouping: 'CONCEPT',
    graceDays: '10',
    dueDays: '30',
    billingFrequency: 'MONTHLY',
    anchorMonth: '1',
    validFrom: '2026-01-01',
    ...over,
  });
}

beforeAll(async () => {
  h = await createTestDatabase();
  await seedDemo(h);
  staff = await actorFor('sucursal@cauce.example');
  admin = await actorFor('admin@cauce.example');
  auditor = await actorFor('auditor@cauce.example');
  const rows = await h.db.select().from(branches);
  sdc = rows.find((b) => b.code === 'SDC')!.id;
  sti = rows.find((b) => b.code === 'STI')!.id;
  [{ id: sdcCustomer }] = await h.db.select().from(customers).where(eq(customers.branchId, sdc)).limit(1);
  [{ id: locality }] = await h.db.select().from(localities).limit(1);
});
afterAll(() => h.close());

describe('agreement lifecycle through work orders', () => {
  it('creates a NEW agreement with a pending activation order, both audited', async () => {
    const { agreement, activationOrder } = await createAgreement(staff, input());
    expect(agreement).toMatchObject({ status: 'NEW', code: expect.stringMatching(/^AC-\d{6}$/) });
    expect(activationOrder).toMatchObject({ type: 'ACTIVATION', status: 'PENDING', target: 'AGREEMENT', agreementId: agreement.id, number: expect.stringMatching(/^OT-\d{6}$/) });
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.entityId, agreement.id));
    expect(audit.map((a) => a.action)).toEqual(['CREATE']);
  });

  it('refuses approval by the order creator, then activates when another user approves', async () => {
    const { agreement, activationOrder } = await createAgreement(staff, input({ name: 'Acuerdo a aprobar' }));
    await expect(decideWorkOrder(staff, activationOrder.id, 'APPROVE')).rejects.toBeInstanceOf(UserError);
    await decideWorkOrder(admin, activationOrder.id, 'APPROVE');
    const [after] = await h.db.select().from(agreements).where(eq(agreements.id, agreement.id));
    expect(after.status).toBe('ACTIVE');
    await expect(decideWorkOrder(admin, activationOrder.id, 'APPROVE')).rejects.toBeInstanceOf(UserError);
  });

  it('keeps the agreement NEW when its activation is rejected, with the reason', async () => {
    const { agreement, activationOrder } = await createAgreement(staff, input({ name: 'Acuerdo a rechazar' }));
    await expect(decideWorkOrder(admin, activationOrder.id, 'REJECT', '')).rejects.toBeInstanceOf(UserError);
    await decideWorkOrder(admin, activationOrder.id, 'REJECT', 'Falta el contrato firmado');
    const [order] = await h.db.select().from(workOrders).where(eq(workOrders.id, activationOrder.id));
    expect(order).toMatchObject({ status: 'REJECTED', decisionReason: 'Falta el contrato firmado' });
    const [after] = await h.db.select().from(agreements).where(eq(agreements.id, agreement.id));
    expect(after.status).toBe('NEW');
  });

  it('suspends and closes only with a reason and only from legal states', async () => {
    const { agreement, activationOrder } = await createAgreement(staff, input({ name: 'Acuerdo a suspender' }));
    await expect(changeAgreementStatus(staff, agreement.id, 'SUSPEND', 'Deuda vencida')).rejects.toBeInstanceOf(UserError); // NEW cannot be suspended
    await decideWorkOrder(admin, activationOrder.id, 'APPROVE');
    await expect(changeAgreementStatus(staff, agreement.id, 'SUSPEND', ' ')).rejects.toBeInstanceOf(UserError);
    expect((await changeAgreementStatus(staff, agreement.id, 'SUSPEND', 'Deuda vencida')).status).toBe('SUSPENDED');
    expect((await changeAgreementStatus(staff, agreement.id, 'CLOSE', 'Baja solicitada por el cliente')).status).toBe('CLOSED');
    await expect(changeAgreementStatus(staff, agreement.id, 'REACTIVATE', 'Reapertura')).rejects.toBeInstanceOf(UserError);
  });
});

describe('agreement scope', () => {
  it('refuses to create in another branch and hides other branches by id', async () => {
    await expect(createAgreement(staff, input({ branchId: sti }))).rejects.toBeInstanceOf(ForbiddenError);
    const { agreement } = await createAgreement(admin, input({ branchId: sti, name: 'Acuerdo de Santiago' }));
    await expect(getAgreement(staff, agreement.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(changeAgreementStatus(staff, agreement.id, 'CLOSE', 'Intento ajeno')).rejects.toBeInstanceOf(NotFoundError);
    const list = await listAgreements(staff, {});
    expect(list.rows.every((r) => r.branchName === 'Santo Domingo Centro')).toBe(true);
  });

  it('lets the auditor read but not write', async () => {
    expect((await listAgreements(auditor, {})).total).toBeGreaterThan(0);
    await expect(createAgreement(auditor, input())).rejects.toBeInstanceOf(ForbiddenError);
  });
});
