/**
 * Deterministic demo customers for the seed script.
 *
 * Every customer is generated from its own RNG seeded with (seed, index), so
 * customer #i is the same whether it is produced in one call or in a later
 * `--scale` call with `startIndex`: generateCustomers(10, s) equals
 * generateCustomers(5, s) followed by generateCustomers(5, s, { startIndex: 5 }).
 *
 * Document numbers are derived from the index through bijections on 10^7
 * (n ↦ (n·A + B) mod 10^7 with A coprime to 10), then the check digit is
 * appended, so they are unique for every index below MAX_CUSTOMER_INDEX and look
 * random. The two large-account fixtures use RNCs reserved above that limit.
 *
 * E-mail addresses use the reserved `.example` top-level domain (RFC 2606) so a
 * demo that sends mail can never reach a real mailbox.
 */
import { cedulaCheckDigit, rncCheckDigit, type DocumentType } from '@/lib/domain/documents';
import { createRng, type Rng } from '@/lib/domain/random';
import { PROVINCES, type ProvinceSeed } from './geography';

export type Segment = 'RESIDENTIAL' | 'COMMERCIAL' | 'INDUSTRIAL' | 'GOVERNMENT';
export type TaxCondition = 'REGISTERED' | 'FINAL_CONSUMER' | 'EXEMPT' | 'FOREIGN';

export interface SeedCustomer {
  code: string;
  legalName: string;
  documentType: DocumentType;
  documentNumber: string;
  taxCondition: TaxCondition;
  segment: Segment;
  isLargeAccount: boolean;
  /** Account manager for large accounts, null otherwise. */
  keyAccountManager: string | null;
  email: string;
  phone: string;
  address: string;
  provinceCode: string;
  locality: string;
  branchCode: string;
}

export type LargeAccountFixture = Omit<SeedCustomer, 'branchCode'>;

export interface GenerateCustomersOptions {
  branchCodes: string[];
  /** 0-based index of the first customer (= how many already exist); codes are index + 1. Default 0. */
  startIndex?: number;
}

const SERIAL_SPACE = 10_000_000; // 7-digit serials
/** Highest usable index + 1: the top two serials are reserved for LARGE_ACCOUNT_FIXTURES. */
export const MAX_CUSTOMER_INDEX = SERIAL_SPACE - 2;

// ---------------------------------------------------------------------------
// Document numbers
// ---------------------------------------------------------------------------

// Bijection on [0, 10^7): (n·a + b) mod 10^7, a coprime to 10; distinct n → distinct serials.
function serial7(n: number, a: number, b: number): string {
  return String((n * a + b) % SERIAL_SPACE).padStart(7, '0');
}

// Multipliers are odd and do not end in 5 (coprime to 10^7).
const RNC_MULT = 4_829_371;
const RNC_ADD = 3_067_219;
const CEDULA_MULT = 6_180_347;
const CEDULA_ADD = 1_903_552;
const PASSPORT_MULT = 2_718_283;
const PASSPORT_ADD = 5_550_123;
const TAXID_MULT = 1_618_033;
const TAXID_ADD = 4_669_201;

// RNC for index n: prefix ('1' company, '4' public body) + 7-digit serial + check; e.g. rncForIndex(0) → '130672199'.
export function rncForIndex(n: number, prefix: '1' | '4' = '1'): string {
  const first8 = prefix + serial7(n, RNC_MULT, RNC_ADD);
  return first8 + rncCheckDigit(first8);
}

// Cédula for index n: 3-digit office prefix + 7-digit serial + Luhn check; e.g. cedulaForIndex(0, '001') → '00119035525'.
export function cedulaForIndex(n: number, office: string): string {
  const first10 = office + serial7(n, CEDULA_MULT, CEDULA_ADD);
  return first10 + cedulaCheckDigit(first10);
}

// Passport for index n: 2-letter country + 7-digit serial; e.g. passportForIndex(0, 'US') → 'US5550123'.
function passportForIndex(n: number, country: string): string {
  return country + serial7(n, PASSPORT_MULT, PASSPORT_ADD);
}

// Foreign tax id for index n, US EIN style NN-NNNNNNN; e.g. foreignTaxIdForIndex(0) → '20-4669201'.
function foreignTaxIdForIndex(n: number): string {
  return `${20 + (n % 70)}-${serial7(n, TAXID_MULT, TAXID_ADD)}`;
}

// ---------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------

