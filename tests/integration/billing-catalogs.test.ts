import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { agreements, auditLog, conceptGroups, concepts, invoices, pointsOfSale, tariffBlocks, tariffCategories, tariffs } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { DEMO_CONCEPTS } from '@/db/seed-data/billing';
import { findUserByEmail } from '@/db/queries/users';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import type { Actor } from '@/lib/auth/scope';
import {
  conceptFormOptions,
  createConcept,
  createConceptGroup,
  createTariff,
  getTariff,
  listConceptGroupsForAdmin,
  listConceptsForAdmin,
  listTariffsForAdmin,
  simulateTariff,
  updateConcept,
  updateConceptGroup,
  updateTariff,
} from '@/lib/dal/billing-catalogs';
import { validateBlocks } from '@/lib/domain/billing/tariff';
import { money } from '@/lib/domain/money';
import { conceptGroupInputSchema, conceptInputSchema, tariffInputSchema } from '@/lib/validation/billing-catalogs';
import { actorFor } from '../support/actors';
import { createTestDatabase } from '../support/db';

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock('@/lib/auth/auth', () => ({ auth: async () => session.current, signIn: vi.fn(), signOut: vi.fn() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
const { createConceptAction, createTariffAction, setConceptActiveAction, updateTariffAction } = await import('@/lib/actions/billing-catalogs');

let h: DatabaseHandle;
let admin: Actor;
let staff: Actor;
let auditor: Actor;
const groups: Record<string, string> = {};
const categories: Record<string, string> = {};

const fieldErrorsOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof UserError ? (e.fieldErrors ?? {}) : Promise.reject(e)));
const auditOf = (entity: string, entityId: string) => h.db.select().from(auditLog).where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId))).orderBy(auditLog.at, auditLog.id);
const digest = (p: Promise<unknown>) => p.then(() => 'resolved', (e: { digest?: string }) => e.digest ?? String(e));
const fd = (values: Record<string, unknown>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) for (const x of Array.isArray(v) ? v : v === undefined ? [] : [v]) f.append(k, String(x));
  return f;
};
async function signInAs(email: string) {
  const user = await findUserByEmail(h.db, email);
  session.current = { user: { id: user!.id } };
}

const conceptRaw = (over: Record<string, unknown> = {}) => ({
  code: 'INSP-CAR',
  name: 'Inspección a cargo del cliente',
  groupId: groups.VAR,
  kind: 'ONE_OFF',
  appliesTo: 'ALL',
  amount: '1,200.50',
  taxRate: '18.00',
  accountingCode: '4.1.03.010',
  position: '5',
  active: 'on',
  ...over,
});
const conceptInput = (over: Record<string, unknown> = {}) => conceptInputSchema.parse(conceptRaw(over));
const tariffRaw = (over: Record<string, unknown> = {}) => ({
  tariffCategoryId: categories.COM,
  effectiveFrom: '2027-01-01',
  fixedCharge: '500',
  flatRate: '2,000.00',
  notes: 'Prueba',
  blockFrom: ['0', '50', '200'],
  blockTo: ['50', '200', ''],
  blockPrice: ['35.5', '48.25', '61.125'],
  ...over,
});
const tariffInput = (over: Record<string, unknown> = {}) => tariffInputSchema.parse(tariffRaw(over));

beforeAll(async () => {
  h = await createTestDatabase();
  await seedDemo(h);
  admin = await actorFor('admin@cauce.example');
  staff = await actorFor('sucursal@cauce.example');
  auditor = await actorFor('auditor@cauce.example');
  for (const g of await h.db.select().from(conceptGroups)) groups[g.code] = g.id;
  for (const c of await h.db.select().from(tariffCategories)) categories[c.code] = c.id;
});
afterAll(() => h.close());
beforeEach(() => {
  session.current = null;
});

