import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { agreementPaymentMethods, auditLog, branches, customers, localities, paymentEntities } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { findUserByEmail } from '@/db/queries/users';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import type { Actor } from '@/lib/auth/scope';
import { changeAgreementStatus, createAgreement } from '@/lib/dal/agreements';
import { addPaymentMethod, deactivatePaymentMethod, listPaymentMethods, paymentMethodFormOptions, setDefaultPaymentMethod } from '@/lib/dal/payment-methods';
import { agreementInputSchema } from '@/lib/validation/agreement';
import { paymentMethodInputSchema } from '@/lib/validation/payment-method';
import { actorFor } from '../support/actors';
import { createTestDatabase } from '../support/db';

// The server actions read the session through Auth.js; here the session is whatever we say.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock('@/lib/auth/auth', () => ({ auth: async () => session.current, signIn: vi.fn(), signOut: vi.fn() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
const { addPaymentMethodAction, deactivatePaymentMethodAction } = await import('@/lib/actions/payment-methods');

const VISA = '4242424242424242';
const MASTERCARD = '5555555555554444';
// A fixed "today" (mid-June 2026 in Santo Domingo) so expiry checks do not age.
const TODAY = new Date('2026-06-15T16:00:00Z');

let h: DatabaseHandle;
let staff: Actor; // BRANCH_STAFF of SDC
let admin: Actor;
let auditor: Actor;
let entity: Record<string, string>; // code → id
let sdcAgreement: string;
let stiAgreement: string;

async function newAgreement(actor: Actor, branchCode: string, name: string) {
  const [branch] = await h.db.select().from(branches).where(eq(branches.code, branchCode));
  const [customer] = await h.db.select().from(customers).where(eq(customers.branchId, branch.id)).limit(1);
  const [locality] = await h.db.select().from(localities).limit(1);
  const input = agreementInputSchema.parse({
    name,
    customerId: customer.id,
    billingAddress: 'Calle El Conde 105, Zona Colonial',
    localityId: locality.id,
    branchId: branch.id,
    billingMode: 'PER_ACCOUNT',
    billingOpportunity: 'METERED',
    currency: 'DOP',
    itemGrouping: 'SIMPLE',
    graceDays: '10',
    dueDays: '30',
    billingFrequency: 'MONTHLY',
    anchorMonth: '1',
    validFrom: '2026-01-01',
  });
  // Whatever required attributes the demo seed defines; unknown keys are dropped.
  return (await createAgreement(actor, input, { uso_principal: 'Comercial' })).agreement.id;
}

const form = (over: Record<string, unknown>) => paymentMethodInputSchema.parse({ method: 'CARD', expiryMonth: '12', expiryYear: '2028', ...over });
const card = (number: string, over: Record<string, unknown> = {}) => form({ entityId: entity.VISA, number, ...over });
const countMethods = async () => h.db.$count(agreementPaymentMethods);
const fieldErrorsOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof UserError ? e.fieldErrors ?? {} : Promise.reject(e)));

beforeAll(async () => {
  h = await createTestDatabase();
  await seedDemo(h);
  staff = await actorFor('sucursal@cauce.example');
  admin = await actorFor('admin@cauce.example');
  auditor = await actorFor('auditor@cauce.example');
  entity = Object.fromEntries((await h.db.select().from(paymentEntities)).map((e) => [e.code, e.id]));
  sdcAgreement = await newAgreement(staff, 'SDC', 'Acuerdo con medios de pago');
  stiAgreement = await newAgreement(admin, 'STI', 'Acuerdo de Santiago');
});
afterAll(() => h.close());
beforeEach(() => {
  session.current = null;
});

