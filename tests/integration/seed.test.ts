import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { nextCode } from '@/db/queries/codes';
import { accountGroups, accounts, agreementPaymentMethods, agreements, attributeDefinitions, auditLog, exchangeRates, workOrders } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { TEST_CARDS } from '@/db/seed-data/crm';
import { validateAttributeValues, type AttributeDefinition } from '@/lib/domain/dynamic-attributes';
import { createTestDatabase } from '../support/db';

let h: DatabaseHandle;

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const res = (await h.db.execute(query)) as unknown as { rows?: T[] } | T[];
  return Array.isArray(res) ? res : (res.rows ?? []);
}

const counts = async () => ({
  agreements: await h.db.$count(agreements),
  groups: await h.db.$count(accountGroups),
  accounts: await h.db.$count(accounts),
  orders: await h.db.$count(workOrders),
  methods: await h.db.$count(agreementPaymentMethods),
  rates: await h.db.$count(exchangeRates),
  definitions: await h.db.$count(attributeDefinitions),
  audit: await h.db.$count(auditLog),
});

beforeAll(async () => {
  h = await createTestDatabase();
  await seedDemo(h);
});
afterAll(() => h.close());

describe('CRM demo data', () => {
  it('has at least 300 agreements spread over the five branches, with a realistic mix', async () => {
    const perBranch = await rows<{ code: string; n: number }>(sql`select b.code, count(*)::int as n from agreements a join branches b on b.id = a.branch_id group by b.code`);
    expect(perBranch.map((r) => r.code).sort()).toEqual(['LRO', 'SDC', 'SDE', 'SPM', 'STI']);
    expect(perBranch.reduce((s, r) => s + r.n, 0)).toBeGreaterThanOrEqual(300);
    const statuses = await rows<{ status: string; n: number }>(sql`select status::text, count(*)::int as n from agreements group by status`);
    const by = Object.fromEntries(statuses.map((r) => [r.status, r.n]));
    expect(by.ACTIVE).toBeGreaterThan(by.NEW + by.SUSPENDED + by.CLOSED);
    expect(Math.min(by.NEW, by.SUSPENDED, by.CLOSED)).toBeGreaterThan(0);
    const modes = await rows<{ billing_mode: string }>(sql`select distinct billing_mode::text from agreements`);
    expect(modes.map((m) => m.billing_mode).sort()).toEqual(['PER_ACCOUNT', 'PER_AGREEMENT', 'PER_GROUP']);
    const [reasons] = await rows<{ n: number }>(sql`select count(*)::int as n from agreements where status in ('SUSPENDED', 'CLOSED') and coalesce(length(trim(status_reason)), 0) < 3`);
    expect(reasons.n).toBe(0);
    const [closed] = await rows<{ n: number }>(sql`select count(*)::int as n from agreements where (status = 'CLOSED') <> (valid_to is not null)`);
    expect(closed.n).toBe(0);
  });

  it('gives every ACTIVE agreement and group an activation approved by someone other than its creator', async () => {
    const missing = await rows<{ code: string }>(sql`
      select a.code from agreements a
      where a.status = 'ACTIVE' and not exists (
        select 1 from work_orders o where o.agreement_id = a.id and o.type = 'ACTIVATION' and o.target = 'AGREEMENT'
          and o.status = 'APPROVED' and o.decided_by is not null and o.decided_by <> o.created_by and o.created_by = a.created_by)`);
    expect(missing).toEqual([]);
    const groupsMissing = await rows<{ code: string }>(sql`
      select g.code from account_groups g
      where g.status = 'ACTIVE' and not exists (
        select 1 from work_orders o where o.account_group_id = g.id and o.type = 'ACTIVATION' and o.target = 'ACCOUNT_GROUP'
          and o.status = 'APPROVED' and o.decided_by <> o.created_by)`);
    expect(groupsMissing).toEqual([]);
    const [sameUser] = await rows<{ n: number }>(sql`select count(*)::int as n from work_orders where decided_by = created_by`);
    expect(sameUser.n).toBe(0);
  });

  it('gives every NEW agreement and group exactly one PENDING activation', async () => {
    const agreementsBad = await rows<{ code: string; n: number }>(sql`
      select a.code, (select count(*)::int from work_orders o where o.agreement_id = a.id and o.type = 'ACTIVATION' and o.target = 'AGREEMENT' and o.status = 'PENDING') as n
      from agreements a where a.status = 'NEW'`);
    expect(agreementsBad.length).toBeGreaterThan(0);
    expect(agreementsBad.filter((r) => r.n !== 1)).toEqual([]);
    const groupsBad = await rows<{ code: string; n: number }>(sql`
      select g.code, (select count(*)::int from work_orders o where o.account_group_id = g.id and o.type = 'ACTIVATION' and o.status = 'PENDING') as n
      from account_groups g where g.status = 'NEW'`);
    expect(groupsBad.filter((r) => r.n !== 1)).toEqual([]);
    const [openElsewhere] = await rows<{ n: number }>(sql`select count(*)::int as n from work_orders o join agreements a on a.id = o.agreement_id where o.type = 'ACTIVATION' and o.status = 'PENDING' and o.target = 'AGREEMENT' and a.status <> 'NEW'`);
    expect(openElsewhere.n).toBe(0);
  });

  it('keeps accounts, groups and orders inside their agreement and branch', async () => {
    const [foreignGroup] = await rows<{ n: number }>(sql`select count(*)::int as n from accounts c join account_groups g on g.id = c.group_id where g.agreement_id <> c.agreement_id`);
    expect(foreignGroup.n).toBe(0);
    const [ungrouped] = await rows<{ n: number }>(sql`select count(*)::int as n from accounts c join agreements a on a.id = c.agreement_id where a.billing_mode = 'PER_GROUP' and c.group_id is null`);
    expect(ungrouped.n).toBe(0);
    const [branchMismatch] = await rows<{ n: number }>(sql`
      select count(*)::int as n from work_orders o join agreements a on a.id = o.agreement_id
      where o.branch_id <> a.branch_id or o.account_id is not null and not exists (select 1 from accounts c where c.id = o.account_id and c.agreement_id = a.id)`);
    expect(branchMismatch.n).toBe(0);
    const [cutWithoutOrder] = await rows<{ n: number }>(sql`
      select count(*)::int as n from accounts c where c.status = 'DISCONNECTED'
      and not exists (select 1 from work_orders o where o.account_id = c.id and o.type = 'DISCONNECTION' and o.status = 'DONE' and c.status_reason = 'Orden ' || o.number)`);
    expect(cutWithoutOrder.n).toBe(0);
  });

  it('gives metered accounts a unique meter and unmetered ones none', async () => {
    const [bad] = await rows<{ n: number }>(sql`
      select count(*)::int as n from accounts c join agreements a on a.id = c.agreement_id
      where (a.billing_opportunity = 'METERED') <> (c.meter_number is not null) or c.meter_number !~ '^MED-[0-9]{8}$'`);
    expect(bad.n).toBe(0);
    const [dupes] = await rows<{ n: number }>(sql`select count(*)::int as n from (select meter_number from accounts where meter_number is not null group by 1 having count(*) > 1) d`);
    expect(dupes.n).toBe(0);
  });

  it('places each agreement in a locality of its branch province', async () => {
    const [outside] = await rows<{ n: number }>(sql`
      select count(*)::int as n from agreements a
      join localities l on l.id = a.locality_id
      join branches b on b.id = a.branch_id join localities bl on bl.id = b.locality_id
      where l.province_id <> bl.province_id`);
    expect(outside.n).toBe(0);
  });

  it('stores dynamic attributes the way the form validation would', async () => {
    const defs = await h.db.select().from(attributeDefinitions);
    expect(defs.map((d) => `${d.entity}.${d.key}`).sort()).toEqual(['ACCOUNT.caudal_contratado_m3', 'ACCOUNT.diametro_acometida', 'ACCOUNT_GROUP.centro_costo', 'AGREEMENT.fecha_ultima_inspeccion', 'AGREEMENT.ruta_lectura', 'AGREEMENT.uso_principal']);
    const of = (entity: string): AttributeDefinition[] => defs.filter((d) => d.entity === entity).map((d) => ({ key: d.key, label: d.label, type: d.type, required: d.required, options: d.options ?? null }));
    for (const [entity, table] of [['AGREEMENT', agreements], ['ACCOUNT', accounts], ['ACCOUNT_GROUP', accountGroups]] as const) {
      const all = await h.db.select({ attributes: table.attributes }).from(table);
      for (const { attributes } of all) {
        const check = validateAttributeValues(of(entity), attributes);
        expect(check).toEqual({ ok: true, values: attributes });
      }
    }
  });

  it('keeps no more than the last four digits of any payment instrument', async () => {
    const methods = await h.db.select().from(agreementPaymentMethods);
    expect(methods.length).toBeGreaterThan(250);
    for (const m of methods) {
      if (m.method === 'CARD' || m.method === 'DIRECT_DEBIT') {
        expect(m.instrumentLast4).toMatch(/^\d{4}$/);
        expect(m.instrumentToken).toMatch(/^tok_[0-9a-f]{28}$/);
        expect(m.entityId).not.toBeNull();
      } else {
        expect([m.instrumentLast4, m.instrumentToken]).toEqual([null, null]);
      }
      if (m.method === 'CARD') expect((m.expiryYear ?? 0) * 100 + (m.expiryMonth ?? 0)).toBeGreaterThan(202611);
    }
    const [defaults] = await rows<{ n: number }>(sql`select count(*)::int as n from (select agreement_id from agreement_payment_methods where is_default group by 1 having count(*) <> 1) d`);
    expect(defaults.n).toBe(0);
    // Whole rows as text, with UUIDs and tokens (hex that may contain digit runs) taken out: no 12+ digit run.
    for (const table of ['agreement_payment_methods', 'audit_log']) {
      const text = await rows<{ t: string }>(sql.raw(`
        select regexp_replace(regexp_replace(row_to_json(x)::text, '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}', '', 'g'), 'tok_[0-9a-f]+', '', 'g') as t from ${table} x`));
      expect(text.filter((r) => /\d{12,}/.test(r.t))).toEqual([]);
    }
    const all = (await rows<{ t: string }>(sql`select row_to_json(x)::text as t from agreement_payment_methods x`)).map((r) => r.t).join('\n');
    for (const [number] of TEST_CARDS) expect(all).not.toContain(number);
  });

  it('gives both portal fixtures agreements with accounts, GC-000001 two ACTIVE ones (one in USD) and a big grouped one', async () => {
    const fixtures = await rows<{ customer: string; code: string; status: string; currency: string; accounts: number; groups: number }>(sql`
      select c.code as customer, a.code, a.status::text, a.currency,
        (select count(*)::int from accounts x where x.agreement_id = a.id) as accounts,
        (select count(distinct x.group_id)::int from accounts x where x.agreement_id = a.id) as groups
      from agreements a join customers c on c.id = a.customer_id where c.code in ('GC-000001', 'GC-000002')`);
    for (const code of ['GC-000001', 'GC-000002']) {
      const own = fixtures.filter((f) => f.customer === code);
      expect(own.length).toBeGreaterThanOrEqual(3);
      expect(own.every((f) => f.accounts > 0)).toBe(true);
    }
    const active1 = fixtures.filter((f) => f.customer === 'GC-000001' && f.status === 'ACTIVE');
    expect(active1.length).toBeGreaterThanOrEqual(2);
    expect(active1.some((f) => f.currency === 'USD')).toBe(true);
    expect(fixtures.some((f) => f.accounts >= 35 && f.groups >= 3)).toBe(true);
  });

  it('loads USD and EUR rates for every day from January 1st, within realistic ranges', async () => {
    const stats = await rows<{ currency: string; n: number; first: string; min: string; max: string }>(sql`
      select currency, count(*)::int as n, min(date)::text as first, min(rate)::text as min, max(rate)::text as max from exchange_rates group by currency order by currency`);
    expect(stats.map((s) => s.currency)).toEqual(['EUR', 'USD']);
    for (const s of stats) {
      expect(s.first).toBe('2026-01-01');
      expect(s.n).toBeGreaterThanOrEqual(327); // 2026-01-01 … 2026-11-23
    }
    const [eur, usd] = stats;
    expect(Number(usd.min)).toBeGreaterThanOrEqual(58.5);
    expect(Number(usd.max)).toBeLessThanOrEqual(63);
    expect(Number(eur.min)).toBeGreaterThanOrEqual(63);
    expect(Number(eur.max)).toBeLessThanOrEqual(70);
  });

  it('numbers everything so that the next code continues the sequence', async () => {
    const n = await h.db.$count(agreements);
    expect(await nextCode(h.db, agreements, agreements.code, 'AC')).toBe(`AC-${String(n + 1).padStart(6, '0')}`);
    expect(await nextCode(h.db, accounts, accounts.number, 'CT')).toBe(`CT-${String((await h.db.$count(accounts)) + 1).padStart(6, '0')}`);
    expect(await nextCode(h.db, accountGroups, accountGroups.code, 'GR')).toBe(`GR-${String((await h.db.$count(accountGroups)) + 1).padStart(6, '0')}`);
    expect(await nextCode(h.db, workOrders, workOrders.number, 'OT')).toBe(`OT-${String((await h.db.$count(workOrders)) + 1).padStart(6, '0')}`);
  });

  it('is idempotent: seeding again adds nothing', async () => {
    const before = await counts();
    await seedDemo(h);
    expect(await counts()).toEqual(before);
  });
});