describe('demo billing catalogs', () => {
  it('has the three groups and the six concepts, consistent with their kinds', async () => {
    const g = await listConceptGroupsForAdmin(admin);
    expect(g.map((x) => [x.code, x.name, x.concepts])).toEqual([
      ['AP', 'Agua potable', 2],
      ['ALC', 'Alcantarillado', 1],
      ['VAR', 'Cargos varios', 3],
    ]);
    const rows = await h.db.select().from(concepts).orderBy(asc(concepts.code));
    expect(rows.map((c) => c.code)).toEqual(DEMO_CONCEPTS.map((c) => c.code).sort());
    const by = Object.fromEntries(rows.map((c) => [c.code, c]));
    expect(by['AGUA-FIJO']).toMatchObject({ kind: 'FIXED_CHARGE', amount: null, automatic: true, taxRate: '0.00', groupId: groups.AP });
    expect(by['AGUA-CONS']).toMatchObject({ kind: 'CONSUMPTION', appliesTo: 'METERED', automatic: true, taxRate: '0.00' });
    expect(by.ALCANT).toMatchObject({ kind: 'PERCENTAGE', percentage: '30.0000', baseGroupId: groups.AP, groupId: groups.ALC, automatic: true });
    expect(by['MED-ALQ']).toMatchObject({ kind: 'FIXED_CHARGE', amount: '45.00', appliesTo: 'METERED', taxRate: '18.00', automatic: true });
    expect(by.RECONEX).toMatchObject({ kind: 'ONE_OFF', amount: '850.00', taxRate: '18.00', automatic: false });
    expect(by.MORA).toMatchObject({ kind: 'LATE_FEE', amount: '150.00', taxRate: '0.00' });
    expect(rows.every((c) => /^4\.1\.\d{2}\.\d{3}$/.test(c.accountingCode ?? ''))).toBe(true);
    // What the seed wrote is what the admin form would accept.
    for (const c of rows) {
      const parsed = conceptInputSchema.safeParse({ ...c, amount: c.amount ?? '', percentage: c.percentage ?? '', baseGroupId: c.baseGroupId ?? '', accountingCode: c.accountingCode ?? '', position: String(c.position), active: 'on', automatic: c.automatic ? 'on' : undefined });
      expect(parsed.success, c.code).toBe(true);
    }
  });

  it('has two tariffs per category, valid blocks, the July 2026 revision 5–8 % higher and in force today', async () => {
    const list = await listTariffsForAdmin(admin);
    expect(list.map((c) => c.code)).toEqual(['COM', 'GOB', 'IND', 'RES', 'RES-SOC']);
    for (const c of list) {
      expect(c.tariffs.map((t) => t.effectiveFrom)).toEqual(['2026-07-01', '2025-01-01']);
      expect(c.inForceId).toBe(c.tariffs[0].id);
      const [revision, base] = c.tariffs;
      const ratio = money(revision.fixedCharge).dividedBy(base.fixedCharge);
      expect(ratio.gte(1.04) && ratio.lte(1.09), `${c.code} ${ratio}`).toBe(true);
      for (const t of c.tariffs) {
        const blocks = await h.db.select().from(tariffBlocks).where(eq(tariffBlocks.tariffId, t.id)).orderBy(tariffBlocks.fromM3);
        expect(validateBlocks(blocks)).toEqual({ ok: true });
        expect(money(t.flatRate).gte(450) && money(t.flatRate).lte(3800)).toBe(true);
      }
    }
    const res = list.find((c) => c.code === 'RES')!.tariffs[1];
    expect(res).toMatchObject({ fixedCharge: '150.00', flatRate: '850.00', blocks: 3 });
  });

  it('is added once to a database seeded before billing existed', async () => {
    // Tariffs, then concepts, then groups go: as if the database predated billing.
    const before = { tariffs: await h.db.$count(tariffs), concepts: await h.db.$count(concepts) };
    await h.db.transaction(async (tx) => {
      const saved = await tx.select().from(concepts);
      await tx.delete(tariffBlocks);
      await tx.delete(tariffs);
      await tx.delete(concepts);
      await tx.delete(conceptGroups);
      expect(saved.length).toBe(before.concepts);
    });
    await seedDemo(h);
    await seedDemo(h);
    expect({ tariffs: await h.db.$count(tariffs), concepts: await h.db.$count(concepts) }).toEqual(before);
    for (const g of await h.db.select().from(conceptGroups)) groups[g.code] = g.id;
  });
});

