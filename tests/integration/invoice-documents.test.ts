import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { agreements, auditLog, branches, concepts, customers, fiscalSequences, invoiceItems, invoicePrintableItems, invoices } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import type { Actor } from '@/lib/auth/scope';
import {
  addDraftLine,
  createCreditNote,
  createDebitNote,
  createManualDraft,
  deleteDraft,
  getDraftEditor,
  getNoteContext,
  issueManualInvoice,
  removeDraftLine,
} from '@/lib/dal/invoice-documents';
import { invoiceClass, type CustomerTaxCondition } from '@/lib/domain/billing/invoice-class';
import { creditNoteSchema, debitNoteSchema, draftLineSchema } from '@/lib/validation/invoice-documents';
import { actorFor } from '../support/actors';
import { createTestDatabase } from '../support/db';

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock('@/lib/auth/auth', () => ({ auth: async () => session.current, signIn: vi.fn(), signOut: vi.fn() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

let h: DatabaseHandle;
let staff: Actor; // BRANCH_STAFF of SDC
let admin: Actor;
let cashier: Actor;
let auditor: Actor;
let sdcAgreement: { id: string; code: string; taxCondition: CustomerTaxCondition; currency: string; dueDays: number };
let stiAgreementId: string;
let reconexId: string; // ONE_OFF 850.00 at 18 %
let plainConceptId: string; // any other active concept

const NOW = new Date('2026-11-15T15:00:00Z'); // 15/11/2026 in Santo Domingo

async function agreementOf(branchCode: string) {
  const [row] = await h.db
    .select({ id: agreements.id, code: agreements.code, taxCondition: customers.taxCondition, currency: agreements.currency, dueDays: agreements.dueDays })
    .from(agreements)
    .innerJoin(branches, eq(branches.id, agreements.branchId))
    .innerJoin(customers, eq(customers.id, agreements.customerId))
    .where(and(eq(branches.code, branchCode), eq(agreements.currency, 'DOP'), sql`${agreements.status} <> 'CLOSED'`))
    .limit(1);
  return row as typeof sdcAgreement;
}

async function lastNumber(inv: { pointOfSaleId: string; invoiceClass: 'A' | 'B' | 'E' }, docType: 'INVOICE' | 'CREDIT_NOTE' | 'DEBIT_NOTE') {
  const [row] = await h.db
    .select({ n: fiscalSequences.lastNumber })
    .from(fiscalSequences)
    .where(and(eq(fiscalSequences.pointOfSaleId, inv.pointOfSaleId), eq(fiscalSequences.invoiceClass, inv.invoiceClass), eq(fiscalSequences.docType, docType)));
  return Number(row?.n ?? 0);
}

const line = (invoiceId: string, raw: Record<string, string>) => draftLineSchema.parse({ invoiceId, quantity: '1', ...raw });
const auditsOf = (entityId: string) => h.db.select().from(auditLog).where(and(eq(auditLog.entity, 'invoice'), eq(auditLog.entityId, entityId)));
const invoiceRow = async (id: string) => (await h.db.select().from(invoices).where(eq(invoices.id, id)))[0];

/** An issued manual invoice of the SDC agreement: RECONEX (850 + 18 %) and 2 × 100.00 of another concept. */
async function issuedInvoice() {
  const id = await createManualDraft(staff, { agreementId: sdcAgreement.id, agreementCode: null }, h.db, NOW);
  await addDraftLine(staff, line(id, { conceptId: reconexId }), h.db);
  await addDraftLine(staff, line(id, { conceptId: plainConceptId, quantity: '2', unitPrice: '100' }), h.db);
  return issueManualInvoice(staff, id, h.db, NOW);
}

beforeAll(async () => {
  h = await createTestDatabase();
  await seedDemo(h);
  staff = await actorFor('sucursal@cauce.example');
  admin = await actorFor('admin@cauce.example');
  cashier = await actorFor('cajero@cauce.example');
  auditor = await actorFor('auditor@cauce.example');
  sdcAgreement = await agreementOf('SDC');
  stiAgreementId = (await agreementOf('STI')).id;
  [{ id: reconexId }] = await h.db.select({ id: concepts.id }).from(concepts).where(eq(concepts.code, 'RECONEX'));
  [{ id: plainConceptId }] = await h.db.select({ id: concepts.id }).from(concepts).where(and(eq(concepts.active, true), sql`${concepts.kind} not in ('ONE_OFF', 'LATE_FEE')`)).limit(1);
});
afterAll(() => h.close());

describe('manual invoices', () => {
  it('creates a draft with the class, first active point of sale and customer snapshot, audited', async () => {
    const id = await createManualDraft(staff, { agreementId: sdcAgreement.id, agreementCode: null }, h.db, NOW);
    const draft = await invoiceRow(id);
    expect(draft).toMatchObject({ status: 'DRAFT', origin: 'MANUAL', docType: 'INVOICE', number: null, agreementId: sdcAgreement.id, invoiceClass: invoiceClass(sdcAgreement.taxCondition, 'DOP'), total: '0.00' });
    expect(draft.customerSnapshot.name).toBeTruthy();
    expect((await auditsOf(id)).map((a) => a.action)).toEqual(['CREATE']);
    // By code, too.
    const byCode = await createManualDraft(staff, { agreementId: null, agreementCode: sdcAgreement.code.toLowerCase() }, h.db, NOW);
    expect((await invoiceRow(byCode)).agreementId).toBe(sdcAgreement.id);
    await deleteDraft(staff, byCode, h.db);
  });

  it('prices lines (ONE_OFF prefilled, typed price otherwise, no agreement discount), edits and removes them', async () => {
    const id = await createManualDraft(staff, { agreementId: sdcAgreement.id, agreementCode: null }, h.db, NOW);
    await addDraftLine(staff, line(id, { conceptId: reconexId, description: 'Reconexión por corte' }), h.db);
    const second = await addDraftLine(staff, line(id, { conceptId: plainConceptId, quantity: '3', unitPrice: '10.5' }), h.db);
    let editor = await getDraftEditor(staff, id, h.db);
    expect(editor.items.map((i) => [i.conceptCode, i.gross, i.discount, i.total])).toEqual([
      ['RECONEX', '850.00', '0.00', '1003.00'],
      [expect.any(String), '31.50', '0.00', expect.any(String)],
    ]);
    expect(editor.items[0].description).toBe('Reconexión por corte');
    await removeDraftLine(staff, { invoiceId: id, lineNo: second }, h.db);
    editor = await getDraftEditor(staff, id, h.db);
    expect(editor.items).toHaveLength(1);
    expect(editor.invoice).toMatchObject({ total: '1003.00', netTotal: '850.00', taxTotal: '153.00', balance: '1003.00' });
    // A concept without an amount needs a typed price.
    await expect(addDraftLine(staff, line(id, { conceptId: plainConceptId }), h.db)).rejects.toMatchObject({ fieldErrors: { unitPrice: [expect.any(String)] } });
    await deleteDraft(staff, id, h.db);
    expect(await invoiceRow(id)).toBeUndefined();
    expect((await auditsOf(id)).map((a) => a.action)).toEqual(['CREATE', 'UPDATE', 'UPDATE', 'UPDATE', 'DELETE']);
  });

  it('issues a draft with the next gapless number, due date and printable items; then it is not editable', async () => {
    const id = await createManualDraft(staff, { agreementId: sdcAgreement.id, agreementCode: null }, h.db, NOW);
    await expect(issueManualInvoice(staff, id, h.db, NOW)).rejects.toBeInstanceOf(UserError); // no lines
    await addDraftLine(staff, line(id, { conceptId: reconexId }), h.db);
    const draft = await invoiceRow(id);
    const before = await lastNumber(draft, 'INVOICE');
    const issued = await issueManualInvoice(staff, id, h.db, NOW);
    expect(issued).toMatchObject({ status: 'ISSUED', number: before + 1, issueDate: '2026-11-15', total: '1003.00', balance: '1003.00' });
    expect(issued.fiscalNumber).toBe(`${String(draft.posNumber).padStart(5, '0')}-${String(before + 1).padStart(8, '0')}`);
    const due = new Date(Date.UTC(2026, 10, 15 + sdcAgreement.dueDays)).toISOString().slice(0, 10);
    expect(issued.dueDate).toBe(due);
    expect(await h.db.select().from(invoicePrintableItems).where(eq(invoicePrintableItems.invoiceId, id))).toHaveLength(1);
    expect((await auditsOf(id)).map((a) => a.action)).toContain('STATUS_CHANGE');

    await expect(addDraftLine(staff, line(id, { conceptId: reconexId }), h.db)).rejects.toBeInstanceOf(UserError);
    await expect(removeDraftLine(staff, { invoiceId: id, lineNo: 1 }, h.db)).rejects.toBeInstanceOf(UserError);
    await expect(deleteDraft(staff, id, h.db)).rejects.toBeInstanceOf(UserError);
    await expect(issueManualInvoice(staff, id, h.db, NOW)).rejects.toBeInstanceOf(UserError);
    // The database refuses too.
    await expect(h.db.delete(invoiceItems).where(eq(invoiceItems.invoiceId, id))).rejects.toThrow();
  });

  it('keeps drafts of another branch out of reach (404) and refuses cashiers and auditors', async () => {
    await expect(createManualDraft(staff, { agreementId: stiAgreementId, agreementCode: null }, h.db, NOW)).rejects.toBeInstanceOf(NotFoundError);
    const stiDraft = await createManualDraft(admin, { agreementId: stiAgreementId, agreementCode: null }, h.db, NOW);
    await expect(getDraftEditor(staff, stiDraft, h.db)).rejects.toBeInstanceOf(NotFoundError);
    await expect(addDraftLine(staff, line(stiDraft, { conceptId: reconexId }), h.db)).rejects.toBeInstanceOf(NotFoundError);
    await expect(issueManualInvoice(staff, stiDraft, h.db, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteDraft(staff, stiDraft, h.db)).rejects.toBeInstanceOf(NotFoundError);
    for (const actor of [cashier, auditor]) {
      await expect(createManualDraft(actor, { agreementId: sdcAgreement.id, agreementCode: null }, h.db, NOW)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getDraftEditor(actor, stiDraft, h.db)).rejects.toBeInstanceOf(ForbiddenError);
    }
    await deleteDraft(admin, stiDraft, h.db);
  });
});

describe('credit notes', () => {
  it('a partial credit note reduces the balance and takes the next CREDIT_NOTE number; more than what is left is refused', async () => {
    const inv = await issuedInvoice(); // 1003.00 + 200.00 (+ tax of the second concept)
    const total = inv.total;
    const before = await lastNumber(inv, 'CREDIT_NOTE');
    const invoicesBefore = await lastNumber(inv, 'INVOICE');
    const note = await createCreditNote(staff, creditNoteSchema.parse({ invoiceId: inv.id, mode: 'PARTIAL', reason: 'Reconexión cobrada de más', 'amount.1': '501.50' }), h.db, NOW);
    expect(note).toMatchObject({ docType: 'CREDIT_NOTE', status: 'ISSUED', number: before + 1, relatedInvoiceId: inv.id, total: '501.50', balance: '0.00', notes: 'Reconexión cobrada de más', invoiceClass: inv.invoiceClass, pointOfSaleId: inv.pointOfSaleId });
    const noteItems = await h.db.select().from(invoiceItems).where(eq(invoiceItems.invoiceId, note.id));
    expect(noteItems).toEqual([expect.objectContaining({ lineNo: 1, net: '425.00', tax: '76.50', total: '501.50' })]);
    expect(await lastNumber(inv, 'INVOICE')).toBe(invoicesBefore);
    const after = await invoiceRow(inv.id);
    expect(after).toMatchObject({ status: 'ISSUED', balance: (Number(total) - 501.5).toFixed(2), voidedAt: null });

    // Line 1 has 501.50 left: 501.51 is refused, and nothing changes.
    await expect(createCreditNote(staff, creditNoteSchema.parse({ invoiceId: inv.id, mode: 'PARTIAL', reason: 'Otra vez', 'amount.1': '501.51' }), h.db, NOW)).rejects.toMatchObject({ fieldErrors: { 'amount.1': [expect.any(String)] } });
    expect(await lastNumber(inv, 'CREDIT_NOTE')).toBe(before + 1);
    expect((await invoiceRow(inv.id)).balance).toBe(after.balance);

    const ctx = await getNoteContext(staff, inv.id, 'CREDIT_NOTE', h.db);
    expect(ctx.credited).toBe('501.50');
    expect(ctx.lines[0].remaining.total).toBe('501.50');
    expect(ctx.creditable).toBe(after.balance);

    // The rest in full voids the invoice; a further note is refused.
    const full = await createCreditNote(staff, creditNoteSchema.parse({ invoiceId: inv.id, mode: 'FULL', reason: 'Anulación' }), h.db, NOW);
    expect(full.number).toBe(before + 2);
    expect(full.total).toBe(after.balance);
    const voided = await invoiceRow(inv.id);
    expect(voided).toMatchObject({ status: 'VOIDED', balance: '0.00' });
    expect(voided.voidedAt).not.toBeNull();
    await expect(createCreditNote(staff, creditNoteSchema.parse({ invoiceId: inv.id, mode: 'FULL', reason: 'Otra' }), h.db, NOW)).rejects.toBeInstanceOf(UserError);

    const audits = await auditsOf(inv.id);
    expect(audits.filter((a) => a.action === 'STATUS_CHANGE')).toHaveLength(3); // issue + two notes
    expect((await auditsOf(note.id)).map((a) => a.action)).toEqual(['CREATE']);
  });

  it('a full credit note voids the invoice and copies its lines', async () => {
    const inv = await issuedInvoice();
    const note = await createCreditNote(staff, creditNoteSchema.parse({ invoiceId: inv.id, mode: 'FULL', reason: 'Factura emitida por error' }), h.db, NOW);
    expect(note.total).toBe(inv.total);
    const [orig, copied] = await Promise.all([
      h.db.select().from(invoiceItems).where(eq(invoiceItems.invoiceId, inv.id)).orderBy(invoiceItems.lineNo),
      h.db.select().from(invoiceItems).where(eq(invoiceItems.invoiceId, note.id)).orderBy(invoiceItems.lineNo),
    ]);
    expect(copied.map((i) => [i.lineNo, i.quantity, i.unitPrice, i.total])).toEqual(orig.map((i) => [i.lineNo, i.quantity, i.unitPrice, i.total]));
    expect(await invoiceRow(inv.id)).toMatchObject({ status: 'VOIDED', balance: '0.00' });
  });

  it('never credits more than the balance after a payment', async () => {
    const inv = await issuedInvoice();
    await h.db.update(invoices).set({ status: 'PARTIALLY_PAID', balance: '100.00' }).where(eq(invoices.id, inv.id));
    await expect(createCreditNote(staff, creditNoteSchema.parse({ invoiceId: inv.id, mode: 'FULL', reason: 'Anular' }), h.db, NOW)).rejects.toThrow(/saldo pendiente/);
    await createCreditNote(staff, creditNoteSchema.parse({ invoiceId: inv.id, mode: 'PARTIAL', reason: 'Ajuste', 'amount.1': '100' }), h.db, NOW);
    expect(await invoiceRow(inv.id)).toMatchObject({ status: 'PAID', balance: '0.00' });
  });

  it('answers 404 for another branch\'s invoice and refuses cashiers and auditors', async () => {
    const stiDraft = await createManualDraft(admin, { agreementId: stiAgreementId, agreementCode: null }, h.db, NOW);
    await addDraftLine(admin, line(stiDraft, { conceptId: reconexId }), h.db);
    const sti = await issueManualInvoice(admin, stiDraft, h.db, NOW);
    const credit = creditNoteSchema.parse({ invoiceId: sti.id, mode: 'FULL', reason: 'Anular' });
    const debit = debitNoteSchema.parse({ invoiceId: sti.id, reason: 'Cargo', 'l0.conceptId': reconexId, 'l0.quantity': '1' });
    await expect(createCreditNote(staff, credit, h.db, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(createDebitNote(staff, debit, h.db, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getNoteContext(staff, sti.id, 'CREDIT_NOTE', h.db)).rejects.toBeInstanceOf(NotFoundError);
    for (const actor of [cashier, auditor]) {
      await expect(createCreditNote(actor, credit, h.db, NOW)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(createDebitNote(actor, debit, h.db, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await invoiceRow(sti.id)).toMatchObject({ status: 'ISSUED', balance: sti.total });
  });
});

describe('debit notes', () => {
  it('bill extra charges with their own numbering and balance, leaving the invoice as it was', async () => {
    const inv = await issuedInvoice();
    const [creditBefore, debitBefore, invoiceBefore] = await Promise.all([lastNumber(inv, 'CREDIT_NOTE'), lastNumber(inv, 'DEBIT_NOTE'), lastNumber(inv, 'INVOICE')]);
    const note = await createDebitNote(
      staff,
      debitNoteSchema.parse({ invoiceId: inv.id, reason: 'Cargo por reconexión omitido', 'l0.conceptId': reconexId, 'l0.quantity': '1', 'l1.conceptId': plainConceptId, 'l1.quantity': '2', 'l1.unitPrice': '25' }),
      h.db,
      NOW,
    );
    expect(note).toMatchObject({ docType: 'DEBIT_NOTE', status: 'ISSUED', number: debitBefore + 1, relatedInvoiceId: inv.id });
    expect(note.balance).toBe(note.total);
    expect(Number(note.total)).toBeGreaterThan(1003);
    expect(note.dueDate).not.toBeNull();
    expect(await lastNumber(inv, 'CREDIT_NOTE')).toBe(creditBefore);
    expect(await lastNumber(inv, 'INVOICE')).toBe(invoiceBefore);
    expect(await invoiceRow(inv.id)).toMatchObject({ status: 'ISSUED', balance: inv.balance });
    expect(await h.db.select().from(invoiceItems).where(eq(invoiceItems.invoiceId, note.id))).toHaveLength(2);
    expect((await auditsOf(note.id)).map((a) => a.action)).toEqual(['CREATE']);
    // A bad row comes back as that row's field error.
    await expect(createDebitNote(staff, debitNoteSchema.parse({ invoiceId: inv.id, reason: 'Cargo', 'l0.conceptId': plainConceptId, 'l0.quantity': '1' }), h.db, NOW)).rejects.toMatchObject({ fieldErrors: { 'l0.unitPrice': [expect.any(String)] } });
  });

  it('a credit note cannot take a note, and debit notes are issued only on invoices', async () => {
    const inv = await issuedInvoice();
    const credit = await createCreditNote(staff, creditNoteSchema.parse({ invoiceId: inv.id, mode: 'PARTIAL', reason: 'Ajuste', 'amount.1': '1' }), h.db, NOW);
    await expect(createDebitNote(staff, debitNoteSchema.parse({ invoiceId: credit.id, reason: 'Cargo', 'l0.conceptId': reconexId, 'l0.quantity': '1' }), h.db, NOW)).rejects.toBeInstanceOf(UserError);
    await expect(createCreditNote(staff, creditNoteSchema.parse({ invoiceId: credit.id, mode: 'FULL', reason: 'X x x' }), h.db, NOW)).rejects.toBeInstanceOf(UserError);
  });
});

describe('server actions', () => {
  const form = (fields: Record<string, string>) => {
    const fd = new FormData();
    for (const [k, v] of Object.entries(fields)) fd.set(k, v);
    return fd;
  };
  const digest = (p: Promise<unknown>) => p.then((v) => v, (e: { digest?: string }) => e.digest ?? String(e));

  it('creates a draft and redirects to its editor; unknown codes are a field error', async () => {
    const { createManualDraftAction } = await import('@/lib/actions/invoice-documents');
    session.current = { user: { id: staff.id } };
    expect(await createManualDraftAction(undefined, form({ agreementCode: 'NO-EXISTE' }))).toMatchObject({ ok: false, fieldErrors: { agreementCode: [expect.any(String)] } });
    const redirected = await digest(createManualDraftAction(undefined, form({ agreementId: sdcAgreement.id })));
    expect(String(redirected)).toMatch(/^NEXT_REDIRECT;.*\/facturas\/[0-9a-f-]{36}\/editar;/);
  });

  it('returns the reason and amount errors of a credit note, and 403 to auditors and cashiers', async () => {
    const { createCreditNoteAction, createDebitNoteAction } = await import('@/lib/actions/invoice-documents');
    const inv = await issuedInvoice();
    session.current = { user: { id: staff.id } };
    const bad = await createCreditNoteAction(undefined, form({ invoiceId: inv.id, mode: 'PARTIAL', reason: '', 'amount.1': 'abc' }));
    expect(bad).toMatchObject({ ok: false, fieldErrors: { reason: [expect.any(String)], 'amount.1': [expect.any(String)] } });
    for (const who of [auditor, cashier]) {
      session.current = { user: { id: who.id } };
      expect(await digest(createCreditNoteAction(undefined, form({ invoiceId: inv.id, mode: 'FULL', reason: 'Anular' })))).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
      expect(await digest(createDebitNoteAction(undefined, form({ invoiceId: inv.id, reason: 'Cargo', 'l0.conceptId': reconexId, 'l0.quantity': '1' })))).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
    }
    expect(await invoiceRow(inv.id)).toMatchObject({ status: 'ISSUED', balance: inv.total });
  });
});
