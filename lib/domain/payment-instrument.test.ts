import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  PAYMENT_METHODS,
  PAYMENT_METHOD_LABELS,
  cardBrand,
  expiryValid,
  luhnValid,
  maskInstrument,
  needsEntity,
  needsInstrumentNumber,
  normalizeInstrument,
  tokenizeInstrument,
  validateInstrument,
} from './payment-instrument';

// 2026-11-23 at noon in Santo Domingo (UTC−4).
const today = new Date('2026-11-23T16:00:00Z');

describe('methods', () => {
  it('labels every method in Spanish', () => {
    expect(PAYMENT_METHOD_LABELS).toEqual({
      CASH: 'Contado',
      CARD: 'Tarjeta',
      DIRECT_DEBIT: 'Débito automático',
      BANK_TRANSFER: 'Transferencia bancaria',
    });
  });

  it('needs an entity for card, direct debit and bank transfer only', () => {
    expect(PAYMENT_METHODS.filter(needsEntity)).toEqual(['CARD', 'DIRECT_DEBIT', 'BANK_TRANSFER']);
  });

  it('needs an instrument number for card and direct debit only', () => {
    expect(PAYMENT_METHODS.filter(needsInstrumentNumber)).toEqual(['CARD', 'DIRECT_DEBIT']);
  });
});

describe('normalizeInstrument', () => {
  it('strips spaces and dashes', () => {
    expect(normalizeInstrument(' 4242 4242-4242\t4242 ')).toBe('4242424242424242');
  });
});

describe('luhnValid', () => {
  it('accepts 4242424242424242', () => {
    // from the right, doubled digits are the 4s: 8 × (4·2=8) + 8 × 2 = 64 + 16 = 80; 80 % 10 = 0
    expect(luhnValid('4242424242424242')).toBe(true);
  });

  it('rejects 4242424242424241', () => {
    // same sum with the last 2 replaced by 1: 80 − 1 = 79; 79 % 10 = 9 ≠ 0
    expect(luhnValid('4242424242424241')).toBe(false);
  });

  it('accepts 5555555555554444 and 378282246310005', () => {
    expect(luhnValid('5555555555554444')).toBe(true);
    expect(luhnValid('378282246310005')).toBe(true);
  });

  it('subtracts 9 from doubled digits above 9 (59)', () => {
    // 5·2 = 10 → 1; 1 + 9 = 10; 10 % 10 = 0. Without the −9: 10 + 9 = 19 → invalid.
    expect(luhnValid('59')).toBe(true);
  });

  it('rejects non-digits and empty input', () => {
    expect(luhnValid('4242-4242')).toBe(false);
    expect(luhnValid('')).toBe(false);
  });
});

describe('cardBrand', () => {
  it('detects Visa, Mastercard and Amex by IIN', () => {
    expect(cardBrand('4242424242424242')).toBe('VISA');
    expect(cardBrand('5555 5555 5555 4444')).toBe('MASTERCARD');
    expect(cardBrand('378282246310005')).toBe('AMEX');
    expect(cardBrand('341111111111111')).toBe('AMEX');
  });

  it('knows the Mastercard 2-series range 2221–2720', () => {
    expect(cardBrand('2221000000000009')).toBe('MASTERCARD');
    expect(cardBrand('2720990000000000')).toBe('MASTERCARD');
    expect(cardBrand('2220990000000000')).toBeNull();
    expect(cardBrand('2721000000000000')).toBeNull();
  });

  it('returns null for other prefixes (50, 56, Discover 6011, 35)', () => {
    expect(cardBrand('5000000000000000')).toBeNull();
    expect(cardBrand('5600000000000000')).toBeNull();
    expect(cardBrand('6011111111111117')).toBeNull();
    expect(cardBrand('3530111333300000')).toBeNull();
  });
});

describe('maskInstrument', () => {
  it('shows four bullets and the last four digits', () => {
    expect(maskInstrument('4242')).toBe('•••• 4242');
  });

  it('shows nothing when there is no number', () => {
    expect(maskInstrument(null)).toBe('');
  });
});

describe('tokenizeInstrument', () => {
  const secret = 'test-secret';

  it('is tok_ + the first 28 hex chars of HMAC-SHA256 (32 chars in all)', () => {
    const expected = createHmac('sha256', secret).update('4242424242424242').digest('hex').slice(0, 28);
    const token = tokenizeInstrument('4242424242424242', secret);
    expect(token).toBe(`tok_${expected}`);
    // 'tok_'.length 4 + 28 = 32
    expect(token).toHaveLength(32);
    expect(token).toMatch(/^tok_[0-9a-f]{28}$/);
  });

  it('does not contain the number', () => {
    expect(tokenizeInstrument('4242424242424242', secret)).not.toContain('4242424242424242');
  });

  it('is the same for the spaced and plain forms of a number', () => {
    expect(tokenizeInstrument('4242 4242 4242 4242', secret)).toBe(tokenizeInstrument('4242424242424242', secret));
  });

  it('depends on the secret and on the number', () => {
    expect(tokenizeInstrument('4242424242424242', 'other')).not.toBe(tokenizeInstrument('4242424242424242', secret));
    expect(tokenizeInstrument('5555555555554444', secret)).not.toBe(tokenizeInstrument('4242424242424242', secret));
  });

  it('refuses an empty secret', () => {
    expect(() => tokenizeInstrument('4242424242424242', '')).toThrow();
  });
});

