import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { agreementPaymentMethods, agreements, attributeDefinitions, auditLog, branches, customers, exchangeRates, localities, paymentEntities } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { rateOn } from '@/db/queries/exchange-rates';
import { findUserByEmail } from '@/db/queries/users';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import type { Actor } from '@/lib/auth/scope';
import { createAgreement } from '@/lib/dal/agreements';
import { createAttributeDefinition, getAttributeDefinition, listAttributeDefinitionsForAdmin, setAttributeDefinitionActive, updateAttributeDefinition } from '@/lib/dal/attribute-definitions';
import { listExchangeRatesForAdmin, saveExchangeRate } from '@/lib/dal/exchange-rates';
import { createPaymentEntity, listPaymentEntitiesForAdmin, setPaymentEntityActive, updatePaymentEntity } from '@/lib/dal/payment-entities';
import { addPaymentMethod } from '@/lib/dal/payment-methods';
import { agreementInputSchema } from '@/lib/validation/agreement';
import { attributeDefinitionInputSchema, exchangeRateInputSchema, paymentEntityInputSchema } from '@/lib/validation/catalogs';
import { paymentMethodInputSchema } from '@/lib/validation/payment-method';
import { actorFor } from '../support/actors';
import { createTestDatabase } from '../support/db';

// The server actions read the session through Auth.js; here the session is whatever we say.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock('@/lib/auth/auth', () => ({ auth: async () => session.current, signIn: vi.fn(), signOut: vi.fn() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
const { createAttributeDefinitionAction, createPaymentEntityAction, saveExchangeRateAction, setPaymentEntityActiveAction } = await import('@/lib/actions/catalogs');

let h: DatabaseHandle;
let admin: Actor;
let staff: Actor;
let auditor: Actor;

const entityInput = (over: Record<string, unknown> = {}) => paymentEntityInputSchema.parse({ code: 'BLH-DA', name: 'Banco López de Haro', method: 'DIRECT_DEBIT', active: 'on', ...over });
const attrInput = (over: Record<string, unknown> = {}) =>
  attributeDefinitionInputSchema.parse({ key: 'zona_riego', label: 'Zona de riego', type: 'CHOICE', entity: 'AGREEMENT', options: 'Norte\nSur', position: '1', active: 'on', ...over });
const rateInput = (date: string, rate: string, currency = 'USD') => exchangeRateInputSchema.parse({ date, currency, rate });
const fieldErrorsOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof UserError ? e.fieldErrors ?? {} : Promise.reject(e)));
const auditOf = (entity: string, entityId: string) => h.db.select().from(auditLog).where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId))).orderBy(auditLog.at, auditLog.id);

beforeAll(async () => {
  h = await createTestDatabase();
  await seedDemo(h);
  admin = await actorFor('admin@cauce.example');
  staff = await actorFor('sucursal@cauce.example');
  auditor = await actorFor('auditor@cauce.example');
});
afterAll(() => h.close());
beforeEach(() => {
  session.current = null;
});

