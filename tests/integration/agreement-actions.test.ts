import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { findUserByEmail } from '@/db/queries/users';
import { agreements, attributeDefinitions, branches, customers, localities, workOrders } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { changeAgreementStatus, createAgreement } from '@/lib/dal/agreements';
import { agreementInputSchema } from '@/lib/validation/agreement';
import { actorFor } from '../support/actors';
import { createTestDatabase } from '../support/db';

// The server actions read the session through Auth.js; here the session is whatever we say.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock('@/lib/auth/auth', () => ({ auth: async () => session.current, signIn: vi.fn(), signOut: vi.fn() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { changeAgreementStatusAction, createAgreementAction, updateAgreementAction } = await import('@/lib/actions/agreements');

// The file's own required attribute (the seeded AGREEMENT definitions are deactivated).
const ZONA = { entity: 'AGREEMENT' as const, key: 'zona_accion', label: 'Zona', type: 'CHOICE' as const, required: true, options: ['Norte', 'Sur'] };

let h: DatabaseHandle;
let sdc: string;
let sti: string;
let sdcCustomer: string;
let stiCustomer: string;
let locality: string;

beforeAll(async () => {
  h = await createTestDatabase();
  await seedDemo(h);
  const rows = await h.db.select().from(branches);
  sdc = rows.find((b) => b.code === 'SDC')!.id;
  sti = rows.find((b) => b.code === 'STI')!.id;
  [{ id: sdcCustomer }] = await h.db.select().from(customers).where(eq(customers.branchId, sdc)).limit(1);
  [{ id: stiCustomer }] = await h.db.select().from(customers).where(eq(customers.branchId, sti)).limit(1);
  [{ id: locality }] = await h.db.select().from(localities).limit(1);
  await h.db.update(attributeDefinitions).set({ active: false }).where(eq(attributeDefinitions.entity, 'AGREEMENT'));
  await h.db.insert(attributeDefinitions).values(ZONA);
});
afterAll(() => h.close());
beforeEach(() => {
  session.current = null;
});

async function signInAs(email: string) {
  const user = await findUserByEmail(h.db, email);
  session.current = { user: { id: user!.id } };
}

const FIELDS = {
  name: 'Acuerdo Colmado La Esquina (DOP)',
  billingAddress: 'Calle El Conde 105, Zona Colonial',
  billingMode: 'PER_AGREEMENT',
  billingOpportunity: 'METERED',
  currency: 'DOP',
  itemGrouping: 'SIMPLE',
  graceDays: '10',
  dueDays: '30',
  discountPct: '5,5',
  slaHours: '24',
  billingFrequency: 'BIMONTHLY',
  anchorMonth: '1',
  validFrom: '2026-01-01',
  email: 'Pagos@Colmado.example',
  [`attr.${ZONA.key}`]: 'Sur',
};

function form(over: Record<string, string> = {}) {
  const fd = new FormData();
  for (const [k, v] of Object.entries({ ...FIELDS, customerId: sdcCustomer, localityId: locality, branchId: sdc, ...over })) fd.set(k, v);
  return fd;
}

const digest = (p: Promise<unknown>) => p.then(() => 'resolved', (e: { digest?: string }) => e.digest ?? String(e));

/** An agreement of SDC (or, made by the admin, of STI) created through the data layer, its status moved as asked. */
async function existing(status: 'NEW' | 'CLOSED' = 'NEW', branch: 'SDC' | 'STI' = 'SDC') {
  const staff = await actorFor(branch === 'SDC' ? 'sucursal@cauce.example' : 'admin@cauce.example');
  const where = branch === 'SDC' ? { customerId: sdcCustomer, branchId: sdc } : { customerId: stiCustomer, branchId: sti };
  const input = agreementInputSchema.parse({ ...FIELDS, name: `Acuerdo existente ${status}`, localityId: locality, ...where });
  const { agreement } = await createAgreement(staff, input, { [ZONA.key]: 'Norte' });
  if (status === 'CLOSED') await changeAgreementStatus(staff, agreement.id, 'CLOSE', 'Baja solicitada');
  return agreement;
}

