import 'server-only';
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { getDb, type Db, type DbOrTx } from '@/db/client';
import { recordAudit } from '@/db/queries/audit';
import { agreementPaymentMethods, agreements, customers, debitBatches, debitItems, invoices, paymentEntities, payments, users } from '@/db/schema';
import { DEBIT_BATCH_STATUSES, DEBIT_ITEM_STATUSES } from '@/db/schema/collections';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import { can, type Permission } from '@/lib/auth/roles';
import { branchScope, inBranchScope, type Actor } from '@/lib/auth/scope';
import { runDelinquency } from '@/lib/collections/delinquency-run';
import { CURRENCIES } from '@/lib/domain/billing-frequency';
import { periodBounds, validPeriod } from '@/lib/domain/billing/period';
import { acceptsPayment } from '@/lib/domain/collections/allocation';
import {
  controlTotals,
  debitBatchCode,
  debitBatchCsv,
  parseDebitResponse,
  selectDebitItems,
  type DebitCandidate,
  type DebitResponseError,
} from '@/lib/domain/collections/direct-debit';
import { toLocalDateString } from '@/lib/domain/format';
import { isUuid } from './customers';
import { registerPaymentAsSystem } from './payments';

/**
 * Direct-debit batches (issue 6, "Direct debit").
 *
 * Who: a batch is one bank's file for a period and currency and spans every branch, so it is a
 * head-office task. Reading (list, detail, file) needs 'payments.read' and writing (generate,
 * import) 'payments.write', both with an unrestricted branch scope: today ADMIN reads and writes,
 * AUDITOR reads. Branch staff and cashiers get ForbiddenError (a batch would show them other
 * branches' customers); they see a rejected debit on their own invoices (invoiceDebitFlag, scoped
 * by the invoice's branch).
 *
 * Generating (generateBatch) is idempotent: one batch per bank, period and currency (unique index);
 * asking again returns the existing one. Generations run one at a time (a transaction advisory
 * lock), so a document is never put in two batches at once; with nothing to debit nothing is created.
 *
 * Importing the bank's response (importResponse): the whole file is checked first, with the batch
 * row locked (lib/domain/collections/direct-debit.ts), and any error refuses it; then, a chunk of
 * lines per transaction (a big file must not hold the branches' receipt counters for minutes),
 * every confirmed item becomes a payment through the payments' own path
 * (registerPaymentAsSystem: channel and method DIRECT_DEBIT, the bank as entity, allocated to the
 * item's document, idempotency key `debit:<batch>:<line>`), every rejected item keeps its document
 * open with the bank's code and reason (the flag). The file's SHA-256 is stored when it is claimed:
 * the same file again answers "ya importado" and changes nothing once the batch is closed, and
 * finishes an import that was cut short before; another file is refused. The payments are audited by the payments' path as system writes
 * (no user: the bank collected them) and the import itself under the user, with every line's outcome.
 */

/** The largest response file accepted (a server action's body is limited to 1 MB). */
export const MAX_RESPONSE_BYTES = 1_000_000;
export const DEBIT_BATCHES_PAGE_SIZE = 25;
export const DEBIT_ITEMS_PAGE_SIZE = 50;
const INSERT_CHUNK = 1000;
// Serialises batch generation (pg_advisory_xact_lock key; any constant unique to this use).
const GENERATION_LOCK = 6_000_601;

const batchNotFound = () => new NotFoundError('No se encontró el lote de débito.');

/** Whether the actor may read or write batches: the permission, and every branch in scope (for pages and links). */
export function canUseDebitBatches(actor: Pick<Actor, 'role' | 'branchIds'>, permission: 'payments.read' | 'payments.write'): boolean {
  return can(actor.role, permission) && branchScope(actor).all;
}

function assertHeadOffice(actor: Actor, permission: Permission) {
  if (!can(actor.role, permission)) throw new ForbiddenError();
  if (!branchScope(actor).all) throw new ForbiddenError('Los lotes de débito automático abarcan todas las sucursales: los gestiona la oficina central.');
}

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
    throw new UserError(Object.values(fieldErrors).flat()[0] ?? 'Datos no válidos.', fieldErrors);
  }
  return parsed.data;
}