describe('card numbers are kept as last four digits and a token only', () => {
  it('stores •••• 4242 with a token, and the full number nowhere (table, audit JSON, return value)', async () => {
    const created = await addPaymentMethod(staff, sdcAgreement, card('4242 4242 4242 4242'), TODAY);
    const [row] = await h.db.select().from(agreementPaymentMethods).where(eq(agreementPaymentMethods.id, created.id));
    expect(row).toMatchObject({ method: 'CARD', instrumentLast4: '4242', expiryMonth: 12, expiryYear: 2028, entityId: entity.VISA, isDefault: true, active: true });
    expect(row.instrumentToken).toMatch(/^tok_[0-9a-f]{28}$/);
    expect(JSON.stringify(created)).not.toContain(VISA);
    expect(JSON.stringify(created)).not.toContain(row.instrumentToken);

    const tableJson = JSON.stringify(await h.db.select().from(agreementPaymentMethods));
    expect(tableJson).not.toContain(VISA);
    expect(tableJson).not.toContain('4242 4242');
    const audits = await h.db.select().from(auditLog).where(eq(auditLog.entity, 'payment_method'));
    expect(audits.length).toBeGreaterThan(0);
    const auditJson = JSON.stringify(audits);
    expect(auditJson).not.toContain(VISA);
    expect(auditJson).not.toContain('4242 4242');
    expect(auditJson).not.toContain(row.instrumentToken);

    const [view] = (await listPaymentMethods(staff, sdcAgreement)).filter((m) => m.id === created.id);
    expect(view).toMatchObject({ methodLabel: 'Tarjeta', entityName: 'Visa', masked: '•••• 4242', expiry: '12/2028', isDefault: true });
  });

  it('refuses the same card twice on one agreement (same token)', async () => {
    expect(await fieldErrorsOf(addPaymentMethod(staff, sdcAgreement, card('4242-4242-4242-4242'), TODAY))).toMatchObject({ number: [expect.stringContaining('ya está registrado')] });
  });

  it('stores a direct-debit bank account as last four digits and a token, without expiry', async () => {
    const created = await addPaymentMethod(staff, sdcAgreement, form({ method: 'DIRECT_DEBIT', entityId: entity['BPD-DA'], number: '7001234567', expiryMonth: '', expiryYear: '' }), TODAY);
    const [row] = await h.db.select().from(agreementPaymentMethods).where(eq(agreementPaymentMethods.id, created.id));
    expect(row).toMatchObject({ instrumentLast4: '4567', expiryMonth: null, expiryYear: null });
    expect(JSON.stringify(await h.db.select().from(auditLog))).not.toContain('7001234567');
  });

  it('keeps nothing for cash, even if a number was typed', async () => {
    const created = await addPaymentMethod(staff, sdcAgreement, form({ method: 'CASH', number: VISA, entityId: entity.VISA }), TODAY);
    expect(created).toMatchObject({ method: 'CASH', entityId: null, instrumentLast4: null, hasToken: false, expiryMonth: null });
  });
});

describe('bad instruments are refused with field errors and nothing is written', () => {
  it('Luhn failure → number error', async () => {
    const before = await countMethods();
    expect(await fieldErrorsOf(addPaymentMethod(staff, sdcAgreement, card('4242424242424241'), TODAY))).toEqual({ number: ['Número de tarjeta no válido'] });
    expect(await countMethods()).toBe(before);
  });

  it('expired card → expiry error (May 2026 is past on 15 June 2026; June 2026 is still valid)', async () => {
    const before = await countMethods();
    expect(await fieldErrorsOf(addPaymentMethod(staff, sdcAgreement, card('4000056655665556', { expiryMonth: '05', expiryYear: '2026' }), TODAY))).toEqual({ expiry: ['La tarjeta está vencida'] });
    expect(await countMethods()).toBe(before);
    await expect(addPaymentMethod(staff, sdcAgreement, card('4000056655665556', { expiryMonth: '06', expiryYear: '2026' }), TODAY)).resolves.toMatchObject({ instrumentLast4: '5556' });
  });

  it('entity of another method → entity error', async () => {
    const before = await countMethods();
    expect(await fieldErrorsOf(addPaymentMethod(staff, sdcAgreement, card(MASTERCARD, { entityId: entity['BPD-DA'] }), TODAY))).toEqual({ entityId: [expect.stringContaining('no opera tarjeta')] });
    expect(await fieldErrorsOf(addPaymentMethod(staff, sdcAgreement, form({ method: 'BANK_TRANSFER', entityId: entity['BPD-DA'] }), TODAY))).toMatchObject({ entityId: expect.any(Array) });
    expect(await countMethods()).toBe(before);
  });

  it('card brand not matching the chosen entity → entity error', async () => {
    expect(await fieldErrorsOf(addPaymentMethod(staff, sdcAgreement, card(MASTERCARD), TODAY))).toEqual({
      entityId: ['La marca de la tarjeta (Mastercard) no coincide con la entidad elegida (Visa)'],
    });
  });

  it('missing entity for a bank method → entity error', async () => {
    expect(await fieldErrorsOf(addPaymentMethod(staff, sdcAgreement, form({ method: 'BANK_TRANSFER' }), TODAY))).toEqual({ entityId: ['Seleccione el banco.'] });
  });
});

