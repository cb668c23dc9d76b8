/**
 * Fiscal numbering: the two printed formats a document number can take, and the rules that pick
 * the DGII e-NCF type and watch its authorized ranges. Pure, no I/O: the number itself comes from
 * db/queries/fiscal-sequence.ts (one counter row per point of sale, class and document type).
 *
 * - LETTER (as Argentina's AFIP): `PPPPP-NNNNNNNN`, point of sale 1–99999, number 1–99999999.
 * - ENCF (Dominican DGII e-NCF): `E` + 2-digit type + 10-digit sequence, e.g. E310000000001.
 */
import { formatDate, formatNumber } from '../format';

export const INVOICE_CLASS_VALUES = ['A', 'B', 'E'] as const;
export type InvoiceClass = (typeof INVOICE_CLASS_VALUES)[number];
export const FISCAL_DOC_TYPE_VALUES = ['INVOICE', 'CREDIT_NOTE', 'DEBIT_NOTE'] as const;
export type FiscalDocType = (typeof FISCAL_DOC_TYPE_VALUES)[number];

export const FISCAL_DOC_TYPE_LABELS: Record<FiscalDocType, string> = {
  INVOICE: 'Factura',
  CREDIT_NOTE: 'Nota de crédito',
  DEBIT_NOTE: 'Nota de débito',
};

export const MAX_POS_NUMBER = 99_999;
export const MAX_LETTER_NUMBER = 99_999_999;
export const MAX_ENCF_SEQUENCE = 9_999_999_999;

/** A failure of the numbering itself (exhausted sequence, impossible request): shown to the user as is. */
export class FiscalNumberingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FiscalNumberingError';
  }
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; error: string };

const isIntIn = (n: number, min: number, max: number) => Number.isSafeInteger(n) && n >= min && n <= max;

// ─── LETTER: PPPPP-NNNNNNNN ────────────────────────────────────────────────────────────────

export type LetterNumber = { posNumber: number; number: number };

const LETTER_RE = /^(\d{5})-(\d{8})$/;
const LETTER_SHAPE = 'El número fiscal debe tener el formato PPPPP-NNNNNNNN (p. ej. 00001-00000001).';
const POS_RANGE = `El punto de venta debe estar entre 1 y ${MAX_POS_NUMBER}.`;
const LETTER_RANGE = `El número debe estar entre 1 y ${MAX_LETTER_NUMBER}.`;

// The printed number; e.g. formatLetterNumber(1, 42) → '00001-00000042'. Out-of-range parts are a bug: RangeError.
export function formatLetterNumber(posNumber: number, number: number): string {
  if (!isIntIn(posNumber, 1, MAX_POS_NUMBER)) throw new RangeError(POS_RANGE);
  if (!isIntIn(number, 1, MAX_LETTER_NUMBER)) throw new RangeError(LETTER_RANGE);
  return `${String(posNumber).padStart(5, '0')}-${String(number).padStart(8, '0')}`;
}

// Checks a typed number, trimming spaces; e.g. validateLetterNumber(' 00002-00000010 ') → { ok, value: { posNumber: 2, number: 10 } }.
export function validateLetterNumber(text: string): ValidationResult<LetterNumber> {
  const m = LETTER_RE.exec(text.trim());
  if (!m) return { ok: false, error: LETTER_SHAPE };
  const posNumber = Number(m[1]);
  const number = Number(m[2]);
  if (posNumber < 1) return { ok: false, error: POS_RANGE };
  if (number < 1) return { ok: false, error: LETTER_RANGE };
  return { ok: true, value: { posNumber, number } };
}

// parseLetterNumber('00001-00000042') → { posNumber: 1, number: 42 }; anything invalid → null.
export function parseLetterNumber(text: string): LetterNumber | null {
  const r = validateLetterNumber(text);
  return r.ok ? r.value : null;
}

// ─── ENCF: E + type + sequence ─────────────────────────────────────────────────────────────

/** The e-NCF types Cauce issues (DGII e-CF types). */
export const ENCF_TYPE_VALUES = [31, 32, 33, 34, 44, 45, 46] as const;
export type EncfType = (typeof ENCF_TYPE_VALUES)[number];

export const ENCF_TYPE_LABELS: Record<EncfType, string> = {
  31: 'Factura de crédito fiscal',
  32: 'Factura de consumo',
  33: 'Nota de débito',
  34: 'Nota de crédito',
  44: 'Regímenes especiales',
  45: 'Gubernamental',
  46: 'Exportaciones',
};

export type EncfNumber = { type: EncfType; sequence: number };

const ENCF_RE = /^E(\d{2})(\d{10})$/;
const ENCF_SHAPE = 'El e-NCF debe tener el formato E + tipo de 2 dígitos + secuencia de 10 dígitos (p. ej. E310000000001).';
const ENCF_RANGE = `La secuencia del e-NCF debe estar entre 1 y ${MAX_ENCF_SEQUENCE}.`;