describe('createAgreementAction', () => {
  it('redirects an anonymous caller to the login page and writes nothing', async () => {
    const before = await h.db.$count(agreements);
    expect(await digest(createAgreementAction(undefined, form()))).toMatch(/^NEXT_REDIRECT;.*\/login/);
    expect(await h.db.$count(agreements)).toBe(before);
  });

  it('answers 403 to an auditor and to a cashier, writing nothing', async () => {
    const before = await h.db.$count(agreements);
    for (const email of ['auditor@cauce.example', 'cajero@cauce.example']) {
      await signInAs(email);
      expect(await digest(createAgreementAction(undefined, form()))).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
    }
    expect(await h.db.$count(agreements)).toBe(before);
  });

  it('returns every field error at once, attributes included, keeps what was typed and writes nothing', async () => {
    await signInAs('sucursal@cauce.example');
    const before = await h.db.$count(agreements);
    const result = await createAgreementAction(undefined, form({ name: 'A', customerId: '', dueDays: '', validFrom: '2026-02-30', [`attr.${ZONA.key}`]: '' }));
    expect(result).toMatchObject({
      ok: false,
      error: 'Revise los campos marcados.',
      fieldErrors: {
        name: ['Indique el nombre del acuerdo (mínimo 3 caracteres).'],
        customerId: ['Seleccione el cliente.'],
        dueDays: ['Días de vencimiento: indique un número.'],
        validFrom: ['Fecha de inicio de vigencia no válida.'],
        [`attr.${ZONA.key}`]: ['Este campo es obligatorio.'],
      },
    });
    expect(result.ok === false && result.values?.billingAddress).toBe(FIELDS.billingAddress);
    expect(await h.db.$count(agreements)).toBe(before);
  });

  it('refuses an end of validity before its start', async () => {
    await signInAs('sucursal@cauce.example');
    const result = await createAgreementAction(undefined, form({ validTo: '2025-12-31' }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { validTo: ['El fin de vigencia no puede ser anterior al inicio.'] } });
  });

  it('refuses branch staff creating in another branch (403) and writes nothing', async () => {
    await signInAs('sucursal@cauce.example');
    const before = await h.db.$count(agreements);
    expect(await digest(createAgreementAction(undefined, form({ branchId: sti })))).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
    expect(await h.db.$count(agreements)).toBe(before);
  });

  it("refuses branch staff creating for another branch's customer, as if it did not exist", async () => {
    await signInAs('sucursal@cauce.example');
    const before = await h.db.$count(agreements);
    const result = await createAgreementAction(undefined, form({ customerId: stiCustomer }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { customerId: ['Cliente no encontrado en sus sucursales.'] } });
    expect(await h.db.$count(agreements)).toBe(before);
  });

  it('creates a NEW agreement with its activation order and opens it', async () => {
    await signInAs('sucursal@cauce.example');
    const where = await digest(createAgreementAction(undefined, form({ name: 'Acuerdo creado por acción' })));
    const id = /\/acuerdos\/([0-9a-f-]{36})\?creado=1/.exec(where)?.[1];
    expect(id).toBeDefined();
    const [created] = await h.db.select().from(agreements).where(eq(agreements.id, id!));
    expect(created).toMatchObject({
      status: 'NEW',
      name: 'Acuerdo creado por acción',
      email: 'pagos@colmado.example',
      discountPct: '5.50',
      slaHours: 24,
      billingFrequency: 'BIMONTHLY',
      attributes: { [ZONA.key]: 'Sur' },
    });
    const orders = await h.db.select().from(workOrders).where(eq(workOrders.agreementId, id!));
    expect(orders).toMatchObject([{ type: 'ACTIVATION', status: 'PENDING' }]);
  });
});

