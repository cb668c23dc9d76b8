import 'server-only';
import { v7 as uuidv7 } from 'uuid';
import { eq, sql } from 'drizzle-orm';
import { getDb, type DbOrTx, type Tx } from '@/db/client';
import { recordAudit } from '@/db/queries/audit';
import { rateOn } from '@/db/queries/exchange-rates';
import * as q from '@/db/queries/invoice-documents';
import { invoiceItemsOf } from '@/db/queries/invoices';
import { agreements } from '@/db/schema';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import { can, type Permission } from '@/lib/auth/roles';
import { branchScope, type Actor, type BranchScope } from '@/lib/auth/scope';
import { dueDate, invoiceClass, LOCAL_CURRENCY, type CustomerTaxCondition } from '@/lib/domain/billing/invoice-class';
import { convert, formatQuantity, formatRate, formatUnitPrice, lineAmounts, sumLines, type LineAmounts } from '@/lib/domain/billing/lines';
import { acceptsNotes, checkCreditAmount, creditableByLine, creditedTotal, invoiceAfterCredit, splitCredit } from '@/lib/domain/billing/notes';
import { money, toMoneyString } from '@/lib/domain/money';
import { toLocalDateString } from '@/lib/domain/format';
import type { CreditNoteInput, DebitNoteInput, DraftLineInput, LineFieldsInput } from '@/lib/validation/invoice-documents';
import { issueAndPrint, noteRow } from '@/lib/billing/documents';
import { isUuid } from './customers';

/**
 * Manual invoices (drafts edited line by line, then issued) and credit/debit notes on an issued
 * invoice. Every function re-checks agreements.write (reads of the forms too) and the branch scope:
 * another branch's agreement or invoice is "not found".
 *
 * Decisions (issue 4):
 * - Manual lines are priced as typed (or at the concept's amount for ONE_OFF / LATE_FEE): the
 *   agreement's discount does not apply to them (a one-off charge is agreed on its own).
 * - A manual line's unit price is in the invoice's currency; a concept amount (DOP) prefilled for
 *   a foreign-currency invoice is converted at the draft's exchange rate (rate in force the day
 *   the draft was created).
 * - Notes are issued at once (written as a draft and numbered in the same transaction), with the
 *   invoice's class and point of sale and their own sequence (CREDIT_NOTE / DEBIT_NOTE).
 * - A credit note's lines are positive; each keeps the line number of the invoice line it
 *   credits. Its balance is 0 (it is applied to the invoice at once); the invoice's balance drops
 *   by its total, and it is VOIDED once the notes credit its whole total (lib/domain/billing/notes.ts).
 * - A debit note is a new charge: its balance is its total, due = issue + the agreement's due days.
 */

function assertCan(actor: Actor, permission: Permission) {
  if (!can(actor.role, permission)) throw new ForbiddenError();
}

const invoiceNotFound = () => new NotFoundError('No se encontró la factura.');
const agreementNotFound = () => new NotFoundError('No se encontró el acuerdo.');
const MAX_LINES = 200;
const FIELD_ERRORS = 'Revise los campos marcados.';

type Agreement = NonNullable<Awaited<ReturnType<typeof q.agreementForInvoice>>>;

/** What a manual invoice for the agreement would be, or why it cannot be created. */
async function manualInvoicePlan(db: DbOrTx, scope: BranchScope, agreement: Agreement, today: string) {
  const cls = invoiceClass(agreement.customerTaxCondition as CustomerTaxCondition, agreement.currency);
  const [pos, rate] = await Promise.all([q.firstActivePointOfSale(db, agreement.branchId), rateOn(db, agreement.currency, today)]);
  let blocked: string | null = null;
  if (agreement.status === 'CLOSED') blocked = 'El acuerdo está cerrado: no se le pueden emitir facturas.';
  else if (!pos) blocked = 'La sucursal del acuerdo no tiene un punto de venta activo: no se puede numerar la factura.';
  else if (!rate) blocked = `No hay tasa de cambio de ${agreement.currency} registrada al ${today} o antes: regístrela antes de facturar.`;
  return { agreement, invoiceClass: cls, pointOfSale: pos ?? null, exchangeRate: rate?.rate ?? null, blocked };
}

