/**
 * Money arithmetic on decimal.js — never JavaScript floats.
 *
 * Uses a cloned Decimal constructor (precision 40, ROUND_HALF_UP) so the
 * global `Decimal` configuration shared with other libraries is untouched.
 * Rounding is "half away from zero" (decimal.js ROUND_HALF_UP): 2.345 → 2.35
 * and −2.345 → −2.35.
 */
import DecimalBase from 'decimal.js';

export const Decimal = DecimalBase.clone({
  precision: 40,
  rounding: DecimalBase.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
export type Decimal = InstanceType<typeof Decimal>;

export type MoneyInput = string | number | DecimalBase;

// Parses a money value into a Decimal, accepting well-placed thousands commas; e.g. money('1,234.50') → Decimal(1234.5).
export function money(x: MoneyInput): Decimal {
  if (DecimalBase.isDecimal(x)) return new Decimal(x.toString());
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) throw new Error(`Importe no válido: ${x}`);
    // String(x) gives the shortest round-tripping representation (0.1 → '0.1'), not the binary expansion.
    return new Decimal(String(x));
  }
  const t = x.trim();
  const grouped = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t);
  const plain = /^[-+]?(\d+\.?\d*|\.\d+)$/.test(t);
  if (!grouped && !plain) throw new Error(`Importe no válido: "${x}"`);
  return new Decimal(grouped ? t.replace(/,/g, '') : t);
}

// Rounds half away from zero to `places` decimals; e.g. roundHalfUp('2.345') → 2.35, roundHalfUp('-2.345') → -2.35.
export function roundHalfUp(x: MoneyInput, places = 2): Decimal {
  return money(x).toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

// Exact sum of a list (empty → 0); e.g. sumMoney(['0.1', '0.2']) → 0.3 (not 0.30000000000000004).
export function sumMoney(list: readonly MoneyInput[]): Decimal {
  return list.reduce<Decimal>((acc, x) => acc.plus(money(x)), new Decimal(0));
}

// Fixed 2-decimal string for `numeric` columns, rounded half away from zero; e.g. toMoneyString('1234.5') → '1234.50'.
export function toMoneyString(x: MoneyInput): string {
  const s = roundHalfUp(x, 2).toFixed(2);
  return s === '-0.00' ? '0.00' : s;
}

// pct percent of amount, rounded to cents half away from zero; e.g. percentOf('1000', '18') → 180.00.
export function percentOf(amount: MoneyInput, pct: MoneyInput): Decimal {
  return roundHalfUp(money(amount).times(money(pct)).dividedBy(100), 2);
}

// Form-input check: digits with optional well-placed thousands commas and ≤2 decimals, negatives only if allowed; e.g. '1,234.50' → true, '1,23.4' → false.
export function isValidMoneyInput(s: string, opts: { allowNegative?: boolean } = {}): boolean {
  let t = s.trim();
  if (t.startsWith('-')) {
    if (!opts.allowNegative) return false;
    t = t.slice(1);
  }
  return /^(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/.test(t) || /^\.\d{1,2}$/.test(t);
}