describe('only admins maintain billing catalogs', () => {
  it.each([
    ['branch staff', () => staff],
    ['auditor', () => auditor],
  ])('refuses the %s in the data layer', async (_label, who) => {
    const actor = who();
    const counts = [await h.db.$count(concepts), await h.db.$count(conceptGroups), await h.db.$count(tariffs)];
    await expect(listConceptsForAdmin(actor)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(conceptFormOptions(actor)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createConcept(actor, conceptInput())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createConceptGroup(actor, conceptGroupInputSchema.parse({ code: 'NOPE', name: 'Nope' }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listTariffsForAdmin(actor)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createTariff(actor, tariffInput())).rejects.toBeInstanceOf(ForbiddenError);
    expect([await h.db.$count(concepts), await h.db.$count(conceptGroups), await h.db.$count(tariffs)]).toEqual(counts);
  });

  it('redirects anonymous callers to login and answers 403 to staff in the actions, writing nothing', async () => {
    const before = await h.db.$count(concepts);
    expect(await digest(createConceptAction(undefined, fd(conceptRaw())))).toMatch(/^NEXT_REDIRECT;.*\/login/);
    await signInAs('sucursal@cauce.example');
    expect(await digest(createConceptAction(undefined, fd(conceptRaw())))).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
    expect(await digest(createTariffAction(undefined, fd(tariffRaw())))).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
    const [mora] = await h.db.select().from(concepts).where(eq(concepts.code, 'MORA'));
    expect(await digest(setConceptActiveAction(mora.id, undefined, fd({ active: 'false' })))).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
    expect(await h.db.$count(concepts)).toBe(before);
    expect((await h.db.select().from(concepts).where(eq(concepts.code, 'MORA')))[0].active).toBe(true);
  });
});

describe('concepts', () => {
  it('turns the kind rules into field errors and writes nothing', async () => {
    await signInAs('admin@cauce.example');
    const before = await h.db.$count(concepts);
    const noAmount = await createConceptAction(undefined, fd(conceptRaw({ amount: '' })));
    expect(noAmount).toMatchObject({ ok: false, fieldErrors: { amount: ['Indique el importe: un cargo único siempre lo lleva.'] }, values: { name: 'Inspección a cargo del cliente' } });
    const lateFee = conceptInputSchema.safeParse(conceptRaw({ kind: 'LATE_FEE', amount: undefined }));
    expect(lateFee.success).toBe(false);
    const pct = await createConceptAction(undefined, fd(conceptRaw({ kind: 'PERCENTAGE', amount: '', percentage: '0', baseGroupId: '' })));
    expect(pct).toMatchObject({ ok: false, fieldErrors: { percentage: [expect.stringContaining('mayor que 0')], baseGroupId: ['Seleccione el grupo sobre el que se calcula el porcentaje.'] } });
    const selfBase = await createConceptAction(undefined, fd(conceptRaw({ kind: 'PERCENTAGE', percentage: '10', baseGroupId: groups.VAR })));
    expect(selfBase).toMatchObject({ ok: false, fieldErrors: { baseGroupId: ['El grupo base no puede ser el grupo del propio concepto.'] } });
    const badAmount = await createConceptAction(undefined, fd(conceptRaw({ amount: '12.345' })));
    expect(badAmount).toMatchObject({ ok: false, fieldErrors: { amount: [expect.stringContaining('hasta 2 decimales')] } });
    const badRate = await createConceptAction(undefined, fd(conceptRaw({ taxRate: '120' })));
    expect(badRate).toMatchObject({ ok: false, fieldErrors: { taxRate: ['Seleccione la tasa de impuesto.'] } });
    expect(await h.db.$count(concepts)).toBe(before);
  });

  it('drops what does not apply to the kind and keeps a fixed charge without amount ("del tarifario")', () => {
    expect(conceptInput({ kind: 'CONSUMPTION', amount: '10', percentage: '5', baseGroupId: groups.AP })).toMatchObject({ amount: null, percentage: null, baseGroupId: null });
    expect(conceptInput({ kind: 'FIXED_CHARGE', amount: '' })).toMatchObject({ amount: null });
    expect(conceptInput({ kind: 'PERCENTAGE', amount: '10', percentage: '12.5', baseGroupId: groups.AP })).toMatchObject({ amount: null, percentage: '12.5000', baseGroupId: groups.AP });
  });

  it('creates a concept, audited, and maps a taken code to a field error', async () => {
    await signInAs('admin@cauce.example');
    const created = await createConcept(admin, conceptInput());
    expect(created).toMatchObject({ code: 'INSP-CAR', amount: '1200.50', taxRate: '18.00', position: 5, active: true, automatic: false });
    expect((await auditOf('concept', created.id)).map((a) => a.action)).toEqual(['CREATE']);
    expect(await fieldErrorsOf(createConcept(admin, conceptInput({ code: 'reconex' })))).toEqual({ code: ['El código RECONEX ya es del concepto Reconexión del servicio.'] });
    expect(await fieldErrorsOf(updateConcept(admin, created.id, conceptInput({ code: 'MORA' })))).toEqual({ code: ['El código MORA ya es del concepto Recargo por mora.'] });
    const action = await createConceptAction(undefined, fd(conceptRaw({ code: 'MED-ALQ' })));
    expect(action).toMatchObject({ ok: false, fieldErrors: { code: ['El código MED-ALQ ya es del concepto Alquiler de medidor.'] } });
  });

  it('edits and deactivates instead of deleting, auditing before and after', async () => {
    await signInAs('admin@cauce.example');
    const [own] = await h.db.select().from(concepts).where(eq(concepts.code, 'INSP-CAR'));
    const updated = await updateConcept(admin, own.id, conceptInput({ name: 'Inspección técnica', taxRate: '0' }));
    expect(updated).toMatchObject({ name: 'Inspección técnica', taxRate: '0.00' });
    expect(await setConceptActiveAction(own.id, undefined, fd({ active: 'false' }))).toMatchObject({ ok: true, message: 'Concepto desactivado.' });
    const [after] = await h.db.select().from(concepts).where(eq(concepts.id, own.id));
    expect(after.active).toBe(false);
    const audit = await auditOf('concept', own.id);
    expect(audit.map((a) => a.action)).toEqual(['CREATE', 'UPDATE', 'UPDATE']);
    expect(audit[1].before).toMatchObject({ name: 'Inspección a cargo del cliente', taxRate: '18.00' });
    expect(audit[1].after).toMatchObject({ name: 'Inspección técnica', taxRate: '0.00' });
    await expect(updateConcept(admin, 'x', conceptInput())).rejects.toBeInstanceOf(NotFoundError);
  });

  it('offers the tax rates in use plus ITBIS 18 % and exempt', async () => {
    expect((await conceptFormOptions(admin)).taxRates).toEqual(['18.00', '0.00']);
    await h.db.update(concepts).set({ taxRate: '16.00' }).where(eq(concepts.code, 'INSP-CAR'));
    expect((await conceptFormOptions(admin)).taxRates).toEqual(['18.00', '16.00', '0.00']);
  });

  it('filters by group and kind', async () => {
    const fixed = await listConceptsForAdmin(admin, { kind: 'FIXED_CHARGE' });
    expect(fixed.map((c) => c.code)).toEqual(['AGUA-FIJO', 'MED-ALQ']);
    const ap = await listConceptsForAdmin(admin, { groupId: groups.AP });
    expect(ap.map((c) => c.code)).toEqual(['AGUA-FIJO', 'AGUA-CONS']);
    expect((await listConceptsForAdmin(admin, { groupId: groups.ALC }))[0]).toMatchObject({ code: 'ALCANT', baseGroupName: 'Agua potable' });
  });
});

describe('concept groups', () => {
  it('creates and renames a group, audited, with code and name unique as field errors', async () => {
    const created = await createConceptGroup(admin, conceptGroupInputSchema.parse({ code: 'srv', name: 'Servicios técnicos', position: '4' }));
    expect(created).toMatchObject({ code: 'SRV', position: 4 });
    expect(await fieldErrorsOf(createConceptGroup(admin, conceptGroupInputSchema.parse({ code: 'AP', name: 'alcantarillado' })))).toEqual({
      code: ['El código AP ya es del grupo Agua potable.'],
      name: ['Ya existe un grupo con ese nombre (ALC).'],
    });
    await updateConceptGroup(admin, created.id, conceptGroupInputSchema.parse({ code: 'SRV', name: 'Servicios técnicos y obras', position: '4' }));
    expect((await auditOf('concept_group', created.id)).map((a) => a.action)).toEqual(['CREATE', 'UPDATE']);
  });
});

describe('tariffs', () => {
  it('checks every block row and reports each problem on its own key', async () => {
    await signInAs('admin@cauce.example');
    const before = await h.db.$count(tariffs);
    const result = await createTariffAction(
      undefined,
      fd(tariffRaw({ blockFrom: ['5', '50', '150', '300'], blockTo: ['50', '150', '120', '400'], blockPrice: ['10', '-2', '12.12345', 'x'], fixedCharge: '1.234' })),
    );
    expect(result.ok).toBe(false);
    const errors = (result as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(errors['blocks.0.from']).toEqual(['El primer tramo debe empezar en 0 m³.']);
    expect(errors['blocks.1.price']).toEqual([expect.stringContaining('tramo 2')]);
    expect(errors['blocks.2.to']).toEqual([expect.stringContaining('mayor que')]);
    expect(errors['blocks.2.price']).toEqual(['El precio del tramo 3 admite hasta 4 decimales.']);
    expect(errors['blocks.3.price']).toEqual([expect.stringContaining('tramo 4')]);
    expect(errors['blocks.3.to']).toEqual([expect.stringContaining('último tramo debe quedar abierto')]);
    expect(errors.fixedCharge).toEqual([expect.stringContaining('hasta 2 decimales')]);
    expect(await h.db.$count(tariffs)).toBe(before);

    expect(tariffInputSchema.safeParse(tariffRaw({ blockFrom: [], blockTo: [], blockPrice: [] })).error?.issues.map((i) => i.path[0])).toEqual(['blocks']);
    const gap = tariffInputSchema.safeParse(tariffRaw({ blockFrom: ['0', '60', '200'] }));
    expect(gap.error?.issues.map((i) => [i.path[0], i.message])).toEqual([['blocks.1.from', 'El tramo 2 debe empezar en 50 m³, donde termina el anterior.']]);
  });

  it('creates a tariff with its blocks, audited, and one per category and date', async () => {
    const created = await createTariff(admin, tariffInput());
    expect(created).toMatchObject({ effectiveFrom: '2027-01-01', fixedCharge: '500.00', flatRate: '2000.00', createdBy: admin.id });
    const detail = await getTariff(admin, created.id);
    expect(detail.blocks.map((b) => [b.fromM3, b.toM3, b.price])).toEqual([
      [0, 50, '35.5000'],
      [50, 200, '48.2500'],
      [200, null, '61.1250'],
    ]);
    expect(detail).toMatchObject({ locked: false, future: true, inForce: false });
    const audit = await auditOf('tariff', created.id);
    expect(audit.map((a) => a.action)).toEqual(['CREATE']);
    expect((audit[0].after as { blocks: unknown[] }).blocks).toHaveLength(3);
    expect(await fieldErrorsOf(createTariff(admin, tariffInput()))).toEqual({ effectiveFrom: ['La categoría Comercial ya tiene una tarifa desde esa fecha.'] });
  });

  it('edits a tariff not yet used, replacing its blocks', async () => {
    await signInAs('admin@cauce.example');
    const [own] = await h.db.select().from(tariffs).where(and(eq(tariffs.tariffCategoryId, categories.COM), eq(tariffs.effectiveFrom, '2027-01-01')));
    const sent = updateTariffAction(own.id, undefined, fd(tariffRaw({ blockFrom: ['0', '100'], blockTo: ['100', ''], blockPrice: ['36', '50'] })));
    expect(await digest(sent)).toMatch(new RegExp(`^NEXT_REDIRECT;.*/admin/tarifas/${own.id}\\?actualizada=1`));
    const blocks = await h.db.select().from(tariffBlocks).where(eq(tariffBlocks.tariffId, own.id)).orderBy(tariffBlocks.fromM3);
    expect(blocks.map((b) => [b.fromM3, b.toM3, b.price])).toEqual([
      [0, 100, '36.0000'],
      [100, null, '50.0000'],
    ]);
    const audit = await auditOf('tariff', own.id);
    expect(audit.map((a) => a.action)).toEqual(['CREATE', 'UPDATE']);
    expect((audit[1].before as { blocks: unknown[] }).blocks).toHaveLength(3);
  });

  it('simulates the charge of a consumption with the block arithmetic', async () => {
    const res = (await listTariffsForAdmin(admin, { categoryId: categories.RES }))[0].tariffs[0];
    // 2026-07 revision: fixed 159.00; blocks 12.72 / 26.50 / 40.28. 25 m³ = 20 × 12.72 + 5 × 26.50 = 254.40 + 132.50 = 386.90.
    const sim = await simulateTariff(admin, res.id, 25);
    expect(sim).toMatchObject({ fixedCharge: '159.00', consumption: '386.90', total: '545.90', flatRate: '901.00' });
    expect(sim.lines.map((l) => [l.quantity, l.unitPrice, l.amount])).toEqual([
      [20, '12.7200', '254.40'],
      [5, '26.5000', '132.50'],
    ]);
    expect((await simulateTariff(admin, res.id, 0)).total).toBe('159.00');
  });

  it('refuses to change a tariff once invoices were written for a period it priced, and tariffs starting inside billed periods', async () => {
    const [agreement] = await h.db.select().from(agreements).limit(1);
    const [pos] = await h.db.select().from(pointsOfSale).where(eq(pointsOfSale.branchId, agreement.branchId)).limit(1);
    await h.db.insert(invoices).values({
      invoiceClass: 'B',
      pointOfSaleId: pos.id,
      posNumber: pos.number,
      origin: 'AUTOMATIC',
      agreementId: agreement.id,
      customerId: agreement.customerId,
      branchId: agreement.branchId,
      period: '2026-10',
      customerSnapshot: {},
      billingAddress: 'Calle 1',
    });
    const list = await listTariffsForAdmin(admin, { categoryId: categories.RES });
    const [revision, base] = list[0].tariffs;
    for (const t of [revision, base]) {
      const detail = await getTariff(admin, t.id);
      expect(detail).toMatchObject({ locked: true, lastInvoicedPeriod: '2026-10', earliestNewDate: '2026-11-01' });
      const err = await updateTariff(admin, t.id, tariffInput({ tariffCategoryId: categories.RES, effectiveFrom: t.effectiveFrom })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UserError);
      expect((err as UserError).message).toContain('ya se usó para facturar');
    }
    const blocksBefore = await h.db.select().from(tariffBlocks).where(eq(tariffBlocks.tariffId, revision.id));
    expect(blocksBefore).toHaveLength(3);
    expect(await fieldErrorsOf(createTariff(admin, tariffInput({ tariffCategoryId: categories.RES, effectiveFrom: '2026-10-15' })))).toEqual({
      effectiveFrom: ['Ya se facturó hasta el período 2026-10: la tarifa debe regir desde 2026-11-01 o después.'],
    });
    // A tariff from a later date is the way forward, and stays editable until billed.
    const next = await createTariff(admin, tariffInput({ tariffCategoryId: categories.RES, effectiveFrom: '2026-12-01' }));
    expect((await getTariff(admin, next.id)).locked).toBe(false);
    await expect(updateTariff(admin, next.id, tariffInput({ tariffCategoryId: categories.RES, effectiveFrom: '2026-12-01', fixedCharge: '170' }))).resolves.toMatchObject({ fixedCharge: '170.00' });
    expect(await fieldErrorsOf(updateTariff(admin, next.id, tariffInput({ tariffCategoryId: categories.COM, effectiveFrom: '2026-12-01' })))).toMatchObject({ tariffCategoryId: [expect.any(String)] });
    expect((await auditOf('tariff', next.id)).map((a) => a.action)).toEqual(['CREATE', 'UPDATE']);
  });
});

describe('admin pages render', () => {
  it('lists concepts by group, tariffs by category, and shows a tariff with its blocks and a simulation', async () => {
    await signInAs('admin@cauce.example');
    const { renderToString } = await import('react-dom/server');
    const none = Promise.resolve({});
    const html = async (page: Promise<React.ReactNode>) => renderToString(await page);
    const conceptsHtml = await html((await import('@/app/(admin)/admin/conceptos/page')).default({ searchParams: none }));
    expect(conceptsHtml).toContain('Agua potable');
    expect(conceptsHtml).toContain('30 % de Agua potable');
    expect(conceptsHtml).toContain('Del tarifario');
    expect(conceptsHtml).toContain('ITBIS 18 %');
    const groupsPage = await html((await import('@/app/(admin)/admin/conceptos/grupos/page')).default({ searchParams: none }));
    expect(groupsPage).toContain('Cargos varios');
    const newConcept = await html((await import('@/app/(admin)/admin/conceptos/nuevo/page')).default());
    expect(newConcept).toContain('Exento');
    const [mora] = await h.db.select().from(concepts).where(eq(concepts.code, 'MORA'));
    expect(await html((await import('@/app/(admin)/admin/conceptos/[id]/page')).default({ params: Promise.resolve({ id: mora.id }) }))).toContain('150.00');

    const list = await html((await import('@/app/(admin)/admin/tarifas/page')).default({ searchParams: none }));
    expect(list).toContain('Residencial social');
    expect(list).toContain('Vigente');
    const res = (await listTariffsForAdmin(admin, { categoryId: categories.RES }))[0].tariffs.find((t) => t.inForce)!;
    const detail = await html((await import('@/app/(admin)/admin/tarifas/[id]/page')).default({ params: Promise.resolve({ id: res.id }), searchParams: Promise.resolve({ m3: '25' }) }));
    expect(detail).toContain('21–40 m³');
    expect(detail).toContain('545.90');
    const copy = await html((await import('@/app/(admin)/admin/tarifas/nueva/page')).default({ searchParams: Promise.resolve({ copiar: res.id }) }));
    expect(copy).toContain('Agregar tramo');
    expect(copy).toContain('value="12.72"');
  });
});
