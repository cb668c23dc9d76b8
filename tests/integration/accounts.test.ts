import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { accountGroups, accounts, attributeDefinitions, auditLog, branches, customers, localities, tariffCategories, workOrders } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import type { Actor } from '@/lib/auth/scope';
import { createAccountGroup, getAccountGroup, listAgreementGroups, updateAccountGroup } from '@/lib/dal/account-groups';
import { closeAccount, createAccount, getAccount, listAccounts, METER_TAKEN, updateAccount } from '@/lib/dal/accounts';
import { changeAgreementStatus, createAgreement } from '@/lib/dal/agreements';
import { uniqueViolation } from '@/lib/dal/unique-violation';
import { decideWorkOrder } from '@/lib/dal/work-orders';
import { accountInputSchema, accountListSchema } from '@/lib/validation/account';
import { accountGroupInputSchema } from '@/lib/validation/account-group';
import { agreementInputSchema } from '@/lib/validation/agreement';
import { actorFor } from '../support/actors';
import { createTestDatabase } from '../support/db';

let h: DatabaseHandle;
let staff: Actor; // BRANCH_STAFF of SDC
let admin: Actor;
let auditor: Actor;
let sdc: string;
let sti: string;
let locality: string;
let tariff: string;
let sdcAgreement: string; // created by staff
let otherSdcAgreement: string;
let stiAgreement: string; // created by admin, outside the staff's scope

async function agreement(actor: Actor, branchId: string, name: string) {
  const [{ id: customerId }] = await h.db.select().from(customers).where(eq(customers.branchId, branchId)).limit(1);
  const input = agreementInputSchema.parse({
    name,
    customerId,
    billingAddress: 'Calle El Conde 105, Zona Colonial',
    localityId: locality,
    branchId,
    billingMode: 'PER_GROUP',
    billingOpportunity: 'METERED',
    currency: 'DOP',
    itemGrouping: 'ACCOUNT',
    graceDays: '10',
    dueDays: '30',
    billingFrequency: 'MONTHLY',
    anchorMonth: '1',
    validFrom: '2026-01-01',
  });
  return (await createAgreement(actor, input)).agreement.id;
}

const groupInput = (over: Record<string, unknown> = {}) =>
  accountGroupInputSchema.parse({ name: 'Sucursales zona norte', branchId: sdc, billingAddress: 'Av. Winston Churchill 1099', deliveryAddress: 'Torre Acrópolis, piso 12', email: 'Facturas@Ejemplo.do', ...over });

const accountInput = (over: Record<string, unknown> = {}) =>
  accountInputSchema.parse({ description: 'Local 3 — Plaza Central', serviceAddress: 'Av. 27 de Febrero 45', tariffCategoryId: tariff, startDate: '2026-02-01', ...over });

const auditOf = (entity: string, id: string) => h.db.select().from(auditLog).where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, id)));

beforeAll(async () => {
  h = await createTestDatabase();
  await seedDemo(h);
  staff = await actorFor('sucursal@cauce.example');
  admin = await actorFor('admin@cauce.example');
  auditor = await actorFor('auditor@cauce.example');
  const rows = await h.db.select().from(branches);
  sdc = rows.find((b) => b.code === 'SDC')!.id;
  sti = rows.find((b) => b.code === 'STI')!.id;
  // The seeded dynamic attributes (one of them required) are switched off: this file defines its own.
  await h.db.update(attributeDefinitions).set({ active: false });
  [{ id: locality }] = await h.db.select().from(localities).limit(1);
  [{ id: tariff }] = await h.db.select().from(tariffCategories).where(eq(tariffCategories.code, 'COM'));
  sdcAgreement = await agreement(staff, sdc, 'Cadena Farmacias del Caribe');
  otherSdcAgreement = await agreement(staff, sdc, 'Colmado La Esquina');
  stiAgreement = await agreement(admin, sti, 'Acuerdo de Santiago');
});
afterAll(() => h.close());

