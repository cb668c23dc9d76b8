import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { auditLog, branches, localities, pointsOfSale } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { ForbiddenError, UserError } from '@/lib/auth/errors';
import type { Actor } from '@/lib/auth/scope';
import { adminDashboard } from '@/lib/dal/admin-dashboard';
import { createBranch, createPointOfSale, getBranchForAdmin, listBranchesForAdmin, setPointOfSaleActive, updateBranch, updatePointOfSale } from '@/lib/dal/branches';
import { uniqueViolation } from '@/lib/dal/unique-violation';
import { branchInputSchema, pointOfSaleCreateSchema } from '@/lib/validation/branch';
import { actorFor } from '../support/actors';
import { createTestDatabase } from '../support/db';

let h: DatabaseHandle;
let admin: Actor;
let staff: Actor;
let localityId: string;
let sti: string;

function branchForm(over: Record<string, unknown> = {}) {
  return { code: 'BAN', name: 'Baní', address: 'Calle Mella 12, Centro', localityId, phone: '809-522-0000', active: 'on', ...over };
}

async function expectFieldError(p: Promise<unknown>, field: string) {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(UserError);
  expect((err as UserError).fieldErrors?.[field]?.length).toBeGreaterThan(0);
  return err as UserError;
}

const counts = async () => ({ branches: await h.db.$count(branches), pos: await h.db.$count(pointsOfSale), audit: await h.db.$count(auditLog) });

beforeAll(async () => {
  h = await createTestDatabase();
  await seedDemo(h);
  admin = await actorFor('admin@cauce.example');
  staff = await actorFor('sucursal@cauce.example');
  localityId = (await h.db.select().from(localities).limit(1))[0].id;
  sti = (await h.db.select().from(branches).where(eq(branches.code, 'STI')))[0].id;
});
afterAll(() => h.close());

describe('branch validation', () => {
  it('upper-cases the code and accepts 2–10 letters or digits only', () => {
    expect(branchInputSchema.parse(branchForm({ code: ' ban2 ' })).code).toBe('BAN2');
    for (const code of ['B', 'AB-1', 'ABCDEFGHIJK', 'SD C']) {
      expect(branchInputSchema.safeParse(branchForm({ code })).error?.issues[0]?.path).toEqual(['code']);
    }
  });

  it('asks for a point-of-sale number between 1 and 99999', () => {
    expect(pointOfSaleCreateSchema.parse({ number: '00012', description: 'Caja 1' }).number).toBe(12);
    for (const number of ['0', '100000', 'abc', '']) {
      expect(pointOfSaleCreateSchema.safeParse({ number, description: 'Caja 1' }).error?.issues[0]?.path).toEqual(['number']);
    }
  });
});

