/**
 * Payment instruments of an agreement (medios de pago): method, card/bank-account number checks,
 * brand detection, expiry, masking and tokenization.
 *
 * The full instrument number is NEVER stored: validation returns only the last four digits, and
 * `tokenizeInstrument` gives a keyed, non-reversible token to recognise the same instrument later.
 * Server-side only because of node:crypto; client components should receive labels as props.
 */
import { createHmac } from 'node:crypto';
import { toLocalDateString } from './format';

export const PAYMENT_METHODS = ['CASH', 'CARD', 'DIRECT_DEBIT', 'BANK_TRANSFER'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  CASH: 'Contado',
  CARD: 'Tarjeta',
  DIRECT_DEBIT: 'Débito automático',
  BANK_TRANSFER: 'Transferencia bancaria',
};

/** Which methods need a payment entity (card brand or bank) and which an instrument number. */
const METHOD_NEEDS: Record<PaymentMethod, { entity: boolean; number: boolean }> = {
  CASH: { entity: false, number: false },
  CARD: { entity: true, number: true },
  DIRECT_DEBIT: { entity: true, number: true },
  BANK_TRANSFER: { entity: true, number: false },
};

// A payment entity is needed by card, direct debit and bank transfer; e.g. needsEntity('CASH') → false.
export function needsEntity(method: PaymentMethod): boolean {
  return METHOD_NEEDS[method].entity;
}

// An instrument number is needed by card and direct debit only; e.g. needsInstrumentNumber('BANK_TRANSFER') → false.
export function needsInstrumentNumber(method: PaymentMethod): boolean {
  return METHOD_NEEDS[method].number;
}

export const CARD_BRANDS = ['VISA', 'MASTERCARD', 'AMEX'] as const;
export type CardBrand = (typeof CARD_BRANDS)[number];

export const CARD_BRAND_LABELS: Record<CardBrand, string> = {
  VISA: 'Visa',
  MASTERCARD: 'Mastercard',
  AMEX: 'American Express',
};

/** Valid lengths per brand: Visa 13/16/19, Mastercard 16, Amex 15. */
const BRAND_LENGTHS: Record<CardBrand, readonly number[]> = {
  VISA: [13, 16, 19],
  MASTERCARD: [16],
  AMEX: [15],
};

// Strips spaces (any whitespace) and dashes; e.g. '4242 4242-4242 4242' → '4242424242424242'.
export function normalizeInstrument(s: string): string {
  return s.replace(/[\s\-‐‑‒–—]/g, '');
}

// Luhn: from the right, double every second digit (minus 9 if > 9), total % 10 = 0; e.g. '4242424242424242' → true.
export function luhnValid(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

// Brand by IIN prefix (length not checked): 4 → Visa, 51–55 or 2221–2720 → Mastercard, 34/37 → Amex; e.g. '378282246310005' → 'AMEX'.
export function cardBrand(number: string): CardBrand | null {
  const n = normalizeInstrument(number);
  if (!/^\d+$/.test(n)) return null;
  if (n.startsWith('4')) return 'VISA';
  if (/^3[47]/.test(n)) return 'AMEX';
  if (/^5[1-5]/.test(n)) return 'MASTERCARD';
  const iin4 = Number(n.slice(0, 4));
  if (n.length >= 4 && iin4 >= 2221 && iin4 <= 2720) return 'MASTERCARD';
  return null;
}

// Masked display from the stored last four digits; e.g. maskInstrument('4242') → '•••• 4242', maskInstrument(null) → ''.
export function maskInstrument(last4: string | null | undefined): string {
  if (!last4) return '';
  return `•••• ${last4.slice(-4)}`;
}

/**
 * Token = 'tok_' + the first 28 hex chars of HMAC-SHA256(secret, normalized number): 32 chars, 112 bits.
 * Keyed so a leaked table cannot be reversed by hashing the small space of card numbers without the
 * secret; deterministic so the same instrument gives the same token. E.g. ('4242 4242 4242 4242', s) →
 * the same token as ('4242424242424242', s).
 */
export function tokenizeInstrument(number: string, secret: string): string {
  if (!secret) throw new Error('tokenizeInstrument needs a non-empty secret');
  const digest = createHmac('sha256', secret).update(normalizeInstrument(number)).digest('hex');
  return `tok_${digest.slice(0, 28)}`;
}

// A card is valid through the last day of its month, in Santo Domingo; e.g. (11, 2026, 2026-11-23) → true, (10, 2026, same) → false.
export function expiryValid(month: number, year: number, today: Date): boolean {
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(year)) return false;
  const [ty, tm] = toLocalDateString(today).split('-').map(Number);
  // The last day of (year, month) is not before today ⇔ (year, month) ≥ (today's year, today's month).
  return year > ty || (year === ty && month >= tm);
}