describe('only admins maintain the catalogs', () => {
  it.each([
    ['branch staff', () => staff],
    ['auditor', () => auditor],
  ])('refuses the %s', async (_label, who) => {
    const actor = who();
    const rates = await h.db.$count(exchangeRates);
    await expect(listPaymentEntitiesForAdmin(actor)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createPaymentEntity(actor, entityInput({ code: 'NOPE' }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listAttributeDefinitionsForAdmin(actor)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createAttributeDefinition(actor, attrInput({ key: 'nope' }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listExchangeRatesForAdmin(actor, {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveExchangeRate(actor, rateInput('2026-01-02', '60'))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await h.db.$count(paymentEntities, eq(paymentEntities.code, 'NOPE'))).toBe(0);
    expect(await h.db.$count(exchangeRates)).toBe(rates);
  });
});

describe('payment entities', () => {
  it('counts how many payment methods use each entity', async () => {
    const rows = await listPaymentEntitiesForAdmin(admin);
    const used = await h.db.$count(agreementPaymentMethods, isNotNull(agreementPaymentMethods.entityId));
    expect(used).toBeGreaterThan(0); // the demo seed gives most agreements a card or bank method
    expect(rows.reduce((sum, e) => sum + e.uses, 0)).toBe(used);
  });

  it('creates an entity, audited as payment_entity', async () => {
    const created = await createPaymentEntity(admin, entityInput());
    expect(created).toMatchObject({ code: 'BLH-DA', method: 'DIRECT_DEBIT', active: true });
    expect((await auditOf('payment_entity', created.id)).map((a) => a.action)).toEqual(['CREATE']);
  });

  it('maps a taken code to a field error, on create and on edit', async () => {
    expect(await fieldErrorsOf(createPaymentEntity(admin, entityInput({ code: 'bpd-da' })))).toEqual({ code: ['El código BPD-DA ya es de Banco Popular Dominicano.'] });
    const [own] = await h.db.select().from(paymentEntities).where(eq(paymentEntities.code, 'BLH-DA'));
    expect(await fieldErrorsOf(updatePaymentEntity(admin, own.id, entityInput({ code: 'VISA' })))).toEqual({ code: ['El código VISA ya es de Visa.'] });
  });

  it('keeps the method of an entity agreements use, and deactivates instead of deleting', async () => {
    const [entity] = await h.db.select().from(paymentEntities).where(eq(paymentEntities.code, 'BLH-DA'));
    const [branch] = await h.db.select().from(branches).where(eq(branches.code, 'SDC'));
    const [customer] = await h.db.select().from(customers).where(eq(customers.branchId, branch.id)).limit(1);
    const [locality] = await h.db.select().from(localities).limit(1);
    const { agreement } = await createAgreement(
      staff,
      agreementInputSchema.parse({
        name: 'Acuerdo con débito',
        customerId: customer.id,
        billingAddress: 'Av. Independencia 22',
        localityId: locality.id,
        branchId: branch.id,
        billingMode: 'PER_AGREEMENT',
        billingOpportunity: 'UNMETERED',
        currency: 'DOP',
        itemGrouping: 'SIMPLE',
        graceDays: '0',
        dueDays: '30',
        billingFrequency: 'MONTHLY',
        anchorMonth: '1',
        validFrom: '2026-01-01',
      }),
      // Whatever required attributes the demo seed defines; unknown keys are dropped.
      { uso_principal: 'Comercial' },
    );
    await addPaymentMethod(staff, agreement.id, paymentMethodInputSchema.parse({ method: 'DIRECT_DEBIT', entityId: entity.id, number: '123456789' }));
    expect(await fieldErrorsOf(updatePaymentEntity(admin, entity.id, entityInput({ method: 'BANK_TRANSFER' })))).toMatchObject({ method: [expect.stringContaining('No se puede cambiar')] });
    await expect(updatePaymentEntity(admin, entity.id, entityInput({ name: 'Banco López de Haro, S.A.' }))).resolves.toMatchObject({ name: 'Banco López de Haro, S.A.' });

    await setPaymentEntityActive(admin, entity.id, false);
    const [after] = await h.db.select().from(paymentEntities).where(eq(paymentEntities.id, entity.id));
    expect(after.active).toBe(false);
    expect((await auditOf('payment_entity', entity.id)).map((a) => a.action)).toEqual(['CREATE', 'UPDATE', 'UPDATE']);
    // An inactive entity cannot be chosen for a new method.
    expect(await fieldErrorsOf(addPaymentMethod(staff, agreement.id, paymentMethodInputSchema.parse({ method: 'DIRECT_DEBIT', entityId: entity.id, number: '987654321' })))).toEqual({
      entityId: ['Entidad no encontrada o inactiva.'],
    });
  });

  it('answers not found for an unknown id', async () => {
    await expect(updatePaymentEntity(admin, 'x', entityInput())).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('dynamic attribute definitions', () => {
  it('creates a CHOICE definition with its options, audited', async () => {
    const created = await createAttributeDefinition(admin, attrInput());
    expect(created).toMatchObject({ key: 'zona_riego', entity: 'AGREEMENT', type: 'CHOICE', options: ['Norte', 'Sur'], position: 1, active: true, required: false });
    expect((await auditOf('attribute_definition', created.id)).map((a) => a.action)).toEqual(['CREATE']);
  });

  it('maps a repeated (entity, key) to a key field error; the same key on another entity is fine', async () => {
    expect(await fieldErrorsOf(createAttributeDefinition(admin, attrInput({ label: 'Otra' })))).toEqual({ key: ['Ya existe un atributo "zona_riego" para acuerdo.'] });
    await expect(createAttributeDefinition(admin, attrInput({ entity: 'ACCOUNT' }))).resolves.toMatchObject({ entity: 'ACCOUNT' });
  });

  it('keeps key and entity fixed, and the type while values are stored', async () => {
    const [def] = await h.db.select().from(attributeDefinitions).where(and(eq(attributeDefinitions.key, 'zona_riego'), eq(attributeDefinitions.entity, 'AGREEMENT')));
    expect(await fieldErrorsOf(updateAttributeDefinition(admin, def.id, attrInput({ key: 'zona' })))).toEqual({ key: ['La clave no se puede cambiar: los valores guardados usan esta clave.'] });
    expect(await fieldErrorsOf(updateAttributeDefinition(admin, def.id, attrInput({ entity: 'ACCOUNT' })))).toEqual({ entity: ['No se puede cambiar a qué se aplica el atributo.'] });

    const updated = await updateAttributeDefinition(admin, def.id, attrInput({ label: 'Zona de riego (sector)', options: 'Norte\nSur\nEste', required: 'on', active: undefined }));
    expect(updated).toMatchObject({ key: 'zona_riego', label: 'Zona de riego (sector)', options: ['Norte', 'Sur', 'Este'], required: true, active: false });

    const [agreement] = await h.db.select({ id: agreements.id }).from(agreements).limit(1);
    await h.db.update(agreements).set({ attributes: { zona_riego: 'Norte' } }).where(eq(agreements.id, agreement.id));
    expect((await getAttributeDefinition(admin, def.id)).valueCount).toBe(1);
    expect(await fieldErrorsOf(updateAttributeDefinition(admin, def.id, attrInput({ type: 'TEXT' })))).toEqual({ type: ['No se puede cambiar de lista de opciones: 1 registro(s) tienen un valor.'] });

    const audit = await auditOf('attribute_definition', def.id);
    expect(audit.map((a) => a.action)).toEqual(['CREATE', 'UPDATE']);
    expect(audit[1].before).toMatchObject({ label: 'Zona de riego' });
    expect(audit[1].after).toMatchObject({ label: 'Zona de riego (sector)' });
  });

  it('activates and deactivates, audited once per change', async () => {
    const [def] = await h.db.select().from(attributeDefinitions).where(and(eq(attributeDefinitions.key, 'zona_riego'), eq(attributeDefinitions.entity, 'ACCOUNT')));
    await setAttributeDefinitionActive(admin, def.id, false);
    await setAttributeDefinitionActive(admin, def.id, false);
    await setAttributeDefinitionActive(admin, def.id, true);
    expect((await auditOf('attribute_definition', def.id)).map((a) => a.action)).toEqual(['CREATE', 'UPDATE', 'UPDATE']);
  });
});

describe('exchange rates', () => {
  it('upserts one rate per currency and day, auditing before and after', async () => {
    const first = await saveExchangeRate(admin, rateInput('2025-03-02', '58.5'));
    expect(first).toMatchObject({ created: true, changed: true, row: { rate: '58.500000', currency: 'USD', date: '2025-03-02', createdBy: admin.id } });
    expect(await saveExchangeRate(admin, rateInput('2025-03-02', '58.500'))).toMatchObject({ created: false, changed: false });
    const second = await saveExchangeRate(admin, rateInput('2025-03-02', '58.7525'));
    expect(second).toMatchObject({ created: false, changed: true, row: { rate: '58.752500' } });
    expect(await h.db.$count(exchangeRates, eq(exchangeRates.date, '2025-03-02'))).toBe(1);

    const audit = await auditOf('exchange_rate', 'USD:2025-03-02');
    expect(audit.map((a) => a.action)).toEqual(['CREATE', 'UPDATE']);
    expect(audit[1].before).toMatchObject({ rate: '58.500000' });
    expect(audit[1].after).toMatchObject({ rate: '58.752500' });
  });

  it('rateOn gives the latest rate on or before a date, per currency; DOP is 1', async () => {
    await saveExchangeRate(admin, rateInput('2025-03-05', '59.10'));
    await saveExchangeRate(admin, rateInput('2025-03-03', '64.25', 'EUR'));
    expect(await rateOn(h.db, 'USD', '2025-03-01')).toBeNull();
    expect(await rateOn(h.db, 'USD', '2025-03-02')).toEqual({ date: '2025-03-02', rate: '58.752500' });
    expect(await rateOn(h.db, 'USD', '2025-03-04')).toEqual({ date: '2025-03-02', rate: '58.752500' });
    expect(await rateOn(h.db, 'USD', '2025-03-31')).toEqual({ date: '2025-03-05', rate: '59.100000' });
    expect(await rateOn(h.db, 'EUR', '2025-03-04')).toEqual({ date: '2025-03-03', rate: '64.250000' });
    expect(await rateOn(h.db, 'DOP', '2025-03-04')).toEqual({ date: '2025-03-04', rate: '1' });
  });

  it('lists newest first, filters by currency and paginates', async () => {
    const before = await h.db.$count(exchangeRates);
    for (let day = 1; day <= 30; day++) await saveExchangeRate(admin, rateInput(`2025-04-${String(day).padStart(2, '0')}`, `60.${day + 10}`));
    expect(await rateOn(h.db, 'USD', '2025-12-31')).toEqual({ date: '2025-04-30', rate: '60.400000' });
    const all = await listExchangeRatesForAdmin(admin, {});
    expect(all.total).toBe(before + 30);
    expect(all.pageCount).toBe(Math.ceil(all.total / 25));
    const dates = all.rows.map((r) => r.date);
    expect(dates).toEqual([...dates].sort().reverse());
    const eur = await listExchangeRatesForAdmin(admin, { currency: 'EUR' });
    expect(eur.rows.every((r) => r.currency === 'EUR')).toBe(true);
    const last = await listExchangeRatesForAdmin(admin, { page: all.pageCount });
    expect(last.rows.at(-1)).toMatchObject({ date: '2025-03-02', currency: 'USD' });
  });

  it('refuses rates that are not positive decimals with up to 6 places, and DOP', () => {
    for (const rate of ['0', '-1', '58,5', '1e3', '58.1234567', 'abc', '']) {
      expect(exchangeRateInputSchema.safeParse({ date: '2025-03-02', currency: 'USD', rate }).success, rate).toBe(false);
    }
    expect(exchangeRateInputSchema.safeParse({ date: '2025-03-02', currency: 'DOP', rate: '1' }).success).toBe(false);
    expect(exchangeRateInputSchema.safeParse({ date: '2026-02-30', currency: 'USD', rate: '1' }).success).toBe(false);
  });
});

describe('catalog actions re-check the session and role', () => {
  const digest = (p: Promise<unknown>) => p.then(() => 'resolved', (e: { digest?: string }) => e.digest ?? String(e));
  async function signInAs(email: string) {
    const user = await findUserByEmail(h.db, email);
    session.current = { user: { id: user!.id } };
  }
  const fd = (values: Record<string, string>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(values)) f.set(k, v);
    return f;
  };

  it('redirects anonymous callers to login and answers 403 to branch staff, writing nothing', async () => {
    const before = await h.db.$count(paymentEntities);
    const entityForm = fd({ code: 'ACT-TR', name: 'Banco Activo', method: 'BANK_TRANSFER' });
    expect(await digest(createPaymentEntityAction(undefined, entityForm))).toMatch(/^NEXT_REDIRECT;.*\/login/);
    await signInAs('sucursal@cauce.example');
    expect(await digest(createPaymentEntityAction(undefined, entityForm))).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
    expect(await digest(createAttributeDefinitionAction(undefined, fd({ key: 'x_y', label: 'X Y', type: 'TEXT', entity: 'ACCOUNT' })))).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
    expect(await digest(saveExchangeRateAction(undefined, fd({ date: '2025-05-01', currency: 'USD', rate: '60' })))).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
    const [visa] = await h.db.select().from(paymentEntities).where(eq(paymentEntities.code, 'VISA'));
    expect(await digest(setPaymentEntityActiveAction(visa.id, undefined, fd({ active: 'false' })))).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
    await signInAs('auditor@cauce.example');
    expect(await digest(createPaymentEntityAction(undefined, entityForm))).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
    expect(await h.db.$count(paymentEntities)).toBe(before);
    expect((await h.db.select().from(paymentEntities).where(eq(paymentEntities.code, 'VISA')))[0].active).toBe(true);
  });

  it('gives the admin Spanish field errors with the typed values, then saves', async () => {
    await signInAs('admin@cauce.example');
    const dup = await createPaymentEntityAction(undefined, fd({ code: 'VISA', name: 'Otra Visa', method: 'CARD' }));
    expect(dup).toMatchObject({ ok: false, fieldErrors: { code: ['El código VISA ya es de Visa.'] }, values: { name: 'Otra Visa' } });
    const bad = await saveExchangeRateAction(undefined, fd({ date: '2025-05-01', currency: 'USD', rate: '0' }));
    expect(bad).toMatchObject({ ok: false, fieldErrors: { rate: [expect.stringContaining('mayor que cero')] } });
    expect(await digest(saveExchangeRateAction(undefined, fd({ date: '2025-05-01', currency: 'USD', rate: '60.5' })))).toMatch(/^NEXT_REDIRECT;.*\/admin\/tipos-de-cambio\?guardado=registrado/);
    expect(await digest(createAttributeDefinitionAction(undefined, fd({ key: 'ruta_lectura', label: 'Ruta de lectura', type: 'TEXT', entity: 'ACCOUNT' })))).toMatch(/^NEXT_REDIRECT;.*\/admin\/atributos/);
  });
});