describe('updateAgreementAction', () => {
  it('saves the changes and goes back to the agreement', async () => {
    const agreement = await existing();
    await signInAs('sucursal@cauce.example');
    expect(await digest(updateAgreementAction(agreement.id, undefined, form({ name: 'Nombre corregido', [`attr.${ZONA.key}`]: 'Norte' })))).toMatch(
      new RegExp(`^NEXT_REDIRECT;.*/acuerdos/${agreement.id}\\?actualizado=1`),
    );
    const [after] = await h.db.select().from(agreements).where(eq(agreements.id, agreement.id));
    expect(after).toMatchObject({ name: 'Nombre corregido', status: 'NEW', attributes: { [ZONA.key]: 'Norte' } });
  });

  it('refuses to modify a closed agreement', async () => {
    const agreement = await existing('CLOSED');
    await signInAs('sucursal@cauce.example');
    const result = await updateAgreementAction(agreement.id, undefined, form({ name: 'Intento sobre cerrado' }));
    expect(result).toMatchObject({ ok: false, error: 'Un acuerdo cerrado no se puede modificar.' });
    const [after] = await h.db.select().from(agreements).where(eq(agreements.id, agreement.id));
    expect(after.name).toBe(agreement.name);
  });

  it('keeps the branch fixed once the agreement exists (its orders are scoped by it)', async () => {
    const agreement = await existing();
    await signInAs('admin@cauce.example');
    const result = await updateAgreementAction(agreement.id, undefined, form({ branchId: sti }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { branchId: ['La sucursal de un acuerdo no se cambia una vez creado.'] } });
    const [after] = await h.db.select().from(agreements).where(eq(agreements.id, agreement.id));
    expect(after.branchId).toBe(sdc);
  });

  it("answers 'not found' to branch staff editing another branch's agreement", async () => {
    const other = await existing('NEW', 'STI');
    await signInAs('sucursal@cauce.example');
    const result = await updateAgreementAction(other.id, undefined, form({ name: 'Intento ajeno' }));
    expect(result).toMatchObject({ ok: false, error: 'No se encontró el acuerdo.' });
    const [after] = await h.db.select().from(agreements).where(eq(agreements.id, other.id));
    expect(after.name).toBe(other.name);
  });

  it('answers 403 to an auditor', async () => {
    const agreement = await existing();
    await signInAs('auditor@cauce.example');
    expect(await digest(updateAgreementAction(agreement.id, undefined, form({ name: 'Intento de auditor' })))).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
  });
});

describe('changeAgreementStatusAction', () => {
  function statusForm(event: string, reason?: string) {
    const fd = new FormData();
    fd.set('event', event);
    if (reason !== undefined) fd.set('reason', reason);
    return fd;
  }

  it('refuses a change without a reason and leaves the status as it was', async () => {
    const agreement = await existing();
    await signInAs('sucursal@cauce.example');
    const result = await changeAgreementStatusAction(agreement.id, undefined, statusForm('CLOSE', '  '));
    expect(result).toMatchObject({ ok: false, fieldErrors: { reason: ['Indique el motivo (mínimo 3 caracteres).'] } });
    const [after] = await h.db.select().from(agreements).where(eq(agreements.id, agreement.id));
    expect(after.status).toBe('NEW');
  });

  it("refuses an illegal transition with the state machine's message", async () => {
    const agreement = await existing();
    await signInAs('sucursal@cauce.example');
    const result = await changeAgreementStatusAction(agreement.id, undefined, statusForm('SUSPEND', 'Deuda vencida'));
    expect(result).toMatchObject({ ok: false, error: 'No se puede suspender un acuerdo en estado Nuevo.' });
  });

  it('never activates: activation only comes from an approved work order', async () => {
    const agreement = await existing();
    await signInAs('sucursal@cauce.example');
    const result = await changeAgreementStatusAction(agreement.id, undefined, statusForm('ACTIVATE', 'Lo activo yo'));
    expect(result).toMatchObject({ ok: false, fieldErrors: { event: ['Acción no válida.'] } });
    const [after] = await h.db.select().from(agreements).where(eq(agreements.id, agreement.id));
    expect(after.status).toBe('NEW');
  });

  it('closes with a reason, recorded on the agreement', async () => {
    const agreement = await existing();
    await signInAs('sucursal@cauce.example');
    const result = await changeAgreementStatusAction(agreement.id, undefined, statusForm('CLOSE', 'Baja solicitada por el cliente'));
    expect(result).toMatchObject({ ok: true, data: 'CLOSED', message: 'El acuerdo quedó en estado Cerrado.' });
    const [after] = await h.db.select().from(agreements).where(eq(agreements.id, agreement.id));
    expect(after).toMatchObject({ status: 'CLOSED', statusReason: 'Baja solicitada por el cliente' });
  });

  it('answers 403 to an auditor and to a cashier', async () => {
    const agreement = await existing();
    for (const email of ['auditor@cauce.example', 'cajero@cauce.example']) {
      await signInAs(email);
      expect(await digest(changeAgreementStatusAction(agreement.id, undefined, statusForm('CLOSE', 'Intento sin permiso')))).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
    }
  });
});