/** The new-invoice page: the agreement (within the actor's branches) and what its manual invoice would be. */
export async function previewManualInvoice(actor: Actor, agreementId: string, db = getDb(), now = new Date()) {
  assertCan(actor, 'billing.write');
  if (!isUuid(agreementId)) throw agreementNotFound();
  const scope = branchScope(actor);
  const agreement = await q.agreementForInvoice(db, scope, agreementId);
  if (!agreement) throw agreementNotFound();
  return manualInvoicePlan(db, scope, agreement, toLocalDateString(now));
}

/**
 * Creates a DRAFT manual invoice for an agreement (by id, or by code as typed): class from the
 * customer's tax condition and the agreement's currency, the branch's first active point of
 * sale, the customer snapshot and billing address. Audited 'invoice' CREATE. Returns its id.
 */
export async function createManualDraft(actor: Actor, input: { agreementId: string | null; agreementCode: string | null }, db = getDb(), now = new Date()): Promise<string> {
  assertCan(actor, 'billing.write');
  const scope = branchScope(actor);
  let agreementId = input.agreementId;
  if (!agreementId && input.agreementCode) {
    const [row] = await db.select({ id: agreements.id }).from(agreements).where(eq(sql`upper(${agreements.code})`, input.agreementCode.toUpperCase())).limit(1);
    agreementId = row?.id ?? null;
  }
  const agreement = agreementId ? await q.agreementForInvoice(db, scope, agreementId) : undefined;
  if (!agreement) {
    if (input.agreementId) throw agreementNotFound();
    throw new UserError(FIELD_ERRORS, { agreementCode: ['No hay un acuerdo con ese código en sus sucursales.'] });
  }
  const plan = await manualInvoicePlan(db, scope, agreement, toLocalDateString(now));
  if (plan.blocked || !plan.pointOfSale || !plan.exchangeRate) throw new UserError(plan.blocked ?? 'No se puede crear la factura.');
  const pos = plan.pointOfSale;
  const rate = plan.exchangeRate;
  return db.transaction(async (tx) => {
    const draft = await q.insertInvoice(tx, {
      id: uuidv7(),
      docType: 'INVOICE',
      invoiceClass: plan.invoiceClass,
      pointOfSaleId: pos.id,
      posNumber: pos.number,
      origin: 'MANUAL',
      status: 'DRAFT',
      agreementId: agreement.id,
      customerId: agreement.customerId,
      branchId: agreement.branchId,
      currency: agreement.currency,
      exchangeRate: rate,
      customerSnapshot: snapshotOf(agreement),
      billingAddress: agreement.billingAddress,
      createdBy: actor.id,
    });
    await recordAudit(tx, actor, { entity: 'invoice', entityId: draft.id, action: 'CREATE', after: { docType: 'INVOICE', origin: 'MANUAL', status: 'DRAFT', agreement: agreement.code, invoiceClass: draft.invoiceClass, posNumber: draft.posNumber, currency: draft.currency } });
    return draft.id;
  });
}

function snapshotOf(a: Agreement): Record<string, string | null> {
  return { name: a.customerName, documentType: a.customerDocumentType, documentNumber: a.customerDocumentNumber, taxCondition: a.customerTaxCondition };
}

/** The draft editor: the draft (within scope), its lines, totals, and the concepts and accounts a line may use. */
export async function getDraftEditor(actor: Actor, invoiceId: string, db = getDb()) {
  assertCan(actor, 'billing.write');
  if (!isUuid(invoiceId)) throw invoiceNotFound();
  const scope = branchScope(actor);
  const invoice = await q.findScopedInvoice(db, scope, invoiceId);
  if (!invoice) throw invoiceNotFound();
  const agreement = await q.agreementForInvoice(db, scope, invoice.agreementId);
  if (!agreement) throw invoiceNotFound();
  const [items, concepts, accounts] = await Promise.all([invoiceItemsOf(db, invoiceId), lineConcepts(db, invoice), q.accountsOfAgreement(db, invoice.agreementId)]);
  return { invoice, agreement, items, concepts, accounts };
}

