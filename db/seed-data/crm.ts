/**
 * Deterministic CRM demo data: agreements with their account groups, accounts, work orders and
 * payment methods, dynamic attribute definitions and exchange rates. Pure generation, no I/O: rows
 * come out with their ids (random UUIDs) so related rows can be inserted in bulk without round trips.
 *
 * Every customer draws from its own RNG seeded with (seed, customer code), so a customer's
 * agreements do not change when other customers are added. Codes (AC-, GR-, CT-, OT-) are handed
 * out afterwards in creation order, continuing from the counters given (see `assignCodes`).
 *
 * Payment instruments use public test numbers; only their last four digits and a keyed token are
 * kept (lib/domain/payment-instrument.ts).
 */
import { randomUUID } from 'node:crypto';
import type { accountGroups, accounts, agreementPaymentMethods, agreements, workOrders } from '@/db/schema';
import { normalizeAttributeNumber } from '@/lib/domain/dynamic-attributes';
import { tokenizeInstrument } from '@/lib/domain/payment-instrument';
import { createRng, type Rng } from '@/lib/domain/random';
import type { Segment, TaxCondition } from './customers';

export type AgreementRow = typeof agreements.$inferInsert & { id: string };
export type GroupRow = typeof accountGroups.$inferInsert & { id: string };
export type AccountRow = typeof accounts.$inferInsert & { id: string };
export type OrderRow = typeof workOrders.$inferInsert & { id: string };
export type MethodRow = typeof agreementPaymentMethods.$inferInsert;

type AgreementStatus = 'NEW' | 'ACTIVE' | 'SUSPENDED' | 'CLOSED';
type AccountStatus = 'ACTIVE' | 'DISCONNECTED' | 'CLOSED';
type OrderType = OrderRow['type'];
type OrderStatus = NonNullable<OrderRow['status']>;
type BillingMode = AgreementRow['billingMode'];
type Frequency = NonNullable<AgreementRow['billingFrequency']>;

/** The reference date of the demo utility (its seed number is this date). */
export const DEMO_TODAY = '2026-11-23';

// ---------------------------------------------------------------------------
// Dynamic attribute definitions
// ---------------------------------------------------------------------------

export const DEMO_ATTRIBUTE_DEFINITIONS = [
  { entity: 'AGREEMENT', key: 'ruta_lectura', label: 'Ruta de lectura', type: 'TEXT', options: null, required: false, position: 1 },
  { entity: 'AGREEMENT', key: 'uso_principal', label: 'Uso principal', type: 'CHOICE', options: ['Doméstico', 'Comercial', 'Industrial', 'Institucional'], required: true, position: 2 },
  { entity: 'AGREEMENT', key: 'fecha_ultima_inspeccion', label: 'Fecha de la última inspección', type: 'DATE', options: null, required: false, position: 3 },
  { entity: 'ACCOUNT', key: 'diametro_acometida', label: 'Diámetro de la acometida', type: 'CHOICE', options: ['1/2"', '3/4"', '1"', '2"', '4"'], required: false, position: 1 },
  { entity: 'ACCOUNT', key: 'caudal_contratado_m3', label: 'Caudal contratado (m³/mes)', type: 'NUMBER', options: null, required: false, position: 2 },
  { entity: 'ACCOUNT_GROUP', key: 'centro_costo', label: 'Centro de costo del cliente', type: 'TEXT', options: null, required: false, position: 1 },
] as const;

// ---------------------------------------------------------------------------
// Exchange rates
// ---------------------------------------------------------------------------

// Day numbers (days since 1970-01-01) and back, memoized: the scale seed converts millions of dates.
const dayNumbers = new Map<string, number>();
const isoDays = new Map<number, string>();
function dayNumber(iso: string): number {
  let n = dayNumbers.get(iso);
  if (n === undefined) dayNumbers.set(iso, (n = Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000)));
  return n;
}
function isoDay(n: number): string {
  let iso = isoDays.get(n);
  if (iso === undefined) isoDays.set(n, (iso = new Date(n * 86_400_000).toISOString().slice(0, 10)));
  return iso;
}

// Calendar arithmetic on ISO dates; e.g. addDays('2026-02-28', 1) → '2026-03-01'.
export function addDays(iso: string, days: number): string {
  return isoDay(dayNumber(iso) + days);
}

function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * Daily DOP rates of USD and EUR from 2026-01-01 through `until`: a seeded random walk in
 * ten-thousandths (integers, no float money), USD drifting from 60.35 towards ~62.7 inside
 * [58.50, 63.00] and EUR = USD × EUR/USD (1.085 → ~1.105) inside [63.00, 70.00]. Weekends repeat
 * Friday's rate, as the central bank publishes on business days. Earlier days do not depend on
 * `until`. E.g. the first row is { date: '2026-01-01', currency: 'USD', rate: '60.3500' }.
 */
export function exchangeRateSeries(until: string, seed: number): { date: string; currency: 'USD' | 'EUR'; rate: string }[] {
  const rng = createRng(seed ^ 0x5eed_fe);
  const rows: { date: string; currency: 'USD' | 'EUR'; rate: string }[] = [];
  let usd = 603_500; // 60.3500
  let eurUsd = 108_500; // 1.08500
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  const four = (v: number) => `${Math.floor(v / 10_000)}.${String(v % 10_000).padStart(4, '0')}`;
  for (let date = '2026-01-01'; date <= until; date = addDays(date, 1)) {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (date !== '2026-01-01' && weekday !== 0 && weekday !== 6) {
      usd = clamp(usd + 72 + rng.int(-650, 650), 585_000, 630_000);
      eurUsd = clamp(eurUsd + 7 + rng.int(-300, 300), 106_000, 112_000);
    }
    const eur = clamp(Math.round((usd * eurUsd) / 100_000), 630_000, 700_000);
    rows.push({ date, currency: 'USD', rate: four(usd) }, { date, currency: 'EUR', rate: four(eur) });
  }
  return rows;
}

