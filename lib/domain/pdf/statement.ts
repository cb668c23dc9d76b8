/**
 * Statement of account (estado de cuenta) arithmetic for one agreement and a date range. Pure.
 * An entry's effect on what the customer owes: an invoice and a debit note add their total; a
 * credit note and a payment (its receipt) subtract theirs. The caller leaves out drafts, voided
 * documents and payments that are not confirmed (a reversed payment never counted).
 */
import type { FiscalDocType } from '@/lib/domain/billing/fiscal-number';
import { fromCents, toCents } from '@/lib/domain/money';

export type StatementEntryType = FiscalDocType | 'PAYMENT';

export const STATEMENT_ENTRY_LABELS: Record<StatementEntryType, string> = {
  INVOICE: 'Factura',
  CREDIT_NOTE: 'Nota de crédito',
  DEBIT_NOTE: 'Nota de débito',
  PAYMENT: 'Pago',
};

/** A document or payment: its date, type, printed number (fiscal or receipt) and total. */
export type StatementDocument = { date: string; docType: StatementEntryType; fiscalNumber: string; total: string };

export type StatementRow = StatementDocument & { charge: string | null; credit: string | null; balance: string };

export type Statement = { opening: string; rows: StatementRow[]; charges: string; credits: string; closing: string };

// e.g. signedCents({ docType: 'CREDIT_NOTE', total: '100.50' }) → -10050n; a PAYMENT too.
export function signedCents(d: Pick<StatementDocument, 'docType' | 'total'>): bigint {
  const c = toCents(d.total);
  return d.docType === 'CREDIT_NOTE' || d.docType === 'PAYMENT' ? -c : c;
}

/**
 * Opening balance = the signed sum of `before` (documents dated before the range); each row of
 * `inRange` (sorted here by date, then number) carries the running balance; closing = opening +
 * charges − credits. E.g. before [invoice 1000, credit note 200] → opening 800; in range
 * [invoice 500, debit note 50, credit note 100] → charges 550, credits 100, closing 1250.
 */
export function buildStatement(before: readonly Pick<StatementDocument, 'docType' | 'total'>[], inRange: readonly StatementDocument[]): Statement {
  let balance = before.reduce((sum, d) => sum + signedCents(d), 0n);
  const opening = balance;
  let charges = 0n;
  let credits = 0n;
  const sorted = [...inRange].sort((a, b) => (a.date === b.date ? a.fiscalNumber.localeCompare(b.fiscalNumber) : a.date < b.date ? -1 : 1));
  const rows = sorted.map((d) => {
    const signed = signedCents(d);
    balance += signed;
    if (signed < 0n) credits -= signed;
    else charges += signed;
    return { ...d, charge: signed < 0n ? null : fromCents(signed), credit: signed < 0n ? fromCents(-signed) : null, balance: fromCents(balance) };
  });
  return { opening: fromCents(opening), rows, charges: fromCents(charges), credits: fromCents(credits), closing: fromCents(balance) };
}

/** The longest range a statement covers (a few years of monthly invoices fit in a few pages). */
export const MAX_STATEMENT_DAYS = 3 * 366;

// Whole days from `from` to `to` ('YYYY-MM-DD'); e.g. daysBetween('2026-01-01', '2026-12-31') → 364.
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
