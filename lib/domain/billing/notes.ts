/**
 * Credit and debit notes: what may still be credited on each line of an invoice, how a credited
 * amount splits into net and tax, and the invoice's status and balance after a credit note.
 * Pure functions, decimal strings (lib/domain/money.ts), no I/O.
 *
 * Amounts are stored non-negative (the schema checks 0 ≤ balance ≤ total): a credit note's lines
 * are positive and its doc type says they subtract. Each credit-note line carries the line number
 * of the invoice line it credits (its own line_no), so what a line has already been credited is
 * the sum of the credit-note lines with that number.
 *
 * A credit note never takes more than the invoice's balance (what is still owed), and the credit
 * notes of an invoice never add up to more than its total. A note that credits everything left
 * (the total credited reaches the invoice total) voids the invoice; a note that brings the balance
 * to zero after payments leaves it PAID; otherwise the status stays as it was.
 */
import { Decimal, money, sumMoney, sumMoneyString, toMoneyString, type MoneyInput } from '@/lib/domain/money';

export type NoteInvoiceStatus = 'DRAFT' | 'ISSUED' | 'PARTIALLY_PAID' | 'PAID' | 'VOIDED';

/** A line of the invoice being credited (stored amounts). */
export interface CreditableLine {
  lineNo: number;
  net: MoneyInput;
  tax: MoneyInput;
  total: MoneyInput;
}

/** A line of an earlier credit note of the same invoice: `lineNo` is the invoice line it credited. */
export interface CreditedLine {
  lineNo: number;
  net: MoneyInput;
  tax: MoneyInput;
  total: MoneyInput;
}

export interface LineRemainder {
  lineNo: number;
  net: string;
  tax: string;
  total: string;
}

/** Statuses whose invoice may receive a credit or debit note. */
export const NOTE_TARGET_STATUSES: readonly NoteInvoiceStatus[] = ['ISSUED', 'PARTIALLY_PAID'];

export function acceptsNotes(status: NoteInvoiceStatus): boolean {
  return NOTE_TARGET_STATUSES.includes(status);
}

// What each line can still be credited: its amounts minus what earlier credit notes took (never below 0);
// e.g. line 1 total 118.00 (net 100, tax 18) credited 59.00 (50 + 9) → { net 50.00, tax 9.00, total 59.00 }.
export function creditableByLine(lines: readonly CreditableLine[], credited: readonly CreditedLine[]): LineRemainder[] {
  return lines.map((l) => {
    const mine = credited.filter((c) => c.lineNo === l.lineNo);
    const left = (key: 'net' | 'tax' | 'total') => {
      const d = money(l[key]).minus(sumMoney(mine.map((c) => c[key])));
      return toMoneyString(d.isNeg() ? 0 : d);
    };
    return { lineNo: l.lineNo, net: left('net'), tax: left('tax'), total: left('total') };
  });
}

// The total already credited on an invoice (sum of its credit-note lines); e.g. [59.00, 41.00] → '100.00'.
export function creditedTotal(credited: readonly Pick<CreditedLine, 'total'>[]): string {
  return sumMoneyString(credited.map((c) => c.total));
}

/**
 * Splits a credited amount (tax included) of a line into net and tax. The whole remainder is taken
 * exactly as it is; a part is split by the line's tax proportion (net = amount × net ÷ total,
 * 2 decimals half-up, tax = amount − net), so net + tax = amount to the cent.
 * e.g. remainder { net 100.00, tax 18.00, total 118.00 }, amount 59.00 → { net 50.00, tax 9.00, total 59.00 }.
 */
export function splitCredit(remainder: Pick<LineRemainder, 'net' | 'tax' | 'total'>, amount: MoneyInput): { net: string; tax: string; total: string } {
  const a = money(amount);
  const total = money(remainder.total);
  if (a.isNeg() || a.isZero()) throw new RangeError(`Importe a acreditar no válido: ${a.toString()}`);
  if (a.greaterThan(total)) throw new RangeError(`El importe ${a.toFixed(2)} supera lo acreditable de la línea (${total.toFixed(2)}).`);
  if (a.equals(total)) return { net: toMoneyString(remainder.net), tax: toMoneyString(remainder.tax), total: toMoneyString(total) };
  const net = a.times(money(remainder.net)).dividedBy(total).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return { net: toMoneyString(net), tax: toMoneyString(a.minus(net)), total: toMoneyString(a) };
}

export type CreditCheck = { ok: true } | { ok: false; error: string };

/**
 * Whether a credit note of `amount` fits the invoice: positive, at most the balance (what is
 * still owed) and, with the earlier notes, at most the invoice total.
 */
export function checkCreditAmount(inv: { total: MoneyInput; balance: MoneyInput; credited: MoneyInput }, amount: MoneyInput): CreditCheck {
  const a = money(amount);
  if (a.isNeg() || a.isZero()) return { ok: false, error: 'El importe de la nota de crédito debe ser mayor que cero.' };
  const room = money(inv.total).minus(money(inv.credited));
  if (a.greaterThan(room)) {
    return { ok: false, error: `Las notas de crédito no pueden superar el total de la factura: queda ${toMoneyString(room.isNeg() ? 0 : room)} por acreditar.` };
  }
  if (a.greaterThan(money(inv.balance))) {
    return { ok: false, error: `La nota de crédito no puede superar el saldo pendiente de la factura (${toMoneyString(inv.balance)}).` };
  }
  return { ok: true };
}

/**
 * The invoice after a credit note of `amount` (already checked): balance − amount; VOIDED when the
 * notes now credit its whole total, PAID when the balance reaches zero after payments, otherwise
 * the status it had. e.g. total 100, balance 100, credited 0, amount 100 → VOIDED, balance 0.00.
 */
export function invoiceAfterCredit(
  inv: { status: NoteInvoiceStatus; total: MoneyInput; balance: MoneyInput; credited: MoneyInput },
  amount: MoneyInput,
): { status: NoteInvoiceStatus; balance: string; voided: boolean } {
  const balance = money(inv.balance).minus(money(amount));
  const creditedAfter = money(inv.credited).plus(money(amount));
  if (creditedAfter.greaterThanOrEqualTo(money(inv.total))) return { status: 'VOIDED', balance: '0.00', voided: true };
  if (balance.isZero() || balance.isNeg()) return { status: 'PAID', balance: '0.00', voided: false };
  return { status: inv.status, balance: toMoneyString(balance), voided: false };
}
