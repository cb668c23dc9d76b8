/**
 * Writing manual documents (manual invoices, credit and debit notes), shared by the staff data
 * layer (lib/dal/invoice-documents.ts) and the system's delinquency late fees
 * (lib/collections/late-fee.ts). Plain server code: no 'server-only', the CLI uses it too.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Tx } from '@/db/client';
import { issueDraftInvoice } from '@/db/queries/fiscal-sequence';
import * as q from '@/db/queries/invoice-documents';
import { UserError } from '@/lib/auth/errors';
import type { ItemGrouping } from '@/lib/domain/billing-frequency';
import type { LineAmounts } from '@/lib/domain/billing/lines';
import { printableItems } from '@/lib/domain/billing/printable';

/**
 * A note's row before numbering: the related invoice's class, point of sale, parties, currency and
 * rate; MANUAL origin (notes print with the MANUAL format; AUTOMATIC is what billing runs issue).
 * `createdBy` null = the system.
 */
export function noteRow(inv: q.InvoiceRow, kind: 'CREDIT_NOTE' | 'DEBIT_NOTE', createdBy: string | null, reason: string, totals: LineAmounts, balance: string) {
  return {
    id: uuidv7(),
    docType: kind,
    invoiceClass: inv.invoiceClass,
    pointOfSaleId: inv.pointOfSaleId,
    posNumber: inv.posNumber,
    origin: 'MANUAL' as const,
    status: 'DRAFT' as const,
    agreementId: inv.agreementId,
    customerId: inv.customerId,
    branchId: inv.branchId,
    accountGroupId: inv.accountGroupId,
    accountId: inv.accountId,
    period: inv.period,
    relatedInvoiceId: inv.id,
    currency: inv.currency,
    exchangeRate: inv.exchangeRate,
    customerSnapshot: inv.customerSnapshot,
    billingAddress: inv.billingAddress,
    deliveryAddress: inv.deliveryAddress,
    grossTotal: totals.gross,
    discountTotal: totals.discount,
    netTotal: totals.net,
    taxTotal: totals.tax,
    total: totals.total,
    balance,
    notes: reason,
    createdBy,
  };
}

/**
 * Issues a draft inside `tx` (the next gapless number of its point of sale, class and type) and
 * stores its printable items by the agreement's grouping. `issuedBy` null = the system. A refused
 * number (e.g. an exhausted range) is a UserError with the reason.
 */
export async function issueAndPrint(tx: Tx, issuedBy: string | null, invoiceId: string, grouping: ItemGrouping, issueDate: string, due: string | null) {
  const issued = await issueDraftInvoice(tx, invoiceId, { issueDate, issuedBy, dueDate: due });
  if (!issued.ok) throw new UserError(issued.error);
  const items = await q.itemsOf(tx, invoiceId);
  const labels = await q.accountLabels(tx, [...new Set(items.map((i) => i.accountId).filter((x): x is string => x !== null))]);
  const printable = printableItems(items, grouping, labels);
  await q.insertPrintable(tx, printable.map((p, k) => ({ invoiceId, lineNo: k + 1, ...p })));
  return issued.invoice;
}