describe('expiryValid', () => {
  it('accepts the current month (11/2026 on 2026-11-23: valid through 2026-11-30)', () => {
    expect(expiryValid(11, 2026, today)).toBe(true);
  });

  it('rejects the previous month (10/2026 ended 2026-10-31)', () => {
    expect(expiryValid(10, 2026, today)).toBe(false);
  });

  it('accepts a later year even with an earlier month (01/2027)', () => {
    expect(expiryValid(1, 2027, today)).toBe(true);
  });

  it('uses the Santo Domingo date: 2026-12-01T02:00Z is still 2026-11-30 there', () => {
    // 02:00 UTC − 4 h = 22:00 on 30 November → 11/2026 still valid
    expect(expiryValid(11, 2026, new Date('2026-12-01T02:00:00Z'))).toBe(true);
    // 04:00 UTC − 4 h = 00:00 on 1 December → 11/2026 expired
    expect(expiryValid(11, 2026, new Date('2026-12-01T04:00:00Z'))).toBe(false);
  });

  it('rejects an impossible month', () => {
    expect(expiryValid(13, 2030, today)).toBe(false);
    expect(expiryValid(0, 2030, today)).toBe(false);
  });
});

describe('validateInstrument', () => {
  it('accepts a valid Visa and keeps only the last four digits', () => {
    expect(
      validateInstrument({ method: 'CARD', number: '4242 4242 4242 4242', expiryMonth: '12', expiryYear: '2027', entityBrand: 'VISA' }, today),
    ).toEqual({ ok: true, last4: '4242', brand: 'VISA' });
  });

  it('accepts Mastercard and Amex', () => {
    expect(validateInstrument({ method: 'CARD', number: '5555555555554444', expiryMonth: 1, expiryYear: 2030 }, today)).toEqual({
      ok: true,
      last4: '4444',
      brand: 'MASTERCARD',
    });
    expect(validateInstrument({ method: 'CARD', number: '378282246310005', expiryMonth: 1, expiryYear: 2030 }, today)).toEqual({
      ok: true,
      last4: '0005',
      brand: 'AMEX',
    });
  });

  it('reads a 2-digit year as 20YY (11/26 on 2026-11-23 is valid)', () => {
    expect(validateInstrument({ method: 'CARD', number: '4242424242424242', expiryMonth: '11', expiryYear: '26' }, today).ok).toBe(true);
  });

  it('rejects a number failing Luhn (4242424242424241)', () => {
    expect(validateInstrument({ method: 'CARD', number: '4242424242424241', expiryMonth: 12, expiryYear: 2027 }, today)).toEqual({
      ok: false,
      fieldErrors: { number: ['Número de tarjeta no válido'] },
    });
  });

  it("rejects a length the brand does not use (Amex prefix with 16 digits passing Luhn)", () => {
    // 3782822463100003: Luhn-valid 16 digits, but Amex numbers have 15
    expect(luhnValid('3782822463100003')).toBe(true);
    expect(validateInstrument({ method: 'CARD', number: '3782822463100003', expiryMonth: 12, expiryYear: 2027 }, today)).toEqual({
      ok: false,
      fieldErrors: { number: ['Número de tarjeta no válido'] },
    });
  });

  it('rejects an expired card (10/2026 on 2026-11-23)', () => {
    expect(validateInstrument({ method: 'CARD', number: '4242424242424242', expiryMonth: 10, expiryYear: 2026 }, today)).toEqual({
      ok: false,
      fieldErrors: { expiry: ['La tarjeta está vencida'] },
    });
  });

  it('asks for the number and the expiry of a card', () => {
    expect(validateInstrument({ method: 'CARD' }, today)).toEqual({
      ok: false,
      fieldErrors: { number: ['Indique el número de tarjeta'], expiry: ['Indique el vencimiento de la tarjeta'] },
    });
  });

  it('rejects an impossible expiry month', () => {
    expect(validateInstrument({ method: 'CARD', number: '4242424242424242', expiryMonth: '13', expiryYear: '2027' }, today)).toEqual({
      ok: false,
      fieldErrors: { expiry: ['Vencimiento no válido'] },
    });
  });

  it('rejects a Visa card when the chosen entity is Mastercard', () => {
    expect(
      validateInstrument({ method: 'CARD', number: '4242424242424242', expiryMonth: 12, expiryYear: 2027, entityBrand: 'MASTERCARD' }, today),
    ).toEqual({
      ok: false,
      fieldErrors: { entity: ['La marca de la tarjeta (Visa) no coincide con la entidad elegida (Mastercard)'] },
    });
  });

  it('accepts a direct-debit bank account of 6 to 20 digits', () => {
    expect(validateInstrument({ method: 'DIRECT_DEBIT', number: '960-123456-7' }, today)).toEqual({
      ok: true,
      last4: '4567',
      brand: null,
    });
  });

  it('rejects a bank account of 5 or 21 digits, or with letters', () => {
    const refused = { ok: false, fieldErrors: { number: ['Número de cuenta no válido'] } };
    expect(validateInstrument({ method: 'DIRECT_DEBIT', number: '12345' }, today)).toEqual(refused);
    expect(validateInstrument({ method: 'DIRECT_DEBIT', number: '1'.repeat(21) }, today)).toEqual(refused);
    expect(validateInstrument({ method: 'DIRECT_DEBIT', number: '12345A' }, today)).toEqual(refused);
  });

  it('asks for the bank account of a direct debit', () => {
    expect(validateInstrument({ method: 'DIRECT_DEBIT', number: '  ' }, today)).toEqual({
      ok: false,
      fieldErrors: { number: ['Indique el número de cuenta'] },
    });
  });

  it('keeps no number for cash or bank transfer', () => {
    expect(validateInstrument({ method: 'CASH', number: '4242424242424242' }, today)).toEqual({ ok: true, last4: null, brand: null });
    expect(validateInstrument({ method: 'BANK_TRANSFER' }, today)).toEqual({ ok: true, last4: null, brand: null });
  });
});
