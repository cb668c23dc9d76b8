/**
 * Loads the CRM demo data (db/seed-data/crm.ts) into the database: in the demo seed's own
 * transaction through multi-row drizzle inserts, and for `--scale` through db/bulk.ts.
 */
import { count, eq, getTableColumns, getTableName, inArray } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { toLocalDateString } from '@/lib/domain/format';
import { instrumentSecret } from '@/lib/instrument-secret';
import type { DatabaseHandle, DbOrTx } from './client';
import { bulkInsert } from './bulk';
import { nextCode } from './queries/codes';
import {
  accountGroups,
  accounts,
  agreementPaymentMethods,
  agreements,
  attributeDefinitions,
  branches,
  conceptGroups,
  concepts,
  customers,
  exchangeRates,
  localities,
  paymentEntities,
  provinces,
  tariffBlocks,
  tariffCategories,
  tariffs,
  userBranches,
  users,
  workOrders,
} from './schema';
import { billingCatalogRows } from './seed-data/billing';
import { assignCodes, DEMO_ATTRIBUTE_DEFINITIONS, DEMO_TODAY, exchangeRateSeries, generateCrm, type CodeCounters, type CrmCustomer, type CrmProfile, type CrmRefs, type CrmRows } from './seed-data/crm';

/** The rows behind every generated agreement: users, branches with their province's localities, catalogs. */
export async function loadCrmRefs(db: DbOrTx): Promise<CrmRefs | null> {
  const people = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, ['admin@cauce.example', 'sucursal@cauce.example', 'inspector@cauce.example']));
  const byEmail = new Map(people.map((u) => [u.email, u.id]));
  const adminId = byEmail.get('admin@cauce.example');
  const staffId = byEmail.get('sucursal@cauce.example');
  if (!adminId || !staffId) return null;
  const staffBranches = await db.select({ branchId: userBranches.branchId }).from(userBranches).where(eq(userBranches.userId, staffId));
  const branchRows = await db
    .select({ id: branches.id, code: branches.code, localityId: branches.localityId, provinceId: localities.provinceId, provinceCode: provinces.code })
    .from(branches)
    .innerJoin(localities, eq(localities.id, branches.localityId))
    .innerJoin(provinces, eq(provinces.id, localities.provinceId));
  // Sorted here, not by the database: collations differ between PGlite and PostgreSQL, and the RNG picks by position.
  const locRows = (await db.select({ id: localities.id, name: localities.name, provinceId: localities.provinceId }).from(localities)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const branchMap = new Map(
    branchRows.map((b) => {
      // The branch's own locality (its province's capital in the demo) first: half the agreements go there.
      const locs = locRows.filter((l) => l.provinceId === b.provinceId).sort((x, y) => Number(y.id === b.localityId) - Number(x.id === b.localityId));
      return [b.id, { code: b.code, provinceCode: b.provinceCode, localities: locs.map((l) => ({ id: l.id, name: l.name })) }] as const;
    }),
  );
  const tariffs = await db.select({ id: tariffCategories.id, code: tariffCategories.code }).from(tariffCategories);
  const entities = await db.select({ id: paymentEntities.id, code: paymentEntities.code }).from(paymentEntities);
  return {
    adminId,
    staffId,
    staffBranchIds: new Set(staffBranches.map((b) => b.branchId)),
    inspectorId: byEmail.get('inspector@cauce.example') ?? null,
    branches: branchMap,
    tariffIds: Object.fromEntries(tariffs.map((t) => [t.code, t.id])),
    entityIds: Object.fromEntries(entities.map((e) => [e.code, e.id])),
    secret: instrumentSecret(),
  };
}

// Last number used for each code prefix, the way nextCode() finds the next one.
export async function loadCounters(db: DbOrTx): Promise<CodeCounters> {
  const last = async (table: PgTable, column: Parameters<typeof nextCode>[2], prefix: string) => Number((await nextCode(db, table, column, prefix)).slice(prefix.length + 1)) - 1;
  return {
    AC: await last(agreements, agreements.code, 'AC'),
    GR: await last(accountGroups, accountGroups.code, 'GR'),
    CT: await last(accounts, accounts.number, 'CT'),
    OT: await last(workOrders, workOrders.number, 'OT'),
  };
}

const customerColumns = {
  id: customers.id,
  code: customers.code,
  legalName: customers.legalName,
  segment: customers.segment,
  isLargeAccount: customers.isLargeAccount,
  taxCondition: customers.taxCondition,
  email: customers.email,
  branchId: customers.branchId,
};

/** True when no agreement exists yet (a fresh database, or one seeded before the CRM existed). */
export async function crmIsEmpty(db: DbOrTx) {
  const [{ n }] = await db.select({ n: count() }).from(agreements);
  return n === 0;
}

/**
 * The CRM part of the demo utility, in the caller's transaction: attribute definitions, daily
 * exchange rates through today, then agreements, groups, accounts, work orders and payment
 * methods for every customer. Rows are inserted many at a time (a few hundred per statement).
 */