export function isEncfType(n: number): n is EncfType {
  return (ENCF_TYPE_VALUES as readonly number[]).includes(n);
}

// formatEncf(31, 1) → 'E310000000001'. Unknown type or out-of-range sequence is a bug: RangeError.
export function formatEncf(type: EncfType, sequence: number): string {
  if (!isEncfType(type)) throw new RangeError(`Tipo de e-NCF no válido: ${String(type)}.`);
  if (!isIntIn(sequence, 1, MAX_ENCF_SEQUENCE)) throw new RangeError(ENCF_RANGE);
  return `E${type}${String(sequence).padStart(10, '0')}`;
}

// validateEncf('e320000000007') → { ok, value: { type: 32, sequence: 7 } } (upper-cased, trimmed).
export function validateEncf(text: string): ValidationResult<EncfNumber> {
  const m = ENCF_RE.exec(text.trim().toUpperCase());
  if (!m) return { ok: false, error: ENCF_SHAPE };
  const type = Number(m[1]);
  const sequence = Number(m[2]);
  if (!isEncfType(type)) return { ok: false, error: `Tipo de e-NCF no válido: E${m[1]}.` };
  if (sequence < 1) return { ok: false, error: ENCF_RANGE };
  return { ok: true, value: { type, sequence } };
}

// parseEncf('E460000000123') → { type: 46, sequence: 123 }; anything invalid → null.
export function parseEncf(text: string): EncfNumber | null {
  const r = validateEncf(text);
  return r.ok ? r.value : null;
}

/** What decides the e-NCF type of a document. Customer fields accept any string (only EXEMPT / GOVERNMENT matter). */
export type NcfTypeInput = {
  docType: FiscalDocType;
  invoiceClass: InvoiceClass;
  taxCondition?: string | null;
  segment?: string | null;
};

const ENCF_BY_CLASS: Record<InvoiceClass, EncfType> = { A: 31, B: 32, E: 46 };

/**
 * Notes by their own type (debit 33, credit 34); an invoice to a government customer is E45, to a
 * customer in a special regime (tax condition EXEMPT) E44, otherwise by class A → 31, B → 32, E → 46.
 * e.g. ncfType({ docType: 'INVOICE', invoiceClass: 'B', segment: 'GOVERNMENT' }) → 45.
 */
export function ncfType({ docType, invoiceClass, taxCondition, segment }: NcfTypeInput): EncfType {
  if (docType === 'DEBIT_NOTE') return 33;
  if (docType === 'CREDIT_NOTE') return 34;
  if (segment === 'GOVERNMENT') return 45;
  if (taxCondition === 'EXEMPT') return 44;
  return ENCF_BY_CLASS[invoiceClass];
}

// ─── The regime interface ──────────────────────────────────────────────────────────────────

export const FISCAL_REGIME_CODES = ['LETTER', 'ENCF'] as const;
export type FiscalRegimeCode = (typeof FISCAL_REGIME_CODES)[number];

/** Everything a regime may need to print a document's number. */
export type FiscalDocContext = NcfTypeInput & { posNumber: number };

export type ParsedFiscalNumber = ({ regime: 'LETTER' } & LetterNumber) | ({ regime: 'ENCF' } & EncfNumber);

export interface FiscalRegime {
  readonly code: FiscalRegimeCode;
  readonly label: string;
  /** The largest number the sequence may reach. */
  readonly maxNumber: number;
  /** The printed number of the `number`-th document of its sequence. */
  format(ctx: FiscalDocContext, number: number): string;
  /** A typed number, or a Spanish error. */
  validate(text: string): ValidationResult<ParsedFiscalNumber>;
  parse(text: string): ParsedFiscalNumber | null;
}

const okOrNull = <T>(r: ValidationResult<T>): T | null => (r.ok ? r.value : null);

export const letterRegime: FiscalRegime = {
  code: 'LETTER',
  label: 'Letra (PPPPP-NNNNNNNN)',
  maxNumber: MAX_LETTER_NUMBER,
  format: (ctx, number) => formatLetterNumber(ctx.posNumber, number),
  validate(text) {
    const r = validateLetterNumber(text);
    return r.ok ? { ok: true, value: { regime: 'LETTER', ...r.value } } : r;
  },
  parse: (text) => okOrNull(letterRegime.validate(text)),
};

export const encfRegime: FiscalRegime = {
  code: 'ENCF',
  label: 'e-NCF (DGII)',
  maxNumber: MAX_ENCF_SEQUENCE,
  format: (ctx, number) => formatEncf(ncfType(ctx), number),
  validate(text) {
    const r = validateEncf(text);
    return r.ok ? { ok: true, value: { regime: 'ENCF', ...r.value } } : r;
  },
  parse: (text) => okOrNull(encfRegime.validate(text)),
};

