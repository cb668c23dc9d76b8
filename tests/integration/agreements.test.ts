import { and, eq, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { agreements, attributeDefinitions, auditLog, branches, customers, localities, workOrders } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import type { Actor } from '@/lib/auth/scope';
import { changeAgreementStatus, createAgreement, getAgreement, getAgreementDetail, listAgreements, updateAgreement } from '@/lib/dal/agreements';
import { decideWorkOrder } from '@/lib/dal/work-orders';
import type { AttributeDefinition } from '@/lib/domain/dynamic-attributes';
import { agreementInputSchema, parseAttributeFilters } from '@/lib/validation/agreement';
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

// The file's own attribute definitions (the seeded ones are deactivated in beforeAll): one required.
const ZONA = { key: 'zona_prueba', label: 'Zona', type: 'CHOICE', required: true, options: ['Norte', 'Sur'] } as const;
const RIEGO = { key: 'riego_prueba', label: 'Riego', type: 'BOOLEAN', required: false, options: null } as const;
const REF = { key: 'ref_prueba', label: 'Referencia', type: 'TEXT', required: false, options: null } as const;
const ATTRS = { [ZONA.key]: 'Norte' };

/** Creates an agreement with the required attribute filled in. */
function create(actor: Actor, over: Record<string, unknown> = {}, attributes: Record<string, unknown> = ATTRS) {
  return createAgreement(actor, input(over), attributes);
}

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
  await h.db.update(attributeDefinitions).set({ active: false }).where(eq(attributeDefinitions.entity, 'AGREEMENT'));
  await h.db.insert(attributeDefinitions).values([ZONA, RIEGO, REF].map((d, i) => ({ ...d, options: d.options ? [...d.options] : null, entity: 'AGREEMENT' as const, position: i })));
});
afterAll(() => h.close());