export type InstrumentInput = {
  method: PaymentMethod;
  number?: string | null;
  expiryMonth?: number | string | null;
  expiryYear?: number | string | null;
  /** Brand of the payment entity chosen for a card (null when the entity is not a card brand). */
  entityBrand?: CardBrand | null;
};

export type InstrumentValidation =
  | { ok: true; last4: string | null; brand: CardBrand | null }
  | { ok: false; fieldErrors: Record<string, string[]> };

// Form values to an integer; '' / null → null, 2-digit years as 20YY; e.g. ('07') → 7, ('26', year) → 2026.
function toInt(v: number | string | null | undefined, isYear = false): number | null {
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  if (!/^\d{1,4}$/.test(s)) return s === '' ? null : NaN;
  const n = Number(s);
  return isYear && s.length <= 2 ? 2000 + n : n;
}

/**
 * Validates one payment instrument; field errors are keyed 'number', 'expiry' and 'entity'.
 * - CARD: Luhn and brand length, not expired (in Santo Domingo today), brand matching the chosen entity;
 * - DIRECT_DEBIT: a bank account of 6–20 digits;
 * - CASH, BANK_TRANSFER: no number (any number given is ignored and nothing is kept).
 * E.g. CARD '4242 4242 4242 4242' 12/2027 Visa → { ok, last4: '4242', brand: 'VISA' }.
 */
export function validateInstrument(input: InstrumentInput, today: Date): InstrumentValidation {
  const fieldErrors: Record<string, string[]> = {};
  const add = (field: string, message: string) => (fieldErrors[field] ??= []).push(message);
  const number = normalizeInstrument(input.number ?? '');

  if (input.method === 'CARD') {
    const brand = cardBrand(number);
    if (number === '') add('number', 'Indique el número de tarjeta');
    else if (!/^\d{12,19}$/.test(number) || !luhnValid(number) || (brand && !BRAND_LENGTHS[brand].includes(number.length))) {
      add('number', 'Número de tarjeta no válido');
    }

    const month = toInt(input.expiryMonth);
    const year = toInt(input.expiryYear, true);
    if (month === null || year === null) add('expiry', 'Indique el vencimiento de la tarjeta');
    else if (Number.isNaN(month) || Number.isNaN(year) || month < 1 || month > 12 || year < 2000) {
      add('expiry', 'Vencimiento no válido');
    } else if (!expiryValid(month, year, today)) add('expiry', 'La tarjeta está vencida');

    if (input.entityBrand && !fieldErrors.number && brand !== input.entityBrand) {
      const chosen = CARD_BRAND_LABELS[input.entityBrand];
      add(
        'entity',
        brand
          ? `La marca de la tarjeta (${CARD_BRAND_LABELS[brand]}) no coincide con la entidad elegida (${chosen})`
          : `La marca de la tarjeta no coincide con la entidad elegida (${chosen})`,
      );
    }
    if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
    return { ok: true, last4: number.slice(-4), brand };
  }

  if (input.method === 'DIRECT_DEBIT') {
    if (number === '') add('number', 'Indique el número de cuenta');
    else if (!/^\d{6,20}$/.test(number)) add('number', 'Número de cuenta no válido');
    if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
    return { ok: true, last4: number.slice(-4), brand: null };
  }

  if (input.method === 'CASH' || input.method === 'BANK_TRANSFER') return { ok: true, last4: null, brand: null };
  return { ok: false, fieldErrors: { method: ['Medio de pago no válido'] } };
}