const MALE_NAMES = [
  'Juan', 'José', 'Luis', 'Carlos', 'Miguel', 'Pedro', 'Rafael', 'Ramón', 'Francisco', 'Manuel',
  'Jorge', 'Julio', 'Fernando', 'Andrés', 'Héctor', 'Víctor', 'Ángel', 'Félix', 'Domingo', 'Wilson',
  'Wellington', 'Yunior', 'Franklin', 'Radhamés', 'Isidro', 'Leonel', 'Hipólito', 'Danilo', 'Joel',
  'Jesús', 'Alexis', 'Eduardo', 'Ricardo', 'Santiago', 'Nelson', 'Freddy', 'Osvaldo', 'Bienvenido',
] as const;

const FEMALE_NAMES = [
  'María', 'Ana', 'Carmen', 'Rosa', 'Juana', 'Altagracia', 'Mercedes', 'Yolanda', 'Francisca', 'Luz',
  'Margarita', 'Teresa', 'Josefina', 'Yaneris', 'Yokasta', 'Rosanna', 'Milagros', 'Isabel', 'Patricia',
  'Paola', 'Yesenia', 'Massiel', 'Dulce', 'Esperanza', 'Miguelina', 'Ramona', 'Daysi', 'Katherine',
  'Nathalie', 'Leidy', 'Lucía', 'Belkis', 'Mayra', 'Ángela', 'Sonia', 'Cristina',
] as const;

const SURNAMES = [
  'Rodríguez', 'Pérez', 'González', 'Martínez', 'Sánchez', 'Reyes', 'Ramírez', 'Santos', 'Díaz',
  'Hernández', 'Jiménez', 'Gómez', 'Rosario', 'Peña', 'Castillo', 'Vásquez', 'Núñez', 'Ramos', 'Cruz',
  'De la Cruz', 'De León', 'Guzmán', 'Mejía', 'Taveras', 'Batista', 'Féliz', 'Almonte', 'Tavárez',
  'Polanco', 'Encarnación', 'Cabrera', 'Marte', 'Abreu', 'Ureña', 'Beltré', 'Familia', 'Mateo',
  'Santana', 'Medina', 'Mercedes', 'Paulino', 'Valdez', 'Bautista', 'Frías', 'Lantigua', 'Grullón',
  'Báez', 'Morillo', 'Ogando', 'Germán', 'Fernández', 'Suero', 'Del Rosario', 'Acosta',
] as const;

const FOREIGN_FIRST_NAMES = [
  'Michael', 'Jean', 'Pierre', 'Marie', 'Giuseppe', 'Hans', 'Sophie', 'Robert', 'Emily', 'Luca',
  'Claude', 'Daniel', 'Laura', 'Marco', 'Anne', 'Thomas', 'Sarah', 'Paolo', 'Nadine', 'James',
] as const;

const FOREIGN_SURNAMES = [
  'Smith', 'Johnson', 'Jean-Baptiste', 'Pierre', 'Rossi', 'Müller', 'Dubois', 'Brown', 'Bianchi',
  'Schmidt', 'Tremblay', 'Joseph', 'Williams', 'Ferrari', 'Lefebvre', 'Wagner', 'Miller', 'Romano',
] as const;

const PASSPORT_COUNTRIES = ['US', 'CA', 'ES', 'IT', 'DE', 'FR', 'HT', 'VE', 'CO', 'GB'] as const;

// Cédula office prefixes (first 3 digits) seen across the country: 001 Santo Domingo, 031 Santiago, 402/223/225 new series…
const CEDULA_OFFICES = ['001', '002', '003', '012', '023', '026', '028', '031', '037', '047', '048', '056', '223', '225', '402'] as const;

const COMMERCIAL_TYPES = [
  'Supermercado', 'Colmado', 'Ferretería', 'Farmacia', 'Restaurante', 'Hotel', 'Repuestos', 'Panadería',
  'Clínica', 'Centro Médico', 'Colegio', 'Lavandería', 'Plaza Comercial', 'Constructora', 'Inversiones',
  'Distribuidora', 'Comercial', 'Importadora', 'Estación de Combustibles', 'Car Wash', 'Salón de Belleza',
  'Laboratorio Clínico', 'Heladería', 'Cafetería', 'Tienda', 'Agencia de Viajes', 'Residencial',
] as const;