describe('account groups', () => {
  it('creates a NEW group with a pending activation order; another user approving it activates the group', async () => {
    const { group, activationOrder } = await createAccountGroup(staff, sdcAgreement, groupInput());
    expect(group).toMatchObject({ status: 'NEW', code: expect.stringMatching(/^GR-\d{6}$/), agreementId: sdcAgreement, branchId: sdc, email: 'facturas@ejemplo.do', createdBy: staff.id });
    expect(activationOrder).toMatchObject({ type: 'ACTIVATION', status: 'PENDING', target: 'ACCOUNT_GROUP', agreementId: sdcAgreement, accountGroupId: group.id, branchId: sdc, createdBy: staff.id });
    expect((await auditOf('account_group', group.id)).map((a) => a.action)).toEqual(['CREATE']);
    expect((await auditOf('work_order', activationOrder.id)).map((a) => a.action)).toEqual(['CREATE']);

    // Four eyes: the creator cannot approve their own order.
    await expect(decideWorkOrder(staff, activationOrder.id, 'APPROVE')).rejects.toBeInstanceOf(UserError);
    await decideWorkOrder(admin, activationOrder.id, 'APPROVE');
    const [after] = await h.db.select().from(accountGroups).where(eq(accountGroups.id, group.id));
    expect(after.status).toBe('ACTIVE');
    expect((await auditOf('account_group', group.id)).map((a) => a.action)).toEqual(['CREATE', 'STATUS_CHANGE']);
  });

  it('lists the agreement groups with their open accounts count', async () => {
    const { group } = await createAccountGroup(staff, sdcAgreement, groupInput({ name: 'Grupo con cuentas' }));
    await createAccount(staff, sdcAgreement, accountInput({ groupId: group.id }));
    const closing = await createAccount(staff, sdcAgreement, accountInput({ groupId: group.id }));
    await closeAccount(staff, closing.id, 'Local desocupado');
    const listed = (await listAgreementGroups(staff, sdcAgreement)).find((g) => g.id === group.id);
    expect(listed).toMatchObject({ name: 'Grupo con cuentas', status: 'NEW', accountsCount: 1 });
  });

  it('edits a group with an audit row, and refuses a branch the actor does not serve', async () => {
    const { group } = await createAccountGroup(staff, sdcAgreement, groupInput({ name: 'Grupo a editar' }));
    const updated = await updateAccountGroup(staff, group.id, groupInput({ name: 'Grupo editado', deliveryAddress: '' }));
    expect(updated).toMatchObject({ name: 'Grupo editado', deliveryAddress: null, status: 'NEW' });
    const audit = await auditOf('account_group', group.id);
    expect(audit.map((a) => a.action)).toEqual(['CREATE', 'UPDATE']);
    expect(audit[1].before).toMatchObject({ name: 'Grupo a editar' });
    await expect(updateAccountGroup(staff, group.id, groupInput({ branchId: sti }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createAccountGroup(staff, sdcAgreement, groupInput({ branchId: sti }))).rejects.toBeInstanceOf(ForbiddenError);
  });
  it('validates and stores ACCOUNT_GROUP dynamic attributes, keyed attr.<key>, and keeps values of retired ones on edit', async () => {
    const [def] = await h.db
      .insert(attributeDefinitions)
      .values({ entity: 'ACCOUNT_GROUP', key: 'segmento_prueba', label: 'Segmento', type: 'CHOICE', required: true, options: ['Retail', 'Industrial'] })
      .returning();
    try {
      const groupsBefore = await h.db.$count(accountGroups);
      const ordersBefore = await h.db.$count(workOrders);
      const auditBefore = await h.db.$count(auditLog);
      await expect(createAccountGroup(staff, sdcAgreement, groupInput(), {})).rejects.toMatchObject({ fieldErrors: { 'attr.segmento_prueba': ['Este campo es obligatorio.'] } });
      await expect(createAccountGroup(staff, sdcAgreement, groupInput(), { 'attr.segmento_prueba': 'Otro' })).rejects.toMatchObject({ fieldErrors: { 'attr.segmento_prueba': ['Elija una de las opciones.'] } });
      expect(await h.db.$count(accountGroups)).toBe(groupsBefore);
      expect(await h.db.$count(workOrders)).toBe(ordersBefore);
      expect(await h.db.$count(auditLog)).toBe(auditBefore);

      const { group } = await createAccountGroup(staff, sdcAgreement, groupInput({ name: 'Grupo con atributos' }), { 'attr.segmento_prueba': 'Retail' });
      expect(group.attributes).toEqual({ segmento_prueba: 'Retail' });
      // Editing validates too, and a missing required value changes nothing.
      await expect(updateAccountGroup(staff, group.id, groupInput({ name: 'Nombre que no se guarda' }), {})).rejects.toMatchObject({ fieldErrors: { 'attr.segmento_prueba': expect.any(Array) } });
      expect((await h.db.select().from(accountGroups).where(eq(accountGroups.id, group.id)))[0]).toMatchObject({ name: 'Grupo con atributos', attributes: { segmento_prueba: 'Retail' } });

      // Once the definition is retired the form no longer sends it, and the stored value survives.
      await h.db.update(attributeDefinitions).set({ active: false }).where(eq(attributeDefinitions.id, def.id));
      const updated = await updateAccountGroup(staff, group.id, groupInput({ name: 'Grupo con atributos editado' }), {});
      expect(updated).toMatchObject({ name: 'Grupo con atributos editado', attributes: { segmento_prueba: 'Retail' } });
    } finally {
      await h.db.update(attributeDefinitions).set({ active: false }).where(eq(attributeDefinitions.id, def.id));
    }
  });
});

describe('branch scope through the agreement', () => {
  it("hides another branch's group and account by id (404) and refuses to write under its agreement", async () => {
    const { group } = await createAccountGroup(admin, stiAgreement, groupInput({ branchId: sti, name: 'Grupo de Santiago' }));
    const account = await createAccount(admin, stiAgreement, accountInput({ groupId: group.id, meterNumber: 'TST-STI-1' }));

    await expect(getAccountGroup(staff, group.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateAccountGroup(staff, group.id, groupInput())).rejects.toBeInstanceOf(NotFoundError);
    await expect(listAgreementGroups(staff, stiAgreement)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAccount(staff, account.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateAccount(staff, account.id, accountInput())).rejects.toBeInstanceOf(NotFoundError);
    await expect(closeAccount(staff, account.id, 'Intento ajeno')).rejects.toBeInstanceOf(NotFoundError);

    const before = await h.db.$count(accounts);
    const groupsBefore = await h.db.$count(accountGroups);
    await expect(createAccount(staff, stiAgreement, accountInput())).rejects.toBeInstanceOf(NotFoundError);
    await expect(createAccountGroup(staff, stiAgreement, groupInput())).rejects.toBeInstanceOf(NotFoundError);
    expect(await h.db.$count(accounts)).toBe(before);
    expect(await h.db.$count(accountGroups)).toBe(groupsBefore);

    const [after] = await h.db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(after.status).toBe('ACTIVE');
    const list = await listAccounts(staff, accountListSchema.parse({}));
    expect(list.total).toBeGreaterThan(0);
    expect(list.rows.every((r) => r.branchName === 'Santo Domingo Centro')).toBe(true);
    expect((await listAccounts(staff, accountListSchema.parse({ acuerdo: stiAgreement }))).total).toBe(0);
    expect((await listAccounts(admin, accountListSchema.parse({ acuerdo: stiAgreement }))).total).toBe(1);
  });

  it('lets the auditor read but not write', async () => {
    const account = await createAccount(staff, sdcAgreement, accountInput());
    expect((await getAccount(auditor, account.id)).account.id).toBe(account.id);
    await expect(createAccount(auditor, sdcAgreement, accountInput())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createAccountGroup(auditor, sdcAgreement, groupInput())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(closeAccount(auditor, account.id, 'Sin permiso')).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('accounts', () => {
  it('creates an ACTIVE account numbered CT-NNNNNN under the agreement, audited', async () => {
    const account = await createAccount(staff, sdcAgreement, accountInput({ localityId: locality }));
    expect(account).toMatchObject({ status: 'ACTIVE', number: expect.stringMatching(/^CT-\d{6}$/), agreementId: sdcAgreement, groupId: null, localityId: locality, tariffCategoryId: tariff });
    const audit = await auditOf('account', account.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'CREATE', userId: staff.id });
  });

  it("refuses a group of another agreement with a field error, writing nothing", async () => {
    const { group: foreign } = await createAccountGroup(staff, otherSdcAgreement, groupInput({ name: 'Grupo del otro acuerdo' }));
    const before = await h.db.$count(accounts);
    const auditBefore = await h.db.$count(auditLog);
    const err = await createAccount(staff, sdcAgreement, accountInput({ groupId: foreign.id })).catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.fieldErrors).toEqual({ groupId: ['El grupo no pertenece al acuerdo de la cuenta.'] });
    expect(await h.db.$count(accounts)).toBe(before);
    expect(await h.db.$count(auditLog)).toBe(auditBefore);

    const account = await createAccount(staff, sdcAgreement, accountInput());
    await expect(updateAccount(staff, account.id, accountInput({ groupId: foreign.id }))).rejects.toMatchObject({ fieldErrors: { groupId: expect.any(Array) } });
    // The database refuses it too (composite foreign key), should the check ever be skipped.
    await expect(h.db.update(accounts).set({ groupId: foreign.id }).where(eq(accounts.id, account.id))).rejects.toThrow();
  });

  it('keeps meter numbers unique among open accounts, case-insensitively, and frees them on close', async () => {
    const first = await createAccount(staff, sdcAgreement, accountInput({ meterNumber: 'tst-1001' }));
    expect(first.meterNumber).toBe('TST-1001');
    const err = await createAccount(staff, sdcAgreement, accountInput({ meterNumber: 'TST-1001' })).catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.fieldErrors).toEqual({ meterNumber: [METER_TAKEN] });
    const other = await createAccount(staff, sdcAgreement, accountInput({ meterNumber: 'TST-1002' }));
    await expect(updateAccount(staff, other.id, accountInput({ meterNumber: 'TST-1001' }))).rejects.toMatchObject({ fieldErrors: { meterNumber: [METER_TAKEN] } });
    // Saving the account with its own meter is not a collision.
    expect((await updateAccount(staff, first.id, accountInput({ meterNumber: 'TST-1001', description: 'Local 3 renovado' }))).description).toBe('Local 3 renovado');
    // The partial unique index names the constraint the data layer translates for concurrent writes.
    const raw = await h.db.insert(accounts).values({ number: 'CT-999999', description: 'x', agreementId: sdcAgreement, serviceAddress: 'x', tariffCategoryId: tariff, startDate: '2026-01-01', meterNumber: 'TST-1001' }).catch((e) => e);
    expect(uniqueViolation(raw)).toBe('accounts_meter_uq');

    await closeAccount(staff, first.id, 'Baja del suministro');
    const reused = await createAccount(staff, sdcAgreement, accountInput({ meterNumber: 'TST-1001' }));
    expect(reused.meterNumber).toBe('TST-1001');
  });

  it('closes an account only with a reason, audits it, and then refuses edits and a second close', async () => {
    const account = await createAccount(staff, sdcAgreement, accountInput());
    await expect(closeAccount(staff, account.id, '  ')).rejects.toBeInstanceOf(UserError);
    expect((await h.db.select().from(accounts).where(eq(accounts.id, account.id)))[0].status).toBe('ACTIVE');

    const closed = await closeAccount(staff, account.id, 'Cliente se mudó');
    expect(closed).toMatchObject({ status: 'CLOSED', statusReason: 'Cliente se mudó' });
    const audit = await auditOf('account', account.id);
    expect(audit.map((a) => a.action)).toEqual(['CREATE', 'STATUS_CHANGE']);
    expect(audit[1]).toMatchObject({ before: { status: 'ACTIVE' }, after: { status: 'CLOSED', reason: 'Cliente se mudó' } });
    expect((await getAccount(staff, account.id)).statusChange).toMatchObject({ reason: 'Cliente se mudó', userEmail: staff.email });

    await expect(closeAccount(staff, account.id, 'Otra vez')).rejects.toBeInstanceOf(UserError);
    await expect(updateAccount(staff, account.id, accountInput())).rejects.toBeInstanceOf(UserError);
  });

  it('refuses tariff categories that are retired', async () => {
    const [retired] = await h.db.insert(tariffCategories).values({ code: 'OLD', name: 'Categoría retirada', active: false }).returning();
    await expect(createAccount(staff, sdcAgreement, accountInput({ tariffCategoryId: retired.id }))).rejects.toMatchObject({ fieldErrors: { tariffCategoryId: ['Categoría tarifaria no válida.'] } });
  });

  it('validates and stores ACCOUNT dynamic attributes, keyed attr.<key> in field errors', async () => {
    const [def] = await h.db.insert(attributeDefinitions).values({ entity: 'ACCOUNT', key: 'caudal_prueba', label: 'Caudal contratado', type: 'NUMBER', required: true }).returning();
    try {
      await expect(createAccount(staff, sdcAgreement, accountInput(), {})).rejects.toMatchObject({ fieldErrors: { 'attr.caudal_prueba': ['Este campo es obligatorio.'] } });
      const account = await createAccount(staff, sdcAgreement, accountInput(), { 'attr.caudal_prueba': '1,234.50' });
      expect(account.attributes).toEqual({ caudal_prueba: '1234.5' });
    } finally {
      await h.db.update(attributeDefinitions).set({ active: false }).where(eq(attributeDefinitions.id, def.id));
    }
  });
});

describe('closed agreements', () => {
  it('admit no new groups or accounts and no edits', async () => {
    const id = await agreement(staff, sdc, 'Acuerdo a cerrar');
    const { group } = await createAccountGroup(staff, id, groupInput());
    const account = await createAccount(staff, id, accountInput({ groupId: group.id }));
    await changeAgreementStatus(staff, id, 'CLOSE', 'Baja solicitada por el cliente');
    await expect(createAccountGroup(staff, id, groupInput())).rejects.toBeInstanceOf(UserError);
    await expect(createAccount(staff, id, accountInput())).rejects.toBeInstanceOf(UserError);
    await expect(updateAccountGroup(staff, group.id, groupInput())).rejects.toBeInstanceOf(UserError);
    await expect(updateAccount(staff, account.id, accountInput())).rejects.toBeInstanceOf(UserError);
    expect(await h.db.$count(workOrders, eq(workOrders.accountGroupId, group.id))).toBe(1);
  });
});
