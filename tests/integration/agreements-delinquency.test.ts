import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { agreements, branches, delinquencyLevels } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { ForbiddenError } from '@/lib/auth/errors';
import type { Actor } from '@/lib/auth/scope';
import { agreementListOptions, listAgreements } from '@/lib/dal/agreements';
import { agreementListSchema } from '@/lib/validation/agreement';
import { delinquencyListFilter } from '@/lib/validation/delinquency-filter';
import { actorFor } from '../support/actors';
import { createTestDatabase } from '../support/db';

// The agreement list's "Morosidad" filter: status, policy level or "no level", within the branch scope.
// Every agreement is reset to CURRENT, then seven are given a known delinquency:
//   SDC: a1 IN_GRACE · a2 L1 · a3 L2 · a4 DELINQUENT without level · a5 L3 (an inactive level)
//   STI: b1 L1 · b2 IN_GRACE
let h: DatabaseHandle;
let staff: Actor; // BRANCH_STAFF of SDC only
let admin: Actor;
let sdc: string;
let sti: string;
const L: Record<'L1' | 'L2' | 'L3', string> = { L1: '', L2: '', L3: '' };
const A: Record<'a1' | 'a2' | 'a3' | 'a4' | 'a5' | 'b1' | 'b2', string> = { a1: '', a2: '', a3: '', a4: '', a5: '', b1: '', b2: '' };

/** Every id the list returns for the filter, over all its pages. */
async function allIds(actor: Actor, filter: Parameters<typeof listAgreements>[1]): Promise<string[]> {
  const out: string[] = [];
  for (let page = 1; ; page++) {
    const r = await listAgreements(actor, { ...filter, page });
    out.push(...r.rows.map((x) => x.id));
    if (page >= r.pageCount) {
      expect(out).toHaveLength(r.total);
      return out.sort();
    }
  }
}

const sorted = (...ids: string[]) => [...ids].sort();

/** The filter as the page builds it from the URL. */
async function fromUrl(actor: Actor, delinquency: string) {
  const params = agreementListSchema.parse({ delinquency });
  const levels = (await agreementListOptions(actor)).delinquencyLevels.map((l) => l.id);
  return delinquencyListFilter(params.delinquency, levels);
}

beforeAll(async () => {
  h = await createTestDatabase();
  await seedDemo(h);
  staff = await actorFor('sucursal@cauce.example');
  admin = await actorFor('admin@cauce.example');
  const rows = await h.db.select().from(branches);
  sdc = rows.find((b) => b.code === 'SDC')!.id;
  sti = rows.find((b) => b.code === 'STI')!.id;
  expect(staff.branchIds).toEqual([sdc]);

  const levels = await h.db
    .insert(delinquencyLevels)
    .values([
      { name: 'Filtro L1', daysPastGrace: 1, minDebt: '1.00', actions: [] },
      { name: 'Filtro L2', daysPastGrace: 30, minDebt: '1.00', actions: [] },
      { name: 'Filtro L3', daysPastGrace: 60, minDebt: '1.00', actions: [], active: false },
    ])
    .returning();
  [L.L1, L.L2, L.L3] = levels.map((l) => l.id);

  await h.db.update(agreements).set({ delinquencyStatus: 'CURRENT', delinquencyLevelId: null });
  // ACTIVE ones only: ids are random, and a demo agreement that is already suspended would join the
  // "suspended and delinquent" case below.
  const inBranch = async (branchId: string, n: number) =>
    (await h.db.select({ id: agreements.id }).from(agreements).where(and(eq(agreements.branchId, branchId), eq(agreements.status, 'ACTIVE'))).orderBy(asc(agreements.id)).limit(n)).map((r) => r.id);
  [A.a1, A.a2, A.a3, A.a4, A.a5] = await inBranch(sdc, 5);
  [A.b1, A.b2] = await inBranch(sti, 2);
  const set = (ids: string[], status: 'IN_GRACE' | 'DELINQUENT', levelId: string | null = null) =>
    h.db.update(agreements).set({ delinquencyStatus: status, delinquencyLevelId: levelId }).where(inArray(agreements.id, ids));
  await set([A.a1, A.b2], 'IN_GRACE');
  await set([A.a2, A.b1], 'DELINQUENT', L.L1);
  await set([A.a3], 'DELINQUENT', L.L2);
  await set([A.a4], 'DELINQUENT');
  await set([A.a5], 'DELINQUENT', L.L3);
}, 180_000);

afterAll(async () => {
  await h?.close();
});