/** Active concepts with the unit price a line prefills: the concept's amount, converted for a foreign currency. */
async function lineConcepts(db: DbOrTx, inv: Pick<q.InvoiceRow, 'currency' | 'exchangeRate'>) {
  const rows = await q.activeConceptsForLines(db);
  return rows.map((c) => ({ ...c, prefill: c.amount === null ? null : inv.currency === LOCAL_CURRENCY ? formatUnitPrice(c.amount) : convert(c.amount, inv.exchangeRate) }));
}

type LineFields = Omit<typeof import('@/db/schema').invoiceItems.$inferInsert, 'invoiceId' | 'lineNo'>;

/** A typed line checked and priced: concept active, account of the agreement, lineAmounts with no discount. */
async function priceLine(db: DbOrTx, inv: Pick<q.InvoiceRow, 'agreementId' | 'currency' | 'exchangeRate'>, line: LineFieldsInput, field = (f: string) => f): Promise<LineFields> {
  const concept = await q.conceptForLine(db, line.conceptId);
  if (!concept || !concept.active) throw new UserError(FIELD_ERRORS, { [field('conceptId')]: ['Seleccione un concepto activo.'] });
  if (line.accountId) {
    const accounts = await q.accountsOfAgreement(db, inv.agreementId);
    if (!accounts.some((a) => a.id === line.accountId)) throw new UserError(FIELD_ERRORS, { [field('accountId')]: ['La cuenta no es de este acuerdo.'] });
  }
  let unitPrice = line.unitPrice;
  if (unitPrice === null) {
    if (concept.amount === null) throw new UserError(FIELD_ERRORS, { [field('unitPrice')]: ['Indique el precio unitario: el concepto no tiene un importe fijo.'] });
    unitPrice = inv.currency === LOCAL_CURRENCY ? concept.amount : convert(concept.amount, inv.exchangeRate);
  }
  const amounts = lineAmounts({ quantity: line.quantity, unitPrice, taxRate: concept.taxRate });
  return {
    accountId: line.accountId,
    conceptId: concept.id,
    conceptCode: concept.code,
    conceptGroupName: concept.groupName,
    description: (line.description || concept.name).slice(0, 300),
    quantity: formatQuantity(line.quantity),
    unitPrice: formatUnitPrice(unitPrice),
    ...amounts,
    taxRate: formatRate(concept.taxRate),
  };
}

/** Locks a draft of the scope for editing; another branch's → not found, an issued one → UserError. */
async function lockDraft(tx: Tx, actor: Actor, invoiceId: string) {
  if (!isUuid(invoiceId)) throw invoiceNotFound();
  const inv = await q.findScopedInvoice(tx, branchScope(actor), invoiceId, true);
  if (!inv) throw invoiceNotFound();
  if (inv.status !== 'DRAFT') throw new UserError(`El documento ya fue emitido (${inv.fiscalNumber ?? 'sin número'}): no se puede modificar.`);
  return inv;
}

async function refreshDraftTotals(tx: Tx, invoiceId: string): Promise<LineAmounts> {
  const items = await q.itemsOf(tx, invoiceId);
  const totals = sumLines(items);
  await q.setDraftTotals(tx, invoiceId, totals);
  return totals;
}

/** Adds a one-off line to a draft and recomputes its totals. Audited 'invoice' UPDATE. Returns the line number. */
export async function addDraftLine(actor: Actor, input: DraftLineInput, db = getDb()): Promise<number> {
  assertCan(actor, 'billing.write');
  return db.transaction(async (tx) => {
    const inv = await lockDraft(tx, actor, input.invoiceId);
    const lineNo = await q.nextLineNo(tx, inv.id);
    if (lineNo > MAX_LINES) throw new UserError(`Una factura manual admite hasta ${MAX_LINES} líneas.`);
    const line = await priceLine(tx, inv, input);
    await q.insertItems(tx, [{ invoiceId: inv.id, lineNo, ...line }]);
    const totals = await refreshDraftTotals(tx, inv.id);
    await recordAudit(tx, actor, { entity: 'invoice', entityId: inv.id, action: 'UPDATE', before: { total: inv.total }, after: { lineAdded: { lineNo, conceptCode: line.conceptCode, quantity: line.quantity, unitPrice: line.unitPrice, total: line.total }, total: totals.total } });
    return lineNo;
  });
}