const COMMERCIAL_QUALIFIERS = [
  'Del Caribe', 'El Progreso', 'La Esperanza', 'Playa Dorada', 'San Rafael', 'Quisqueya', 'Nueva Era',
  'Los Prados', 'Del Cibao', 'Bella Vista', 'La Fe', 'El Sol', 'Santa Ana', 'Las Américas', 'Oriental',
  'Tropical', 'Mi Patria', 'Don Pedro', 'La Altagracia', 'El Conde', 'Las Palmas', 'Costa Azul',
  'Naco', 'Piantini', 'Arroyo Hondo', 'La Primavera', 'El Buen Pastor', 'San Miguel', 'Los Ángeles',
] as const;

const INDUSTRIAL_TYPES = [
  'Industrias', 'Cementos', 'Textiles', 'Plásticos', 'Envases', 'Molinos', 'Procesadora de Alimentos',
  'Embotelladora', 'Laboratorios', 'Papelera', 'Metalúrgica', 'Tabacalera', 'Pinturas', 'Lácteos',
  'Agroindustrial', 'Destilería', 'Químicos', 'Empacadora',
] as const;

const INDUSTRIAL_QUALIFIERS = [
  'del Cibao', 'del Caribe', 'del Este', 'Quisqueyana', 'Antillana', 'Dominicana', 'del Norte', 'del Sur',
  'Nacional', 'Tropical', 'Insular', 'del Yaque', 'de Haina', 'del Ozama', 'Hispaniola', 'Unidas',
] as const;

const MINISTRIES = [
  'Ministerio de Salud Pública',
  'Ministerio de Educación',
  'Ministerio de Obras Públicas y Comunicaciones',
  'Ministerio de Defensa',
  'Ministerio de Agricultura',
  'Ministerio de Hacienda',
  'Ministerio de Turismo',
  'Ministerio de Medio Ambiente y Recursos Naturales',
  'Ministerio de Deportes y Recreación',
  'Dirección General de Impuestos Internos',
  'Policía Nacional',
  'Universidad Autónoma de Santo Domingo',
] as const;

const SCHOOL_PATRONS = [
  'Juan Pablo Duarte', 'Francisco del Rosario Sánchez', 'Matías Ramón Mella', 'Salomé Ureña',
  'Gregorio Luperón', 'Hermanas Mirabal', 'Eugenio María de Hostos', 'Pedro Henríquez Ureña',
  'Juan Bosch', 'Ercilia Pepín', 'Máximo Gómez', 'José Martí', 'Padre Billini', 'Mauricio Báez',
] as const;

const ACCOUNT_MANAGERS = [
  'Laura Méndez Rosario', 'Héctor Almonte Peña', 'Carolina Batista Núñez', 'Ramón Espaillat Cruz',
] as const;

const STREETS_DN = [
  'Calle El Conde', 'Av. 27 de Febrero', 'Av. Winston Churchill', 'Av. Abraham Lincoln',
  'Av. John F. Kennedy', 'Av. Máximo Gómez', 'Av. Tiradentes', 'Av. Sarasota', 'Av. Bolívar',
  'Av. Independencia', 'Calle Padre Billini', 'Calle Arzobispo Meriño', 'Av. Gustavo Mejía Ricart',
  'Calle José Contreras', 'Av. Rómulo Betancourt', 'Av. Núñez de Cáceres', 'Av. Pedro Henríquez Ureña',
  'Calle Las Damas', 'Av. Duarte', 'Av. México', 'Calle Roberto Pastoriza', 'Av. Anacaona',
] as const;

const STREETS_SANTO_DOMINGO = [
  'Av. España', 'Av. San Vicente de Paúl', 'Av. Venezuela', 'Av. Charles de Gaulle', 'Av. Las Américas',
  'Av. Hermanas Mirabal', 'Autopista Duarte', 'Av. Isabel Aguiar', 'Av. Prolongación 27 de Febrero',
  'Av. Independencia', 'Calle Primera', 'Av. Ecológica', 'Av. Jacobo Majluta', 'Av. Sabana Larga',
] as const;

const STREETS_SANTIAGO = [
  'Calle del Sol', 'Av. Estrella Sadhalá', 'Av. Bartolomé Colón', 'Av. Juan Pablo Duarte',
  'Calle Restauración', 'Av. 27 de Febrero', 'Calle 30 de Marzo', 'Av. Las Carreras', 'Calle Cuba',
  'Av. Imbert', 'Av. Hispanoamericana', 'Av. Circunvalación',
] as const;

