import { and, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { accounts, agreements, auditLog, billedAccounts, branches, invoices, meterReadings, pointsOfSale } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { findUserByEmail } from '@/db/queries/users';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import type { Actor } from '@/lib/auth/scope';
import { accountReadingHistory, ACCOUNT_OUT_OF_SCOPE, applyImport, previewImport, readingEntryOptions, readingsForEntry, recordReading, type ReadingWrite } from '@/lib/dal/readings';
import { actorFor } from '../support/actors';
import { createTestDatabase } from '../support/db';

// The server actions read the session through Auth.js; here the session is whatever we say.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock('@/lib/auth/auth', () => ({ auth: async () => session.current, signIn: vi.fn(), signOut: vi.fn() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
const { saveReadingAction } = await import('@/lib/actions/readings');

const TODAY = '2026-11-23';
let h: DatabaseHandle;
let staff: Actor; // BRANCH_STAFF of SDC
let auditor: Actor;
let inspector: Actor;
let sdc: string;
// Metered ACTIVE accounts: six of SDC, one of another branch.
let sdcAccounts: { id: string; number: string }[];
let other: { id: string; number: string };

const reading = (accountId: string, period: string, value: number | null, over: Partial<ReadingWrite> = {}): ReadingWrite => ({
  accountId,
  period,
  readingDate: `${period}-25`,
  value,
  anomalyCode: null,
  readerName: 'Ana Pérez',
  ...over,
});
const stored = (accountId: string) => h.db.select().from(meterReadings).where(eq(meterReadings.accountId, accountId)).orderBy(meterReadings.period);
const countReadings = () => h.db.$count(meterReadings);
const countAudit = () => h.db.$count(auditLog, eq(auditLog.entity, 'meter_reading'));

beforeAll(async () => {
  h = await createTestDatabase();
  await seedDemo(h);
  [staff, auditor, inspector] = await Promise.all(['sucursal@cauce.example', 'auditor@cauce.example', 'inspector@cauce.example'].map(actorFor));
  [{ id: sdc }] = await h.db.select({ id: branches.id }).from(branches).where(eq(branches.code, 'SDC'));
  const metered = (branchCond: ReturnType<typeof eq>) =>
    h.db
      .select({ id: accounts.id, number: accounts.number })
      .from(accounts)
      .innerJoin(agreements, eq(agreements.id, accounts.agreementId))
      .where(and(branchCond, eq(accounts.status, 'ACTIVE'), isNotNull(accounts.meterNumber)))
      .orderBy(accounts.number);
  sdcAccounts = (await metered(eq(agreements.branchId, sdc))).slice(0, 6);
  [other] = await metered(ne(agreements.branchId, sdc));
  expect(sdcAccounts).toHaveLength(6);
  expect(other).toBeDefined();
  // Whatever readings the demo seed gives these accounts, the tests start from none.
  const ids = [...sdcAccounts.map((a) => a.id), other.id];
  await h.db.delete(billedAccounts).where(inArray(billedAccounts.accountId, ids));
  await h.db.delete(meterReadings).where(inArray(meterReadings.accountId, ids));
});
afterAll(() => h.close());

describe('recordReading', () => {
  it('takes the first reading as the base, then bills current − previous, rolling over at the register end', async () => {
    const { id } = sdcAccounts[0];
    await h.db.update(accounts).set({ meterDigits: 4 }).where(eq(accounts.id, id));
    const first = await recordReading(staff, reading(id, '2025-01', 9_950), TODAY);
    expect(first).toMatchObject({ status: 'new', reading: { consumption: 0, estimated: false, value: 9_950, source: 'MANUAL', createdBy: staff.id } });
    // (10 000 − 9 950) + 20 = 70
    const rolled = await recordReading(staff, reading(id, '2025-02', 20), TODAY);
    expect(rolled).toMatchObject({ status: 'new', reading: { consumption: 70, estimated: false, value: 20 } });
    expect(rolled.reason).toMatch(/vuelta del medidor/);
    // A register value beyond 4 digits, and a backwards jump too large to be a roll-over, are refused.
    await expect(recordReading(staff, reading(id, '2025-03', 10_000), TODAY)).rejects.toThrow(/capacidad del medidor/);
    await expect(recordReading(staff, reading(id, '2025-03', 5), TODAY)).rejects.toThrow(/no corresponde a una vuelta/);
    expect((await stored(id)).map((r) => [r.period, r.value, r.consumption])).toEqual([['2025-01', 9_950, 0], ['2025-02', 20, 70]]);
  });

  it('estimates an anomalous or missing reading from the actual history and nets it off at the next real reading', async () => {
    const { id } = sdcAccounts[1];
    // Base 1000, then 10, 20, 30 m³.
    for (const [period, value] of [['2025-01', 1000], ['2025-02', 1010], ['2025-03', 1030], ['2025-04', 1060]] as const) await recordReading(staff, reading(id, period, value), TODAY);
    // (10 + 20 + 30) / 3 = 20, the base month left out of the average.
    const md = await recordReading(staff, reading(id, '2025-05', null, { anomalyCode: 'MD' }), TODAY);
    expect(md).toMatchObject({ status: 'new', reading: { consumption: 20, estimated: true, anomalyCode: 'MD', value: null } });
    // The estimate is not averaged again: still (10 + 20 + 30) / 3.
    const mi = await recordReading(staff, reading(id, '2025-06', 1075, { anomalyCode: 'MI' }), TODAY);
    expect(mi.reading).toMatchObject({ consumption: 20, estimated: true, value: 1075 });
    // Real reading: 1110 − 1060 = 50 used, 40 already billed by the two estimates → 10.
    const back = await recordReading(staff, reading(id, '2025-07', 1110), TODAY);
    expect(back.reading).toMatchObject({ consumption: 10, estimated: false });
  });

  it('is idempotent and corrects an unbilled reading, with an audit row per change', async () => {
    const { id } = sdcAccounts[2];
    await recordReading(staff, reading(id, '2025-01', 500), TODAY);
    const created = await recordReading(staff, reading(id, '2025-02', 540), TODAY);
    const auditBefore = await countAudit();
    expect(await recordReading(staff, reading(id, '2025-02', 540), TODAY)).toMatchObject({ status: 'unchanged' });
    expect(await countAudit()).toBe(auditBefore);
    const corrected = await recordReading(staff, reading(id, '2025-02', 545), TODAY);
    expect(corrected).toMatchObject({ status: 'change', reading: { id: created.reading.id, consumption: 45 } });
    const audit = await h.db.select().from(auditLog).where(and(eq(auditLog.entity, 'meter_reading'), eq(auditLog.entityId, created.reading.id))).orderBy(auditLog.at, auditLog.id);
    expect(audit.map((a) => a.action)).toEqual(['CREATE', 'UPDATE']);
    expect(audit[1]).toMatchObject({ userEmail: staff.email, before: { value: 540, consumption: 40 }, after: { value: 545, consumption: 45 } });
    // An earlier period can no longer change once a later one exists.
    await expect(recordReading(staff, reading(id, '2025-01', 490), TODAY)).rejects.toThrow(/posterior/);
  });

  it('refuses to change a billed reading', async () => {
    const { id } = sdcAccounts[3];
    await recordReading(staff, reading(id, '2025-01', 100), TODAY);
    await recordReading(staff, reading(id, '2025-02', 130), TODAY);
    const [agreement] = await h.db.select().from(agreements).innerJoin(accounts, eq(accounts.agreementId, agreements.id)).where(eq(accounts.id, id));
    const [pos] = await h.db.select().from(pointsOfSale).where(eq(pointsOfSale.branchId, agreement.agreements.branchId)).limit(1);
    const [invoice] = await h.db
      .insert(invoices)
      .values({ invoiceClass: 'B', pointOfSaleId: pos.id, posNumber: pos.number, origin: 'MANUAL', agreementId: agreement.agreements.id, customerId: agreement.agreements.customerId, branchId: agreement.agreements.branchId, customerSnapshot: {}, billingAddress: 'x', period: '2025-02' })
      .returning();
    await h.db.insert(billedAccounts).values({ accountId: id, period: '2025-02', invoiceId: invoice.id });
    await expect(recordReading(staff, reading(id, '2025-02', 140), TODAY)).rejects.toThrow('La lectura de febrero 2025 ya fue facturada: no se puede modificar.');
    // The same values again are simply "unchanged".
    expect(await recordReading(staff, reading(id, '2025-02', 130), TODAY)).toMatchObject({ status: 'unchanged' });
    expect((await stored(id)).find((r) => r.period === '2025-02')).toMatchObject({ value: 130, consumption: 30 });
  });

  it('keeps staff to the accounts of their branches and checks permissions, period and date', async () => {
    const before = await countReadings();
    await expect(recordReading(staff, reading(other.id, '2025-01', 10), TODAY)).rejects.toBeInstanceOf(NotFoundError);
    await expect(recordReading(auditor, reading(sdcAccounts[4].id, '2025-01', 10), TODAY)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(recordReading(staff, reading(sdcAccounts[4].id, '2026-12', 10), TODAY)).rejects.toThrow('El período no puede ser futuro.');
    await expect(recordReading(staff, reading(sdcAccounts[4].id, '2025-01', 10, { readingDate: '2024-12-31' }), TODAY)).rejects.toThrow(/anterior al período/);
    await expect(recordReading(staff, reading(sdcAccounts[4].id, '2025-01', null), TODAY)).rejects.toBeInstanceOf(UserError);
    expect(await countReadings()).toBe(before);
    // Inspectors read meters of every branch.
    expect(await recordReading(inspector, reading(other.id, '2025-01', 10), TODAY)).toMatchObject({ status: 'new' });
  });
});

describe('entry list and history', () => {
  it('lists the metered active accounts of a branch with previous and current readings, and refuses another branch', async () => {
    const { id } = sdcAccounts[2];
    const list = await readingsForEntry(staff, { branchId: sdc, period: '2025-02', q: sdcAccounts[2].number }, h.db);
    expect(list.total).toBe(1);
    expect(list.rows[0]).toMatchObject({ id, previous: { period: '2025-01', value: 500 }, current: { period: '2025-02', value: 545 }, billed: false });
    const options = await readingEntryOptions(staff);
    expect(options.branches.map((b) => b.id)).toEqual([sdc]);
    const [{ branchId: otherBranch }] = await h.db.select({ branchId: agreements.branchId }).from(accounts).innerJoin(agreements, eq(agreements.id, accounts.agreementId)).where(eq(accounts.id, other.id));
    await expect(readingsForEntry(staff, { branchId: otherBranch, period: '2025-02' })).rejects.toBeInstanceOf(NotFoundError);
    const history = await accountReadingHistory(auditor, id);
    expect(history.readings.map((r) => r.reading.period)).toEqual(['2025-02', '2025-01']);
    await expect(accountReadingHistory(staff, other.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('CSV import', () => {
  const a = () => sdcAccounts[4].number;
  const b = () => sdcAccounts[5].number;
  const file = () =>
    [
      '\uFEFFcuenta;periodo;fecha;lectura;anomalía;lector',
      `${a()};2025-01;2025-01-28;2000;;Luis`,
      `${a()};2025-02;2025-02-27;2035;;Luis`,
      `${b()};2025-01;2025-01-28;;MI;Luis`,
      `${other.number};2025-03;2025-03-28;50;;Luis`,
      `${b()};2025-13;2025-01-28;10;;Luis`,
      'CT-999999;2025-01;2025-01-28;10;;Luis',
    ].join('\r\n');

  it('previews row by row without writing anything', async () => {
    const [readings, audit] = [await countReadings(), await countAudit()];
    const report = await previewImport(staff, file(), TODAY);
    expect(report.counts).toEqual({ new: 3, unchanged: 0, change: 0, error: 3 });
    expect(report.rows.map((r) => [r.line, r.status])).toEqual([[2, 'new'], [3, 'new'], [4, 'new'], [5, 'error'], [6, 'error'], [7, 'error']]);
    expect(report.rows[1]).toMatchObject({ consumption: 35, estimated: false });
    expect(report.rows[3].messages).toEqual([ACCOUNT_OUT_OF_SCOPE]);
    expect(report.rows[4].messages[0]).toMatch(/Período no válido/);
    expect(report.rows[5].messages).toEqual([ACCOUNT_OUT_OF_SCOPE]);
    expect([await countReadings(), await countAudit()]).toEqual([readings, audit]);
  });

  it('imports only the good rows, and importing the file again changes nothing', async () => {
    const before = await countReadings();
    const result = await applyImport(staff, file(), TODAY);
    expect(result).toMatchObject({ imported: 3, unchanged: 0, errors: 3 });
    expect(await countReadings()).toBe(before + 3);
    const rows = await stored(sdcAccounts[4].id);
    expect(rows.map((r) => [r.period, r.value, r.consumption, r.source])).toEqual([['2025-01', 2000, 0, 'IMPORT'], ['2025-02', 2035, 35, 'IMPORT']]);
    expect(rows[0].importKey).toMatch(/^[0-9a-f]{64}$/);
    expect((await stored(sdcAccounts[5].id))[0]).toMatchObject({ value: null, anomalyCode: 'MI', estimated: true, consumption: 0 });
    expect(await stored(other.id)).toHaveLength(1); // only the inspector's reading of the earlier test

    const audit = await countAudit();
    const again = await applyImport(staff, file(), TODAY);
    expect(again).toMatchObject({ imported: 0, unchanged: 3, errors: 3 });
    expect([await countReadings(), await countAudit()]).toEqual([before + 3, audit]);
    expect((await previewImport(staff, file(), TODAY)).counts).toEqual({ new: 0, unchanged: 3, change: 0, error: 3 });
  });

  it('reports a changed row and applies the correction', async () => {
    const changed = file().replace(`${a()};2025-02;2025-02-27;2035`, `${a()};2025-02;2025-02-27;2040`);
    expect((await previewImport(staff, changed, TODAY)).counts).toMatchObject({ change: 1, unchanged: 2 });
    expect(await applyImport(staff, changed, TODAY)).toMatchObject({ imported: 1, unchanged: 2 });
    expect((await stored(sdcAccounts[4].id))[1]).toMatchObject({ value: 2040, consumption: 40 });
  });

  it('refuses a file without its header and is refused to the auditor', async () => {
    await expect(previewImport(staff, `${a()};2025-01;2025-01-28;1`, TODAY)).rejects.toThrow(/encabezado/);
    await expect(applyImport(auditor, file(), TODAY)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('CSV import in bulk', () => {
  // Accounts made for these tests in the staff member's branch: 1,000 for the large file, 3 for the mixed one.
  let bulk: { id: string; number: string }[];
  const num = (i: number) => `IMP-${String(i).padStart(5, '0')}`;

  beforeAll(async () => {
    const [model] = await h.db.select().from(accounts).where(eq(accounts.id, sdcAccounts[0].id));
    const values = Array.from({ length: 1_003 }, (_, i) => ({
      number: num(i),
      description: `Importación ${i}`,
      agreementId: model.agreementId,
      serviceAddress: model.serviceAddress,
      tariffCategoryId: model.tariffCategoryId,
      meterNumber: `IMP-M-${i}`,
      meterDigits: 5,
      startDate: '2024-01-01',
    }));
    bulk = await h.db.insert(accounts).values(values).returning({ id: accounts.id, number: accounts.number });
  });

  const readingsOf = (ids: string[]) => h.db.select().from(meterReadings).where(inArray(meterReadings.accountId, ids)).orderBy(meterReadings.accountId, meterReadings.period);

  it('imports a 2,000-row file whole, and importing it again changes nothing', async () => {
    const accountsOfFile = bulk.slice(0, 1_000);
    // Base reading 1000 + i in January, then i mod 50 m³ more in February; February rows come first in the file.
    const february = accountsOfFile.map((a, i) => `${a.number};2025-02;2025-02-27;${1_000 + i + (i % 50)};;Luis`);
    const january = accountsOfFile.map((a, i) => `${a.number};2025-01;2025-01-28;${1_000 + i};;Luis`);
    const csv = ['cuenta;periodo;fecha;lectura;anomalía;lector', ...february, ...january].join('\n');
    const [readings, audit] = [await countReadings(), await countAudit()];

    const result = await applyImport(staff, csv, TODAY);
    expect(result).toMatchObject({ imported: 2_000, unchanged: 0, errors: 0, counts: { new: 2_000, unchanged: 0, change: 0, error: 0 } });
    expect([await countReadings(), await countAudit()]).toEqual([readings + 2_000, audit + 2_000]);
    const rows = await readingsOf(accountsOfFile.map((a) => a.id));
    expect(rows).toHaveLength(2_000);
    expect(rows.every((r) => r.source === 'IMPORT' && r.createdBy === staff.id && /^[0-9a-f]{64}$/.test(r.importKey ?? ''))).toBe(true);
    // January only sets each register's base (0 m³); February bills i mod 50: 20 × (0 + 1 + … + 49) = 20 × 1,225 = 24,500 m³.
    expect(rows.filter((r) => r.period === '2025-01').reduce((s, r) => s + r.consumption, 0)).toBe(0);
    expect(rows.filter((r) => r.period === '2025-02').reduce((s, r) => s + r.consumption, 0)).toBe(24_500);
    // Account 73: 1073 then 1096 → 23 m³, reported on its line (February rows are lines 2–1001).
    expect(result.rows[73]).toMatchObject({ line: 75, account: num(73), period: '2025-02', status: 'new', consumption: 23, estimated: false });
    const created = await h.db.select().from(auditLog).where(and(eq(auditLog.entity, 'meter_reading'), eq(auditLog.entityId, rows[1].id)));
    expect(created).toMatchObject([{ action: 'CREATE', userEmail: staff.email, before: null, after: { id: rows[1].id, period: '2025-02', value: rows[1].value, consumption: rows[1].consumption, source: 'IMPORT' } }]);

    const again = await applyImport(staff, csv, TODAY);
    expect(again).toMatchObject({ imported: 0, unchanged: 2_000, errors: 0 });
    expect([await countReadings(), await countAudit()]).toEqual([readings + 2_000, audit + 2_000]);
    expect(await readingsOf(accountsOfFile.map((a) => a.id))).toEqual(rows);
  });

  it('imports exactly the good rows of a file that mixes good and bad ones', async () => {
    const [x, y, z] = bulk.slice(1_000);
    await recordReading(staff, reading(z.id, '2025-05', 300), TODAY);
    const lines = [
      'cuenta;periodo;fecha;lectura;anomalía;lector',
      `${x.number};2025-01;2025-01-28;100;;Luis`, // 2 good: the meter's base
      `${x.number};2025-02;2025-02-27;5;;Luis`, // 3 refused: 100 → 5 is no roll-over of a 5-digit register
      `${x.number};2025-03;2025-03-27;150;;Luis`, // 4 good: 150 − 100 = 50, line 3 never stored
      `${y.number};2025-13;2025-01-28;10;;Luis`, // 5 bad period
      `${other.number};2025-01;2025-01-28;10;;Luis`, // 6 another branch
      `${x.number};2025-01;2025-01-28;100;;Luis`, // 7 repeats line 2
      `${y.number};2025-01;2025-01-28;;MI;Luis`, // 8 good: estimated without history, 0 m³
      'CT-999999;2025-01;2025-01-28;10;;Luis', // 9 unknown account
      `${y.number};2026-12;2026-12-01;10;;Luis`, // 10 future period
      `${z.number};2025-04;2025-04-25;250;;Luis`, // 11 refused: May is already read
      `${y.number};2025-02;2025-02-27;abc;;Luis`, // 12 not a number
    ];
    const csv = lines.join('\n');
    const [readings, audit] = [await countReadings(), await countAudit()];
    const preview = await previewImport(staff, csv, TODAY);
    expect([await countReadings(), await countAudit()]).toEqual([readings, audit]);

    const result = await applyImport(staff, csv, TODAY);
    expect(result).toMatchObject({ imported: 3, unchanged: 0, errors: 8 });
    expect(result.rows).toEqual(preview.rows);
    expect(result.rows.filter((r) => r.status !== 'error').map((r) => [r.line, r.status, r.consumption])).toEqual([[2, 'new', 0], [4, 'new', 50], [8, 'new', 0]]);
    const refused = Object.fromEntries(result.rows.filter((r) => r.status === 'error').map((r) => [r.line, r.messages[0]]));
    expect(Object.keys(refused).map(Number)).toEqual([3, 5, 6, 7, 9, 10, 11, 12]);
    expect(refused[3]).toMatch(/no corresponde a una vuelta/);
    expect(refused[5]).toMatch(/Período no válido/);
    expect(refused[6]).toBe(ACCOUNT_OUT_OF_SCOPE);
    expect(refused[7]).toMatch(/repetidos en el archivo \(línea 2\)/);
    expect(refused[9]).toBe(ACCOUNT_OUT_OF_SCOPE);
    expect(refused[10]).toBe('El período no puede ser futuro.');
    expect(refused[11]).toMatch(/ya tiene la lectura de mayo 2025/);
    expect(refused[12]).toMatch(/número entero/);

    expect([await countReadings(), await countAudit()]).toEqual([readings + 3, audit + 3]);
    expect((await stored(x.id)).map((r) => [r.period, r.value, r.consumption])).toEqual([['2025-01', 100, 0], ['2025-03', 150, 50]]);
    expect((await stored(y.id)).map((r) => [r.period, r.value, r.anomalyCode, r.estimated, r.consumption])).toEqual([['2025-01', null, 'MI', true, 0]]);
    expect((await stored(z.id)).map((r) => [r.period, r.value, r.source])).toEqual([['2025-05', 300, 'MANUAL']]);
  });
});

describe('saveReadingAction', () => {
  beforeEach(() => {
    session.current = null;
  });

  it('saves a reading for a signed-in staff member and returns field errors for bad input', async () => {
    const user = await findUserByEmail(h.db, staff.email);
    session.current = { user: { id: user!.id } };
    const bad = await saveReadingAction({ accountId: sdcAccounts[0].id, period: '2025-03', readingDate: '2025-03-25', value: 'abc', anomalyCode: '' });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { value: [expect.any(String)] } });
    const ok = await saveReadingAction({ accountId: sdcAccounts[0].id, period: '2025-03', readingDate: '2025-03-25', value: '45', anomalyCode: '' });
    // 45 − 20 = 25
    expect(ok).toMatchObject({ ok: true, data: { status: 'new', consumption: 25, estimated: false } });
    const otherBranch = await saveReadingAction({ accountId: other.id, period: '2025-04', readingDate: '2025-04-25', value: '60', anomalyCode: '' });
    expect(otherBranch).toMatchObject({ ok: false, error: 'No se encontró la cuenta.' });
  });
});
