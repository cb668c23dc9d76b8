import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { agreements, branches, concepts, customers, invoicePrintableItems, invoices, pointsOfSale } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { ForbiddenError, NotFoundError } from '@/lib/auth/errors';
import type { Actor } from '@/lib/auth/scope';
import { addDraftLine, createManualDraft, issueManualInvoice } from '@/lib/dal/invoice-documents';
import { formatMoney } from '@/lib/domain/format';
import { sumMoney, toMoneyString } from '@/lib/domain/money';
import { amountInWords } from '@/lib/domain/pdf/amount-in-words';
import { loadInvoicePdf } from '@/lib/pdf/invoice-data';
import { renderInvoicePdf } from '@/lib/pdf/render';
import { draftLineSchema } from '@/lib/validation/invoice-documents';
import { GET } from '@/app/(staff)/facturas/[id]/pdf/route';
import { actorFor } from '../support/actors';
import { createTestDatabase } from '../support/db';
import { pdfText } from '../support/pdf-text';

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock('@/lib/auth/auth', () => ({ auth: async () => session.current, signIn: vi.fn(), signOut: vi.fn() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

let h: DatabaseHandle;
let staff: Actor; // BRANCH_STAFF of SDC
let admin: Actor;
let cashier: Actor;
let classA: string;
let classB: string;
let draftId: string;
let stiInvoiceId: string;

const NOW = new Date('2026-11-15T15:00:00Z');

/** A DOP agreement of `branchCode` whose customer has `taxCondition` (so its manual invoices take class A or B). */
async function agreementWith(branchCode: string, taxCondition: 'REGISTERED' | 'FINAL_CONSUMER') {
  const [row] = await h.db
    .select({ id: agreements.id })
    .from(agreements)
    .innerJoin(branches, eq(branches.id, agreements.branchId))
    .innerJoin(customers, eq(customers.id, agreements.customerId))
    .where(and(eq(branches.code, branchCode), eq(agreements.currency, 'DOP'), eq(customers.taxCondition, taxCondition), sql`${agreements.status} <> 'CLOSED'`))
    .limit(1);
  if (!row) throw new Error(`No ${taxCondition} agreement in ${branchCode}`);
  return row.id;
}

/** An issued manual invoice: RECONEX (850 + 18 % ITBIS) and 3 × 125.50 of an exempt concept. */
async function manualInvoice(actor: Actor, agreementId: string, issue = true) {
  const [reconex] = await h.db.select({ id: concepts.id }).from(concepts).where(eq(concepts.code, 'RECONEX'));
  const [plain] = await h.db
    .select({ id: concepts.id })
    .from(concepts)
    .where(and(eq(concepts.active, true), eq(concepts.taxRate, '0.00'), sql`${concepts.kind} not in ('ONE_OFF', 'LATE_FEE')`))
    .limit(1);
  const id = await createManualDraft(actor, { agreementId, agreementCode: null }, h.db, NOW);
  await addDraftLine(actor, draftLineSchema.parse({ invoiceId: id, conceptId: reconex.id, quantity: '1', description: 'Reconexión del servicio — ñandú «prueba» º' }), h.db);
  await addDraftLine(actor, draftLineSchema.parse({ invoiceId: id, conceptId: plain.id, quantity: '3', unitPrice: '125.50' }), h.db);
  if (issue) await issueManualInvoice(actor, id, h.db, NOW);
  return id;
}

/** Loads and renders like the route; with PDF_OUT=<folder> also writes the PDF there to look at. */
async function render(actor: Actor, id: string) {
  const { data, format } = await loadInvoicePdf(actor, id, h.db);
  const pdf = await renderInvoicePdf(data, format);
  if (process.env.PDF_OUT) await writeFile(path.join(process.env.PDF_OUT, `db-${data.document.invoiceClass}-${data.document.fiscalNumber}.pdf`), pdf);
  return { data, pdf, text: await pdfText(pdf) };
}

beforeAll(async () => {
  h = await createTestDatabase();
  await seedDemo(h);
  staff = await actorFor('sucursal@cauce.example');
  admin = await actorFor('admin@cauce.example');
  cashier = await actorFor('cajero@cauce.example');
  classA = await manualInvoice(staff, await agreementWith('SDC', 'REGISTERED'));
  classB = await manualInvoice(staff, await agreementWith('SDC', 'FINAL_CONSUMER'));
  draftId = await manualInvoice(staff, await agreementWith('SDC', 'FINAL_CONSUMER'), false);
  stiInvoiceId = await manualInvoice(admin, await agreementWith('STI', 'FINAL_CONSUMER'));
});
afterAll(() => h.close());

describe('invoice PDF', () => {
  it('class A: number, customer, every printable line, the stored totals in figures and words, and a separate ITBIS line', async () => {
    const { data, pdf, text } = await render(staff, classA);
    expect(data.document.invoiceClass).toBe('A');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(text.pages).toHaveLength(1);
    const printable = await h.db.select().from(invoicePrintableItems).where(eq(invoicePrintableItems.invoiceId, classA));
    expect(printable.length).toBeGreaterThan(0);
    const [inv] = await h.db.select().from(invoices).where(eq(invoices.id, classA));
    expect(text.all).toContain(inv.fiscalNumber!);
    expect(text.all).toContain(String(inv.customerSnapshot.name));
    for (const p of printable) expect(text.all).toContain(p.description);
    // The glyphs outside ASCII come through (bundled font): ñ, «», º.
    expect(text.all).toContain('ñandú «prueba» º');
    // 850.00 + 153.00 ITBIS + 376.50 = 1,379.50
    expect(inv.total).toBe('1379.50');
    expect(text.all).toContain(formatMoney(inv.total, 'DOP'));
    expect(text.all).toContain(amountInWords(inv.total, 'DOP'));
    expect(text.all).toContain('MIL TRESCIENTOS SETENTA Y NUEVE PESOS CON 50/100');
    expect(text.pages[0].items).toContain('ITBIS');
    expect(text.all).toContain(formatMoney(inv.taxTotal, 'DOP'));
    expect(text.all).toContain('Saldo pendiente');
    expect(text.all).toContain('Página 1 de 1');
  });

  it('class B: the tax is included, never a separate ITBIS line', async () => {
    const { data, text } = await render(staff, classB);
    expect(data.document.invoiceClass).toBe('B');
    const [inv] = await h.db.select().from(invoices).where(eq(invoices.id, classB));
    expect(text.all).toContain(inv.fiscalNumber!);
    expect(text.all).toContain(String(inv.customerSnapshot.name));
    for (const l of data.lines) expect(text.all).toContain(l.description);
    expect(text.all).toContain(formatMoney(inv.total, 'DOP'));
    expect(text.all).toContain('ITBIS incluido');
    // Neither a tax column nor a tax line in the totals.
    expect(text.pages[0].items).not.toContain('ITBIS');
    expect(text.all).not.toContain('Subtotal neto');
  });

  it('prints ANULADA on a voided invoice', async () => {
    const [src] = await h.db.select().from(invoices).where(eq(invoices.id, classA));
    const voided = await insertIssued(src, { status: 'VOIDED', balance: '0.00', voidedAt: NOW }, 2);
    const { text } = await render(staff, voided);
    expect(text.all).toContain('ANULADA');
    expect((await render(staff, classA)).text.all).not.toContain('ANULADA');
  });

  it('paginates a 500-line invoice: header and table header on every page, "Página X de N", every line once', async () => {
    const [src] = await h.db.select().from(invoices).where(eq(invoices.id, classA));
    const id = await insertIssued(src, {}, 500);
    const started = performance.now();
    const { pdf, text } = await render(staff, id);
    const seconds = (performance.now() - started) / 1000;
    const n = text.pages.length;
    expect(n).toBeGreaterThan(5);
    const [inv] = await h.db.select().from(invoices).where(eq(invoices.id, id));
    text.pages.forEach((p, i) => {
      expect(p.text).toContain(`Página ${i + 1} de ${n}`);
      expect(p.text).toContain(inv.fiscalNumber!); // repeated header
      expect(p.items).toContain('Descripción'); // repeated table header
    });
    const printed = [...text.all.matchAll(/Cuenta (\d{6}) —/g)].map((m) => Number(m[1]));
    expect(printed).toEqual(Array.from({ length: 500 }, (_, i) => 100001 + i)); // each once, in order
    expect(text.pages[n - 1].text).toContain(formatMoney(inv.total, 'DOP'));
    console.log(`500 líneas: ${n} páginas, ${(pdf.length / 1024).toFixed(0)} KB, ${seconds.toFixed(2)} s`);
  });

  it('refuses what the actor may not see: another branch, a draft, an invalid id, a role without billing.read', async () => {
    await expect(loadInvoicePdf(staff, stiInvoiceId, h.db)).rejects.toBeInstanceOf(NotFoundError);
    await expect(loadInvoicePdf(admin, stiInvoiceId, h.db)).resolves.toBeTruthy();
    await expect(loadInvoicePdf(staff, draftId, h.db)).rejects.toBeInstanceOf(NotFoundError);
    await expect(loadInvoicePdf(staff, 'not-a-uuid', h.db)).rejects.toBeInstanceOf(NotFoundError);
    await expect(loadInvoicePdf(staff, '00000000-0000-4000-8000-000000000000', h.db)).rejects.toBeInstanceOf(NotFoundError);
    await expect(loadInvoicePdf(cashier, classA, h.db)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('GET /facturas/[id]/pdf', () => {
  const get = (id: string) => GET(new Request(`http://localhost/facturas/${id}/pdf`), { params: Promise.resolve({ id }) });

  it('answers the PDF inline, named by its fiscal number', async () => {
    session.current = { user: { id: staff.id } };
    const res = await get(classB);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const [inv] = await h.db.select().from(invoices).where(eq(invoices.id, classB));
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="${inv.fiscalNumber}.pdf"`);
    const body = new Uint8Array(await res.arrayBuffer());
    expect((await pdfText(body)).all).toContain(inv.fiscalNumber!);
  });

  it('404 out of scope, for drafts and unknown ids; 401 without a session', async () => {
    session.current = { user: { id: staff.id } };
    expect((await get(stiInvoiceId)).status).toBe(404);
    expect((await get(draftId)).status).toBe(404);
    expect((await get('nope')).status).toBe(404);
    session.current = null;
    expect((await get(classA)).status).toBe(401);
  });
});

/** A copy of `src` issued with `lines` printable lines, written in one transaction as issuing does. */
async function insertIssued(src: typeof invoices.$inferSelect, over: Partial<typeof invoices.$inferInsert>, lines: number) {
  const [pos] = await h.db.select().from(pointsOfSale).where(eq(pointsOfSale.id, src.pointOfSaleId));
  const [{ max }] = await h.db.select({ max: sql<number>`coalesce(max(${invoices.number}), 0)::int` }).from(invoices).where(and(eq(invoices.pointOfSaleId, pos.id), eq(invoices.invoiceClass, src.invoiceClass)));
  const number = max + 1;
  const amounts = Array.from({ length: lines }, (_, i) => (100 + i).toFixed(2));
  const total = toMoneyString(sumMoney(amounts));
  const { id: _id, ...rest } = src;
  void _id;
  return h.db.transaction(async (tx) => {
    const [inv] = await tx
      .insert(invoices)
      .values({
        ...rest,
        number,
        fiscalNumber: `${String(pos.number).padStart(5, '0')}-${String(number).padStart(8, '0')}`,
        grossTotal: total,
        discountTotal: '0.00',
        netTotal: total,
        taxTotal: '0.00',
        total: total,
        balance: total,
        ...over,
      })
      .returning();
    await tx.insert(invoicePrintableItems).values(amounts.map((a, i) => ({ invoiceId: inv.id, lineNo: i + 1, description: `Cuenta ${100001 + i} — Local ${i + 1}`, quantity: null, unitPrice: null, net: a, tax: '0.00', total: a })));
    return inv.id;
  });
}
