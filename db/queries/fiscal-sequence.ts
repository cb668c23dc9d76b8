import { and, asc, eq, sql } from 'drizzle-orm';
import { FiscalNumberingError, letterRegime, MAX_LETTER_NUMBER, type FiscalDocType, type InvoiceClass } from '@/lib/domain/billing/fiscal-number';
import type { DbOrTx, Tx } from '../client';
import { branches, fiscalSequences, invoices, pointsOfSale } from '../schema';

/** The counter a document's number comes from: one per point of sale, class and document type. */
export type SequenceKey = { pointOfSaleId: string; invoiceClass: InvoiceClass; docType: FiscalDocType };
export type ReservedNumbers = { first: number; last: number };

const CHECK_VIOLATION = '23514';

function isSequenceRangeViolation(err: unknown): boolean {
  for (let e = err as { code?: string; constraint?: string; constraint_name?: string; cause?: unknown } | undefined, depth = 0; e && depth < 3; e = e.cause as typeof e, depth++) {
    if (e.code === CHECK_VIOLATION && (e.constraint ?? e.constraint_name) === 'fiscal_sequences_range') return true;
  }
  return false;
}

/**
 * Takes the next `count` numbers of a sequence in one statement and returns the block
 * { first, last } (first = last − count + 1); e.g. counter at 41, count 10 → { first: 42, last: 51 }.
 *
 * Call it inside the transaction that writes the documents: the upsert locks the counter row until
 * that transaction ends, so concurrent issuers queue on it, and a rollback gives the numbers back.
 * The sequence stays gapless and strictly increasing. Never call it on a bare `db` (autocommit
 * would consume numbers no document carries). A missing counter row starts at 0.
 */
export async function reserveNumbers(tx: Tx, key: SequenceKey, count = 1): Promise<ReservedNumbers> {
  if (!Number.isSafeInteger(count) || count < 1) throw new RangeError(`reserveNumbers: count must be a positive integer, got ${count}`);
  if (count > MAX_LETTER_NUMBER) throw new FiscalNumberingError(sequenceFull(count));
  try {
    const [row] = await tx
      .insert(fiscalSequences)
      .values({ ...pick(key), lastNumber: count })
      .onConflictDoUpdate({
        target: [fiscalSequences.pointOfSaleId, fiscalSequences.invoiceClass, fiscalSequences.docType],
        set: { lastNumber: sql`${fiscalSequences.lastNumber} + excluded.last_number`, updatedAt: sql`now()` },
      })
      .returning({ last: fiscalSequences.lastNumber });
    const last = Number(row.last);
    return { first: last - count + 1, last };
  } catch (err) {
    // The table's check (last_number ≤ 99999999) refused the increment: the sequence is spent.
    if (isSequenceRangeViolation(err)) throw new FiscalNumberingError(sequenceFull(count));
    throw err;
  }
}

const pick = ({ pointOfSaleId, invoiceClass, docType }: SequenceKey): SequenceKey => ({ pointOfSaleId, invoiceClass, docType });
const sequenceFull = (count: number) =>
  count === 1
    ? `La numeración de este punto de venta, clase y tipo de documento llegó a ${MAX_LETTER_NUMBER}; habilite otro punto de venta.`
    : `No quedan ${count} números en la numeración de este punto de venta, clase y tipo de documento (máximo ${MAX_LETTER_NUMBER}).`;

export type InvoiceRow = typeof invoices.$inferSelect;
export type IssueDraftResult =
  | { ok: true; invoice: InvoiceRow }
  | { ok: false; reason: 'NOT_FOUND' | 'NOT_DRAFT'; error: string };

/**
 * Issues a DRAFT invoice (or note): locks its row, takes the next number of its point of sale, class
 * and document type, and writes number, fiscal number (PPPPP-NNNNNNNN with the invoice's stored
 * point-of-sale number), status ISSUED, issue date and who/when. From then on the database trigger
 * keeps it immutable. Run it inside the transaction that audits the issue; the caller has already
 * checked permission and branch scope. `dueDate` (issue + due days) is set when given.
 */
export async function issueDraftInvoice(
  tx: Tx,
  invoiceId: string,
  opts: { issueDate: string; issuedBy: string | null; dueDate?: string | null },
): Promise<IssueDraftResult> {
  const [draft] = await tx
    .select({ id: invoices.id, status: invoices.status, fiscalNumber: invoices.fiscalNumber, pointOfSaleId: invoices.pointOfSaleId, invoiceClass: invoices.invoiceClass, docType: invoices.docType, posNumber: invoices.posNumber })
    .from(invoices)
    .where(eq(invoices.id, invoiceId))
    .for('update');
  if (!draft) return { ok: false, reason: 'NOT_FOUND', error: 'No se encontró la factura.' };
  if (draft.status !== 'DRAFT') return { ok: false, reason: 'NOT_DRAFT', error: `El documento ya fue emitido (${draft.fiscalNumber ?? 'sin número'}).` };

  const { last: number } = await reserveNumbers(tx, draft);
  const fiscalNumber = letterRegime.format({ posNumber: draft.posNumber, docType: draft.docType, invoiceClass: draft.invoiceClass }, number);
  const now = new Date();
  const [invoice] = await tx
    .update(invoices)
    .set({
      number,
      fiscalNumber,
      status: 'ISSUED',
      issueDate: opts.issueDate,
      ...(opts.dueDate !== undefined ? { dueDate: opts.dueDate } : {}),
      issuedAt: now,
      issuedBy: opts.issuedBy,
      updatedAt: now,
    })
    .where(and(eq(invoices.id, invoiceId), eq(invoices.status, 'DRAFT')))
    .returning();
  return { ok: true, invoice };
}

export type SequenceView = {
  pointOfSaleId: string;
  posNumber: number;
  posDescription: string;
  posActive: boolean;
  branchId: string;
  branchName: string;
  invoiceClass: InvoiceClass;
  docType: FiscalDocType;
  lastNumber: number;
  /** The printed number of the last document issued, e.g. '00001-00000042'; null while none. */
  lastFiscalNumber: string | null;
  updatedAt: Date;
};

/** Every counter with its point of sale and branch, ordered by point of sale, class and document type. */
export async function currentSequences(db: DbOrTx, filter: { branchId?: string } = {}): Promise<SequenceView[]> {
  const rows = await db
    .select({
      pointOfSaleId: fiscalSequences.pointOfSaleId,
      posNumber: pointsOfSale.number,
      posDescription: pointsOfSale.description,
      posActive: pointsOfSale.active,
      branchId: branches.id,
      branchName: branches.name,
      invoiceClass: fiscalSequences.invoiceClass,
      docType: fiscalSequences.docType,
      lastNumber: fiscalSequences.lastNumber,
      updatedAt: fiscalSequences.updatedAt,
    })
    .from(fiscalSequences)
    .innerJoin(pointsOfSale, eq(pointsOfSale.id, fiscalSequences.pointOfSaleId))
    .innerJoin(branches, eq(branches.id, pointsOfSale.branchId))
    .where(filter.branchId ? eq(branches.id, filter.branchId) : undefined)
    .orderBy(asc(pointsOfSale.number), asc(fiscalSequences.invoiceClass), asc(fiscalSequences.docType));
  return rows.map((r) => ({
    ...r,
    lastNumber: Number(r.lastNumber),
    lastFiscalNumber: r.lastNumber > 0 ? letterRegime.format({ posNumber: r.posNumber, docType: r.docType, invoiceClass: r.invoiceClass }, Number(r.lastNumber)) : null,
  }));
}
