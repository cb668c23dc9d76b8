/**
 * Allocating a payment to invoices (domain.md, "Collections"). Pure, no I/O; amounts are decimal
 * strings computed in integer cents (BigInt), never floats.
 *
 * - By default a payment pays the agreement's open invoices oldest due first (due date, then issue
 *   date, then fiscal number); the payer may instead choose invoices, paid in the order chosen.
 * - Each invoice takes at most its balance; what is left is unapplied: a credit balance of the
 *   agreement, applied to its next invoices (`applyCredit`).
 * - Invoices and payment share one currency (the agreement's).
 * - A reversal gives every allocation back to its invoice (never more than the invoice's total).
 * - Status follows the balance: = total → ISSUED, 0 < balance < total → PARTIALLY_PAID, 0 → PAID.
 */
import { fromCents, toCents, type MoneyInput } from '@/lib/domain/money';

export type OpenInvoice = {
  id: string;
  fiscalNumber: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  total: string;
  balance: string;
};

export type Allocation = { invoiceId: string; amount: string };
export type AllocationResult = { allocations: Allocation[]; applied: string; unapplied: string };
export type PaidStatus = 'ISSUED' | 'PARTIALLY_PAID' | 'PAID';

export class AllocationError extends Error {}

const ZERO = BigInt(0);

/**
 * Whether a document can still be paid: an issued or partly paid invoice or debit note with a
 * balance (credit notes are not receivables; drafts, paid and voided documents are closed).
 */
export function acceptsPayment(doc: { status: string; docType: string; balance: MoneyInput }): boolean {
  return (doc.status === 'ISSUED' || doc.status === 'PARTIALLY_PAID') && (doc.docType === 'INVOICE' || doc.docType === 'DEBIT_NOTE') && toCents(doc.balance) > ZERO;
}

/** Oldest due first: due date, then issue date, then fiscal number. */
export function oldestDueFirst<T extends Pick<OpenInvoice, 'dueDate' | 'issueDate' | 'fiscalNumber'>>(invoices: readonly T[]): T[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...invoices].sort((a, b) => cmp(a.dueDate, b.dueDate) || cmp(a.issueDate, b.issueDate) || cmp(a.fiscalNumber, b.fiscalNumber));
}

function positiveCents(x: MoneyInput, what: string): bigint {
  const c = toCents(x);
  if (c <= ZERO) throw new AllocationError(`${what} debe ser mayor que cero.`);
  return c;
}

/**
 * Splits `amount` over the invoices: the chosen ones in the order given (each must be open), or
 * every open one oldest due first. Returns the allocations (only non-zero), what they add up to and
 * what is left unapplied.
 */
export function allocatePayment(amount: MoneyInput, currency: string, invoices: readonly OpenInvoice[], chosen?: readonly string[]): AllocationResult {
  let left = positiveCents(amount, 'El importe del pago');
  const byId = new Map(invoices.map((i) => [i.id, i]));
  let order: OpenInvoice[];
  if (chosen && chosen.length) {
    if (new Set(chosen).size !== chosen.length) throw new AllocationError('Una factura está elegida dos veces.');
    order = chosen.map((id) => {
      const inv = byId.get(id);
      if (!inv || toCents(inv.balance) <= ZERO) throw new AllocationError('Una de las facturas elegidas no está pendiente de pago.');
      return inv;
    });
  } else {
    order = oldestDueFirst(invoices.filter((i) => toCents(i.balance) > ZERO));
  }
  const allocations: Allocation[] = [];
  let applied = ZERO;
  for (const inv of order) {
    if (left === ZERO) break;
    if (inv.currency !== currency) throw new AllocationError(`La factura ${inv.fiscalNumber} está en ${inv.currency} y el pago en ${currency}.`);
    const balance = toCents(inv.balance);
    const take = balance < left ? balance : left;
    if (take <= ZERO) continue;
    allocations.push({ invoiceId: inv.id, amount: fromCents(take) });
    applied += take;
    left -= take;
  }
  return { allocations, applied: fromCents(applied), unapplied: fromCents(left) };
}

/** The status an issued invoice takes for a balance; e.g. (100.00, 40.00) → PARTIALLY_PAID. */
export function statusForBalance(total: MoneyInput, balance: MoneyInput): PaidStatus {
  const t = toCents(total);
  const b = toCents(balance);
  if (b < ZERO || b > t) throw new AllocationError('El saldo de la factura queda fuera de 0 y su total.');
  if (b === ZERO) return 'PAID';
  return b === t ? 'ISSUED' : 'PARTIALLY_PAID';
}

export type BalanceChange = { invoiceId: string; balance: string; status: PaidStatus };

/**
 * New balances and statuses of invoices after allocations are applied (`direction` 'pay') or
 * given back by a reversal ('reverse'). Refuses to take an invoice below zero or above its total.
 */
export function applyAllocations(invoices: readonly Pick<OpenInvoice, 'id' | 'total' | 'balance'>[], allocations: readonly Allocation[], direction: 'pay' | 'reverse'): BalanceChange[] {
  const byId = new Map(invoices.map((i) => [i.id, { total: toCents(i.total), balance: toCents(i.balance) }]));
  for (const a of allocations) {
    const inv = byId.get(a.invoiceId);
    if (!inv) throw new AllocationError('Falta una factura de la imputación.');
    const amount = positiveCents(a.amount, 'Lo imputado a una factura');
    inv.balance = direction === 'pay' ? inv.balance - amount : inv.balance + amount;
    if (inv.balance < ZERO) throw new AllocationError('El pago imputaría más que el saldo de una factura.');
    if (inv.balance > inv.total) throw new AllocationError('La reversión devolvería a una factura más que su total.');
  }
  const touched = new Set(allocations.map((a) => a.invoiceId));
  return [...touched].map((id) => {
    const inv = byId.get(id)!;
    return { invoiceId: id, balance: fromCents(inv.balance), status: statusForBalance(fromCents(inv.total), fromCents(inv.balance)) };
  });
}

/**
 * Applies an agreement's credit balances (unapplied amounts of earlier payments, oldest first) to
 * its open invoices oldest due first. Returns, per credit, what it pays.
 */
export function applyCredit(credits: readonly { paymentId: string; unapplied: string }[], currency: string, invoices: readonly OpenInvoice[]): { paymentId: string; allocations: Allocation[]; unapplied: string }[] {
  const remaining = new Map(invoices.map((i) => [i.id, i.balance]));
  const out: { paymentId: string; allocations: Allocation[]; unapplied: string }[] = [];
  for (const credit of credits) {
    if (toCents(credit.unapplied) <= ZERO) continue;
    const open = invoices.map((i) => ({ ...i, balance: remaining.get(i.id)! }));
    if (!open.some((i) => toCents(i.balance) > ZERO)) break;
    const r = allocatePayment(credit.unapplied, currency, open);
    for (const a of r.allocations) remaining.set(a.invoiceId, fromCents(toCents(remaining.get(a.invoiceId)!) - toCents(a.amount)));
    out.push({ paymentId: credit.paymentId, allocations: r.allocations, unapplied: r.unapplied });
  }
  return out;
}