describe('agreement lifecycle through work orders', () => {
  it('creates a NEW agreement with a pending activation order, both audited', async () => {
    const { agreement, activationOrder } = await create(staff);
    expect(agreement).toMatchObject({ status: 'NEW', code: expect.stringMatching(/^AC-\d{6}$/) });
    expect(activationOrder).toMatchObject({ type: 'ACTIVATION', status: 'PENDING', target: 'AGREEMENT', agreementId: agreement.id, number: expect.stringMatching(/^OT-\d{6}$/) });
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.entityId, agreement.id));
    expect(audit.map((a) => a.action)).toEqual(['CREATE']);
  });

  it('refuses approval by the order creator, then activates when another user approves', async () => {
    const { agreement, activationOrder } = await create(staff, { name: 'Acuerdo a aprobar' });
    await expect(decideWorkOrder(staff, activationOrder.id, 'APPROVE')).rejects.toBeInstanceOf(UserError);
    await decideWorkOrder(admin, activationOrder.id, 'APPROVE');
    const [after] = await h.db.select().from(agreements).where(eq(agreements.id, agreement.id));
    expect(after.status).toBe('ACTIVE');
    await expect(decideWorkOrder(admin, activationOrder.id, 'APPROVE')).rejects.toBeInstanceOf(UserError);
  });

  it('keeps the agreement NEW when its activation is rejected, with the reason', async () => {
    const { agreement, activationOrder } = await create(staff, { name: 'Acuerdo a rechazar' });
    await expect(decideWorkOrder(admin, activationOrder.id, 'REJECT', '')).rejects.toBeInstanceOf(UserError);
    await decideWorkOrder(admin, activationOrder.id, 'REJECT', 'Falta el contrato firmado');
    const [order] = await h.db.select().from(workOrders).where(eq(workOrders.id, activationOrder.id));
    expect(order).toMatchObject({ status: 'REJECTED', decisionReason: 'Falta el contrato firmado' });
    const [after] = await h.db.select().from(agreements).where(eq(agreements.id, agreement.id));
    expect(after.status).toBe('NEW');
  });

  it('suspends and closes only with a reason and only from legal states', async () => {
    const { agreement, activationOrder } = await create(staff, { name: 'Acuerdo a suspender' });
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
    await expect(create(staff, { branchId: sti })).rejects.toBeInstanceOf(ForbiddenError);
    const { agreement } = await create(admin, { branchId: sti, name: 'Acuerdo de Santiago' });
    await expect(getAgreement(staff, agreement.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(changeAgreementStatus(staff, agreement.id, 'CLOSE', 'Intento ajeno')).rejects.toBeInstanceOf(NotFoundError);
    const list = await listAgreements(staff, {});
    expect(list.rows.every((r) => r.branchName === 'Santo Domingo Centro')).toBe(true);
  });

  it('lets the auditor read but not write', async () => {
    expect((await listAgreements(auditor, {})).total).toBeGreaterThan(0);
    await expect(create(auditor)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('dynamic attributes of agreements', () => {
  it('refuses a missing required attribute or a value outside the options, writing nothing', async () => {
    const before = await h.db.$count(agreements);
    await expect(create(staff, {}, {})).rejects.toMatchObject({ fieldErrors: { [`attr.${ZONA.key}`]: ['Este campo es obligatorio.'] } });
    await expect(create(staff, {}, { [ZONA.key]: 'Este' })).rejects.toMatchObject({ fieldErrors: { [`attr.${ZONA.key}`]: ['Elija una de las opciones.'] } });
    expect(await h.db.$count(agreements)).toBe(before);
  });

  it('stores validated values and keeps those of a deactivated definition on update', async () => {
    const { agreement } = await create(staff, { name: 'Acuerdo con atributos' }, { [ZONA.key]: 'Sur', [RIEGO.key]: 'on', [REF.key]: '  R-12 ', desconocido: 'x' });
    expect(agreement.attributes).toEqual({ [ZONA.key]: 'Sur', [RIEGO.key]: true, [REF.key]: 'R-12' });
    await h.db.update(attributeDefinitions).set({ active: false }).where(eq(attributeDefinitions.key, REF.key));
    try {
      const updated = await updateAgreement(staff, agreement.id, input({ name: 'Acuerdo con atributos' }), { [ZONA.key]: 'Norte' });
      expect(updated.attributes).toEqual({ [ZONA.key]: 'Norte', [RIEGO.key]: false, [REF.key]: 'R-12' });
    } finally {
      await h.db.update(attributeDefinitions).set({ active: true }).where(eq(attributeDefinitions.key, REF.key));
    }
  });

  it('whitelists list filters against the definitions and their types', () => {
    const defs: AttributeDefinition[] = [
      { ...ZONA, options: [...ZONA.options] },
      RIEGO,
      REF,
      { key: 'caudal', label: 'Caudal', type: 'NUMBER', required: false, options: null },
      { key: 'visita', label: 'Visita', type: 'DATE', required: false, options: null },
    ];
    const raw = {
      [`attr.${ZONA.key}`]: 'Este', // not an option
      [`attr.${RIEGO.key}`]: 'false',
      [`attr.${REF.key}`]: ' R-1 ',
      'attr.caudal': '1,200.50', // normalized as stored
      'attr.visita': '2026-02-30', // not a real day
      'attr.otra': 'x', // no such definition
    };
    expect(parseAttributeFilters(raw, defs)).toEqual([
      { key: RIEGO.key, type: 'BOOLEAN', value: 'false' },
      { key: REF.key, type: 'TEXT', value: 'R-1' },
      { key: 'caudal', type: 'NUMBER', value: '1200.5' },
    ]);
  });
});

describe('agreement list filters', () => {
  let norte: string;
  let sur: string;
  let closed: string;
  let sdcCustomerDoc: { name: string; type: string; number: string };

  beforeAll(async () => {
    norte = (await create(staff, { name: 'Filtro Norte por cuenta', billingMode: 'PER_ACCOUNT' }, { [ZONA.key]: 'Norte', [RIEGO.key]: 'on', [REF.key]: 'Ruta-Especial-77' })).agreement.id;
    sur = (await create(staff, { name: 'Filtro Sur por grupo', billingMode: 'PER_GROUP' }, { [ZONA.key]: 'Sur' })).agreement.id;
    const third = await create(staff, { name: 'Filtro cerrado' });
    await changeAgreementStatus(staff, third.agreement.id, 'CLOSE', 'Baja del servicio');
    closed = third.agreement.id;
    await h.db.update(agreements).set({ delinquencyStatus: 'DELINQUENT' }).where(eq(agreements.id, sur));
    const [c] = await h.db.select().from(customers).where(eq(customers.id, sdcCustomer));
    sdcCustomerDoc = { name: c.legalName, type: c.documentType, number: c.documentNumber };
  });

  const ids = (r: { rows: { id: string }[] }) => r.rows.map((x) => x.id);
  // The seeded agreements fill pages; 'Filtro' narrows inclusion checks to this block's three.
  const mine = { q: 'Filtro' };

  it('filters by status', async () => {
    expect(ids(await listAgreements(staff, { ...mine, status: 'CLOSED' }))).toEqual([closed]);
    const res = await listAgreements(staff, { status: 'CLOSED' });
    expect(res.rows.every((r) => r.status === 'CLOSED')).toBe(true);
  });

  it('filters by billing mode and by delinquency status', async () => {
    expect(ids(await listAgreements(staff, { ...mine, billingMode: 'PER_GROUP' }))).toEqual([sur]);
    const byMode = await listAgreements(staff, { billingMode: 'PER_GROUP' });
    expect(byMode.rows.every((r) => r.billingMode === 'PER_GROUP')).toBe(true);
    expect(ids(await listAgreements(staff, { ...mine, delinquencyStatus: 'DELINQUENT' }))).toEqual([sur]);
    const delinquent = await listAgreements(staff, { delinquencyStatus: 'DELINQUENT' });
    expect(delinquent.rows.every((r) => r.delinquencyStatus === 'DELINQUENT')).toBe(true);
  });

  it('filters by a dynamic attribute: exact for a choice, contains for text, unset booleans count as "no"', async () => {
    const bySur = await listAgreements(staff, { ...mine, attributes: [{ key: ZONA.key, type: 'CHOICE', value: 'Sur' }] });
    expect(ids(bySur)).toEqual([sur]);
    const byText = await listAgreements(staff, { attributes: [{ key: REF.key, type: 'TEXT', value: 'especial' }] });
    expect(ids(byText)).toEqual([norte]);
    // 'sur' and 'closed' were saved with it unticked (false); the seeded agreements lack the key.
    const noRiego = await listAgreements(staff, { ...mine, attributes: [{ key: RIEGO.key, type: 'BOOLEAN', value: 'false' }] });
    expect(ids(noRiego).sort()).toEqual([sur, closed].sort());
    expect((await listAgreements(staff, { attributes: [{ key: RIEGO.key, type: 'BOOLEAN', value: 'false' }] })).total).toBe((await listAgreements(staff, {})).total - 1);
    const riego = await listAgreements(staff, { attributes: [{ key: RIEGO.key, type: 'BOOLEAN', value: 'true' }] });
    expect(ids(riego)).toEqual([norte]);
  });

  it("searches by the customer's document, typed with or without separators, and by customer name", async () => {
    const digits = sdcCustomerDoc.number;
    const dashed = `${digits.slice(0, 3)}-${digits.slice(3, -1)}-${digits.slice(-1)}`;
    for (const q of [digits, dashed, sdcCustomerDoc.name.slice(0, 12)]) {
      const res = await listAgreements(staff, { q });
      expect(ids(res)).toEqual(expect.arrayContaining([norte, sur, closed]));
    }
    const none = await listAgreements(staff, { q: 'zzz-no-existe-zzz' });
    expect(none.total).toBe(0);
  });

  it('sorts by code in both directions and pages through the total', async () => {
    const asc = await listAgreements(staff, { sort: 'code', dir: 'asc' });
    const desc = await listAgreements(staff, { sort: 'code', dir: 'desc' });
    const codes = asc.rows.map((r) => r.code);
    expect(codes).toEqual([...codes].sort());
    expect(desc.rows[0].code >= asc.rows.at(-1)!.code).toBe(true);
    expect(asc.total).toBe(desc.total);
    expect(asc.pageCount).toBe(Math.max(1, Math.ceil(asc.total / asc.pageSize)));
  });

  it("keeps the list within the actor's branches, even when filtering by another branch", async () => {
    const other = await listAgreements(staff, { branchId: sti });
    expect(other.total).toBe(0);
    const [{ count: stiCount }] = await h.db.select({ count: agreementsCount() }).from(agreements).where(eq(agreements.branchId, sti));
    const adminView = await listAgreements(admin, { branchId: sti });
    expect(adminView.total).toBe(stiCount);
    const [{ count: outside }] = await h.db.select({ count: agreementsCount() }).from(agreements).where(and(ne(agreements.branchId, sdc)));
    expect(outside).toBeGreaterThan(0);
    const mine = await listAgreements(staff, {});
    const [{ count: sdcCount }] = await h.db.select({ count: agreementsCount() }).from(agreements).where(eq(agreements.branchId, sdc));
    expect(mine.total).toBe(sdcCount);
  });

  it('shows the pending activation order on the detail, and refuses the detail to another branch', async () => {
    const detail = await getAgreementDetail(staff, norte);
    expect(detail.activationOrder).toMatchObject({ status: 'PENDING', number: expect.stringMatching(/^OT-/) });
    expect(detail.definitions.map((d) => d.key)).toEqual([ZONA.key, RIEGO.key, REF.key]);
    const [stiAgreement] = await h.db.select().from(agreements).where(eq(agreements.branchId, sti)).limit(1);
    await expect(getAgreementDetail(staff, stiAgreement.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAgreementDetail(staff, 'no-es-un-uuid')).rejects.toBeInstanceOf(NotFoundError);
  });
});

function agreementsCount() {
  return sql<number>`count(*)::int`;
}
