/**
 * The late fee of the delinquency engine: a debit note issued by the system (no user) on the
 * agreement's oldest unpaid invoice, with one line of the level's LATE_FEE concept. The same path
 * as a staff debit note (lib/dal/invoice-documents.ts createDebitNote): draft row copying the
 * invoice's class, point of sale, parties, currency and rate; numbered from the DEBIT_NOTE
 * sequence in the caller's transaction; printable items by the agreement's grouping; balance =
 * total; due = issue + the agreement's due days. Audited 'invoice' CREATE without a user.
 * Plain server code (no 'server-only'): the CLI runs it.
 */
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { recordAudit } from '@/db/queries/audit';
import { issueAndPrint, noteRow } from '@/lib/billing/documents';
import * as q from '@/db/queries/invoice-documents';
import { conceptGroups, concepts, invoices } from '@/db/schema';
import { lateFeeAmount } from '@/lib/domain/collections/delinquency-actions';
import { dueDate, LOCAL_CURRENCY } from '@/lib/domain/billing/invoice-class';
import { formatQuantity, formatRate, formatUnitPrice, lineAmounts } from '@/lib/domain/billing/lines';

export type LateFeeResult =
  | { ok: true; noteId: string; fiscalNumber: string | null; total: string; invoiceId: string }
  | { ok: false; reason: 'no_invoice' | 'no_concept' | 'zero_amount' | 'not_issued'; message: string };

/**
 * Issues the late-fee debit note for an agreement in the caller's transaction.
 * `overdueDebt` is what the run found overdue (a percentage concept charges on it).
 */
export async function issueLateFeeNote(
  tx: Tx,
  input: { agreementId: string; conceptId: string | null; overdueDebt: string; issueDate: string; levelName: string },
): Promise<LateFeeResult> {
  const [inv] = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.agreementId, input.agreementId), eq(invoices.docType, 'INVOICE'), inArray(invoices.status, ['ISSUED', 'PARTIALLY_PAID']), gt(invoices.balance, '0')))
    .orderBy(asc(invoices.dueDate), asc(invoices.issueDate), asc(invoices.id))
    .limit(1)
    .for('update');
  if (!inv) return { ok: false, reason: 'no_invoice', message: 'El acuerdo no tiene una factura pendiente sobre la que emitir la nota de débito.' };
  const [concept] = input.conceptId
    ? await tx
        .select({ id: concepts.id, code: concepts.code, name: concepts.name, kind: concepts.kind, amount: concepts.amount, percentage: concepts.percentage, taxRate: concepts.taxRate, active: concepts.active, groupName: conceptGroups.name })
        .from(concepts)
        .innerJoin(conceptGroups, eq(conceptGroups.id, concepts.groupId))
        .where(eq(concepts.id, input.conceptId))
        .limit(1)
    : [];
  if (!concept || !concept.active || concept.kind !== 'LATE_FEE') return { ok: false, reason: 'no_concept', message: 'El nivel no tiene un concepto de recargo por mora activo.' };
  const agreement = await q.agreementForInvoice(tx, { all: true }, inv.agreementId);
  if (!agreement) return { ok: false, reason: 'no_invoice', message: 'No se encontró el acuerdo.' };

  const unit = lateFeeAmount({ amount: concept.amount, percentage: concept.percentage }, input.overdueDebt, inv.currency === LOCAL_CURRENCY ? 1 : inv.exchangeRate);
  if (!unit) return { ok: false, reason: 'zero_amount', message: 'El recargo resultante es cero.' };
  const amounts = lineAmounts({ quantity: 1, unitPrice: unit, taxRate: concept.taxRate });
  const reason = `Recargo por mora (${input.levelName}) sobre la factura ${inv.fiscalNumber ?? ''}`.trim();
  const note = await q.insertInvoice(tx, noteRow(inv, 'DEBIT_NOTE', null, reason, amounts, amounts.total));
  const noteId = note.id;
  const line = {
    invoiceId: noteId,
    lineNo: 1,
    accountId: null,
    conceptId: concept.id,
    conceptCode: concept.code,
    conceptGroupName: concept.groupName,
    description: concept.name.slice(0, 300),
    quantity: formatQuantity(1),
    unitPrice: formatUnitPrice(unit),
    ...amounts,
    taxRate: formatRate(concept.taxRate),
  };
  await q.insertItems(tx, [line]);
  const issued = await issueAndPrint(tx, null, noteId, agreement.itemGrouping, input.issueDate, dueDate(input.issueDate, agreement.dueDays));
  await recordAudit(tx, null, {
    entity: 'invoice',
    entityId: noteId,
    action: 'CREATE',
    after: { docType: 'DEBIT_NOTE', origin: 'delinquency', fiscalNumber: issued.fiscalNumber, relatedInvoice: inv.fiscalNumber, total: issued.total, reason, lines: [{ lineNo: 1, conceptCode: concept.code, total: amounts.total }] },
  });
  return { ok: true, noteId, fiscalNumber: issued.fiscalNumber, total: issued.total, invoiceId: inv.id };
}

