import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { auditLog, branches, customers } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import type { Actor } from '@/lib/auth/scope';
import { createCustomer, getCustomer, listCustomers, updateCustomer } from '@/lib/dal/customers';
import { cedulaCheckDigit } from '@/lib/domain/documents';
import { customerInputSchema } from '@/lib/validation/customer';
import { actorFor } from '../support/actors';
import { createTestDatabase } from '../support/db';

let h: DatabaseHandle;
let staff: Actor; // BRANCH_STAFF of SDC
let admin: Actor;
let client: Actor;
let sdc: string;
let sti: string;

const cedula = (first10: string) => first10 + cedulaCheckDigit(first10);

function input(over: Record<string, unknown> = {}) {
  return customerInputSchema.parse({
    legalName: 'María Altagracia Peña',
    documentType: 'CEDULA',
    documentNumber: cedula('0010000001'),
    taxCondition: 'FINAL_CONSUMER',
    segment: 'RESIDENTIAL',
    branchId: sdc,
    ...over,
  });
}

beforeAll(async () => {
  h = await createTestDatabase();
  await seedDemo(h);
  staff = await actorFor('sucursal@cauce.example');
  admin = await actorFor('admin@cauce.example');
  client = await actorFor('cliente@cauce.example');
  const rows = await h.db.select().from(branches);
  sdc = rows.find((b) => b.code === 'SDC')!.id;
  sti = rows.find((b) => b.code === 'STI')!.id;
});
afterAll(() => h.close());

describe('customer validation', () => {
  it('rejects a cédula with a wrong check digit with a Spanish field error', () => {
    const good = cedula('0010000001');
    const bad = good.slice(0, 10) + ((Number(good[10]) + 1) % 10);
    const res = customerInputSchema.safeParse({ legalName: 'Juan Pérez', documentType: 'CEDULA', documentNumber: bad, taxCondition: 'FINAL_CONSUMER', segment: 'RESIDENTIAL', branchId: sdc });
    expect(res.success).toBe(false);
    expect(res.error?.issues[0]).toMatchObject({ path: ['documentNumber'], message: 'El dígito verificador de la cédula no es válido' });
  });
});

describe('customers data layer', () => {
  it('creates a customer in the staff branch, with a code and an audit row', async () => {
    const created = await createCustomer(staff, input());
    expect(created.code).toMatch(/^CL-\d{6}$/);
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'CREATE', entity: 'customer', userEmail: 'sucursal@cauce.example', before: null });
    expect((audit[0].after as { legalName: string }).legalName).toBe('María Altagracia Peña');
  });

  it('refuses a duplicate document and writes nothing', async () => {
    const before = await h.db.$count(customers);
    await expect(createCustomer(staff, input({ legalName: 'Otra persona' }))).rejects.toBeInstanceOf(UserError);
    expect(await h.db.$count(customers)).toBe(before);
  });

  it('refuses to create a customer in another branch', async () => {
    await expect(createCustomer(staff, input({ documentNumber: cedula('0010000002'), branchId: sti }))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('lists only the staff branch customers', async () => {
    const list = await listCustomers(staff, {});
    expect(list.total).toBeGreaterThan(0);
    expect(list.rows.every((r) => r.branchId === sdc)).toBe(true);
    const all = await listCustomers(admin, {});
    expect(all.total).toBeGreaterThan(list.total);
  });

  it('does not let branch staff read another branch customer by id', async () => {
    const [other] = await h.db.select().from(customers).where(eq(customers.branchId, sti)).limit(1);
    await expect(getCustomer(staff, other.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCustomer(admin, other.id)).resolves.toMatchObject({ customer: { id: other.id } });
  });

  it('does not let branch staff update another branch customer by id', async () => {
    const [other] = await h.db.select().from(customers).where(eq(customers.branchId, sti)).limit(1);
    await expect(updateCustomer(staff, other.id, input({ documentNumber: other.documentNumber, documentType: other.documentType, branchId: sdc }))).rejects.toBeInstanceOf(NotFoundError);
    const [after] = await h.db.select().from(customers).where(eq(customers.id, other.id));
    expect(after.branchId).toBe(sti);
  });

  it('records before and after on update', async () => {
    const created = await createCustomer(staff, input({ documentNumber: cedula('0010000003'), legalName: 'Pedro Antonio Ruiz' }));
    await updateCustomer(staff, created.id, input({ documentNumber: cedula('0010000003'), legalName: 'Pedro Antonio Ruiz Gómez' }));
    const rows = await h.db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    const update = rows.find((r) => r.action === 'UPDATE')!;
    expect((update.before as { legalName: string }).legalName).toBe('Pedro Antonio Ruiz');
    expect((update.after as { legalName: string }).legalName).toBe('Pedro Antonio Ruiz Gómez');
  });

  it('refuses every customer operation to a CLIENT user', async () => {
    await expect(listCustomers(client, {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getCustomer(client, client.customerId!)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createCustomer(client, input({ documentNumber: cedula('0010000004') }))).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('concurrent creation', () => {
  it('gives concurrent customers distinct codes and refuses a concurrent duplicate document', async () => {
    const docs = ['0010000101', '0010000102', '0010000103', '0010000104'].map(cedula);
    const created = await Promise.all(docs.map((d, i) => createCustomer(staff, input({ documentNumber: d, legalName: `Cliente concurrente ${i}` }))));
    expect(new Set(created.map((c) => c.code)).size).toBe(4);
    const same = cedula('0010000105');
    const results = await Promise.allSettled([createCustomer(staff, input({ documentNumber: same })), createCustomer(staff, input({ documentNumber: same }))]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: expect.any(UserError) });
  });
});

describe('customer form errors', () => {
  it('reports a bad document together with other bad fields', () => {
    const res = customerInputSchema.safeParse({ legalName: 'Juan Pérez', documentType: 'CEDULA', documentNumber: '00100000000', taxCondition: 'FINAL_CONSUMER', segment: 'RESIDENTIAL', branchId: sdc, email: 'malo@' });
    const paths = res.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['documentNumber', 'email']));
  });
});