/** Removes a line from a draft and recomputes its totals. Audited 'invoice' UPDATE. */
export async function removeDraftLine(actor: Actor, input: { invoiceId: string; lineNo: number }, db = getDb()): Promise<void> {
  assertCan(actor, 'billing.write');
  await db.transaction(async (tx) => {
    const inv = await lockDraft(tx, actor, input.invoiceId);
    const removed = await q.deleteItem(tx, inv.id, input.lineNo);
    if (!removed) throw new UserError('La línea ya no existe.');
    const totals = await refreshDraftTotals(tx, inv.id);
    await recordAudit(tx, actor, { entity: 'invoice', entityId: inv.id, action: 'UPDATE', before: { lineRemoved: { lineNo: removed.lineNo, conceptCode: removed.conceptCode, total: removed.total }, total: inv.total }, after: { total: totals.total } });
  });
}

/** Deletes a draft and its lines. Audited 'invoice' DELETE. */
export async function deleteDraft(actor: Actor, invoiceId: string, db = getDb()): Promise<void> {
  assertCan(actor, 'billing.write');
  await db.transaction(async (tx) => {
    const inv = await lockDraft(tx, actor, invoiceId);
    await q.deleteDraftRow(tx, inv.id);
    await recordAudit(tx, actor, { entity: 'invoice', entityId: inv.id, action: 'DELETE', before: { docType: inv.docType, origin: inv.origin, status: inv.status, total: inv.total } });
  });
}

/**
 * Issues a manual draft: takes the next number of its point of sale, class and INVOICE, due date =
 * issue + the agreement's due days, printable items by the agreement's grouping. Audited 'invoice'
 * STATUS_CHANGE. A draft without lines is refused.
 */
export async function issueManualInvoice(actor: Actor, invoiceId: string, db = getDb(), now = new Date()) {
  assertCan(actor, 'billing.write');
  return db.transaction(async (tx) => {
    const inv = await lockDraft(tx, actor, invoiceId);
    const agreement = await q.agreementForInvoice(tx, branchScope(actor), inv.agreementId);
    if (!agreement) throw invoiceNotFound();
    const items = await q.itemsOf(tx, inv.id);
    if (!items.length) throw new UserError('Agregue al menos una línea antes de emitir la factura.');
    const totals = sumLines(items);
    await q.setDraftTotals(tx, inv.id, totals);
    const issueDate = toLocalDateString(now);
    const issued = await issueAndPrint(tx, actor.id, inv.id, agreement.itemGrouping, issueDate, dueDate(issueDate, agreement.dueDays));
    await recordAudit(tx, actor, { entity: 'invoice', entityId: inv.id, action: 'STATUS_CHANGE', before: { status: 'DRAFT' }, after: { status: issued.status, fiscalNumber: issued.fiscalNumber, issueDate, dueDate: issued.dueDate, total: issued.total } });
    return issued;
  });
}

// ─── Notes ────────────────────────────────────────────────────────────────────────────────

export type NoteKind = 'CREDIT_NOTE' | 'DEBIT_NOTE';

function noteBlock(inv: q.InvoiceRow, kind: NoteKind): string | null {
  if (inv.docType === 'CREDIT_NOTE') return 'Una nota de crédito no admite notas.';
  if (kind === 'DEBIT_NOTE' && inv.docType !== 'INVOICE') return 'Las notas de débito se emiten sobre una factura.';
  if (!acceptsNotes(inv.status)) {
    return inv.status === 'DRAFT' ? 'El documento es un borrador: emítalo o edítelo.' : inv.status === 'VOIDED' ? 'El documento está anulado.' : 'El documento está pagado: no admite notas.';
  }
  return null;
}

/**
 * The note forms: the invoice (within scope) with, per line, what can still be credited; the total
 * credited so far and what may still be credited (at most the balance); the concepts and accounts
 * a debit line may use; and why no note can be issued, if so.
 */