// ---------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------

/** Streets of the five demo branches' provinces (01 DN, 32 Santo Domingo, 25 Santiago, 12 La Romana, 23 San Pedro). */
const STREETS: Record<string, readonly string[]> = {
  '01': ['Av. 27 de Febrero', 'Av. Winston Churchill', 'Av. Abraham Lincoln', 'Av. John F. Kennedy', 'Av. Máximo Gómez', 'Av. Tiradentes', 'Calle El Conde', 'Av. Bolívar', 'Av. Independencia', 'Calle Padre Billini', 'Av. Núñez de Cáceres', 'Calle Roberto Pastoriza'],
  '32': ['Av. San Vicente de Paúl', 'Av. España', 'Av. Venezuela', 'Av. Charles de Gaulle', 'Av. Las Américas', 'Autopista Duarte', 'Av. Isabel Aguiar', 'Av. Hermanas Mirabal', 'Av. Jacobo Majluta', 'Calle Primera'],
  '25': ['Av. Estrella Sadhalá', 'Av. Bartolomé Colón', 'Av. Juan Pablo Duarte', 'Calle del Sol', 'Calle Restauración', 'Av. Las Carreras', 'Av. Imbert', 'Av. Hispanoamericana', 'Av. Circunvalación', 'Carretera Luperón'],
  '12': ['Calle Duarte', 'Av. Libertad', 'Calle Francisco Richiez', 'Av. Padre Abreu', 'Calle Castillo Márquez', 'Av. Santa Rosa', 'Calle Teniente Amado García'],
  '23': ['Av. Independencia', 'Calle Duarte', 'Av. Francisco Domínguez Charro', 'Carretera Mella', 'Av. Circunvalación', 'Calle Sánchez', 'Av. Luis Amiama Tió'],
};
const GENERIC_STREETS = ['Calle Duarte', 'Calle Sánchez', 'Calle Mella', 'Calle Principal', 'Av. Libertad'] as const;

const SUSPEND_REASONS = ['Mora: tres facturas vencidas', 'Mora superior a 90 días', 'Cheque devuelto sin fondos', 'Suspensión solicitada por remodelación del local', 'Incumplimiento del acuerdo de pago'] as const;
const CLOSE_REASONS = ['Baja solicitada por el cliente', 'Cierre del establecimiento', 'Traspaso a nuevo titular', 'Venta del inmueble', 'Unificación con otro acuerdo del cliente'] as const;
const REJECT_REASONS = ['Falta copia del RNC del cliente', 'Domicilio de facturación incompleto', 'Contrato sin firma del representante legal', 'Categoría tarifaria no corresponde al uso'] as const;

/** Public test card numbers (Luhn-valid) with their brand. */
export const TEST_CARDS = [
  ['4242424242424242', 'VISA'],
  ['4000056655665556', 'VISA'],
  ['4111111111111111', 'VISA'],
  ['4012888888881881', 'VISA'],
  ['5555555555554444', 'MASTERCARD'],
  ['5105105105105100', 'MASTERCARD'],
  ['5200828282828210', 'MASTERCARD'],
  ['378282246310005', 'AMEX'],
  ['371449635398431', 'AMEX'],
] as const;
const BANKS = ['BPD', 'BANRESERVAS', 'BHD', 'SCOTIA', 'BSC', 'APAP'] as const;

const SITES: Record<Segment, readonly string[]> = {
  RESIDENTIAL: ['Residencia', 'Apartamento', 'Casa', 'Villa'],
  COMMERCIAL: ['Local', 'Tienda', 'Almacén', 'Punto de venta'],
  INDUSTRIAL: ['Planta', 'Centro de distribución', 'Almacén', 'Oficinas'],
  GOVERNMENT: ['Sede', 'Dependencia', 'Destacamento', 'Centro'],
};

const ACCOUNT_DESCRIPTIONS: Record<Segment, readonly string[]> = {
  RESIDENTIAL: ['Vivienda principal', 'Apartamento', 'Anexo', 'Casa de huéspedes'],
  COMMERCIAL: ['Local comercial', 'Área de cocina', 'Baños públicos', 'Depósito', 'Local', 'Oficina'],
  INDUSTRIAL: ['Nave de producción', 'Torre de enfriamiento', 'Lavado de envases', 'Calderas', 'Almacén de producto terminado', 'Comedor de empleados', 'Oficinas administrativas', 'Riego de áreas verdes', 'Laboratorio de calidad', 'Muelle de carga'],
  GOVERNMENT: ['Edificio principal', 'Aulas', 'Cocina y comedor', 'Área de emergencias', 'Pabellón', 'Oficinas'],
};

const COMPLETION_NOTES: Record<OrderType, string> = {
  ACTIVATION: 'Activación verificada en campo.',
  NEW_CONNECTION: 'Acometida instalada y probada; sin fugas.',
  DISCONNECTION: 'Llave de paso cerrada y precintada; lectura final tomada.',
  RECONNECTION: 'Servicio restablecido; precinto retirado.',
  METER_CHANGE: 'Medidor sustituido; lectura inicial del nuevo medidor registrada.',
  INSPECTION: 'Instalación revisada sin novedades.',
};