describe('one default per agreement', () => {
  it('makes the first method the default; a new default unsets the previous; deactivating clears it', async () => {
    const agreementId = await newAgreement(staff, 'SDC', 'Acuerdo para predeterminados');
    const a = await addPaymentMethod(staff, agreementId, form({ method: 'CASH' }), TODAY);
    expect(a.isDefault).toBe(true);
    const b = await addPaymentMethod(staff, agreementId, form({ method: 'BANK_TRANSFER', entityId: entity['BHD-TR'] }), TODAY);
    expect(b.isDefault).toBe(false);
    const c = await addPaymentMethod(staff, agreementId, card(MASTERCARD, { entityId: entity.MASTERCARD, isDefault: 'on' }), TODAY);
    const defaults = async () => (await listPaymentMethods(staff, agreementId)).filter((m) => m.isDefault).map((m) => m.id);
    expect(c.isDefault).toBe(true);
    expect(await defaults()).toEqual([c.id]);

    await setDefaultPaymentMethod(staff, b.id);
    expect(await defaults()).toEqual([b.id]);
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.entityId, b.id));
    expect(audit.map((r) => r.action)).toEqual(['CREATE', 'UPDATE']);

    await deactivatePaymentMethod(staff, b.id);
    expect(await defaults()).toEqual([]);
    await expect(setDefaultPaymentMethod(staff, b.id)).rejects.toBeInstanceOf(UserError);
    await expect(deactivatePaymentMethod(staff, b.id)).rejects.toBeInstanceOf(UserError);
  });
});