export const generateBatchSchema = z.object({
  entityId: z.uuid({ error: 'Seleccione el banco.' }),
  period: z.string({ error: 'Indique el período.' }).trim().refine(validPeriod, { error: 'Período no válido: use AAAA-MM.' }),
  currency: z.enum(CURRENCIES, { error: 'Seleccione la moneda.' }),
});
export type GenerateBatchInput = z.input<typeof generateBatchSchema>;

const optionalParam = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

/** The list's search params; a bad value is dropped, never an error. */
export const batchListSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  estado: optionalParam.pipe(z.enum(DEBIT_BATCH_STATUSES).optional()).catch(undefined),
  banco: optionalParam.pipe(z.uuid().optional()).catch(undefined),
  periodo: optionalParam.pipe(z.string().refine(validPeriod).optional()).catch(undefined),
});
export type BatchListParams = z.output<typeof batchListSchema>;

/** The detail's search params (items page and status). */
export const batchItemsSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  estado: optionalParam.pipe(z.enum(DEBIT_ITEM_STATUSES).optional()).catch(undefined),
});
export type BatchItemsParams = z.output<typeof batchItemsSchema>;

// ─── Reading ─────────────────────────────────────────────────────────────────────────────────

/** Batches newest period first, filtered by status, bank and period. */
export async function listBatches(actor: Actor, params: Partial<BatchListParams> = {}, db: Db = getDb()) {
  assertHeadOffice(actor, 'payments.read');
  const page = Math.max(1, params.page ?? 1);
  const conds: SQL[] = [];
  if (params.estado) conds.push(eq(debitBatches.status, params.estado));
  if (params.banco && isUuid(params.banco)) conds.push(eq(debitBatches.paymentEntityId, params.banco));
  if (params.periodo) conds.push(eq(debitBatches.period, params.periodo));
  const where = conds.length ? and(...conds) : undefined;
  const [rows, [{ n }]] = await Promise.all([
    db
      .select({
        id: debitBatches.id,
        code: debitBatches.code,
        period: debitBatches.period,
        currency: debitBatches.currency,
        status: debitBatches.status,
        itemCount: debitBatches.itemCount,
        total: debitBatches.total,
        confirmedCount: debitBatches.confirmedCount,
        rejectedCount: debitBatches.rejectedCount,
        createdAt: debitBatches.createdAt,
        bankCode: paymentEntities.code,
        bankName: paymentEntities.name,
      })
      .from(debitBatches)
      .innerJoin(paymentEntities, eq(paymentEntities.id, debitBatches.paymentEntityId))
      .where(where)
      .orderBy(desc(debitBatches.period), asc(paymentEntities.name), asc(debitBatches.currency))
      .limit(DEBIT_BATCHES_PAGE_SIZE)
      .offset((page - 1) * DEBIT_BATCHES_PAGE_SIZE),
    db.select({ n: sql<number>`count(*)::int` }).from(debitBatches).where(where),
  ]);
  return { rows, total: n, page, pageSize: DEBIT_BATCHES_PAGE_SIZE, pageCount: Math.max(1, Math.ceil(n / DEBIT_BATCHES_PAGE_SIZE)) };
}

/** The banks that collect by direct debit (active entities of method DIRECT_DEBIT), for the form and the filter. */
export async function directDebitBanks(actor: Actor, db: Db = getDb()) {
  assertHeadOffice(actor, 'payments.read');
  return db
    .select({ id: paymentEntities.id, code: paymentEntities.code, name: paymentEntities.name })
    .from(paymentEntities)
    .where(and(eq(paymentEntities.method, 'DIRECT_DEBIT'), eq(paymentEntities.active, true)))
    .orderBy(asc(paymentEntities.name));
}

const creator = alias(users, 'creator');
const importer = alias(users, 'importer');

async function findBatch(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ batch: debitBatches, bankCode: paymentEntities.code, bankName: paymentEntities.name, createdByName: creator.name, importedByName: importer.name })
    .from(debitBatches)
    .innerJoin(paymentEntities, eq(paymentEntities.id, debitBatches.paymentEntityId))
    .leftJoin(creator, eq(creator.id, debitBatches.createdBy))
    .leftJoin(importer, eq(importer.id, debitBatches.responseImportedBy))
    .where(eq(debitBatches.id, id));
  return row;
}