const GROUP_NAMES = ['Nave de producción', 'Almacenes y despacho', 'Oficinas y comedor', 'Servicios generales', 'Puntos de venta', 'Zona norte', 'Zona sur'] as const;

const USE_BY_SEGMENT: Record<Segment, string> = { RESIDENTIAL: 'Doméstico', COMMERCIAL: 'Comercial', INDUSTRIAL: 'Industrial', GOVERNMENT: 'Institucional' };
const TARIFF_BY_SEGMENT: Record<Segment, string> = { RESIDENTIAL: 'RES', COMMERCIAL: 'COM', INDUSTRIAL: 'IND', GOVERNMENT: 'GOB' };
const DIAMETERS_BY_SEGMENT: Record<Segment, readonly string[]> = { RESIDENTIAL: ['1/2"', '3/4"'], COMMERCIAL: ['3/4"', '1"'], INDUSTRIAL: ['2"', '4"'], GOVERNMENT: ['1"', '2"'] };

// ---------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------

export type CrmCustomer = {
  id: string;
  code: string;
  legalName: string;
  segment: Segment;
  isLargeAccount: boolean;
  taxCondition: TaxCondition;
  email: string | null;
  branchId: string;
};

export type CrmRefs = {
  adminId: string;
  /** The branch employee (sucursal@) and the branches they serve. */
  staffId: string;
  staffBranchIds: ReadonlySet<string>;
  inspectorId: string | null;
  branches: ReadonlyMap<string, { code: string; provinceCode: string; localities: readonly { id: string; name: string }[] }>;
  tariffIds: Readonly<Record<string, string>>;
  entityIds: Readonly<Record<string, string>>;
  /** Key of instrument tokens (instrumentSecret()). */
  secret: string;
};

/** 'demo': several agreements per large client, up to ~40 accounts; 'scale': ~1 agreement and ~2 accounts per customer. */
export type CrmProfile = 'demo' | 'scale';

type SitePlan = {
  site: string;
  locality: string;
  status: AgreementStatus;
  /** Random (by customer) when absent; the fixtures always say. */
  currency?: 'DOP' | 'USD';
  billingMode: BillingMode;
  accounts: number;
  groups?: readonly string[];
  frequency?: Frequency;
};

/** The two portal fixtures get a fixed portfolio so the portal demo always shows the same thing. */
const FIXTURE_PLANS: Record<string, readonly SitePlan[]> = {
  'GC-000001': [
    { site: 'Planta Santiago', locality: 'Santiago de los Caballeros', currency: 'DOP', status: 'ACTIVE', billingMode: 'PER_GROUP', accounts: 40, groups: ['Nave de producción', 'Almacenes y despacho', 'Oficinas y comedor', 'Servicios generales'] },
    { site: 'Exportaciones', locality: 'Santiago de los Caballeros', status: 'ACTIVE', currency: 'USD', billingMode: 'PER_AGREEMENT', accounts: 6, frequency: 'MONTHLY' },
    { site: 'Centro de distribución Tamboril', locality: 'Tamboril', currency: 'DOP', status: 'ACTIVE', billingMode: 'PER_ACCOUNT', accounts: 8 },
    { site: 'Nave Licey al Medio', locality: 'Licey al Medio', currency: 'DOP', status: 'NEW', billingMode: 'PER_GROUP', accounts: 4, groups: ['Nave de producción', 'Oficinas y comedor'] },
    { site: 'Almacén Villa González', locality: 'Villa González', currency: 'DOP', status: 'CLOSED', billingMode: 'PER_AGREEMENT', accounts: 3 },
  ],
  'GC-000002': [
    { site: 'Planta San Pedro de Macorís', locality: 'San Pedro de Macorís', currency: 'DOP', status: 'ACTIVE', billingMode: 'PER_GROUP', accounts: 24, groups: ['Nave de producción', 'Almacenes y despacho', 'Servicios generales'] },
    { site: 'Distribución Zona Este', locality: 'Consuelo', status: 'ACTIVE', currency: 'USD', billingMode: 'PER_AGREEMENT', accounts: 5, frequency: 'QUARTERLY' },
    { site: 'Depósito Quisqueya', locality: 'Quisqueya', currency: 'DOP', status: 'SUSPENDED', billingMode: 'PER_ACCOUNT', accounts: 4 },
    { site: 'Centro de acopio Guayacanes', locality: 'Guayacanes', currency: 'DOP', status: 'NEW', billingMode: 'PER_AGREEMENT', accounts: 2 },
  ],
};

// ---------------------------------------------------------------------------
// Output and codes
// ---------------------------------------------------------------------------

export type CrmRows = { agreements: AgreementRow[]; groups: GroupRow[]; accounts: AccountRow[]; orders: OrderRow[]; methods: MethodRow[] };
/** Last number used per code prefix: AC (agreements), GR (groups), CT (accounts), OT (work orders). */
export type CodeCounters = { AC: number; GR: number; CT: number; OT: number };

const code = (prefix: string, n: number) => `${prefix}-${String(n).padStart(6, '0')}`;

// Meter serial from the account number: a bijection on 10^8 (multiplier coprime to 10), so unique; e.g. 1 → 'MED-01282238'.
export function meterNumber(accountNumber: number): string {
  return `MED-${String((accountNumber * 48_271 + 1_234_567) % 100_000_000).padStart(8, '0')}`;
}