export async function getNoteContext(actor: Actor, invoiceId: string, kind: NoteKind, db = getDb()) {
  assertCan(actor, 'billing.write');
  if (!isUuid(invoiceId)) throw invoiceNotFound();
  const scope = branchScope(actor);
  const invoice = await q.findScopedInvoice(db, scope, invoiceId);
  if (!invoice) throw invoiceNotFound();
  const [items, credited, concepts, accounts] = await Promise.all([
    invoiceItemsOf(db, invoiceId),
    q.creditedLinesOf(db, invoice),
    kind === 'DEBIT_NOTE' ? lineConcepts(db, invoice) : Promise.resolve([]),
    kind === 'DEBIT_NOTE' ? q.accountsOfAgreement(db, invoice.agreementId) : Promise.resolve([]),
  ]);
  const remainders = new Map(creditableByLine(items, credited).map((r) => [r.lineNo, r]));
  const creditedSoFar = creditedTotal(credited);
  const room = money(invoice.total).minus(creditedSoFar);
  const creditable = toMoneyString(money(invoice.balance).lessThan(room) ? invoice.balance : room.isNeg() ? 0 : room);
  return {
    invoice,
    lines: items.map((i) => ({ ...i, remaining: remainders.get(i.lineNo)! })),
    credited: creditedSoFar,
    creditable,
    concepts,
    accounts,
    blocked: noteBlock(invoice, kind),
  };
}

async function lockNoteTarget(tx: Tx, actor: Actor, invoiceId: string, kind: NoteKind) {
  if (!isUuid(invoiceId)) throw invoiceNotFound();
  const scope = branchScope(actor);
  const inv = await q.findScopedInvoice(tx, scope, invoiceId, true);
  if (!inv) throw invoiceNotFound();
  const blocked = noteBlock(inv, kind);
  if (blocked) throw new UserError(blocked);
  const agreement = await q.agreementForInvoice(tx, scope, inv.agreementId);
  if (!agreement) throw invoiceNotFound();
  return { inv, agreement };
}

/**
 * Issues a credit note on an ISSUED or PARTIALLY_PAID document: FULL credits what is left on every
 * line, PARTIAL the typed amounts (each ≤ what its line can still be credited). Under a lock on the
 * invoice row, the note's total must fit its balance and, with the earlier notes, its total. The
 * invoice's balance drops by the note's total; it is VOIDED when its whole total is credited.
 * Audited: the note 'invoice' CREATE, the invoice 'invoice' STATUS_CHANGE. Returns the note.
 */