const REGIMES: Record<FiscalRegimeCode, FiscalRegime> = { LETTER: letterRegime, ENCF: encfRegime };

// The configured regime, LETTER when none is set; e.g. regimeFor({ regime: 'ENCF' }) → encfRegime. An unknown code is a configuration bug.
export function regimeFor(config: { regime?: string | null } = {}): FiscalRegime {
  const code = config.regime?.trim().toUpperCase() || 'LETTER';
  if (!(FISCAL_REGIME_CODES as readonly string[]).includes(code)) {
    throw new RangeError(`Régimen fiscal desconocido: ${config.regime}. Use ${FISCAL_REGIME_CODES.join(' o ')}.`);
  }
  return REGIMES[code as FiscalRegimeCode];
}

// ─── e-NCF authorized ranges ───────────────────────────────────────────────────────────────

/** A range of sequences the DGII authorized for one type, usable through `expiresOn` (inclusive, 'YYYY-MM-DD'). */
export type EncfRange = { type: EncfType; from: number; to: number; expiresOn: string };

export const RANGE_STATUS_VALUES = ['OK', 'LOW', 'EXPIRING', 'EXHAUSTED', 'EXPIRED'] as const;
export type RangeStatusCode = (typeof RANGE_STATUS_VALUES)[number];

export const RANGE_STATUS_LABELS: Record<RangeStatusCode, string> = {
  OK: 'Vigente',
  LOW: 'Por agotarse',
  EXPIRING: 'Por vencer',
  EXHAUSTED: 'Agotado',
  EXPIRED: 'Vencido',
};

export type RangeStatus = {
  status: RangeStatusCode;
  /** Sequences still unused in the range. */
  remaining: number;
  /** Days from today to the expiry date (0 = expires today, negative = expired). */
  daysToExpiry: number;
  /** The next sequence to use, or null when none can be used (exhausted or expired). */
  next: number | null;
  message: string;
};

/** Low when at most 10 % of the range is left or fewer than this many numbers. */
export const RANGE_LOW_MIN = 500;
export const RANGE_LOW_SHARE = 0.1;
export const RANGE_EXPIRING_DAYS = 30;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayNumber(date: string): number {
  const m = DATE_RE.exec(date);
  const t = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== date) throw new RangeError(`Fecha no válida: ${date}`);
  return t / 86_400_000;
}

const left = (n: number) => (n === 1 ? 'queda 1 número' : `quedan ${formatNumber(n, 0)} números`);
const inDays = (d: number) => (d === 0 ? 'hoy' : d === 1 ? 'mañana' : `en ${d} días`);

/**
 * How an authorized range stands after `lastUsed` (null = none used yet), the most urgent first:
 * expired (today after expiresOn) → exhausted → low (≤ 10 % or < 500 left) → expiring (≤ 30 days) → ok.
 * e.g. range 1–1000 expiring 2026-12-31, lastUsed 950, today 2026-06-01 → LOW, remaining 50, next 951.
 */
export function rangeStatus(range: EncfRange, lastUsed: number | null, today: string): RangeStatus {
  if (!isIntIn(range.from, 1, MAX_ENCF_SEQUENCE) || !isIntIn(range.to, range.from, MAX_ENCF_SEQUENCE)) {
    throw new RangeError(`Rango de e-NCF no válido: ${range.from}–${range.to}.`);
  }
  const size = range.to - range.from + 1;
  const used = Math.min(Math.max((lastUsed ?? 0) - range.from + 1, 0), size);
  const remaining = size - used;
  const daysToExpiry = dayNumber(range.expiresOn) - dayNumber(today);
  const name = `El rango ${formatEncf(range.type, range.from)}–${formatEncf(range.type, range.to)}`;
  const expires = `${inDays(daysToExpiry)} (${formatDate(range.expiresOn)})`;
  const ask = 'solicite un nuevo rango a la DGII.';
  const next = remaining > 0 && daysToExpiry >= 0 ? range.to - remaining + 1 : null;
  const out = (status: RangeStatusCode, message: string): RangeStatus => ({ status, remaining, daysToExpiry, next, message });

  if (daysToExpiry < 0) return out('EXPIRED', `${name} venció el ${formatDate(range.expiresOn)}; ${ask}`);
  if (remaining === 0) return out('EXHAUSTED', `${name} está agotado; ${ask}`);
  const low = remaining <= size * RANGE_LOW_SHARE || remaining < RANGE_LOW_MIN;
  const expiring = daysToExpiry <= RANGE_EXPIRING_DAYS;
  if (low) {
    const also = expiring ? ` y vence ${expires}` : '';
    return out('LOW', `${name} está por agotarse: ${left(remaining)}${also}; ${ask}`);
  }
  if (expiring) return out('EXPIRING', `${name} vence ${expires}; ${left(remaining)}; ${ask}`);
  return out('OK', `${name} está vigente: ${left(remaining)} hasta el ${formatDate(range.expiresOn)}.`);
}
