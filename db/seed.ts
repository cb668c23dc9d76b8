import { eq, sql } from 'drizzle-orm';
import { hashPassword } from '@/lib/auth/password';
import { runDelinquency } from '@/lib/collections/delinquency-run';
import { toLocalDateString } from '@/lib/domain/format';
import type { DatabaseHandle } from './client';
import { recordAudit } from './queries/audit';
import { branches, company, customers, localities, paymentEntities, pointsOfSale, provinces, tariffCategories, userBranches, users, type Role } from './schema';
import { generateCustomers, LARGE_ACCOUNT_FIXTURES, type SeedCustomer } from './seed-data/customers';
import { PROVINCES } from './seed-data/geography';
import { seedBillingHistory } from './seed-billing-history';
import { seedPaymentHistory } from './seed-payment-history';
import { seedPrintFormats } from './seed-data/print';
import { seedDelinquencyLevels } from './seed-data/delinquency';
import { billingCatalogsEmpty, bulkInsertParallel, crmIsEmpty, loadScaleState, seedBillingCatalogs, seedCrmDemo, seedCrmScale } from './seed-crm';

export const DEMO_PASSWORD = 'Cauce.Demo2026';
export const DEMO_SEED = 20_261_123;
export const DEMO_CUSTOMER_COUNT = 200;

export const DEMO_BRANCHES = [
  { code: 'SDC', name: 'Santo Domingo Centro', address: 'Av. Independencia 1202, Gazcue', province: '01', locality: 'Santo Domingo de Guzmán', pos: [1, 2] },
  { code: 'SDE', name: 'Santo Domingo Este', address: 'Av. San Vicente de Paúl 35, Los Mina', province: '32', locality: 'Santo Domingo Este', pos: [3] },
  { code: 'STI', name: 'Santiago', address: 'Calle del Sol 58, Centro', province: '25', locality: 'Santiago de los Caballeros', pos: [4, 5] },
  { code: 'LRO', name: 'La Romana', address: 'Calle Duarte 77', province: '12', locality: 'La Romana', pos: [6] },
  { code: 'SPM', name: 'San Pedro de Macorís', address: 'Av. Francisco Domínguez Charro 20', province: '23', locality: 'San Pedro de Macorís', pos: [7] },
] as const;

export const DEMO_USERS: { email: string; name: string; role: Role; branches?: string[]; customer?: string; clientAdmin?: boolean }[] = [
  { email: 'admin@cauce.example', name: 'Ana Administradora', role: 'ADMIN' },
  { email: 'sucursal@cauce.example', name: 'Sergio Sucursal', role: 'BRANCH_STAFF', branches: ['SDC'] },
  { email: 'cajero@cauce.example', name: 'Carmen Cajera', role: 'CASHIER', branches: ['SDC'] },
  { email: 'inspector@cauce.example', name: 'Iván Inspector', role: 'INSPECTOR' },
  { email: 'auditor@cauce.example', name: 'Aurora Auditora', role: 'AUDITOR' },
  { email: 'cliente@cauce.example', name: 'Laura Méndez (Industrias Alimenticias del Cibao)', role: 'CLIENT', customer: 'GC-000001', clientAdmin: true },
  { email: 'cliente2@cauce.example', name: 'Héctor Almonte (Cervecería Nacional del Este)', role: 'CLIENT', customer: 'GC-000002' },
];

export const DEMO_TARIFF_CATEGORIES: [string, string][] = [
  ['RES-SOC', 'Residencial social'],
  ['RES', 'Residencial'],
  ['COM', 'Comercial'],
  ['IND', 'Industrial'],
  ['GOB', 'Gobierno e instituciones'],
];