/** One batch with who made and answered it, and a page of its items (optionally of one status). */
export async function getBatch(actor: Actor, id: string, params: Partial<BatchItemsParams> = {}, db: Db = getDb()) {
  assertHeadOffice(actor, 'payments.read');
  if (!isUuid(id)) throw batchNotFound();
  const row = await findBatch(db, id);
  if (!row) throw batchNotFound();
  const page = Math.max(1, params.page ?? 1);
  const where = and(eq(debitItems.batchId, id), params.estado ? eq(debitItems.status, params.estado) : undefined);
  const [items, [{ n }]] = await Promise.all([
    db
      .select({
        id: debitItems.id,
        lineNo: debitItems.lineNo,
        amount: debitItems.amount,
        accountMasked: debitItems.accountMasked,
        status: debitItems.status,
        rejectCode: debitItems.rejectCode,
        rejectReason: debitItems.rejectReason,
        paymentId: debitItems.paymentId,
        receiptNumber: payments.receiptNumber,
        invoiceId: debitItems.invoiceId,
        fiscalNumber: invoices.fiscalNumber,
        invoiceStatus: invoices.status,
        invoiceBalance: invoices.balance,
        agreementId: debitItems.agreementId,
        agreementCode: agreements.code,
        customerName: customers.legalName,
      })
      .from(debitItems)
      .innerJoin(invoices, eq(invoices.id, debitItems.invoiceId))
      .innerJoin(agreements, eq(agreements.id, debitItems.agreementId))
      .innerJoin(customers, eq(customers.id, agreements.customerId))
      .leftJoin(payments, eq(payments.id, debitItems.paymentId))
      .where(where)
      .orderBy(asc(debitItems.lineNo))
      .limit(DEBIT_ITEMS_PAGE_SIZE)
      .offset((page - 1) * DEBIT_ITEMS_PAGE_SIZE),
    db.select({ n: sql<number>`count(*)::int` }).from(debitItems).where(where),
  ]);
  return {
    ...row,
    pendingCount: row.batch.itemCount - row.batch.confirmedCount - row.batch.rejectedCount,
    items,
    itemsTotal: n,
    page,
    pageSize: DEBIT_ITEMS_PAGE_SIZE,
    pageCount: Math.max(1, Math.ceil(n / DEBIT_ITEMS_PAGE_SIZE)),
  };
}

/** The batch file to send to the bank (layout in lib/domain/collections/direct-debit.ts). */
export async function batchCsv(actor: Actor, id: string, db: Db = getDb()): Promise<{ filename: string; csv: string }> {
  assertHeadOffice(actor, 'payments.read');
  if (!isUuid(id)) throw batchNotFound();
  const row = await findBatch(db, id);
  if (!row) throw batchNotFound();
  const lines = await db
    .select({
      lineNo: debitItems.lineNo,
      agreementCode: agreements.code,
      customerName: customers.legalName,
      accountMasked: debitItems.accountMasked,
      fiscalNumber: invoices.fiscalNumber,
      amount: debitItems.amount,
    })
    .from(debitItems)
    .innerJoin(invoices, eq(invoices.id, debitItems.invoiceId))
    .innerJoin(agreements, eq(agreements.id, debitItems.agreementId))
    .innerJoin(customers, eq(customers.id, agreements.customerId))
    .where(eq(debitItems.batchId, id))
    .orderBy(asc(debitItems.lineNo));
  const { batch } = row;
  // The stored control totals were computed from the same items: a difference is a bug, never a file to send.
  const totals = controlTotals(lines.map((l) => l.amount));
  if (totals.count !== batch.itemCount || totals.total !== batch.total) throw new Error(`El lote ${batch.code} no cuadra con sus líneas (${totals.count} / ${totals.total}).`);
  const csv = debitBatchCsv(
    { bankCode: row.bankCode, batchCode: batch.code, period: batch.period, currency: batch.currency, createdOn: toLocalDateString(batch.createdAt) },
    lines.map((l) => ({ ...l, fiscalNumber: l.fiscalNumber ?? '' })),
  );
  return { filename: `debito-${batch.code}.csv`, csv };
}

/**
 * The invoice page's "Débito rechazado" flag: the document's latest direct debit, when the bank
 * rejected it, no later batch is debiting it and the document is still open. Null otherwise, and
 * for an actor without 'payments.read' or outside the invoice's branch. `canOpenBatch`: whether the
 * actor may open the batch (head office).
 */
