import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { agreements, branches, customers, invoices, payments } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { NotFoundError, UserError } from '@/lib/auth/errors';
import type { Actor } from '@/lib/auth/scope';
import { getAgreementStatement, parseStatementRange } from '@/lib/dal/statements';
import { formatMoney } from '@/lib/domain/format';
import { GET } from '@/app/(staff)/acuerdos/[id]/estado-de-cuenta/route';
import { actorFor } from '../support/actors';
import { createTestDatabase } from '../support/db';
import { pdfText } from '../support/pdf-text';

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock('@/lib/auth/auth', () => ({ auth: async () => session.current, signIn: vi.fn(), signOut: vi.fn() }));

let h: DatabaseHandle;
let staff: Actor; // BRANCH_STAFF of SDC
let agreementId: string;
let otherAgreementId: string; // of another branch

type Doc = { docType: 'INVOICE' | 'CREDIT_NOTE' | 'DEBIT_NOTE'; status: 'ISSUED' | 'PAID' | 'VOIDED' | 'DRAFT'; issueDate: string | null; number: number | null; total: string };

/** A stored document of the agreement, with just what the statement reads. */
async function doc(d: Doc) {
  const [a] = await h.db.select().from(agreements).where(eq(agreements.id, agreementId));
  const [pos] = await h.db.execute<{ id: string; number: number }>(sql`select p.id, p.number from points_of_sale p where p.branch_id = ${a.branchId} limit 1`).then((r) => (Array.isArray(r) ? r : (r as unknown as { rows: { id: string; number: number }[] }).rows));
  await h.db.insert(invoices).values({
    docType: d.docType,
    invoiceClass: 'B',
    pointOfSaleId: pos.id,
    posNumber: pos.number,
    number: d.number,
    fiscalNumber: d.number ? `${String(pos.number).padStart(5, '0')}-${String(d.number).padStart(8, '0')}` : null,
    origin: 'MANUAL',
    status: d.status,
    agreementId,
    customerId: a.customerId,
    branchId: a.branchId,
    issueDate: d.issueDate,
    dueDate: d.issueDate,
    currency: a.currency,
    customerSnapshot: {},
    billingAddress: 'x',
    grossTotal: d.total,
    netTotal: d.total,
    total: d.total,
    balance: d.status === 'PAID' || d.status === 'VOIDED' || d.docType !== 'INVOICE' ? '0' : d.total,
  });
}

async function payment(paidOn: string, amount: string, status: 'CONFIRMED' | 'REVERSED', receipt: string) {
  const [a] = await h.db.select().from(agreements).where(eq(agreements.id, agreementId));
  await h.db.insert(payments).values({
    receiptNumber: receipt,
    idempotencyKey: `test-${receipt}`,
    agreementId,
    customerId: a.customerId,
    branchId: a.branchId,
    amount,
    currency: a.currency,
    applied: '0',
    unapplied: amount,
    method: 'CASH',
    channel: 'CASHIER',
    status,
    paidOn,
    reversedAt: status === 'REVERSED' ? new Date() : null,
  });
}

beforeAll(async () => {
  h = await createTestDatabase();
  await seedDemo(h);
  staff = await actorFor('sucursal@cauce.example');
  // An agreement of SDC with no documents of its own yet (the demo without history bills nothing).
  const pick = async (code: string) => {
    const [row] = await h.db
      .select({ id: agreements.id })
      .from(agreements)
      .innerJoin(branches, eq(branches.id, agreements.branchId))
      .innerJoin(customers, eq(customers.id, agreements.customerId))
      .where(and(eq(branches.code, code), eq(agreements.currency, 'DOP'), sql`not exists (select 1 from invoices i where i.agreement_id = ${agreements.id})`))
      .limit(1);
    return row.id;
  };
  agreementId = await pick('SDC');
  otherAgreementId = await pick('STI');
  // Before the range: invoice 1,000.00 + debit note 50.00 − credit note 200.00 − payment 300.00 = 550.00
  await doc({ docType: 'INVOICE', status: 'PAID', issueDate: '2026-01-05', number: 9001, total: '1000.00' });
  await doc({ docType: 'DEBIT_NOTE', status: 'ISSUED', issueDate: '2026-01-20', number: 9002, total: '50.00' });
  await doc({ docType: 'CREDIT_NOTE', status: 'ISSUED', issueDate: '2026-01-25', number: 9003, total: '200.00' });
  await payment('2026-01-30', '300.00', 'CONFIRMED', 'SDC-T0000001');
  // Left out everywhere: a voided invoice, a draft, a reversed payment.
  await doc({ docType: 'INVOICE', status: 'VOIDED', issueDate: '2026-01-10', number: 9004, total: '999.00' });
  await doc({ docType: 'INVOICE', status: 'DRAFT', issueDate: null, number: null, total: '777.00' });
  await payment('2026-02-11', '123.00', 'REVERSED', 'SDC-T0000002');
  // In the range (February): invoice 800.25, payment 400.00, credit note 100.10.
  await doc({ docType: 'INVOICE', status: 'ISSUED', issueDate: '2026-02-05', number: 9005, total: '800.25' });
  await payment('2026-02-15', '400.00', 'CONFIRMED', 'SDC-T0000003');
  await doc({ docType: 'CREDIT_NOTE', status: 'ISSUED', issueDate: '2026-02-20', number: 9006, total: '100.10' });
  // After the range: not shown.
  await doc({ docType: 'INVOICE', status: 'ISSUED', issueDate: '2026-03-05', number: 9007, total: '900.00' });
}, 120_000);
afterAll(() => h.close());

