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
  // Our Decimals are immutable: one of them is returned as is; another library's is converted.
  if (x instanceof Decimal) return x;
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

const PLAIN = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Exact sum of plain decimal strings ('-12.30', '7') as a plain decimal string at the largest scale
 * among them, computed on BigInt integers scaled by that power of ten (no float, no Decimal objects:
 * the hot path of invoice totals and printable lines); null when an element is not such a string.
 */
function sumPlain(list: readonly MoneyInput[]): string | null {
  let scale = 0;
  const parts: [neg: boolean, int: string, frac: string][] = [];
  for (const x of list) {
    if (typeof x !== 'string') return null;
    const m = PLAIN.exec(x);
    if (!m) return null;
    const frac = m[3] ?? '';
    if (frac.length > scale) scale = frac.length;
    parts.push([m[1] === '-', m[2], frac]);
  }
  let acc = BigInt(0);
  for (const [neg, int, frac] of parts) {
    const v = BigInt(int + frac.padEnd(scale, '0'));
    acc = neg ? acc - v : acc + v;
  }
  const neg = acc < BigInt(0);
  const digits = (neg ? -acc : acc).toString().padStart(scale + 1, '0');
  const text = scale ? `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}` : digits;
  return neg ? `-${text}` : text;
}

// Exact sum of a list (empty → 0); e.g. sumMoney(['0.1', '0.2']) → 0.3 (not 0.30000000000000004).
export function sumMoney(list: readonly MoneyInput[]): Decimal {
  const plain = sumPlain(list);
  if (plain !== null) return new Decimal(plain);
  return list.reduce<Decimal>((acc, x) => acc.plus(money(x)), new Decimal(0));
}

// toMoneyString(sumMoney(list)) without Decimal objects when the amounts are plain strings with ≤ 2 decimals; e.g. ['0.10', '0.2'] → '0.30'.
export function sumMoneyString(list: readonly MoneyInput[]): string {
  const plain = sumPlain(list);
  if (plain !== null) {
    const dot = plain.indexOf('.');
    const decimals = dot < 0 ? 0 : plain.length - dot - 1;
    if (decimals <= 2) {
      const text = dot < 0 ? `${plain}.00` : plain.padEnd(dot + 3, '0');
      return text === '-0.00' ? '0.00' : text;
    }
    return toMoneyString(plain);
  }
  return toMoneyString(sumMoney(list));
}

// Fixed 2-decimal string for `numeric` columns, rounded half away from zero; e.g. toMoneyString('1234.5') → '1234.50'.
export function toMoneyString(x: MoneyInput): string {
  const s = roundHalfUp(x, 2).toFixed(2);
  return s === '-0.00' ? '0.00' : s;
}

const CENTS = /^(-?)(\d+)\.(\d\d)$/;

// An amount as integer cents (BigInt, exact), rounded half away from zero to 2 decimals first; e.g. toCents('12.345') → 1235n.
export function toCents(x: MoneyInput): bigint {
  const m = typeof x === 'string' ? CENTS.exec(x) : null;
  const [, sign, int, frac] = m ?? CENTS.exec(toMoneyString(x))!;
  const v = BigInt(int + frac);
  return sign ? -v : v;
}

// Whether an amount is above zero once rounded to the cent (exact, no float); e.g. isPositiveAmount('0.004') → false.
export function isPositiveAmount(x: MoneyInput): boolean {
  return toCents(x) > BigInt(0);
}

// Integer cents back to a 2-decimal string; e.g. fromCents(-5n) → '-0.05'.
export function fromCents(c: bigint): string {
  const neg = c < BigInt(0);
  const digits = (neg ? -c : c).toString().padStart(3, '0');
  return `${neg ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
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