export async function invoiceDebitFlag(actor: Actor, invoiceId: string, db: Db = getDb()) {
  if (!can(actor.role, 'payments.read') || !isUuid(invoiceId)) return null;
  const [row] = await db
    .select({
      status: debitItems.status,
      rejectCode: debitItems.rejectCode,
      rejectReason: debitItems.rejectReason,
      batchId: debitBatches.id,
      batchCode: debitBatches.code,
      invoice: { branchId: invoices.branchId, status: invoices.status, docType: invoices.docType, balance: invoices.balance },
    })
    .from(debitItems)
    .innerJoin(debitBatches, eq(debitBatches.id, debitItems.batchId))
    .innerJoin(invoices, eq(invoices.id, debitItems.invoiceId))
    .where(eq(debitItems.invoiceId, invoiceId))
    .orderBy(desc(debitBatches.createdAt), desc(debitItems.id))
    .limit(1);
  const scope = branchScope(actor);
  if (!row || row.status !== 'REJECTED' || !acceptsPayment(row.invoice) || !inBranchScope(scope, row.invoice.branchId)) return null;
  return { batchId: row.batchId, batchCode: row.batchCode, rejectCode: row.rejectCode, rejectReason: row.rejectReason, canOpenBatch: scope.all };
}

// ─── Generating ──────────────────────────────────────────────────────────────────────────────

export type GeneratedBatch = { id: string; code: string; replayed: boolean; itemCount: number; total: string };

/** Open documents of the agreements whose default active method debits this bank, in the period (the domain rule decides). */
async function debitCandidates(tx: DbOrTx, entityId: string, period: string): Promise<DebitCandidate[]> {
  const { first, last } = periodBounds(period);
  const rows = await tx
    .select({
      invoiceId: invoices.id,
      docType: invoices.docType,
      status: invoices.status,
      fiscalNumber: invoices.fiscalNumber,
      period: invoices.period,
      issueDate: invoices.issueDate,
      dueDate: invoices.dueDate,
      currency: invoices.currency,
      balance: invoices.balance,
      agreementId: agreements.id,
      agreementCode: agreements.code,
      agreementCurrency: agreements.currency,
      customerName: customers.legalName,
      method: agreementPaymentMethods.method,
      methodEntityId: agreementPaymentMethods.entityId,
      last4: agreementPaymentMethods.instrumentLast4,
      debitedElsewhere: sql<boolean>`exists (select 1 from ${debitItems} di where di.invoice_id = ${invoices.id} and di.status in ('PENDING', 'CONFIRMED'))`,
    })
    .from(agreementPaymentMethods)
    .innerJoin(agreements, eq(agreements.id, agreementPaymentMethods.agreementId))
    .innerJoin(customers, eq(customers.id, agreements.customerId))
    .innerJoin(invoices, eq(invoices.agreementId, agreements.id))
    .where(
      and(
        eq(agreementPaymentMethods.entityId, entityId),
        eq(agreementPaymentMethods.method, 'DIRECT_DEBIT'),
        eq(agreementPaymentMethods.isDefault, true),
        eq(agreementPaymentMethods.active, true),
        sql`${invoices.status} in ('ISSUED', 'PARTIALLY_PAID')`,
        sql`${invoices.docType} in ('INVOICE', 'DEBIT_NOTE')`,
        gt(invoices.balance, '0'),
        sql`(${invoices.period} = ${period} or (${invoices.period} is null and ${invoices.issueDate} between ${first} and ${last}))`,
      ),
    );
  return rows.map(({ method, methodEntityId, last4, ...r }) => ({ ...r, method: { method, entityId: methodEntityId, last4 } }));
}

async function batchByKey(db: DbOrTx, entityId: string, period: string, currency: string) {
  const [row] = await db
    .select()
    .from(debitBatches)
    .where(and(eq(debitBatches.paymentEntityId, entityId), eq(debitBatches.period, period), eq(debitBatches.currency, currency)));
  return row;
}

const replayOf = (b: typeof debitBatches.$inferSelect): GeneratedBatch => ({ id: b.id, code: b.code, replayed: true, itemCount: b.itemCount, total: b.total });