describe('agreement list: filter by delinquency', () => {
  it('by status, within the staff member\'s branch', async () => {
    expect(await allIds(staff, { delinquencyStatus: 'IN_GRACE' })).toEqual([A.a1]);
    expect(await allIds(staff, { delinquencyStatus: 'DELINQUENT' })).toEqual(sorted(A.a2, A.a3, A.a4, A.a5));
    const [{ n }] = await h.db.select({ n: sql<number>`count(*)::int` }).from(agreements).where(and(eq(agreements.branchId, sdc), eq(agreements.delinquencyStatus, 'CURRENT')));
    const current = await allIds(staff, { delinquencyStatus: 'CURRENT' });
    expect(current).toHaveLength(n);
    expect(current).not.toEqual(expect.arrayContaining([A.a1]));
  });

  it('by level: exactly the agreements at it, an inactive level included; "no level" is DELINQUENT without one', async () => {
    expect(await allIds(staff, { delinquencyStatus: 'DELINQUENT', delinquencyLevelId: L.L1 })).toEqual([A.a2]);
    expect(await allIds(staff, { delinquencyStatus: 'DELINQUENT', delinquencyLevelId: L.L2 })).toEqual([A.a3]);
    expect(await allIds(staff, { delinquencyStatus: 'DELINQUENT', delinquencyLevelId: L.L3 })).toEqual([A.a5]);
    expect(await allIds(staff, { delinquencyStatus: 'DELINQUENT', delinquencyLevelId: null })).toEqual([A.a4]);
  });

  it('respects the branch scope: another branch\'s agreements at the level only for the admin', async () => {
    expect(await allIds(admin, { delinquencyStatus: 'DELINQUENT', delinquencyLevelId: L.L1 })).toEqual(sorted(A.a2, A.b1));
    expect(await allIds(admin, { delinquencyStatus: 'IN_GRACE' })).toEqual(sorted(A.a1, A.b2));
    // Asking for the other branch by id does not widen the scope.
    expect(await allIds(staff, { branchId: sti, delinquencyStatus: 'DELINQUENT', delinquencyLevelId: L.L1 })).toEqual([]);
    expect(await allIds(admin, { branchId: sti, delinquencyStatus: 'DELINQUENT', delinquencyLevelId: L.L1 })).toEqual([A.b1]);
  });

  it('combines with the other filters', async () => {
    await h.db.update(agreements).set({ status: 'SUSPENDED' }).where(eq(agreements.id, A.a3));
    try {
      expect(await allIds(staff, { delinquencyStatus: 'DELINQUENT', status: 'SUSPENDED' })).toEqual([A.a3]);
      expect(await allIds(staff, { delinquencyStatus: 'DELINQUENT', delinquencyLevelId: L.L1, status: 'SUSPENDED' })).toEqual([]);
    } finally {
      await h.db.update(agreements).set({ status: 'ACTIVE' }).where(eq(agreements.id, A.a3));
    }
  });

  it('rows carry the level\'s name for the badge column', async () => {
    const r = await listAgreements(staff, { delinquencyStatus: 'DELINQUENT' });
    const byId = new Map(r.rows.map((x) => [x.id, x]));
    expect(byId.get(A.a2)).toMatchObject({ delinquencyStatus: 'DELINQUENT', delinquencyLevelName: 'Filtro L1' });
    expect(byId.get(A.a5)).toMatchObject({ delinquencyLevelName: 'Filtro L3' });
    expect(byId.get(A.a4)).toMatchObject({ delinquencyStatus: 'DELINQUENT', delinquencyLevelName: null });
  });
});

describe('the filter as the page reads it from the URL', () => {
  it('offers every level of the policy, active ones first', async () => {
    const { delinquencyLevels: choices } = await agreementListOptions(staff);
    const mine = choices.filter((l) => l.name.startsWith('Filtro '));
    expect(mine.map((l) => [l.name, l.active])).toEqual([
      ['Filtro L1', true],
      ['Filtro L2', true],
      ['Filtro L3', false],
    ]);
    expect(choices.findIndex((l) => !l.active)).toBeGreaterThan(choices.findLastIndex((l) => l.active));
  });

  it('a level id, NO_LEVEL or a status from the URL gives the same agreements; an unknown id filters nothing', async () => {
    expect(await allIds(staff, await fromUrl(staff, L.L2))).toEqual([A.a3]);
    expect(await allIds(staff, await fromUrl(staff, 'NO_LEVEL'))).toEqual([A.a4]);
    expect(await allIds(staff, await fromUrl(staff, 'IN_GRACE'))).toEqual([A.a1]);
    expect(await fromUrl(staff, '00000000-0000-4000-8000-000000000000')).toEqual({});
  });

  it('needs agreements.read', async () => {
    const cashier = await actorFor('cajero@cauce.example');
    await expect(listAgreements(cashier, { delinquencyStatus: 'DELINQUENT', delinquencyLevelId: L.L1 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(agreementListOptions(cashier)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