describe('statement of account', () => {
  it('opening balance, the range’s documents and payments with running balances, closing balance', async () => {
    const data = await getAgreementStatement(staff, agreementId, { from: '2026-02-01', to: '2026-02-28' }, h.db);
    const st = data.statement;
    expect(st.opening).toBe('550.00');
    expect(st.rows.map((r) => [r.date, r.docType, r.fiscalNumber.slice(-4), r.charge, r.credit, r.balance])).toEqual([
      // 550.00 + 800.25 = 1350.25; − 400.00 = 950.25; − 100.10 = 850.15
      ['2026-02-05', 'INVOICE', '9005', '800.25', null, '1350.25'],
      ['2026-02-15', 'PAYMENT', '0003', null, '400.00', '950.25'],
      ['2026-02-20', 'CREDIT_NOTE', '9006', null, '100.10', '850.15'],
    ]);
    expect(st.charges).toBe('800.25');
    expect(st.credits).toBe('500.10');
    expect(st.closing).toBe('850.15');
  });

  it('the route renders the PDF with the balances and every entry', async () => {
    session.current = { user: { id: staff.id } };
    const res = await GET(new Request(`http://x/acuerdos/${agreementId}/estado-de-cuenta?desde=2026-02-01&hasta=2026-02-28`), { params: Promise.resolve({ id: agreementId }) });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/pdf');
    const pdf = new Uint8Array(await res.arrayBuffer());
    if (process.env.PDF_OUT) await writeFile(path.join(process.env.PDF_OUT, 'estado-de-cuenta.pdf'), pdf);
    const { all } = await pdfText(pdf);
    expect(all).toContain('ESTADO DE CUENTA');
    expect(all).toContain('Del 01/02/2026 al 28/02/2026');
    for (const v of ['550.00', '850.15', '500.10']) expect(all).toContain(formatMoney(v, 'DOP'));
    for (const n of ['-00009005', '-00009006', 'SDC-T0000003']) expect(all).toContain(n);
    expect(all).not.toContain('SDC-T0000002');
    expect(all).not.toContain('-00009007');
  });

  it('another branch’s agreement is 404; an unknown id too', async () => {
    session.current = { user: { id: staff.id } };
    await expect(getAgreementStatement(staff, otherAgreementId, { from: '2026-01-01', to: '2026-01-31' }, h.db)).rejects.toThrow(NotFoundError);
    const res = await GET(new Request(`http://x?desde=2026-01-01&hasta=2026-01-31`), { params: Promise.resolve({ id: otherAgreementId }) });
    expect(res.status).toBe(404);
    expect((await GET(new Request(`http://x?desde=2026-01-01&hasta=2026-01-31`), { params: Promise.resolve({ id: 'nope' }) })).status).toBe(404);
  });

  it('a bad range is a 400 with a Spanish message', async () => {
    session.current = { user: { id: staff.id } };
    const get = (qs: string) => GET(new Request(`http://x?${qs}`), { params: Promise.resolve({ id: agreementId }) });
    const reversed = await get('desde=2026-03-01&hasta=2026-02-01');
    expect(reversed.status).toBe(400);
    expect(await reversed.text()).toBe('La fecha inicial no puede ser posterior a la final.');
    const bad = await get('desde=2026-02-30&hasta=2026-03-01');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('La fecha inicial no es válida');
    expect((await get('hasta=2026-03-01')).status).toBe(400);
    expect(() => parseStatementRange({ desde: '2020-01-01', hasta: '2026-01-01' })).toThrow(UserError);
    session.current = null;
    expect((await get('desde=2026-02-01&hasta=2026-02-28')).status).toBe(401);
  });
});
