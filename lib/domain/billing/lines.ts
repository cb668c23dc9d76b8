/**
 * Invoice line arithmetic. Every amount is a decimal string with 2 decimals, rounded half away
 * from zero (lib/domain/money.ts), never a float.
 *
 *   gross    = round2(quantity × unitPrice)
 *   discount = round2(gross × discountPct / 100)   the agreement's discount: on charges, never on tax
 *   net      = gross − discount
 *   tax      = round2(net × taxRate / 100)         tax per line
 *   total    = net + tax
 *
 * Invoice totals are the exact sums of the lines (sumLines), so every printed total reconciles
 * to the cent. Foreign currency: tariffs and concept amounts are in DOP; for an invoice in USD/EUR
 * each DOP *unit price* is converted first (convert: ÷ exchange rate, 4 decimals, half-up), and the
 * line is then computed from the converted unit price exactly as above. Converting the unit price
 * (not the DOP line amounts) keeps quantity × unitPrice = gross on every stored line, so lines
 * and totals reconcile in the invoice's own currency.
 */
import { Decimal, money, roundHalfUp, sumMoneyString, type MoneyInput } from '@/lib/domain/money';

export interface LineInput {
  quantity: MoneyInput;
  /** Price per unit in the invoice's currency (≤ 4 decimals, as stored). */
  unitPrice: MoneyInput;
  /** Agreement discount in percent, 0–100 (default 0). */
  discountPct?: MoneyInput;
  /** Tax rate in percent, 0–100, from the concept (default 0). */
  taxRate?: MoneyInput;
}

/** Amounts of one line or of a whole invoice: decimal strings with 2 decimals. */
export interface LineAmounts {
  gross: string;
  discount: string;
  net: string;
  tax: string;
  total: string;
}

const ZERO_AMOUNTS: LineAmounts = { gross: '0.00', discount: '0.00', net: '0.00', tax: '0.00', total: '0.00' };

function percent(x: MoneyInput | undefined, what: string): Decimal {
  const p = money(x ?? 0);
  if (p.isNeg() || p.greaterThan(100)) throw new RangeError(`${what} fuera de 0–100: ${p.toString()}`);
  return p;
}

// Fixed 2-decimal string of an already rounded amount, without re-parsing; e.g. fix2(Decimal(-0)) → '0.00'.
function fix2(d: Decimal): string {
  const s = d.toFixed(2);
  return s === '-0.00' ? '0.00' : s;
}

/** A line's amounts as Decimals (for callers that keep summing) plus the stored strings. */
export interface ExactLine {
  amounts: LineAmounts;
  gross: Decimal;
  discount: Decimal;
  net: Decimal;
  tax: Decimal;
  total: Decimal;
}

// The fast path of lineAmounts for already-parsed, already-checked Decimals (percentages 0–100); same rules and results.
export function exactLine(quantity: Decimal, unitPrice: Decimal, discountPct: Decimal, taxRate: Decimal): ExactLine {
  const gross = quantity.times(unitPrice).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const discount = discountPct.isZero() ? new Decimal(0) : gross.times(discountPct).dividedBy(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const net = gross.minus(discount);
  const tax = taxRate.isZero() ? new Decimal(0) : net.times(taxRate).dividedBy(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const total = net.plus(tax);
  return {
    amounts: { gross: fix2(gross), discount: fix2(discount), net: fix2(net), tax: fix2(tax), total: fix2(total) },
    gross, discount, net, tax, total,
  };
}

// The five amounts of a line; e.g. 3 × 33.335 with 10 % discount and 18 % tax → gross 100.01, discount 10.00, net 90.01, tax 16.20, total 106.21.
export function lineAmounts(input: LineInput): LineAmounts {
  const discountPct = percent(input.discountPct, 'Descuento');
  const taxRate = percent(input.taxRate, 'Tasa de impuesto');
  return exactLine(money(input.quantity), money(input.unitPrice), discountPct, taxRate).amounts;
}

// Invoice totals as exact sums of the lines (no re-rounding; empty → zeros); e.g. nets 0.10 + 0.20 → 0.30.
export function sumLines(lines: readonly LineAmounts[]): LineAmounts {
  if (lines.length === 0) return { ...ZERO_AMOUNTS };
  const sum = (key: keyof LineAmounts) => sumMoneyString(lines.map((l) => l[key]));
  return { gross: sum('gross'), discount: sum('discount'), net: sum('net'), tax: sum('tax'), total: sum('total') };
}

// A DOP unit price in a foreign currency: ÷ rate (DOP per unit of currency), 4 decimals half-up; e.g. convert('100', '58.75') → '1.7021'.
export function convert(amountInDop: MoneyInput, rate: MoneyInput): string {
  const r = money(rate);
  if (!r.isPositive() || r.isZero()) throw new RangeError(`Tasa de cambio no válida: ${r.toString()}`);
  const s = roundHalfUp(money(amountInDop).dividedBy(r), 4).toFixed(4);
  return s === '-0.0000' ? '0.0000' : s;
}

// Unit price as stored (numeric 16,4); e.g. formatUnitPrice('12.5') → '12.5000'.
export function formatUnitPrice(x: MoneyInput): string {
  const s = roundHalfUp(x, 4).toFixed(4);
  return s === '-0.0000' ? '0.0000' : s;
}

// Quantity as stored (numeric 14,3); e.g. formatQuantity(5) → '5.000'.
export function formatQuantity(x: MoneyInput): string {
  const s = roundHalfUp(x, 3).toFixed(3);
  return s === '-0.000' ? '0.000' : s;
}

// Percent as stored on concepts and items (numeric 5,2); e.g. formatRate('18') → '18.00'.
export function formatRate(x: MoneyInput): string {
  return roundHalfUp(x, 2).toFixed(2);
}