describe('scope and status', () => {
  it('answers 404 for another branch agreement or its methods', async () => {
    const other = await addPaymentMethod(admin, stiAgreement, form({ method: 'CASH' }), TODAY);
    const before = await countMethods();
    await expect(addPaymentMethod(staff, stiAgreement, form({ method: 'CASH' }), TODAY)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listPaymentMethods(staff, stiAgreement)).rejects.toBeInstanceOf(NotFoundError);
    await expect(paymentMethodFormOptions(staff, stiAgreement)).rejects.toBeInstanceOf(NotFoundError);
    await expect(setDefaultPaymentMethod(staff, other.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deactivatePaymentMethod(staff, other.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listPaymentMethods(staff, 'no-es-un-id')).rejects.toBeInstanceOf(NotFoundError);
    expect(await countMethods()).toBe(before);
  });

  it('lets the auditor read but not write', async () => {
    await expect(listPaymentMethods(auditor, sdcAgreement)).resolves.not.toHaveLength(0);
    await expect(addPaymentMethod(auditor, sdcAgreement, form({ method: 'CASH' }), TODAY)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('refuses changes on a CLOSED agreement', async () => {
    const agreementId = await newAgreement(staff, 'SDC', 'Acuerdo que se cierra');
    const cash = await addPaymentMethod(staff, agreementId, form({ method: 'CASH' }), TODAY);
    await changeAgreementStatus(staff, agreementId, 'CLOSE', 'Baja del servicio');
    const before = await countMethods();
    await expect(addPaymentMethod(staff, agreementId, card(VISA), TODAY)).rejects.toThrow('Un acuerdo cerrado no admite cambios en sus medios de pago.');
    await expect(deactivatePaymentMethod(staff, cash.id)).rejects.toBeInstanceOf(UserError);
    expect(await countMethods()).toBe(before);
    expect((await paymentMethodFormOptions(staff, agreementId)).writable).toBe(false);
  });
});

describe('agreement detail section', () => {
  it('shows the card masked with its entity and expiry, and the write actions only to writers', async () => {
    const { renderToString } = await import('react-dom/server');
    const { AgreementPaymentMethodsSection } = await import('@/components/payment-methods/agreement-payment-methods-section');
    const agreement = { id: sdcAgreement, status: 'NEW', branchId: staff.branchIds[0], code: 'AC' };
    const html = renderToString(await AgreementPaymentMethodsSection({ actor: staff, agreement }));
    expect(html).toContain('•••• 4242');
    expect(html).toContain('Visa');
    expect(html).toContain('12/2028');
    expect(html).not.toContain(VISA);
    expect(html).toContain('Agregar medio de pago');
    const readOnly = renderToString(await AgreementPaymentMethodsSection({ actor: auditor, agreement }));
    expect(readOnly).toContain('•••• 4242');
    expect(readOnly).not.toContain('Agregar medio de pago');
    expect(readOnly).not.toContain('Desactivar');
  });
});

describe('payment method actions', () => {
  const digest = (p: Promise<unknown>) => p.then(() => 'resolved', (e: { digest?: string }) => e.digest ?? String(e));
  async function signInAs(email: string) {
    const user = await findUserByEmail(h.db, email);
    session.current = { user: { id: user!.id } };
  }
  function cardForm(number: string) {
    const fd = new FormData();
    fd.set('method', 'CARD');
    fd.set('entityId', entity.VISA);
    fd.set('number', number);
    fd.set('expiryMonth', '12');
    fd.set('expiryYear', '2030');
    return fd;
  }

  it('redirects an anonymous caller to login and answers 403 to a CLIENT or the AUDITOR, writing nothing', async () => {
    const before = await countMethods();
    expect(await digest(addPaymentMethodAction(sdcAgreement, undefined, cardForm('4012888888881881')))).toMatch(/^NEXT_REDIRECT;.*\/login/);
    await signInAs('cliente@cauce.example');
    expect(await digest(addPaymentMethodAction(sdcAgreement, undefined, cardForm('4012888888881881')))).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
    await signInAs('auditor@cauce.example');
    expect(await digest(addPaymentMethodAction(sdcAgreement, undefined, cardForm('4012888888881881')))).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
    const [any] = await h.db.select().from(agreementPaymentMethods).limit(1);
    expect(await digest(deactivatePaymentMethodAction(any.id, undefined, new FormData()))).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
    expect(await countMethods()).toBe(before);
  });

  it('returns field errors with the typed values but the number blanked', async () => {
    await signInAs('sucursal@cauce.example');
    const result = await addPaymentMethodAction(sdcAgreement, undefined, cardForm('4012888888881882'));
    expect(result).toMatchObject({ ok: false, fieldErrors: { number: ['Número de tarjeta no válido'] } });
    expect(result.ok === false && result.values).toMatchObject({ method: 'CARD', entityId: entity.VISA, expiryMonth: '12', number: '' });
    expect(JSON.stringify(result)).not.toContain('4012888888881882');
    // A schema failure (bad entity id) also comes back without the number.
    const fd = cardForm('4012888888881881');
    fd.set('entityId', 'x');
    const schemaFail = await addPaymentMethodAction(sdcAgreement, undefined, fd);
    expect(schemaFail.ok === false && schemaFail.values?.number).toBe('');
  });

  it('lets branch staff add a card (redirect to the agreement) and refuses another branch agreement', async () => {
    await signInAs('sucursal@cauce.example');
    expect(await digest(addPaymentMethodAction(sdcAgreement, undefined, cardForm('4012888888881881')))).toMatch(new RegExp(`^NEXT_REDIRECT;.*/acuerdos/${sdcAgreement}`));
    const result = await addPaymentMethodAction(stiAgreement, undefined, cardForm('4012888888881881'));
    expect(result).toMatchObject({ ok: false, error: 'No se encontró el acuerdo.' });
  });
});