const STREETS_GENERIC = [
  'Calle Duarte', 'Calle Sánchez', 'Calle Mella', 'Calle Restauración', 'Calle Independencia',
  'Calle Padre Billini', 'Calle Principal', 'Calle Colón', 'Calle 16 de Agosto',
  'Calle María Trinidad Sánchez', 'Av. Libertad', 'Av. Duarte', 'Calle Gregorio Luperón',
  'Calle Hermanas Mirabal', 'Av. Circunvalación', 'Calle Altagracia', 'Calle San Antonio',
  'Calle Billini', 'Calle 27 de Febrero', 'Calle Santomé',
] as const;

// Provinces weighted roughly by population: Santo Domingo and the Distrito Nacional dominate.
const PROVINCE_WEIGHTS: Record<string, number> = { '01': 20, '32': 28, '25': 12, '18': 3, '21': 4, '13': 3, '06': 3, '11': 3, '23': 3, '12': 2 };

const PROVINCE_TABLE: readonly (readonly [ProvinceSeed, number])[] = PROVINCES.map(
  (p) => [p, PROVINCE_WEIGHTS[p.code] ?? 1] as const,
);

const SEGMENT_TABLE = [
  ['RESIDENTIAL', 60],
  ['COMMERCIAL', 25],
  ['INDUSTRIAL', 10],
  ['GOVERNMENT', 5],
] as const satisfies readonly (readonly [Segment, number])[];

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