export const DEMO_PAYMENT_ENTITIES: [string, string, 'CARD' | 'DIRECT_DEBIT' | 'BANK_TRANSFER'][] = [
  ['VISA', 'Visa', 'CARD'],
  ['MASTERCARD', 'Mastercard', 'CARD'],
  ['AMEX', 'American Express', 'CARD'],
  ...(['DIRECT_DEBIT', 'BANK_TRANSFER'] as const).flatMap((method) =>
    [
      ['BPD', 'Banco Popular Dominicano'],
      ['BANRESERVAS', 'Banreservas'],
      ['BHD', 'Banco BHD'],
      ['SCOTIA', 'Scotiabank República Dominicana'],
      ['BSC', 'Banco Santa Cruz'],
      ['APAP', 'Asociación Popular de Ahorros y Préstamos'],
    ].map(([code, name]) => [`${code}-${method === 'DIRECT_DEBIT' ? 'DA' : 'TR'}`, name, method] as [string, string, 'DIRECT_DEBIT' | 'BANK_TRANSFER']),
  ),
];

export async function isSeeded(handle: DatabaseHandle) {
  const rows = await handle.db.select({ id: company.id }).from(company).limit(1);
  return rows.length > 0;
}

export type SeedOptions = {
  /**
   * Twelve months of readings and billed periods (db/seed-billing-history.ts). Default: on, unless
   * CAUCE_SEED_HISTORY=0 (the unit and integration tests set it: billing 12 periods takes seconds
   * per database and most tests bill periods of their own).
   */
  history?: boolean;
};

/** Whether seedDemo adds the billed history when not told: CAUCE_SEED_HISTORY=0 turns it off. */
export function historyByDefault() {
  return process.env.CAUCE_SEED_HISTORY !== '0';
}

/**
 * The demo utility: deterministic, so two seeds of an empty database are identical. Idempotent: an
 * already seeded database is left as it is, except that one seeded before the CRM existed (no
 * agreement yet) gets the CRM demo data once, and one seeded before the billed history existed gets
 * it once (see seedBillingHistory).
 */
export async function seedDemo(handle: DatabaseHandle, log: (msg: string) => void = () => {}, opts: SeedOptions = {}) {
  await seedDemoData(handle, log);
  const print = await seedPrintFormats(handle.db);
  if (print) log(`Formatos de impresión: ${print.printFormats.join(', ')}; ${print.assignments.length} asignaciones.`);
  await seedDelinquencyLevels(handle.db).then((names) => names.length && log(`Política de morosidad: ${names.join(', ')}.`));
  if (opts.history ?? historyByDefault()) {
    await seedBillingHistory(handle, DEMO_SEED, log);
    const paid = await seedPaymentHistory(handle, DEMO_SEED, log);
    if (paid) {
      // Statuses as of today, so agreements, reports and the portal show the demo's debt; the
      // actions (late fees, notices, disconnection orders) are left to the daily run.
      const today = toLocalDateString(new Date());
      const run = await runDelinquency(handle.db, today, { actions: false });
      log(`Morosidad al ${today}: ${run.byStatus.DELINQUENT} acuerdos morosos y ${run.byStatus.IN_GRACE} en período de gracia (las acciones las toma la corrida diaria).`);
    }
  }
}