/**
 * Generates the batch of a bank, period and currency with every debitable document (see the
 * domain rule), or returns the existing one (`replayed`). Nothing to debit → UserError, nothing created.
 */
export async function generateBatch(actor: Actor, input: GenerateBatchInput, db: Db = getDb()): Promise<GeneratedBatch> {
  assertHeadOffice(actor, 'payments.write');
  const v = parse(generateBatchSchema, input);
  const [bank] = await db.select().from(paymentEntities).where(eq(paymentEntities.id, v.entityId));
  if (!bank || bank.method !== 'DIRECT_DEBIT' || !bank.active) {
    throw new UserError('Seleccione un banco activo de débito automático.', { entityId: ['Seleccione un banco activo de débito automático.'] });
  }
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${GENERATION_LOCK})`);
    const existing = await batchByKey(tx, bank.id, v.period, v.currency);
    if (existing) return replayOf(existing);
    const lines = selectDebitItems(await debitCandidates(tx, bank.id, v.period), { entityId: bank.id, period: v.period, currency: v.currency });
    if (!lines.length) {
      throw new UserError(`No hay facturas pendientes de ${v.period} en ${v.currency} de acuerdos que paguen por débito automático con ${bank.name}: no se generó ningún lote.`);
    }
    const { count, total } = controlTotals(lines.map((l) => l.amount));
    const code = debitBatchCode(bank.code, v.period, v.currency);
    const [batch] = await tx
      .insert(debitBatches)
      .values({ code, paymentEntityId: bank.id, period: v.period, currency: v.currency, itemCount: count, total, createdBy: actor.id })
      .onConflictDoNothing()
      .returning();
    if (!batch) {
      const raced = await batchByKey(tx, bank.id, v.period, v.currency);
      if (raced) return replayOf(raced);
      throw new UserError(`Ya existe otro lote con el código ${code}.`);
    }
    for (let i = 0; i < lines.length; i += INSERT_CHUNK) {
      await tx.insert(debitItems).values(
        lines.slice(i, i + INSERT_CHUNK).map((l) => ({ batchId: batch.id, lineNo: l.lineNo, agreementId: l.agreementId, invoiceId: l.invoiceId, amount: l.amount, accountMasked: l.accountMasked })),
      );
    }
    await recordAudit(tx, { id: actor.id, email: actor.email }, {
      entity: 'debit_batch',
      entityId: batch.id,
      action: 'CREATE',
      after: { code, bank: bank.code, period: v.period, currency: v.currency, itemCount: count, total, invoices: lines.map((l) => l.fiscalNumber) },
    });
    return { id: batch.id, code, replayed: false, itemCount: count, total };
  });
}

// ─── Importing the bank's response ───────────────────────────────────────────────────────────

export type ImportResult =
  | { outcome: 'imported'; code: string; confirmed: number; rejected: number }
  | { outcome: 'already'; code: string; confirmed: number; rejected: number }
  | { outcome: 'invalid'; code: string; errors: DebitResponseError[] };

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Lines applied per transaction when importing a response (see importResponse). */
export const IMPORT_CHUNK = 200;

type ImportOptions = {
  /** Lines per transaction (tests use small chunks). */
  chunk?: number;
  /** Called after each chunk has committed, with the number of lines done (tests interrupt an import here). */
  afterChunk?: (linesDone: number) => void | Promise<void>;
};

/**
 * Imports the bank's response to a batch (rules at the top of this module). A file with errors
 * comes back as `invalid` with every error per line, and nothing changes.
 *
 * In three steps, so a large file never holds the branches' receipt counters (and so every cash
 * desk) for the whole import: (1) with the batch locked, the whole file is checked and the batch
 * is claimed for it (IMPORTING, its SHA-256); (2) its lines are applied IMPORT_CHUNK per
 * transaction, each with the batch locked and skipping lines no longer PENDING, the counts moving
 * as it goes; (3) the batch is closed (RESPONSE_IMPORTED). An import cut short leaves the batch
 * IMPORTING: importing the same file again finishes it (each line is paid once: its status and the
 * payment's idempotency key), another file is refused. Concurrent imports of one file share the
 * work; one of them closes the batch and answers `imported`, the others `already`.
 */
export async function importResponse(actor: Actor, id: string, fileText: string, db: Db = getDb(), now = new Date(), opts: ImportOptions = {}): Promise<ImportResult> {
  assertHeadOffice(actor, 'payments.write');
  if (!isUuid(id)) throw batchNotFound();
  if (Buffer.byteLength(fileText, 'utf8') > MAX_RESPONSE_BYTES) throw new UserError(`El archivo supera el máximo de ${MAX_RESPONSE_BYTES / 1_000_000} MB.`, { file: ['Archivo demasiado grande.'] });
  if (fileText.includes('\u0000')) throw new UserError('El archivo no es un CSV de texto.', { file: ['El archivo no es un CSV de texto.'] });
  const sha = sha256Hex(fileText);
  const today = toLocalDateString(now);
  const chunkSize = opts.chunk ?? IMPORT_CHUNK;
  const who = { id: actor.id, email: actor.email };
  const lockBatch = async (tx: DbOrTx) => {
    const [batch] = await tx.select().from(debitBatches).where(eq(debitBatches.id, id)).for('update');
    if (!batch) throw batchNotFound();
    return batch;
  };
  const already = (b: typeof debitBatches.$inferSelect): ImportResult => ({ outcome: 'already', code: b.code, confirmed: b.confirmedCount, rejected: b.rejectedCount });

  // (1) Check the whole file and claim the batch for it.
  const claim = await db.transaction(async (tx): Promise<{ answer: ImportResult } | { batch: typeof debitBatches.$inferSelect; parsed: Extract<ReturnType<typeof parseDebitResponse>, { ok: true }> }> => {
    const batch = await lockBatch(tx);
    if (batch.responseSha256 && batch.responseSha256 !== sha) {
      throw new UserError(`El lote ${batch.code} ya tiene importada otra respuesta del banco: no se puede importar un archivo distinto.`);
    }
    if (batch.status === 'RESPONSE_IMPORTED') return { answer: already(batch) };
    const items = await tx
      .select({ lineNo: debitItems.lineNo, amount: debitItems.amount, fiscalNumber: invoices.fiscalNumber })
      .from(debitItems)
      .innerJoin(invoices, eq(invoices.id, debitItems.invoiceId))
      .where(eq(debitItems.batchId, id))
      .orderBy(asc(debitItems.lineNo));
    const parsed = parseDebitResponse(fileText, { code: batch.code, items: items.map((i) => ({ lineNo: i.lineNo, fiscalNumber: i.fiscalNumber ?? '', amount: i.amount })) }, today);
    if (!parsed.ok) return { answer: { outcome: 'invalid', code: batch.code, errors: parsed.errors } };
    if (batch.status === 'GENERATED') {
      await tx.update(debitBatches).set({ status: 'IMPORTING', responseSha256: sha, responseImportedBy: actor.id, updatedAt: now }).where(eq(debitBatches.id, id));
      await recordAudit(tx, who, {
        entity: 'debit_batch',
        entityId: batch.id,
        action: 'STATUS_CHANGE',
        before: { status: batch.status },
        after: { status: 'IMPORTING', sha256: sha, processedOn: parsed.processedOn ?? today, lines: parsed.outcomes.length, confirmed: parsed.confirmed, rejected: parsed.rejected },
      });
    }
    return { batch, parsed };
  });
  if ('answer' in claim) return claim.answer;
  const { batch, parsed } = claim;
  const paidOn = parsed.processedOn ?? today;

  // (2) The lines, a chunk per transaction.
  for (let from = 0; from < parsed.outcomes.length; from += chunkSize) {
    const chunk = parsed.outcomes.slice(from, from + chunkSize);
    const paidAgreements = await db.transaction(async (tx) => {
      const locked = await lockBatch(tx);
      if (locked.status === 'RESPONSE_IMPORTED') return [];
      const items = await tx
        .select({ id: debitItems.id, lineNo: debitItems.lineNo, status: debitItems.status, amount: debitItems.amount, agreementId: debitItems.agreementId, invoiceId: debitItems.invoiceId })
        .from(debitItems)
        .where(and(eq(debitItems.batchId, id), inArray(debitItems.lineNo, chunk.map((o) => o.lineNo))));
      const byLine = new Map(items.map((i) => [i.lineNo, i]));
      const applied: { line: number; status: string; code: string; reason: string | null; paymentId: string | null; receiptNumber: string | null }[] = [];
      for (const o of chunk) {
        const item = byLine.get(o.lineNo)!;
        // Taken by an earlier, interrupted import of this file or by one running at the same time.
        if (item.status !== 'PENDING') continue;
        if (o.status === 'CONFIRMED') {
          const payment = await registerPaymentAsSystem(
            tx,
            {
              idempotencyKey: `debit:${batch.id}:${o.lineNo}`,
              agreementId: item.agreementId,
              amount: item.amount,
              method: 'DIRECT_DEBIT',
              channel: 'DIRECT_DEBIT',
              paymentEntityId: batch.paymentEntityId,
              reference: `${batch.code}/${o.lineNo}`,
              paidOn,
              invoiceIds: [item.invoiceId],
              notes: `Débito automático: lote ${batch.code}, línea ${o.lineNo}.`,
            },
            now,
          );
          await tx.update(debitItems).set({ status: 'CONFIRMED', paymentId: payment.id, rejectCode: null, rejectReason: null }).where(eq(debitItems.id, item.id));
          applied.push({ line: o.lineNo, status: 'CONFIRMED', code: o.code, reason: null, paymentId: payment.id, receiptNumber: payment.receiptNumber });
        } else {
          await tx.update(debitItems).set({ status: 'REJECTED', rejectCode: o.code, rejectReason: o.reason }).where(eq(debitItems.id, item.id));
          applied.push({ line: o.lineNo, status: 'REJECTED', code: o.code, reason: o.reason, paymentId: null, receiptNumber: null });
        }
      }
      if (!applied.length) return [];
      const confirmed = applied.filter((l) => l.status === 'CONFIRMED').length;
      await tx
        .update(debitBatches)
        .set({ confirmedCount: sql`${debitBatches.confirmedCount} + ${confirmed}`, rejectedCount: sql`${debitBatches.rejectedCount} + ${applied.length - confirmed}`, updatedAt: now })
        .where(eq(debitBatches.id, id));
      await recordAudit(tx, who, { entity: 'debit_batch', entityId: batch.id, action: 'UPDATE', before: null, after: { sha256: sha, lines: applied } });
      return [...new Set(applied.filter((l) => l.status === 'CONFIRMED').map((l) => byLine.get(l.line)!.agreementId))];
    });
    // Delinquency follows every payment once the money has committed (as registerPayment does), for the
    // chunk's agreements at once (the engine's set-based judgement, narrowed to them); a failure never undoes it.
    if (paidAgreements.length) {
      await runDelinquency(db, today, { agreementIds: paidAgreements }).catch((err) => console.error(`No se pudo recalcular la morosidad de ${paidAgreements.length} acuerdos del lote ${batch.code}:`, err));
    }
    await opts.afterChunk?.(Math.min(from + chunkSize, parsed.outcomes.length));
  }

  // (3) Close the batch.
  return db.transaction(async (tx): Promise<ImportResult> => {
    const locked = await lockBatch(tx);
    if (locked.status === 'RESPONSE_IMPORTED') return already(locked);
    const counts = await tx
      .select({ status: debitItems.status, n: sql<number>`count(*)::int` })
      .from(debitItems)
      .where(eq(debitItems.batchId, id))
      .groupBy(debitItems.status);
    const n = (s: (typeof DEBIT_ITEM_STATUSES)[number]) => counts.find((c) => c.status === s)?.n ?? 0;
    if (n('PENDING') > 0) throw new Error(`El lote ${batch.code} aún tiene ${n('PENDING')} líneas pendientes tras importar su respuesta.`);
    await tx
      .update(debitBatches)
      .set({ status: 'RESPONSE_IMPORTED', responseImportedAt: now, responseImportedBy: actor.id, confirmedCount: n('CONFIRMED'), rejectedCount: n('REJECTED'), updatedAt: now })
      .where(eq(debitBatches.id, id));
    await recordAudit(tx, who, {
      entity: 'debit_batch',
      entityId: batch.id,
      action: 'STATUS_CHANGE',
      before: { status: locked.status },
      after: { status: 'RESPONSE_IMPORTED', sha256: sha, processedOn: paidOn, confirmed: n('CONFIRMED'), rejected: n('REJECTED') },
    });
    return { outcome: 'imported', code: batch.code, confirmed: n('CONFIRMED'), rejected: n('REJECTED') };
  });
}