// 32-bit mix of (seed, index) (murmur3 finalizer) → per-customer RNG seed; e.g. different indexes give unrelated streams.
function customerSeed(seed: number, index: number): number {
  let h = Math.imul((seed >>> 0) ^ 0x85ebca6b, 0xcc9e2d51) ^ (index >>> 0);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

// ASCII slug for e-mail parts: accents stripped, lowercase, only [a-z0-9]; e.g. 'Peña Núñez' → 'penanunez'.
function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

// Customer code from 0-based index; e.g. customerCode(0) → 'CL-000001'.
export function customerCode(index: number): string {
  return `CL-${String(index + 1).padStart(6, '0')}`;
}

function phone(rng: Rng, mobile: boolean): string {
  const area = mobile ? rng.pick(['809', '829', '849'] as const) : rng.chance(0.8) ? '809' : '829';
  return `${area}-${rng.int(200, 999)}-${String(rng.int(0, 9999)).padStart(4, '0')}`;
}

// City-specific avenues only where they exist (DN, Santo Domingo province, Santiago city); generic streets elsewhere.
function streetsFor(provinceCode: string, locality: string): readonly string[] {
  if (provinceCode === '01') return STREETS_DN;
  if (provinceCode === '32') return STREETS_SANTO_DOMINGO;
  if (locality === 'Santiago de los Caballeros') return STREETS_SANTIAGO;
  return STREETS_GENERIC;
}

function streetAddress(rng: Rng, provinceCode: string, locality: string, segment: Segment): string {
  const street = rng.pick(streetsFor(provinceCode, locality));
  if (segment === 'INDUSTRIAL' && rng.chance(0.4)) {
    return rng.chance(0.5)
      ? `Autopista Duarte km ${rng.int(8, 30)}`
      : `Zona Franca Industrial, Nave ${rng.int(1, 60)}`;
  }
  const number = street.startsWith('Av.') || street.startsWith('Autopista') ? rng.int(1, 1500) : rng.int(1, 250);
  const base = street.startsWith('Autopista') ? `${street} km ${rng.int(5, 25)}` : `${street} ${number}`;
  if (segment === 'RESIDENTIAL' && provinceCode === '01' && rng.chance(0.3)) {
    return `${base}, Apto. ${rng.int(1, 12)}${rng.pick(['A', 'B', 'C', 'D'] as const)}`;
  }
  if (segment === 'COMMERCIAL' && rng.chance(0.2)) return `${base}, Local ${rng.int(1, 40)}`;
  return base;
}

function personName(rng: Rng): { full: string; first: string; last: string } {
  const female = rng.chance(0.5);
  const pool = female ? FEMALE_NAMES : MALE_NAMES;
  let first: string = rng.pick(pool);
  if (rng.chance(0.2)) {
    const second = rng.pick(pool);
    if (second !== first) first = `${first} ${second}`;
  }
  const s1 = rng.pick(SURNAMES);
  let s2 = rng.pick(SURNAMES);
  if (s2 === s1) s2 = rng.pick(SURNAMES);
  return { full: `${first} ${s1} ${s2}`, first: first.split(' ')[0], last: s1 };
}

// Ayuntamiento name for a municipality; the Distrito Nacional and Santiago use their usual names.
function cityHall(provinceCode: string, locality: string): string {
  if (provinceCode === '01') return 'Ayuntamiento del Distrito Nacional';
  if (locality === 'Santiago de los Caballeros') return 'Ayuntamiento de Santiago';
  return `Ayuntamiento de ${locality}`;
}

// ---------------------------------------------------------------------------
// Generator
// ---------------------------------------------------------------------------

function generateOne(index: number, seed: number, branchCodes: readonly string[]): SeedCustomer {
  const rng = createRng(customerSeed(seed, index));
  const segment = rng.weighted(SEGMENT_TABLE);
  const province = rng.weighted(PROVINCE_TABLE);
  // The capital (first locality) gets about half of each province's customers.
  const locality = rng.chance(0.5) ? province.localities[0] : rng.pick(province.localities);
  const branchCode = rng.pick(branchCodes);
  const address = streetAddress(rng, province.code, locality, segment);

  let legalName: string;
  let documentType: DocumentType;
  let documentNumber: string;
  let taxCondition: TaxCondition;
  let isLargeAccount = false;
  let email: string;
  let mobile = false;

  switch (segment) {
    case 'RESIDENTIAL': {
      mobile = rng.chance(0.7);
      if (rng.chance(0.03)) {
        const first = rng.pick(FOREIGN_FIRST_NAMES);
        const last = rng.pick(FOREIGN_SURNAMES);
        legalName = `${first} ${last}`;
        documentType = 'PASSPORT';
        documentNumber = passportForIndex(index, rng.pick(PASSPORT_COUNTRIES));
        taxCondition = 'FOREIGN';
        email = `${slug(first)}.${slug(last)}${index + 1}@correo.example`;
      } else {
        const p = personName(rng);
        legalName = p.full;
        documentType = 'CEDULA';
        documentNumber = cedulaForIndex(index, rng.pick(CEDULA_OFFICES));
        // Professionals and self-employed people invoice with their cédula as taxpayers.
        taxCondition = rng.chance(0.06) ? 'REGISTERED' : 'FINAL_CONSUMER';
        email = `${slug(p.first)}.${slug(p.last)}${index + 1}@correo.example`;
      }
      break;
    }
    case 'COMMERCIAL': {
      const kind = rng.pick(COMMERCIAL_TYPES);
      const qualifier = rng.chance(0.25) ? `Hermanos ${rng.pick(SURNAMES)}` : rng.pick(COMMERCIAL_QUALIFIERS);
      if (rng.chance(0.04)) {
        legalName = `${kind} ${qualifier} International, LLC`;
        documentType = 'FOREIGN_TAX_ID';
        documentNumber = foreignTaxIdForIndex(index);
        taxCondition = 'FOREIGN';
      } else {
        const suffix = rng.weighted([
          ['S.R.L.', 70],
          ['S.A.', 15],
          ['S.A.S.', 10],
          ['E.I.R.L.', 5],
        ] as const);
        legalName = `${kind} ${qualifier}, ${suffix}`;
        documentType = 'RNC';
        documentNumber = rncForIndex(index, '1');
        taxCondition = 'REGISTERED';
      }
      isLargeAccount = rng.chance(0.03);
      email = `${rng.pick(['facturacion', 'administracion', 'cuentas', 'info'] as const)}@${slug(`${kind}${qualifier}`)}.example`;
      break;
    }
    case 'INDUSTRIAL': {
      // "Big names" (Grupo / Corporación, S.A.) are always large accounts.
      const big = rng.chance(0.35);
      const kind = rng.pick(INDUSTRIAL_TYPES);
      const qualifier = rng.pick(INDUSTRIAL_QUALIFIERS);
      legalName = big
        ? `${rng.pick(['Grupo', 'Corporación'] as const)} ${kind} ${qualifier}, S.A.`
        : `${kind} ${qualifier}, ${rng.chance(0.6) ? 'S.R.L.' : 'S.A.'}`;
      documentType = 'RNC';
      documentNumber = rncForIndex(index, '1');
      taxCondition = 'REGISTERED';
      isLargeAccount = big;
      email = `${rng.pick(['facturacion', 'cuentasporpagar', 'tesoreria'] as const)}@${slug(`${kind}${qualifier}`)}.example`;
      break;
    }
    case 'GOVERNMENT': {
      const kind = rng.weighted([
        ['cityHall', 25],
        ['ministry', 20],
        ['school', 25],
        ['hospital', 15],
        ['firefighters', 10],
        ['police', 5],
      ] as const);
      if (kind === 'cityHall') legalName = cityHall(province.code, locality);
      else if (kind === 'ministry') legalName = rng.pick(MINISTRIES);
      else if (kind === 'school') legalName = `${rng.pick(['Liceo', 'Escuela Básica', 'Politécnico'] as const)} ${rng.pick(SCHOOL_PATRONS)}`;
      else if (kind === 'hospital') legalName = `Hospital Municipal de ${locality}`;
      else if (kind === 'firefighters') legalName = `Cuerpo de Bomberos de ${locality}`;
      else legalName = `Destacamento Policial de ${locality}`;
      documentType = 'RNC';
      documentNumber = rncForIndex(index, '4');
      taxCondition = 'EXEMPT';
      isLargeAccount = (kind === 'ministry' || kind === 'hospital') && rng.chance(0.5);
      email = `contacto.${index + 1}@${slug(legalName).slice(0, 40)}.gob.example`;
      break;
    }
  }

  return {
    code: customerCode(index),
    legalName,
    documentType,
    documentNumber,
    taxCondition,
    segment,
    isLargeAccount,
    keyAccountManager: isLargeAccount ? rng.pick(ACCOUNT_MANAGERS) : null,
    email,
    phone: phone(rng, mobile),
    address,
    provinceCode: province.code,
    locality,
    branchCode,
  };
}

// `count` customers for indexes startIndex…startIndex+count−1, deterministic per (seed, index); e.g. generateCustomers(2, 42, { branchCodes: ['SD'] })[1].code → 'CL-000002'.
export function generateCustomers(count: number, seed: number, opts: GenerateCustomersOptions): SeedCustomer[] {
  const start = opts.startIndex ?? 0;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count no válido: ${count}`);
  if (!Number.isInteger(start) || start < 0) throw new RangeError(`startIndex no válido: ${start}`);
  if (start + count > MAX_CUSTOMER_INDEX) {
    throw new RangeError(`Como máximo ${MAX_CUSTOMER_INDEX} clientes de demostración`);
  }
  if (opts.branchCodes.length === 0) throw new RangeError('Se necesita al menos una sucursal (branchCodes)');
  const out: SeedCustomer[] = [];
  for (let i = start; i < start + count; i++) out.push(generateOne(i, seed, opts.branchCodes));
  return out;
}

// ---------------------------------------------------------------------------
// Fixed large accounts (demo client logins)
// ---------------------------------------------------------------------------

/**
 * Two fixed industrial large accounts used by the demo client logins. Their
 * RNCs are the two serials reserved at indexes MAX_CUSTOMER_INDEX and
 * MAX_CUSTOMER_INDEX + 1 (rncForIndex of those), which the generator never
 * reaches, so no generated customer can share them. Codes use the 'GC-'
 * (gran cliente) prefix, never produced by the generator. branchCode is left
 * to the seed script.
 */
export const LARGE_ACCOUNT_FIXTURES: readonly LargeAccountFixture[] = [
  {
    code: 'GC-000001',
    legalName: 'Industrias Alimenticias del Cibao, S.A.',
    documentType: 'RNC',
    documentNumber: '134084778', // = rncForIndex(MAX_CUSTOMER_INDEX)
    taxCondition: 'REGISTERED',
    segment: 'INDUSTRIAL',
    isLargeAccount: true,
    keyAccountManager: 'Laura Méndez Rosario',
    email: 'cuentasporpagar@alimenticiasdelcibao.example',
    phone: '809-582-4100',
    address: 'Av. Circunvalación 455',
    provinceCode: '25',
    locality: 'Santiago de los Caballeros',
  },
  {
    code: 'GC-000002',
    legalName: 'Cervecería Nacional del Este, S.R.L.',
    documentType: 'RNC',
    documentNumber: '182378481', // = rncForIndex(MAX_CUSTOMER_INDEX + 1)
    taxCondition: 'REGISTERED',
    segment: 'INDUSTRIAL',
    isLargeAccount: true,
    keyAccountManager: 'Héctor Almonte Peña',
    email: 'facturacion@cervecerianacionaldeleste.example',
    phone: '809-529-3300',
    address: 'Carretera Mella km 14',
    provinceCode: '23',
    locality: 'San Pedro de Macorís',
  },
];
