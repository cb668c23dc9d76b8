import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { accounts, agreements, auditLog, branches, concepts, customers, meterReadings, printFormatAssignments, printFormatDefaults, printFormats } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { DEMO_PRINT_FORMATS } from '@/db/seed-data/print';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import type { Actor } from '@/lib/auth/scope';
import { addDraftLine, createManualDraft, issueManualInvoice } from '@/lib/dal/invoice-documents';
import {
  createPrintAssignment,
  createPrintFormat,
  deletePrintAssignment,
  getPrintFormat,
  listAgreementPrintAssignments,
  listPrintFormatsForAdmin,
  savePrintFormatDefaults,
  updatePrintFormat,
} from '@/lib/dal/print-formats';
import { BUILT_IN_PRINT_FORMAT } from '@/lib/domain/pdf/print-format';
import { loadInvoicePdf } from '@/lib/pdf/invoice-data';
import { renderInvoicePdf } from '@/lib/pdf/render';
import { draftLineSchema } from '@/lib/validation/invoice-documents';
import { printFormatInputSchema, type PrintFormatInput } from '@/lib/validation/print-formats';
import { POST as preview } from '@/app/(admin)/admin/formatos/vista-previa/route';
import { actorFor } from '../support/actors';
import { createTestDatabase } from '../support/db';
import { pdfText } from '../support/pdf-text';

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock('@/lib/auth/auth', () => ({ auth: async () => session.current, signIn: vi.fn(), signOut: vi.fn() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

let h: DatabaseHandle;
let admin: Actor;
let staff: Actor; // BRANCH_STAFF of SDC
let cashier: Actor;
let client: Actor;
let sdcAgreement: string; // REGISTERED customer, DOP: class A invoices
let stiAgreement: string;

const NOW = new Date('2026-11-15T15:00:00Z');
// A 1×1 PNG and the first bytes of a GIF.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');

const form = (over: Record<string, unknown> = {}): PrintFormatInput =>
  printFormatInputSchema.parse({
    code: 'PRUEBA',
    name: 'Formato de prueba',
    paperSize: 'A4',
    accentColor: '#2E7D32',
    showConsumptionChart: 'on',
    chartPeriods: '6',
    showPaymentQr: 'on',
    showBarcode: 'on',
    showNotes: 'on',
    legalFooter: 'Pie de prueba.',
    columns: ['net', 'total'],
    active: 'on',
    ...over,
  });

async function agreementWith(branchCode: string) {
  const [row] = await h.db
    .select({ id: agreements.id })
    .from(agreements)
    .innerJoin(branches, eq(branches.id, agreements.branchId))
    .innerJoin(customers, eq(customers.id, agreements.customerId))
    .where(and(eq(branches.code, branchCode), eq(agreements.currency, 'DOP'), eq(customers.taxCondition, 'REGISTERED'), eq(agreements.status, 'ACTIVE')))
    .orderBy(agreements.code)
    .limit(1);
  return row.id;
}

/** An issued manual class A invoice of the agreement (one exempt line: 2 × 100.00). */
async function manualInvoice(agreementId: string) {
  const [plain] = await h.db
    .select({ id: concepts.id })
    .from(concepts)
    .where(and(eq(concepts.active, true), eq(concepts.taxRate, '0.00'), sql`${concepts.kind} not in ('ONE_OFF', 'LATE_FEE')`))
    .limit(1);
  const id = await createManualDraft(staff, { agreementId, agreementCode: null }, h.db, NOW);
  await addDraftLine(staff, draftLineSchema.parse({ invoiceId: id, conceptId: plain.id, quantity: '2', unitPrice: '100.00' }), h.db);
  await issueManualInvoice(staff, id, h.db, NOW);
  return id;
}

async function pdfOf(invoiceId: string) {
  const { data, format } = await loadInvoicePdf(staff, invoiceId, h.db);
  return { format, data, text: await pdfText(await renderInvoicePdf(data, format)) };
}

const auditOf = (entityId: string) => h.db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(desc(auditLog.at), desc(auditLog.id));

beforeAll(async () => {
  h = await createTestDatabase();
  await seedDemo(h);
  [admin, staff, cashier, client] = await Promise.all(['admin@cauce.example', 'sucursal@cauce.example', 'cajero@cauce.example', 'cliente@cauce.example'].map(actorFor));
  sdcAgreement = await agreementWith('SDC');
  stiAgreement = await agreementWith('STI');
});
afterAll(() => h.close());

describe('seed', () => {
  it('loads Estándar as the default of A, B and E and Corporativo assigned to a GC-000001 agreement', async () => {
    const rows = await listPrintFormatsForAdmin(admin, h.db);
    expect(rows.map((r) => r.code).sort()).toEqual(['CORPORATIVO', 'ESTANDAR']);
    expect(rows.find((r) => r.code === 'ESTANDAR')?.defaultFor).toEqual(['A', 'B', 'E']);
    expect(rows.find((r) => r.code === 'CORPORATIVO')?.assignments).toBe(2);
    // A second seed adds nothing.
    await seedDemo(h);
    expect(await h.db.$count(printFormats)).toBe(2);
  });
});

describe('formats (admin.catalogs)', () => {
  it('creates a format with a PNG logo, audited without the logo bytes', async () => {
    const created = await createPrintFormat(admin, form(), PNG, h.db);
    expect(created).toMatchObject({ code: 'PRUEBA', accentColor: '#2e7d32', paperSize: 'A4', chartPeriods: 6, columns: ['net', 'total'], logoMime: 'image/png' });
    const [audit] = await auditOf(created.id);
    expect(audit).toMatchObject({ entity: 'print_format', action: 'CREATE', userEmail: 'admin@cauce.example' });
    expect(audit.after).toMatchObject({ code: 'PRUEBA', logoMime: 'image/png', logoBytes: PNG.length });
    expect(audit.after).not.toHaveProperty('logo');
    const loaded = await getPrintFormat(admin, created.id, h.db);
    expect(loaded.logoDataUri).toBe(`data:image/png;base64,${PNG.toString('base64')}`);
  });

  it('updates colour and footer keeping the logo, with before and after; removeLogo drops it', async () => {
    const [row] = await h.db.select().from(printFormats).where(eq(printFormats.code, 'PRUEBA'));
    const updated = await updatePrintFormat(admin, row.id, form({ accentColor: '#AA0000', legalFooter: 'Pie cambiado.' }), null, h.db);
    expect(updated).toMatchObject({ accentColor: '#aa0000', legalFooter: 'Pie cambiado.', logoMime: 'image/png' });
    const [audit] = await auditOf(row.id);
    expect(audit).toMatchObject({ action: 'UPDATE', before: expect.objectContaining({ accentColor: '#2e7d32', legalFooter: 'Pie de prueba.' }), after: expect.objectContaining({ accentColor: '#aa0000' }) });
    const removed = await updatePrintFormat(admin, row.id, form({ removeLogo: 'on' }), null, h.db);
    expect([removed.logo, removed.logoMime]).toEqual([null, null]);
  });

  it('refuses a logo that is not PNG/JPEG by content or is over 512 KB, and a taken code, as field errors', async () => {
    await expect(createPrintFormat(admin, form({ code: 'OTRO' }), GIF, h.db)).rejects.toMatchObject({ fieldErrors: { logo: [expect.stringContaining('PNG o JPEG')] } });
    const big = Buffer.concat([PNG, Buffer.alloc(512 * 1024)]);
    await expect(createPrintFormat(admin, form({ code: 'OTRO' }), big, h.db)).rejects.toMatchObject({ fieldErrors: { logo: [expect.stringContaining('512 KB')] } });
    await expect(createPrintFormat(admin, form({ code: 'prueba' }), null, h.db)).rejects.toMatchObject({ fieldErrors: { code: ['El código PRUEBA ya es del formato Formato de prueba.'] } });
    expect(await h.db.$count(printFormats, eq(printFormats.code, 'OTRO'))).toBe(0);
  });

  it('validates the form in Spanish: colour, periods, columns', () => {
    const r = printFormatInputSchema.safeParse({ code: 'X', name: '', paperSize: 'LEGAL', accentColor: 'rojo', chartPeriods: '13', columns: ['quantity'] });
    expect(r.success).toBe(false);
    const errors = Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(errors).toMatchObject({
      code: expect.stringContaining('de 2 a 20'),
      name: expect.stringContaining('nombre'),
      paperSize: 'Seleccione el tamaño de papel: Carta o A4.',
      accentColor: expect.stringContaining('#rrggbb'),
      chartPeriods: 'Indique de 6 a 12 períodos.',
      columns: expect.stringContaining('al menos una columna de importe'),
    });
  });

  it('does not deactivate a company default', async () => {
    const [std] = await h.db.select().from(printFormats).where(eq(printFormats.code, 'ESTANDAR'));
    const { legalFooter, accentColor } = std;
    await expect(updatePrintFormat(admin, std.id, form({ code: 'ESTANDAR', accentColor, legalFooter, active: undefined }), null, h.db)).rejects.toMatchObject({ fieldErrors: { active: [expect.stringContaining('por omisión')] } });
  });

  it('is for administrators only', async () => {
    for (const actor of [staff, cashier, client]) {
      await expect(listPrintFormatsForAdmin(actor, h.db)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(createPrintFormat(actor, form({ code: 'NO' }), null, h.db)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(savePrintFormatDefaults(actor, { A: null, B: null, E: null }, h.db)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});

describe('assignments (agreements.write in the agreement branch)', () => {
  it('branch staff add one to an agreement of their branch, coded FI-NNNNNN, audited; a second of the same class and type is refused', async () => {
    const [fmt] = await h.db.select().from(printFormats).where(eq(printFormats.code, 'CORPORATIVO'));
    const created = await createPrintAssignment(staff, sdcAgreement, { invoiceClass: 'B', type: 'AUTOMATIC', formatId: fmt.id }, h.db);
    expect(created.code).toBe('FI-000003'); // the seed took FI-000001 and FI-000002
    const [audit] = await auditOf(created.id);
    expect(audit).toMatchObject({ entity: 'print_format_assignment', action: 'CREATE' });
    await expect(createPrintAssignment(staff, sdcAgreement, { invoiceClass: 'B', type: 'AUTOMATIC', formatId: fmt.id }, h.db)).rejects.toMatchObject({
      fieldErrors: { invoiceClass: [expect.stringContaining('FI-000003')] },
    });
    const { rows } = await listAgreementPrintAssignments(staff, sdcAgreement, h.db);
    expect(rows.map((r) => [r.code, r.invoiceClass, r.type, r.formatCode])).toEqual([['FI-000003', 'B', 'AUTOMATIC', 'CORPORATIVO']]);
    const removed = await deletePrintAssignment(staff, created.id, h.db);
    expect(removed.code).toBe('FI-000003');
    expect((await auditOf(created.id))[0]).toMatchObject({ action: 'DELETE', before: expect.objectContaining({ code: 'FI-000003' }) });
  });

  it("is 'not found' for another branch's agreement or assignment; cashiers and clients are refused", async () => {
    const [fmt] = await h.db.select().from(printFormats).where(eq(printFormats.code, 'CORPORATIVO'));
    await expect(listAgreementPrintAssignments(staff, stiAgreement, h.db)).rejects.toBeInstanceOf(NotFoundError);
    await expect(createPrintAssignment(staff, stiAgreement, { invoiceClass: 'A', type: 'MANUAL', formatId: fmt.id }, h.db)).rejects.toBeInstanceOf(NotFoundError);
    const other = await createPrintAssignment(admin, stiAgreement, { invoiceClass: 'A', type: 'MANUAL', formatId: fmt.id }, h.db);
    await expect(deletePrintAssignment(staff, other.id, h.db)).rejects.toBeInstanceOf(NotFoundError);
    expect(await h.db.$count(printFormatAssignments, eq(printFormatAssignments.id, other.id))).toBe(1);
    for (const actor of [cashier, client]) {
      await expect(listAgreementPrintAssignments(actor, sdcAgreement, h.db)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(createPrintAssignment(actor, sdcAgreement, { invoiceClass: 'A', type: 'MANUAL', formatId: fmt.id }, h.db)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(deletePrintAssignment(actor, other.id, h.db)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});

describe('the invoice PDF prints with the selected format', () => {
  it('assignment (agreement, class, type) → company default → built-in, as the footer shows', async () => {
    const invoiceId = await manualInvoice(sdcAgreement);
    // Company default of class A: Estándar (seed).
    let pdf = await pdfOf(invoiceId);
    expect(pdf.format.code).toBe('ESTANDAR');
    expect(pdf.text.all).toContain(DEMO_PRINT_FORMATS[0].legalFooter.slice(0, 60));

    const def = await createPrintFormat(admin, form({ code: 'DEF-A', legalFooter: 'Pie por omisión de la clase A.' }), null, h.db);
    const mine = await createPrintFormat(admin, form({ code: 'ASIG', legalFooter: 'Pie del formato asignado.', columns: ['quantity', 'unitPrice', 'total'] }), PNG, h.db);
    await savePrintFormatDefaults(admin, { A: def.id, B: null, E: null }, h.db);
    expect((await auditOf('A'))[0]).toMatchObject({ entity: 'print_format_default', action: 'UPDATE' });
    pdf = await pdfOf(invoiceId);
    expect(pdf.text.all).toContain('Pie por omisión de la clase A.');

    // An AUTOMATIC assignment does not apply to a manual invoice; a MANUAL one does.
    const auto = await createPrintAssignment(staff, sdcAgreement, { invoiceClass: 'A', type: 'AUTOMATIC', formatId: mine.id }, h.db);
    expect((await pdfOf(invoiceId)).text.all).toContain('Pie por omisión de la clase A.');
    await createPrintAssignment(staff, sdcAgreement, { invoiceClass: 'A', type: 'MANUAL', formatId: mine.id }, h.db);
    pdf = await pdfOf(invoiceId);
    expect(pdf.format).toMatchObject({ code: 'ASIG', paperSize: 'A4', logo: expect.stringMatching(/^data:image\/png;base64,/) });
    expect(pdf.text.all).toContain('Pie del formato asignado.');
    // Its column set: quantity, price and total, no net or ITBIS column.
    expect(pdf.text.pages[0].items).toEqual(expect.arrayContaining(['Descripción', 'Cantidad', 'Precio unit.', 'Total']));
    expect(pdf.text.pages[0].items).not.toContain('Neto');
    // ITBIS prints once: the totals line, not a column.
    expect(pdf.text.pages[0].items.filter((i) => i === 'ITBIS')).toHaveLength(1);
    await deletePrintAssignment(staff, auto.id, h.db);

    // No assignment for the type and no default for the class → the built-in format.
    await h.db.delete(printFormatAssignments).where(eq(printFormatAssignments.agreementId, sdcAgreement));
    await savePrintFormatDefaults(admin, { A: null, B: null, E: null }, h.db);
    expect(await h.db.$count(printFormatDefaults)).toBe(0);
    pdf = await pdfOf(invoiceId);
    expect(pdf.format.code).toBe(BUILT_IN_PRINT_FORMAT.code);
    expect(pdf.text.all).toContain(BUILT_IN_PRINT_FORMAT.legalFooter.slice(0, 60));
  });

  it("draws the consumption of the agreement's accounts over the format's periods, and the payment QR and barcode reference", async () => {
    await h.db.delete(printFormatAssignments).where(eq(printFormatAssignments.agreementId, sdcAgreement));
    const invoiceId = await manualInvoice(sdcAgreement);
    const without = await pdfOf(invoiceId);
    expect(without.text.all).not.toContain('HISTORIAL DE CONSUMO');
    const [account] = await h.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.agreementId, sdcAgreement)).limit(1);
    // The manual invoice's month is 2026-11: with 6 periods the chart shows 2026-06 … 2026-11, not 2025-12.
    await h.db.insert(meterReadings).values([
      { accountId: account.id, period: '2025-12', readingDate: '2025-12-20', consumption: 999 },
      { accountId: account.id, period: '2026-09', readingDate: '2026-09-20', consumption: 41 },
      { accountId: account.id, period: '2026-11', readingDate: '2026-11-10', consumption: 37 },
    ]);
    const fmt = await createPrintFormat(admin, form({ code: 'GRAF', chartPeriods: '6', legalFooter: 'Con gráfico.' }), null, h.db);
    await createPrintAssignment(admin, sdcAgreement, { invoiceClass: 'A', type: 'MANUAL', formatId: fmt.id }, h.db);
    const { data, text } = await pdfOf(invoiceId);
    // A manual invoice has no period: the loader reads twice the window back (12 months to 2026-11) so the
    // chart can end with the latest period read; the 6 bars still end with 2026-11 and leave 2025-12 out.
    expect(data.document.period).toBeNull();
    expect(data.consumption).toEqual([
      { period: '2025-12', m3: 999 },
      { period: '2026-09', m3: 41 },
      { period: '2026-11', m3: 37 },
    ]);
    expect(text.all).toContain('HISTORIAL DE CONSUMO'); // a label: printed upper-case
    for (const label of ['jun', 'jul', 'ago', 'sep', 'oct', 'nov', '41', '37']) expect(text.pages[0].items).toContain(label);
    expect(text.pages[0].items).not.toContain('999');
    expect(text.all).toContain('Referencia de pago');
    expect(text.all).toContain(data.document.fiscalNumber.replace('-', ''));
  });
});

describe('POST /admin/formatos/vista-previa', () => {
  const post = (fields: Record<string, string | string[]>, logo?: Buffer) => {
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) for (const one of ([] as string[]).concat(v)) body.append(k, one);
    if (logo) body.append('logo', new Blob([new Uint8Array(logo)], { type: 'image/png' }), 'logo.png');
    return preview(new Request('http://localhost/admin/formatos/vista-previa', { method: 'POST', body }));
  };
  const fields = { code: 'NUEVO', name: 'Sin guardar', paperSize: 'LETTER', accentColor: '#123456', chartPeriods: '12', showPaymentQr: 'on', legalFooter: 'Pie sin guardar de la vista previa.', 'columns[]': ['net', 'tax', 'total'], previewClass: 'B' };

  it('renders the unsaved values on the sample of the chosen class', async () => {
    session.current = { user: { id: admin.id } };
    const res = await post(fields, PNG);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const text = await pdfText(new Uint8Array(await res.arrayBuffer()));
    expect(text.all).toContain('Pie sin guardar de la vista previa.');
    expect(text.all).toContain('00002-00018833'); // the class B sample
    expect(await h.db.$count(printFormats, eq(printFormats.code, 'NUEVO'))).toBe(0);
  });

  it('answers 422 with field errors for a bad colour or a logo that is not an image; 403 for staff, 401 without a session', async () => {
    session.current = { user: { id: admin.id } };
    const bad = await post({ ...fields, accentColor: 'azul' });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors.accentColor).toBeDefined();
    const gif = await post(fields, GIF);
    expect(gif.status).toBe(422);
    expect(((await gif.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors.logo[0]).toContain('PNG o JPEG');
    session.current = { user: { id: staff.id } };
    expect((await post(fields)).status).toBe(403);
    session.current = null;
    expect((await post(fields)).status).toBe(401);
  });
});

// UserError is what the actions turn into field errors.
void UserError;