/**
 * Gives codes in creation order (agreements, groups, accounts, orders), continuing `counters`
 * (updated in place), gives metered accounts their meter, and fills the {AC}/{GR}/{CT}
 * placeholders of order descriptions.
 */
export function assignCodes(rows: CrmRows, counters: CodeCounters, meteredAccounts: ReadonlySet<string>): CrmRows {
  const byTime = <T extends { createdAt?: Date | null }>(a: T, b: T) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0);
  const agreementCodes = new Map<string, string>();
  rows.agreements.sort(byTime);
  for (const a of rows.agreements) agreementCodes.set(a.id, (a.code = code('AC', ++counters.AC)));
  const groupCodes = new Map<string, string>();
  rows.groups.sort(byTime);
  for (const g of rows.groups) groupCodes.set(g.id, (g.code = code('GR', ++counters.GR)));
  const accountNumbers = new Map<string, string>();
  const agreementOrder = new Map(rows.agreements.map((a, i) => [a.id, i]));
  rows.accounts.sort((a, b) => agreementOrder.get(a.agreementId)! - agreementOrder.get(b.agreementId)! || (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
  for (const a of rows.accounts) {
    const n = ++counters.CT;
    accountNumbers.set(a.id, (a.number = code('CT', n)));
    a.meterNumber = meteredAccounts.has(a.id) ? meterNumber(n) : null;
  }
  rows.orders.sort(byTime);
  const accountsById = new Map(rows.accounts.map((a) => [a.id, a]));
  for (const o of rows.orders) {
    o.number = code('OT', ++counters.OT);
    // Completing a disconnection leaves 'Orden OT-…' as the account's status reason, as the work-order DAL does.
    const cut = o.type === 'DISCONNECTION' && o.status === 'DONE' && o.accountId ? accountsById.get(o.accountId) : undefined;
    if (cut?.status === 'DISCONNECTED') cut.statusReason = `Orden ${o.number}`;
    o.description = (o.description ?? '')
      .replace('{AC}', agreementCodes.get(o.agreementId) ?? '')
      .replace('{GR}', (o.accountGroupId && groupCodes.get(o.accountGroupId)) || '')
      .replace('{CT}', (o.accountId && accountNumbers.get(o.accountId)) || '');
  }
  return rows;
}

// ---------------------------------------------------------------------------
// Generator
// ---------------------------------------------------------------------------

// 32-bit mix of (seed, text) → per-customer RNG seed (FNV-1a then murmur3 finalizer).
function mixSeed(seed: number, text: string): number {
  let h = (seed ^ 0x811c9dc5) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function dayIn(rng: Rng, from: string, to: string): string {
  return addDays(from, rng.int(0, Math.max(0, daysBetween(from, to))));
}

// An instant during office hours in Santo Domingo (UTC−4) on the given day.
function officeTime(rng: Rng, day: string): Date {
  const hh = String(rng.int(8, 17)).padStart(2, '0');
  const mm = String(rng.int(0, 59)).padStart(2, '0');
  return new Date(`${day}T${hh}:${mm}:00-04:00`);
}

function later(rng: Rng, t: Date, minMinutes: number, maxMinutes: number): Date {
  return new Date(t.getTime() + rng.int(minMinutes, maxMinutes) * 60_000);
}

// Legal name without the company-type suffix; e.g. 'Industrias Alimenticias del Cibao, S.A.' → 'Industrias Alimenticias del Cibao'.
export function shortName(legalName: string): string {
  return legalName.replace(/,?\s*(International,\s*)?(S\.R\.L\.|S\.A\.S\.|S\.A\.|E\.I\.R\.L\.|LLC)$/, '').trim();
}

// Short locality for agreement names; e.g. 'Santiago de los Caballeros' → 'Santiago'.
function shortLocality(name: string): string {
  return name === 'Santiago de los Caballeros' ? 'Santiago' : name === 'Santo Domingo de Guzmán' ? 'Santo Domingo' : name;
}

function streetAddress(rng: Rng, provinceCode: string, locality: string): string {
  const street = rng.pick(STREETS[provinceCode] ?? GENERIC_STREETS);
  const where = street.startsWith('Autopista') || street.startsWith('Carretera') ? `${street} km ${rng.int(3, 28)}` : `${street} ${rng.int(1, street.startsWith('Av.') ? 1400 : 240)}`;
  return `${where}, ${locality}`;
}

type Ctx = { rng: Rng; refs: CrmRefs; rows: CrmRows; metered: Set<string> };

// Who opens and who decides an order: the branch employee where they work (or the administrator
// there, half the time), the administrator elsewhere; the decider is always the other one.
function people(ctx: Ctx, branchId: string) {
  const { refs, rng } = ctx;
  if (refs.staffBranchIds.has(branchId) && rng.chance(0.5)) return { creator: refs.adminId, decider: refs.staffId };
  return { creator: refs.staffId, decider: refs.adminId };
}

type OrderSpec = {
  type: OrderType;
  status: OrderStatus;
  target: OrderRow['target'];
  agreement: AgreementRow;
  groupId?: string | null;
  accountId?: string | null;
  description: string;
  createdAt: Date;
  reason?: string | null;
};

function addOrder(ctx: Ctx, spec: OrderSpec) {
  const { rng, refs } = ctx;
  const { creator, decider } = people(ctx, spec.agreement.branchId);
  const decided = spec.status !== 'PENDING';
  const decidedAt = decided ? later(rng, spec.createdAt, 30, 3 * 24 * 60) : null;
  const done = spec.status === 'DONE';
  const completedAt = done && decidedAt ? later(rng, decidedAt, 60, 5 * 24 * 60) : null;
  ctx.rows.orders.push({
    id: randomUUID(),
    number: '',
    type: spec.type,
    status: spec.status,
    target: spec.target,
    agreementId: spec.agreement.id,
    accountGroupId: spec.groupId ?? null,
    accountId: spec.accountId ?? null,
    branchId: spec.agreement.branchId,
    description: spec.description,
    decisionReason: spec.reason ?? null,
    createdBy: creator,
    decidedBy: decided ? decider : null,
    decidedAt,
    completedBy: done ? (refs.inspectorId ?? decider) : null,
    completedAt,
    completionNotes: done ? COMPLETION_NOTES[spec.type] : null,
    createdAt: spec.createdAt,
    updatedAt: completedAt ?? decidedAt ?? spec.createdAt,
  });
  return creator;
}

function agreementCount(rng: Rng, c: CrmCustomer, profile: CrmProfile): number {
  if (profile === 'scale') return c.isLargeAccount ? rng.int(2, 3) : 1;
  if (c.isLargeAccount) return rng.int(2, 4);
  switch (c.segment) {
    case 'RESIDENTIAL':
      return rng.weighted([[0, 2], [1, 74], [2, 21], [3, 3]]);
    case 'COMMERCIAL':
      return rng.weighted([[1, 48], [2, 36], [3, 16]]);
    case 'INDUSTRIAL':
      return rng.weighted([[1, 50], [2, 50]]);
    case 'GOVERNMENT':
      return rng.weighted([[1, 30], [2, 45], [3, 25]]);
  }
}

function accountCount(rng: Rng, c: CrmCustomer, profile: CrmProfile): number {
  if (profile === 'scale') return c.isLargeAccount ? rng.int(2, 10) : rng.weighted([[1, 35], [2, 40], [3, 25]]);
  if (c.isLargeAccount) return rng.weighted([[rng.int(2, 6), 45], [rng.int(7, 15), 40], [rng.int(16, 30), 15]]);
  switch (c.segment) {
    case 'RESIDENTIAL':
      return rng.weighted([[1, 80], [2, 20]]);
    case 'COMMERCIAL':
      return rng.int(1, 3);
    case 'INDUSTRIAL':
      return rng.int(1, 4);
    case 'GOVERNMENT':
      return rng.int(1, 5);
  }
}

function randomPlan(rng: Rng, c: CrmCustomer, localities: readonly { name: string }[], profile: CrmProfile): SitePlan {
  const locality = rng.chance(0.5) ? localities[0].name : rng.pick(localities).name;
  const accounts = accountCount(rng, c, profile);
  const billingMode: BillingMode = c.isLargeAccount
    ? accounts >= 4
      ? rng.weighted([['PER_GROUP', 60], ['PER_AGREEMENT', 25], ['PER_ACCOUNT', 15]])
      : rng.weighted([['PER_AGREEMENT', 60], ['PER_ACCOUNT', 40]])
    : accounts > 1
      ? rng.weighted([['PER_AGREEMENT', 60], ['PER_ACCOUNT', 40]])
      : rng.weighted([['PER_ACCOUNT', 70], ['PER_AGREEMENT', 30]]);
  const status: AgreementStatus = rng.weighted([['ACTIVE', 82], ['NEW', 7], ['SUSPENDED', 6], ['CLOSED', 5]]);
  const groupCount = billingMode === 'PER_GROUP' ? Math.min(GROUP_NAMES.length, Math.max(2, Math.ceil(accounts / 8))) : 0;
  return { site: `${rng.pick(SITES[c.segment])} ${shortLocality(locality)}`, locality, status, billingMode, accounts, groups: GROUP_NAMES.slice(0, groupCount) };
}

/** All CRM rows of the given customers (codes still empty: pass the result to `assignCodes`). */
export function generateCrm(customers: readonly CrmCustomer[], refs: CrmRefs, seed: number, profile: CrmProfile): { rows: CrmRows; metered: Set<string> } {
  const rows: CrmRows = { agreements: [], groups: [], accounts: [], orders: [], methods: [] };
  const metered = new Set<string>();
  for (const c of customers) {
    const ctx: Ctx = { rng: createRng(mixSeed(seed, c.code)), refs, rows, metered };
    const branch = refs.branches.get(c.branchId);
    if (!branch) continue;
    const plans = FIXTURE_PLANS[c.code] ?? Array.from({ length: agreementCount(ctx.rng, c, profile) }, () => randomPlan(ctx.rng, c, branch.localities, profile));
    const single = plans.length === 1;
    const sites = new Map<string, number>();
    for (const plan of plans) {
      const seen = (sites.get(plan.site) ?? 0) + 1;
      sites.set(plan.site, seen);
      addAgreement(ctx, c, seen > 1 ? { ...plan, site: `${plan.site} ${seen}` } : plan, single);
    }
  }
  return { rows, metered };
}

function addAgreement(ctx: Ctx, c: CrmCustomer, plan: SitePlan, single: boolean) {
  const { rng, refs, rows } = ctx;
  const branch = refs.branches.get(c.branchId)!;
  const locality = branch.localities.find((l) => l.name === plan.locality) ?? branch.localities[0];
  const large = c.isLargeAccount;
  const foreign = c.taxCondition === 'FOREIGN';
  const exporter = large && (c.segment === 'INDUSTRIAL' || c.segment === 'COMMERCIAL');
  const currency = plan.currency ?? (foreign ? rng.weighted([['USD', 70], ['EUR', 15], ['DOP', 15]]) : exporter && rng.chance(0.2) ? 'USD' : 'DOP');
  const opportunity = large || c.segment === 'INDUSTRIAL' ? 'METERED' : rng.chance(c.segment === 'GOVERNMENT' ? 0.3 : 0.12) ? 'UNMETERED' : 'METERED';
  const frequency: Frequency = plan.frequency ?? rng.weighted([['MONTHLY', large ? 70 : 82], ['BIMONTHLY', 11], ['QUARTERLY', large ? 19 : 7]]);
  const anchorMonth = frequency === 'BIMONTHLY' ? rng.int(1, 2) : frequency === 'QUARTERLY' ? rng.int(1, 3) : 1;

  // Validity and creation: NEW ones are recent; the rest started 2019–2026 and were loaded in 2025 (go-live) or when signed.
  const status = plan.status;
  const validFrom = status === 'NEW' ? dayIn(rng, '2026-10-15', '2026-12-01') : dayIn(rng, '2019-01-01', '2026-09-30');
  const createdDay = status === 'NEW' ? dayIn(rng, '2026-10-12', addDays(DEMO_TODAY, -1)) : validFrom >= '2025-01-15' ? addDays(validFrom, -rng.int(1, 10)) : dayIn(rng, '2025-01-06', '2025-06-30');
  const createdAt = officeTime(rng, createdDay < DEMO_TODAY ? createdDay : addDays(DEMO_TODAY, -1));
  const closedOn = status === 'CLOSED' ? dayIn(rng, createdDay > validFrom ? createdDay : validFrom, addDays(DEMO_TODAY, -1)) : null;
  const statusSince = status === 'SUSPENDED' ? dayIn(rng, createdDay > '2026-06-01' ? createdDay : '2026-06-01', addDays(DEMO_TODAY, -1)) : closedOn;

  const name = `Acuerdo ${shortName(c.legalName)}${single && !FIXTURE_PLANS[c.code] ? '' : ` — ${plan.site}`}${currency === 'DOP' ? '' : ` (${currency})`}`;
  const metered = opportunity === 'METERED';
  const agreement: AgreementRow = {
    id: randomUUID(),
    code: '',
    name: name.slice(0, 200),
    status,
    statusReason: status === 'SUSPENDED' ? rng.pick(SUSPEND_REASONS) : status === 'CLOSED' ? rng.pick(CLOSE_REASONS) : null,
    customerId: c.id,
    billingAddress: streetAddress(rng, branch.provinceCode, locality.name),
    localityId: locality.id,
    branchId: c.branchId,
    billingMode: plan.billingMode,
    billingOpportunity: opportunity,
    currency,
    itemGrouping: plan.accounts > 3 && rng.chance(0.5) ? 'ACCOUNT' : c.segment === 'RESIDENTIAL' ? rng.weighted([['SIMPLE', 70], ['CONCEPT', 30]]) : rng.weighted([['CONCEPT', 50], ['SIMPLE', 30], ['CONCEPT_GROUP', 20]]),
    graceDays: large ? rng.pick([15, 20, 30]) : c.segment === 'GOVERNMENT' ? rng.pick([30, 45]) : c.segment === 'RESIDENTIAL' ? rng.pick([0, 5, 10]) : rng.pick([5, 10, 15]),
    delinquencyStatus: status === 'SUSPENDED' ? 'DELINQUENT' : status === 'ACTIVE' ? rng.weighted([['CURRENT', 85], ['IN_GRACE', 10], ['DELINQUENT', 5]]) : 'CURRENT',
    delinquencyExempt: c.segment === 'GOVERNMENT' && rng.chance(0.5),
    attributes: {
      ruta_lectura: metered ? `${branch.code}-R${String(rng.int(1, 24)).padStart(2, '0')}` : null,
      uso_principal: rng.chance(0.93) ? USE_BY_SEGMENT[c.segment] : rng.pick(['Doméstico', 'Comercial', 'Industrial', 'Institucional']),
      fecha_ultima_inspeccion: status !== 'NEW' && rng.chance(0.6) ? dayIn(rng, '2025-06-01', addDays(DEMO_TODAY, -3)) : null,
    },
    email: c.email && (c.segment !== 'RESIDENTIAL' || rng.chance(0.85)) ? c.email : null,
    dueDays: large ? rng.pick([30, 45, 60]) : c.segment === 'GOVERNMENT' ? rng.pick([60, 90]) : rng.weighted([[30, 80], [15, 10], [20, 10]]),
    discountPct: large && rng.chance(0.6) ? rng.pick(['2.50', '5.00', '7.50', '10.00', '15.00']) : '0',
    slaHours: large ? rng.pick([4, 8, 12, 24]) : c.segment === 'GOVERNMENT' && rng.chance(0.4) ? rng.pick([24, 48]) : null,
    billingFrequency: frequency,
    anchorMonth,
    validFrom,
    validTo: closedOn,
    createdBy: null,
    createdAt,
    updatedAt: statusSince ? officeTime(rng, statusSince) : createdAt,
  };
  rows.agreements.push(agreement);

  // Activation (a few NEW ones had a first request rejected).
  if (status === 'NEW' && rng.chance(0.2)) {
    addOrder(ctx, { type: 'ACTIVATION', status: 'REJECTED', target: 'AGREEMENT', agreement, description: 'Activación del acuerdo {AC} — primera solicitud', createdAt: new Date(createdAt.getTime() - rng.int(5, 15) * 86_400_000), reason: rng.pick(REJECT_REASONS) });
  }
  agreement.createdBy = addOrder(ctx, { type: 'ACTIVATION', status: status === 'NEW' ? 'PENDING' : 'APPROVED', target: 'AGREEMENT', agreement, description: `Activación del acuerdo {AC} — ${agreement.name}`, createdAt });

  // Groups follow their agreement; an active agreement sometimes has a group still waiting for activation.
  const groups: GroupRow[] = (plan.groups ?? []).map((groupName, i) => {
    const groupStatus: AgreementStatus = status === 'NEW' ? 'NEW' : status === 'CLOSED' ? 'CLOSED' : status === 'ACTIVE' && i > 0 && i === (plan.groups?.length ?? 0) - 1 && rng.chance(0.25) ? 'NEW' : 'ACTIVE';
    const groupCreated = groupStatus === 'NEW' && status !== 'NEW' ? officeTime(rng, dayIn(rng, '2026-10-01', addDays(DEMO_TODAY, -1))) : later(rng, createdAt, 5, 120);
    const group: GroupRow = {
      id: randomUUID(),
      code: '',
      name: groupName,
      status: groupStatus,
      statusReason: groupStatus === 'CLOSED' ? agreement.statusReason : null,
      agreementId: agreement.id,
      branchId: agreement.branchId,
      billingAddress: agreement.billingAddress,
      deliveryAddress: rng.chance(0.5) ? `Recepción de facturas: ${streetAddress(rng, branch.provinceCode, locality.name)}` : null,
      email: agreement.email,
      // The client's own cost-centre code, printed on its invoices (no extra random draws: the data stays as before).
      attributes: { centro_costo: `CC-${String((i + 1) * 100)}` },
      createdBy: null,
      createdAt: groupCreated,
      updatedAt: groupCreated,
    };
    group.createdBy = addOrder(ctx, { type: 'ACTIVATION', status: groupStatus === 'NEW' ? 'PENDING' : 'APPROVED', target: 'ACCOUNT_GROUP', agreement, groupId: group.id, description: `Activación del grupo {GR} — ${groupName}`, createdAt: groupCreated });
    rows.groups.push(group);
    return group;
  });

  // Accounts.
  const descriptions = ACCOUNT_DESCRIPTIONS[c.segment];
  const used = new Map<string, number>();
  const own: AccountRow[] = [];
  for (let i = 0; i < plan.accounts; i++) {
    const base = plan.accounts === 1 ? descriptions[0] : descriptions[i % descriptions.length];
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    const accountStatus: AccountStatus =
      status === 'CLOSED' ? 'CLOSED' : status === 'SUSPENDED' ? (rng.chance(0.5) ? 'DISCONNECTED' : 'ACTIVE') : status === 'ACTIVE' ? rng.weighted([['ACTIVE', 95], ['DISCONNECTED', 4], ['CLOSED', 1]]) : 'ACTIVE';
    const startDate = status === 'NEW' ? validFrom : dayIn(rng, validFrom, validFrom < '2024-11-23' ? addDays(validFrom, 730) : addDays(DEMO_TODAY, -20));
    const segmentTariff = c.segment === 'RESIDENTIAL' && rng.chance(0.2) ? 'RES-SOC' : /Oficina|Comedor/.test(base) && c.segment === 'INDUSTRIAL' ? 'COM' : TARIFF_BY_SEGMENT[c.segment];
    const diameter = rng.pick(DIAMETERS_BY_SEGMENT[c.segment]);
    const flow = c.segment === 'RESIDENTIAL' ? (rng.chance(0.2) ? String(rng.int(10, 25)) : null) : c.segment === 'INDUSTRIAL' ? `${rng.int(120, 2500)}.${rng.pick(['0', '5', '25', '75'])}` : String(rng.int(15, 300));
    const accountCreated = later(rng, createdAt, 10, 240);
    const account: AccountRow = {
      id: randomUUID(),
      number: '',
      description: `${base}${n > 1 || plan.accounts > descriptions.length ? ` ${n}` : ''}`,
      agreementId: agreement.id,
      groupId: groups.length > 0 ? groups[Math.floor((i * groups.length) / plan.accounts)].id : null,
      serviceAddress: i === 0 ? agreement.billingAddress : streetAddress(rng, branch.provinceCode, locality.name),
      localityId: locality.id,
      tariffCategoryId: refs.tariffIds[segmentTariff] ?? refs.tariffIds[TARIFF_BY_SEGMENT[c.segment]],
      meterNumber: null,
      status: accountStatus,
      statusReason: accountStatus !== 'CLOSED' ? null : status === 'CLOSED' ? agreement.statusReason : 'Baja del servicio solicitada por el cliente',
      startDate,
      attributes: { diametro_acometida: diameter, caudal_contratado_m3: flow === null ? null : normalizeAttributeNumber(flow) },
      createdAt: accountCreated,
      updatedAt: accountCreated,
    };
    rows.accounts.push(account);
    own.push(account);
    if (metered) ctx.metered.add(account.id);
    if (accountStatus === 'DISCONNECTED') {
      const cutAt = officeTime(rng, dayIn(rng, startDate > '2026-01-01' ? startDate : '2026-01-01', addDays(DEMO_TODAY, -5)));
      addOrder(ctx, { type: 'DISCONNECTION', status: 'DONE', target: 'ACCOUNT', agreement, accountId: account.id, description: `Corte por falta de pago de la cuenta {CT} — ${account.description}`, createdAt: cutAt });
      if (rng.chance(0.3)) addOrder(ctx, { type: 'RECONNECTION', status: 'PENDING', target: 'ACCOUNT', agreement, accountId: account.id, description: 'Reconexión solicitada: el cliente saldó la deuda vencida', createdAt: later(rng, cutAt, 24 * 60, 4 * 24 * 60) });
    }
  }

  // Other orders to populate lists (inspections, meter changes, new connections).
  if ((status === 'ACTIVE' || status === 'SUSPENDED') && rng.chance(large ? 0.6 : 0.15)) {
    const agreementAccounts = own.filter((a) => a.status !== 'CLOSED');
    const account = agreementAccounts.length ? rng.pick(agreementAccounts) : null;
    const type: OrderType = rng.weighted([['INSPECTION', 45], ['METER_CHANGE', metered && account ? 25 : 0], ['NEW_CONNECTION', 20]]);
    const orderStatus: OrderStatus = rng.weighted([['PENDING', 45], ['APPROVED', 35], ['DONE', 15], ['REJECTED', 5]]);
    const at = officeTime(rng, orderStatus === 'DONE' ? dayIn(rng, '2026-03-01', addDays(DEMO_TODAY, -10)) : dayIn(rng, '2026-09-25', addDays(DEMO_TODAY, -1)));
    const reason = orderStatus === 'REJECTED' ? rng.pick(['Visita duplicada: ya existe una orden para esta cuenta', 'El cliente no autorizó el acceso', 'Solicitud sin soporte documental']) : null;
    if (type === 'NEW_CONNECTION' || !account) {
      addOrder(ctx, { type, status: orderStatus, target: 'AGREEMENT', agreement, description: type === 'NEW_CONNECTION' ? `Nueva acometida de ${rng.pick(DIAMETERS_BY_SEGMENT[c.segment])} solicitada para ampliación` : 'Inspección general de instalaciones del acuerdo', createdAt: at, reason });
    } else {
      const description =
        type === 'METER_CHANGE'
          ? rng.pick(['Cambio de medidor por lectura detenida en la cuenta {CT}', 'Medidor con sello violado en la cuenta {CT}: sustituir', 'Medidor empañado, no se puede leer (cuenta {CT})'])
          : rng.pick(['Inspección por consumo atípico en la cuenta {CT}', 'Verificación de posible fuga en la acometida de la cuenta {CT}', 'Inspección de conexión ilegal reportada (cuenta {CT})', 'Revisión de categoría tarifaria de la cuenta {CT}']);
      addOrder(ctx, { type, status: orderStatus, target: 'ACCOUNT', agreement, accountId: account.id, description, createdAt: at, reason });
    }
  }

  addPaymentMethods(ctx, c, agreement);
}

function addPaymentMethods(ctx: Ctx, c: CrmCustomer, agreement: AgreementRow) {
  const { rng, refs, rows } = ctx;
  if (rng.chance(0.08)) return; // a few agreements still without a payment method
  type Method = MethodRow['method'];
  const mix: readonly (readonly [Method, number])[] =
    c.isLargeAccount || c.segment === 'INDUSTRIAL'
      ? [['BANK_TRANSFER', 55], ['DIRECT_DEBIT', 35], ['CARD', 10], ['CASH', 0]]
      : c.segment === 'GOVERNMENT'
        ? [['BANK_TRANSFER', 80], ['CASH', 20], ['CARD', 0], ['DIRECT_DEBIT', 0]]
        : c.segment === 'COMMERCIAL'
          ? [['CASH', 15], ['CARD', 25], ['DIRECT_DEBIT', 30], ['BANK_TRANSFER', 30]]
          : [['CASH', 35], ['CARD', 30], ['DIRECT_DEBIT', 25], ['BANK_TRANSFER', 10]];
  const first = rng.weighted(mix);
  const methods: Method[] = [first];
  if (rng.chance(0.15)) {
    const second = rng.weighted(mix.filter(([m]) => m !== first));
    methods.push(second);
  }
  methods.forEach((method, i) => {
    const row: MethodRow = { agreementId: agreement.id, method, entityId: null, instrumentLast4: null, instrumentToken: null, expiryMonth: null, expiryYear: null, isDefault: i === 0, active: true, createdAt: agreement.createdAt, updatedAt: agreement.createdAt };
    if (method === 'CARD') {
      const [number, brand] = rng.pick(TEST_CARDS);
      Object.assign(row, { entityId: refs.entityIds[brand] ?? null, instrumentLast4: number.slice(-4), instrumentToken: tokenizeInstrument(number, refs.secret), expiryMonth: rng.int(1, 12), expiryYear: rng.int(2027, 2031) });
    } else if (method === 'DIRECT_DEBIT') {
      const number = `${rng.int(1, 9)}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`;
      Object.assign(row, { entityId: refs.entityIds[`${rng.pick(BANKS)}-DA`] ?? null, instrumentLast4: number.slice(-4), instrumentToken: tokenizeInstrument(number, refs.secret) });
    } else if (method === 'BANK_TRANSFER') {
      row.entityId = refs.entityIds[`${rng.pick(BANKS)}-TR`] ?? null;
    }
    rows.methods.push(row);
  });
}