describe('branches data layer', () => {
  it('creates a branch with an audit row', async () => {
    const created = await createBranch(admin, branchInputSchema.parse(branchForm()));
    expect(created).toMatchObject({ code: 'BAN', name: 'Baní', active: true });
    const [audit] = await h.db.select().from(auditLog).where(and(eq(auditLog.entity, 'branch'), eq(auditLog.entityId, created.id)));
    expect(audit).toMatchObject({ action: 'CREATE', before: null, userEmail: 'admin@cauce.example' });
    expect(audit.after).toMatchObject({ code: 'BAN' });
  });

  it('refuses a code or a name already used, with field errors, writing nothing', async () => {
    const before = await counts();
    const err = await expectFieldError(createBranch(admin, branchInputSchema.parse(branchForm({ code: 'sdc', name: 'Otra sucursal' }))), 'code');
    expect(err.fieldErrors?.code?.[0]).toContain('Santo Domingo Centro');
    await expectFieldError(createBranch(admin, branchInputSchema.parse(branchForm({ code: 'NEW', name: 'SANTIAGO' }))), 'name');
    expect(await counts()).toEqual(before);
  });

  it('refuses to move a branch onto another one\u2019s code but keeps its own', async () => {
    const ban = (await h.db.select().from(branches).where(eq(branches.code, 'BAN')))[0];
    await expectFieldError(updateBranch(admin, ban.id, branchInputSchema.parse(branchForm({ code: 'STI' }))), 'code');
    const updated = await updateBranch(admin, ban.id, branchInputSchema.parse(branchForm({ address: 'Calle Sánchez 4' })));
    expect(updated).toMatchObject({ code: 'BAN', address: 'Calle Sánchez 4' });
  });

  it('counts each branch\u2019s points of sale in the list', async () => {
    const rows = await listBranchesForAdmin(admin);
    const sdc = rows.find((b) => b.code === 'SDC')!;
    const n = await h.db.$count(pointsOfSale, eq(pointsOfSale.branchId, sdc.id));
    expect(n).toBeGreaterThan(0);
    expect(sdc.posTotal).toBe(n);
    expect(rows.reduce((sum, b) => sum + b.posTotal, 0)).toBe(await h.db.$count(pointsOfSale));
  });

  it('answers ForbiddenError to a BRANCH_STAFF actor', async () => {
    await expect(listBranchesForAdmin(staff)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createBranch(staff, branchInputSchema.parse(branchForm({ code: 'X1', name: 'Intrusa' })))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setPointOfSaleActive(staff, sti, false)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('points of sale', () => {
  it('adds a point of sale to a branch, audited', async () => {
    const ban = (await h.db.select().from(branches).where(eq(branches.code, 'BAN')))[0];
    const pos = await createPointOfSale(admin, ban.id, pointOfSaleCreateSchema.parse({ number: '8', description: 'Baní — caja 1' }));
    expect(pos).toMatchObject({ number: 8, branchId: ban.id, active: true });
    expect(await h.db.$count(auditLog, and(eq(auditLog.entity, 'point_of_sale'), eq(auditLog.entityId, pos.id)))).toBe(1);
    expect((await getBranchForAdmin(admin, ban.id)).pointsOfSale.map((p) => p.number)).toEqual([8]);
  });

  it('refuses a number already used by another branch: the number is unique across the company', async () => {
    const ban = (await h.db.select().from(branches).where(eq(branches.code, 'BAN')))[0];
    const before = await counts();
    // 4 is Santiago's first point of sale in the demo data.
    const err = await expectFieldError(createPointOfSale(admin, ban.id, pointOfSaleCreateSchema.parse({ number: '4', description: 'Baní — caja 2' })), 'number');
    expect(err.fieldErrors?.number?.[0]).toContain('Santiago');
    expect(await counts()).toEqual(before);
  });

  it('deactivates a point of sale without deleting it, and can edit its description', async () => {
    const [pos] = await h.db.select().from(pointsOfSale).where(eq(pointsOfSale.number, 4));
    const before = await h.db.$count(pointsOfSale);
    await setPointOfSaleActive(admin, pos.id, false);
    await updatePointOfSale(admin, pos.id, { description: 'Santiago — caja 1 (cerrada)' });
    const [after] = await h.db.select().from(pointsOfSale).where(eq(pointsOfSale.id, pos.id));
    expect(after).toMatchObject({ number: 4, branchId: sti, active: false, description: 'Santiago — caja 1 (cerrada)' });
    expect(await h.db.$count(pointsOfSale)).toBe(before);
    const audits = await h.db.select().from(auditLog).where(and(eq(auditLog.entity, 'point_of_sale'), eq(auditLog.entityId, pos.id)));
    expect(audits.map((a) => a.action)).toEqual(['UPDATE', 'UPDATE']);
    expect(audits[0].before).toMatchObject({ active: true });
    expect(audits[0].after).toMatchObject({ active: false });
  });

  it('names the constraint of a raced unique violation, so it becomes a field error', async () => {
    const err = await h.db
      .insert(pointsOfSale)
      .values({ number: 8, branchId: sti, description: 'duplicado' })
      .then(() => null, (e: unknown) => e);
    expect(uniqueViolation(err)).toBe('points_of_sale_number_unique');
    expect(uniqueViolation(new Error('otra cosa'))).toBeNull();
  });
});

describe('admin dashboard', () => {
  it('counts active users, branches, points of sale and customers, with the latest audit rows', async () => {
    const data = await adminDashboard(admin);
    // Demo: 7 users; 5 branches + Baní; 7 points of sale + Baní's 8 − Santiago's 4 deactivated; 200 customers.
    expect(data.counts).toEqual({ activeUsers: 7, branches: 6, pointsOfSale: 7, customers: 200 });
    expect(data.latestAudit.length).toBeLessThanOrEqual(10);
    expect(data.latestAudit[0].entity).toBe('point_of_sale');
    await expect(adminDashboard(staff)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