export async function seedCrmDemo(tx: DbOrTx, seed: number) {
  const refs = await loadCrmRefs(tx);
  if (!refs) return null;
  await tx.insert(attributeDefinitions).values(DEMO_ATTRIBUTE_DEFINITIONS.map((d) => ({ ...d, options: d.options ? [...d.options] : null }))).onConflictDoNothing();
  const today = toLocalDateString(new Date());
  const rates = exchangeRateSeries(today > DEMO_TODAY ? today : DEMO_TODAY, seed).map((r) => {
    const at = new Date(`${r.date}T08:30:00-04:00`);
    return { ...r, createdBy: refs.adminId, createdAt: at, updatedAt: at };
  });
  await insertChunks(tx, exchangeRates, rates, true);
  const customerRows = (await tx.select(customerColumns).from(customers).orderBy(customers.code)) as CrmCustomer[];
  const { rows, metered } = generateCrm(customerRows, refs, seed, 'demo');
  assignCodes(rows, await loadCounters(tx), metered);
  await insertChunks(tx, agreements, rows.agreements);
  await insertChunks(tx, accountGroups, rows.groups);
  await insertChunks(tx, accounts, rows.accounts);
  await insertChunks(tx, workOrders, rows.orders);
  await insertChunks(tx, agreementPaymentMethods, rows.methods);
  return { ...sizes(rows), exchangeRates: rates.length, attributeDefinitions: DEMO_ATTRIBUTE_DEFINITIONS.length };
}

function sizes(rows: CrmRows) {
  return { agreements: rows.agreements.length, accountGroups: rows.groups.length, accounts: rows.accounts.length, workOrders: rows.orders.length, paymentMethods: rows.methods.length };
}

async function insertChunks<T extends PgTable>(tx: DbOrTx, table: T, rows: T['$inferInsert'][], ignoreConflicts = false) {
  for (let i = 0; i < rows.length; i += 500) {
    const q = tx.insert(table).values(rows.slice(i, i + 500));
    await (ignoreConflicts ? q.onConflictDoNothing() : q);
  }
}

/**
 * `--scale`: agreements, groups, accounts, work orders and payment methods for the given
 * customers (just added by seedScale), through db/bulk.ts. Codes continue the existing ones.
 */
export async function seedCrmScale(handle: DatabaseHandle, customerCodes: string[], seed: number, state: { refs: CrmRefs; counters: CodeCounters }, profile: CrmProfile = 'scale') {
  const customerRows = (await handle.db.select(customerColumns).from(customers).where(inArray(customers.code, customerCodes)).orderBy(customers.code)) as CrmCustomer[];
  const { rows, metered } = generateCrm(customerRows, state.refs, seed, profile);
  assignCodes(rows, state.counters, metered);
  await bulkInsertObjects(handle, agreements, rows.agreements);
  await bulkInsertObjects(handle, accountGroups, rows.groups);
  await bulkInsertObjects(handle, accounts, rows.accounts);
  await bulkInsertObjects(handle, workOrders, rows.orders);
  await bulkInsertObjects(handle, agreementPaymentMethods, rows.methods);
  return sizes(rows);
}

export async function loadScaleState(db: DbOrTx) {
  const refs = await loadCrmRefs(db);
  if (!refs) return null;
  return { refs, counters: await loadCounters(db) };
}

/** Drizzle-shaped rows (camelCase keys, every row with the same keys) to a bulkInsert. */
async function bulkInsertObjects<T extends PgTable>(handle: DatabaseHandle, table: T, rows: T['$inferInsert'][]) {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, { name: string; columnType: string }>;
  const keys = Object.keys(rows[0]);
  const json = keys.map((k) => columns[k].columnType === 'PgJsonb');
  const values = rows.map((r) =>
    keys.map((k, i) => {
      const v = (r as Record<string, unknown>)[k];
      if (v === undefined || v === null) return null;
      return json[i] ? JSON.stringify(v) : (v as string | number | boolean | Date);
    }),
  );
  await bulkInsertParallel(handle, getTableName(table), keys.map((k) => columns[k].name), values);
}

/**
 * bulkInsert over a few connections at once on PostgreSQL (about three times faster than one
 * connection for the scale seed); on PGlite the statements run in turn anyway. Not atomic: for seeds only.
 */
export async function bulkInsertParallel(handle: DatabaseHandle, table: string, columns: string[], rows: Parameters<typeof bulkInsert>[3], onConflict = '') {
  const lanes = handle.kind === 'postgres' ? 4 : 1;
  const size = Math.ceil(rows.length / lanes);
  await Promise.all(Array.from({ length: lanes }, (_, i) => bulkInsert(handle, table, columns, rows.slice(i * size, (i + 1) * size), onConflict)));
}

/** True when no concept group exists yet (a fresh database, or one seeded before billing existed). */
export async function billingCatalogsEmpty(db: DbOrTx) {
  const [{ n }] = await db.select({ n: count() }).from(conceptGroups);
  return n === 0;
}

/** The billing catalogs of the demo (db/seed-data/billing.ts): concept groups, concepts, tariffs and their blocks. */
export async function seedBillingCatalogs(tx: DbOrTx) {
  const categories = await tx.select({ id: tariffCategories.id, code: tariffCategories.code }).from(tariffCategories);
  const [admin] = await tx.select({ id: users.id }).from(users).where(eq(users.email, 'admin@cauce.example'));
  const rows = billingCatalogRows({ categoryIds: Object.fromEntries(categories.map((c) => [c.code, c.id])), adminId: admin?.id ?? null });
  await tx.insert(conceptGroups).values(rows.groups);
  await tx.insert(concepts).values(rows.concepts);
  if (rows.tariffs.length > 0) {
    await tx.insert(tariffs).values(rows.tariffs);
    await tx.insert(tariffBlocks).values(rows.blocks);
  }
  return { conceptGroups: rows.groups.length, concepts: rows.concepts.length, tariffs: rows.tariffs.length };
}