export async function createCreditNote(actor: Actor, input: CreditNoteInput, db = getDb(), now = new Date()) {
  assertCan(actor, 'billing.write');
  return db.transaction(async (tx) => {
    const { inv, agreement } = await lockNoteTarget(tx, actor, input.invoiceId, 'CREDIT_NOTE');
    const items = await q.itemsOf(tx, inv.id);
    const credited = await q.creditedLinesOf(tx, inv);
    const remainders = new Map(creditableByLine(items, credited).map((r) => [r.lineNo, r]));
    const byLine = new Map(items.map((i) => [i.lineNo, i]));
    const wanted = input.mode === 'FULL' ? [...remainders.values()].filter((r) => money(r.total).greaterThan(0)).map((r) => ({ lineNo: r.lineNo, amount: r.total })) : input.lines;
    if (!wanted.length) throw new UserError('No queda nada por acreditar en esta factura.');

    const errors: Record<string, string[]> = {};
    const lines: (LineFields & { lineNo: number })[] = [];
    for (const w of wanted) {
      const item = byLine.get(w.lineNo);
      const rest = remainders.get(w.lineNo);
      if (!item || !rest) {
        errors[`amount.${w.lineNo}`] = ['La línea no existe en la factura.'];
        continue;
      }
      if (money(w.amount).greaterThan(rest.total)) {
        errors[`amount.${w.lineNo}`] = [`Supera lo que queda por acreditar en la línea (${rest.total}).`];
        continue;
      }
      const untouched = money(rest.total).equals(item.total) && money(w.amount).equals(item.total);
      const part = untouched ? { net: item.net, tax: item.tax, total: item.total } : splitCredit(rest, w.amount);
      lines.push({
        lineNo: item.lineNo,
        accountId: item.accountId,
        conceptId: item.conceptId,
        conceptCode: item.conceptCode,
        conceptGroupName: item.conceptGroupName,
        description: item.description,
        quantity: untouched ? item.quantity : formatQuantity(1),
        unitPrice: untouched ? item.unitPrice : formatUnitPrice(part.net),
        gross: untouched ? item.gross : part.net,
        discount: untouched ? item.discount : '0.00',
        net: part.net,
        taxRate: item.taxRate,
        tax: part.tax,
        total: part.total,
      });
    }
    if (Object.keys(errors).length) throw new UserError(FIELD_ERRORS, errors);

    const totals = sumLines(lines.map((l) => ({ gross: String(l.gross), discount: String(l.discount), net: String(l.net), tax: String(l.tax), total: String(l.total) })));
    const creditedBefore = creditedTotal(credited);
    const check = checkCreditAmount({ total: inv.total, balance: inv.balance, credited: creditedBefore }, totals.total);
    if (!check.ok) throw new UserError(check.error);

    const note = await q.insertInvoice(tx, noteRow(inv, 'CREDIT_NOTE', actor.id, input.reason, totals, '0.00'));
    await q.insertItems(tx, lines.map((l) => ({ invoiceId: note.id, ...l })));
    const issueDate = toLocalDateString(now);
    const issued = await issueAndPrint(tx, actor.id, note.id, agreement.itemGrouping, issueDate, null);

    const after = invoiceAfterCredit({ status: inv.status, total: inv.total, balance: inv.balance, credited: creditedBefore }, totals.total);
    await q.setPaymentState(tx, inv.id, { status: after.status, balance: after.balance, ...(after.voided ? { voidedAt: now } : {}) });
    await recordAudit(tx, actor, {
      entity: 'invoice',
      entityId: note.id,
      action: 'CREATE',
      after: { docType: 'CREDIT_NOTE', mode: input.mode, fiscalNumber: issued.fiscalNumber, relatedInvoice: inv.fiscalNumber, total: issued.total, reason: input.reason, lines: lines.map((l) => ({ lineNo: l.lineNo, total: l.total })) },
    });
    await recordAudit(tx, actor, {
      entity: 'invoice',
      entityId: inv.id,
      action: 'STATUS_CHANGE',
      before: { status: inv.status, balance: inv.balance },
      after: { status: after.status, balance: after.balance, creditNote: issued.fiscalNumber, reason: input.reason },
    });
    return issued;
  });
}

/**
 * Issues a debit note on an ISSUED or PARTIALLY_PAID invoice: extra charges priced like manual
 * lines, its own balance (= total) and due date (issue + the agreement's due days). The invoice is
 * not changed. Audited 'invoice' CREATE. Returns the note.
 */
export async function createDebitNote(actor: Actor, input: DebitNoteInput, db = getDb(), now = new Date()) {
  assertCan(actor, 'billing.write');
  return db.transaction(async (tx) => {
    const { inv, agreement } = await lockNoteTarget(tx, actor, input.invoiceId, 'DEBIT_NOTE');
    const lines: LineFields[] = [];
    for (const [i, line] of input.lines.entries()) lines.push(await priceLine(tx, inv, line, (f) => `l${i}.${f}`));
    const totals = sumLines(lines.map((l) => ({ gross: String(l.gross), discount: String(l.discount), net: String(l.net), tax: String(l.tax), total: String(l.total) })));
    if (!money(totals.total).greaterThan(0)) throw new UserError('El total de la nota de débito debe ser mayor que cero.');
    const note = await q.insertInvoice(tx, noteRow(inv, 'DEBIT_NOTE', actor.id, input.reason, totals, totals.total));
    await q.insertItems(tx, lines.map((l, k) => ({ invoiceId: note.id, lineNo: k + 1, ...l })));
    const issueDate = toLocalDateString(now);
    const issued = await issueAndPrint(tx, actor.id, note.id, agreement.itemGrouping, issueDate, dueDate(issueDate, agreement.dueDays));
    await recordAudit(tx, actor, {
      entity: 'invoice',
      entityId: note.id,
      action: 'CREATE',
      after: { docType: 'DEBIT_NOTE', fiscalNumber: issued.fiscalNumber, relatedInvoice: inv.fiscalNumber, total: issued.total, reason: input.reason, lines: lines.map((l, k) => ({ lineNo: k + 1, conceptCode: l.conceptCode, total: l.total })) },
    });
    return issued;
  });
}