async function seedDemoData(handle: DatabaseHandle, log: (msg: string) => void) {
  const { db } = handle;
  if (await isSeeded(handle)) {
    // Seeded before billing existed: the billing catalogs are added once.
    const billing = (await billingCatalogsEmpty(db)) ? await db.transaction((tx) => seedBillingCatalogs(tx)) : null;
    if (billing) log(describeBilling(billing));
    if (!(await crmIsEmpty(db))) {
      if (!billing) log('La base ya tiene los datos de demostración; no se vuelven a cargar.');
      return;
    }
    const crm = await db.transaction((tx) => seedCrmDemo(tx, DEMO_SEED));
    if (crm) log(describeCrm(crm));
    return;
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const crm = await db.transaction(async (tx) => {
    await tx.insert(company).values({
      legalName: 'Instituto Nacional de Aguas Potables y Alcantarillados (demo)',
      tradeName: 'Aguas Nacionales',
      taxId: '401037559',
      fiscalAddress: 'Calle Guarocuya, esq. Calle 5, El Millón, Santo Domingo, D. N.',
      phone: '809-567-1241',
      email: 'facturacion@aguas.example',
      defaultCurrency: 'DOP',
    });
    const localityIds = new Map<string, string>();
    for (const p of PROVINCES) {
      const [prov] = await tx.insert(provinces).values({ code: p.code, name: p.name }).returning();
      const locs = await tx.insert(localities).values(p.localities.map((name) => ({ provinceId: prov.id, name }))).returning();
      for (const l of locs) localityIds.set(`${p.code}|${l.name}`, l.id);
    }
    const branchIds = new Map<string, string>();
    for (const b of DEMO_BRANCHES) {
      const localityId = localityIds.get(`${b.province}|${b.locality}`);
      if (!localityId) throw new Error(`Localidad desconocida en la semilla: ${b.locality}`);
      const [row] = await tx.insert(branches).values({ code: b.code, name: b.name, address: b.address, localityId }).returning();
      branchIds.set(b.code, row.id);
      await tx.insert(pointsOfSale).values(b.pos.map((n, i) => ({ number: n, branchId: row.id, description: `${b.name} — caja ${i + 1}` })));
    }
    const fixtures: SeedCustomer[] = LARGE_ACCOUNT_FIXTURES.map((f, i) => ({ ...f, branchCode: i === 0 ? 'STI' : 'SPM' }));
    const generated = generateCustomers(DEMO_CUSTOMER_COUNT - fixtures.length, DEMO_SEED, { branchCodes: DEMO_BRANCHES.map((b) => b.code) });
    const customerIds = new Map<string, string>();
    const inserted = await tx.insert(customers).values([...fixtures, ...generated].map((c) => toCustomerRow(c, branchIds, localityIds))).returning({ id: customers.id, code: customers.code });
    for (const c of inserted) customerIds.set(c.code, c.id);
    for (const u of DEMO_USERS) {
      const [user] = await tx
        .insert(users)
        .values({ email: u.email, name: u.name, role: u.role, passwordHash, customerId: u.customer ? customerIds.get(u.customer) : null, clientAdmin: u.clientAdmin ?? false })
        .returning();
      if (u.branches) await tx.insert(userBranches).values(u.branches.map((code) => ({ userId: user.id, branchId: branchIds.get(code)! })));
    }
    await tx.insert(tariffCategories).values(DEMO_TARIFF_CATEGORIES.map(([code, name]) => ({ code, name })));
    await tx.insert(paymentEntities).values(DEMO_PAYMENT_ENTITIES.map(([code, name, method]) => ({ code, name, method })));
    log(describeBilling(await seedBillingCatalogs(tx)));
    const crm = await seedCrmDemo(tx, DEMO_SEED);
    await recordAudit(tx, null, { entity: 'system', entityId: 'seed', action: 'CREATE', after: { demo: true, customers: inserted.length, ...crm } });
    return crm;
  });
  log(`Datos de demostración cargados: ${PROVINCES.length} provincias, ${DEMO_BRANCHES.length} sucursales, ${DEMO_CUSTOMER_COUNT} clientes, ${DEMO_USERS.length} usuarios.`);
  if (crm) log(describeCrm(crm));
}

function describeBilling(b: Awaited<ReturnType<typeof seedBillingCatalogs>>) {
  return `Facturación: ${b.conceptGroups} grupos de conceptos, ${b.concepts} conceptos, ${b.tariffs} tarifas.`;
}

function describeCrm(crm: NonNullable<Awaited<ReturnType<typeof seedCrmDemo>>>) {
  const n = (v: number) => v.toLocaleString('es-DO');
  return `CRM: ${n(crm.agreements)} acuerdos, ${n(crm.accountGroups)} grupos, ${n(crm.accounts)} cuentas, ${n(crm.workOrders)} órdenes de trabajo, ${n(crm.paymentMethods)} medios de pago, ${n(crm.exchangeRates)} tasas de cambio.`;
}

function toCustomerRow(c: SeedCustomer, branchIds: Map<string, string>, localityIds: Map<string, string>) {
  return {
    code: c.code,
    legalName: c.legalName,
    documentType: c.documentType,
    documentNumber: c.documentNumber,
    taxCondition: c.taxCondition,
    segment: c.segment,
    isLargeAccount: c.isLargeAccount,
    keyAccountManager: c.keyAccountManager,
    email: c.email,
    phone: c.phone,
    address: c.address,
    localityId: localityIds.get(`${c.provinceCode}|${c.locality}`) ?? null,
    branchId: branchIds.get(c.branchCode)!,
  };
}

/**
 * `--scale N`: N more synthetic customers, continuing the numbering, each with about one agreement
 * (two or three for large accounts) and two or three accounts, their work orders and payment methods,
 * all through multi-row inserts. Deterministic: the same N on the same database state adds the same data.
 */
export async function seedScale(handle: DatabaseHandle, count: number, log: (msg: string) => void = () => {}) {
  const { db } = handle;
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(customers).where(sql`${customers.code} like 'CL-%'`);
  const branchRows = await db.select({ id: branches.id, code: branches.code }).from(branches);
  const branchIds = new Map(branchRows.map((b) => [b.code, b.id]));
  const locRows = await db.select({ id: localities.id, name: localities.name, code: provinces.code }).from(localities).innerJoin(provinces, eq(provinces.id, localities.provinceId));
  const localityIds = new Map(locRows.map((l) => [`${l.code}|${l.name}`, l.id]));
  const crmState = await loadScaleState(db);
  if (!crmState) log('Sin los usuarios de demostración (admin@, sucursal@): se agregan solo clientes.');
  const fmt = (v: number) => v.toLocaleString('es-DO');
  const totals = { customers: 0, agreements: 0, accountGroups: 0, accounts: 0, workOrders: 0, paymentMethods: 0 };
  const started = Date.now();
  const batch = 20_000;
  for (let done = 0; done < count; done += batch) {
    const part = generateCustomers(Math.min(batch, count - done), DEMO_SEED, { branchCodes: [...branchIds.keys()], startIndex: n + done });
    const rows = part.map((c) => {
      const r = toCustomerRow(c, branchIds, localityIds);
      return [r.code, r.legalName, r.documentType, r.documentNumber, r.taxCondition, r.segment, r.isLargeAccount, r.keyAccountManager, r.email, r.phone, r.address, r.localityId, r.branchId];
    });
    await bulkInsertParallel(handle, 'customers', ['code', 'legal_name', 'document_type', 'document_number', 'tax_condition', 'segment', 'is_large_account', 'key_account_manager', 'email', 'phone', 'address', 'locality_id', 'branch_id'], rows, 'on conflict do nothing');
    totals.customers += part.length;
    if (crmState) {
      const added = await seedCrmScale(handle, part.map((c) => c.code), DEMO_SEED, crmState);
      for (const [k, v] of Object.entries(added)) totals[k as keyof typeof totals] += v;
    }
    const secs = Math.max((Date.now() - started) / 1000, 0.001);
    const all = Object.values(totals).reduce((a, b) => a + b, 0);
    log(`  ${fmt(totals.customers)} / ${fmt(count)} clientes, ${fmt(totals.agreements)} acuerdos, ${fmt(totals.accounts)} cuentas — ${fmt(Math.round(all / secs))} filas/s`);
  }
  const secs = Math.max((Date.now() - started) / 1000, 0.001);
  const all = Object.values(totals).reduce((a, b) => a + b, 0);
  log(
    `Escala: ${fmt(totals.customers)} clientes, ${fmt(totals.agreements)} acuerdos, ${fmt(totals.accountGroups)} grupos, ${fmt(totals.accounts)} cuentas, ` +
      `${fmt(totals.workOrders)} órdenes, ${fmt(totals.paymentMethods)} medios de pago: ${fmt(all)} filas en ${secs.toFixed(1)} s (${fmt(Math.round(all / secs))} filas/s).`,
  );
  return totals;
}
