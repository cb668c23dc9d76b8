import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { agreementPaymentMethods, agreements, auditLog, branches, debitBatches, debitItems, invoices, paymentAllocations, paymentEntities, payments } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { ForbiddenError, UserError } from '@/lib/auth/errors';
import type { Actor } from '@/lib/auth/scope';
import { executeRun } from '@/lib/billing/engine';
import { createRun } from '@/lib/billing/runs';
import { toLocalDateString } from '@/lib/domain/format';
import { batchCsv, generateBatch, getBatch, importResponse, invoiceDebitFlag, listBatches } from '@/lib/dal/direct-debit';
import { actorFor } from '../support/actors';
import { createTestDatabase } from '../support/db';

// The server actions read the session through Auth.js; here the session is whatever the test says.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock('@/lib/auth/auth', () => ({ auth: async () => session.current, signIn: vi.fn(), signOut: vi.fn() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
const { generateDebitBatchAction, importDebitResponseAction } = await import('@/lib/actions/direct-debit');

// Direct-debit batches on two billed periods of the demo; PostgreSQL adds the concurrency cases.
const onPostgres = !!process.env.TEST_DATABASE_URL;
const PERIOD = '2027-01';
const NOW = new Date('2027-02-20T12:00:00');
let h: DatabaseHandle;
let admin: Actor;
let auditor: Actor;
let staff: Actor;
let inspector: Actor;
/** Banks (DIRECT_DEBIT entities) with at least two debitable invoices of PERIOD in pesos, most first. */
let banks: { id: string; code: string; n: number }[];

/**
 * The test's own oracle of what a bank's batch holds: issued pesos invoices of the period of
 * agreements in pesos whose default active method debits that bank with a known account.
 */
async function expectedInvoices(entityId: string, period = PERIOD): Promise<string[]> {
  const rows = await h.db.execute<{ id: string }>(sql`
    select i.id from invoices i
    join agreements a on a.id = i.agreement_id
    join agreement_payment_methods m on m.agreement_id = a.id and m.is_default and m.active
    where m.method = 'DIRECT_DEBIT' and m.entity_id = ${entityId} and m.instrument_last4 is not null
      and i.period = ${period} and i.currency = 'DOP' and a.currency = 'DOP'
      and i.status in ('ISSUED', 'PARTIALLY_PAID') and i.doc_type in ('INVOICE', 'DEBIT_NOTE') and i.balance > 0
      and not exists (select 1 from debit_items di where di.invoice_id = i.id and di.status in ('PENDING', 'CONFIRMED'))
    order by i.id`);
  return (Array.isArray(rows) ? rows : (rows as { rows: { id: string }[] }).rows).map((r) => r.id);
}

const itemsOf = (batchId: string) =>
  h.db
    .select({ lineNo: debitItems.lineNo, invoiceId: debitItems.invoiceId, agreementId: debitItems.agreementId, amount: debitItems.amount, status: debitItems.status, rejectCode: debitItems.rejectCode, rejectReason: debitItems.rejectReason, paymentId: debitItems.paymentId, fiscalNumber: invoices.fiscalNumber })
    .from(debitItems)
    .innerJoin(invoices, eq(invoices.id, debitItems.invoiceId))
    .where(eq(debitItems.batchId, batchId))
    .orderBy(asc(debitItems.lineNo));

const count = async (table: typeof payments | typeof debitBatches | typeof auditLog | typeof paymentAllocations) => (await h.db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n;
const invoice = async (id: string) => (await h.db.select({ status: invoices.status, balance: invoices.balance, total: invoices.total, branchId: invoices.branchId }).from(invoices).where(eq(invoices.id, id)))[0];
const batchRow = async (id: string) => (await h.db.select().from(debitBatches).where(eq(debitBatches.id, id)))[0];

/** A bank response answering every item: the given statuses by line, '00' for the rest. */
function response(code: string, items: { lineNo: number; amount: string }[], statuses: Record<number, string> = {}, opts: { total?: string; processedOn?: string } = {}) {
  const cents = items.reduce((n, i) => n + BigInt(i.amount.replace('.', '')), 0n);
  const total = opts.total ?? `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
  return [`H,${code}${opts.processedOn ? `,${opts.processedOn}` : ''}`, ...items.map((i) => `D,${i.lineNo},${statuses[i.lineNo] ?? '00'},${i.amount}`), `T,${items.length},${total}`].join('\r\n') + '\r\n';
}

beforeAll(async () => {
  h = await createTestDatabase();
  await seedDemo(h);
  for (const period of ['2027-01', '2027-02']) {
    const run = await createRun(h.db, null, { mode: 'RUN', period, issueDate: `${period}-15` });
    expect((await executeRun(h.db, run.id)).status).toBe('DONE');
  }
  [admin, auditor, staff, inspector] = await Promise.all(['admin@cauce.example', 'auditor@cauce.example', 'sucursal@cauce.example', 'inspector@cauce.example'].map(actorFor));
  const entities = await h.db.select({ id: paymentEntities.id, code: paymentEntities.code }).from(paymentEntities).where(eq(paymentEntities.method, 'DIRECT_DEBIT'));
  banks = (await Promise.all(entities.map(async (e) => ({ ...e, n: (await expectedInvoices(e.id)).length })))).filter((b) => b.n >= 2).sort((a, b) => b.n - a.n);
  expect(banks.length).toBeGreaterThanOrEqual(4);
}, 240_000);

afterAll(async () => {
  await h?.close();
});

describe('who may work with batches', () => {
  it('roles without payments permission, and branch-scoped staff, are refused', async () => {
    const input = { entityId: banks[0].id, period: PERIOD, currency: 'DOP' as const };
    await expect(listBatches(inspector)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(generateBatch(inspector, input, h.db)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(generateBatch(staff, input, h.db)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listBatches(staff)).rejects.toBeInstanceOf(ForbiddenError);
    // The auditor reads but does not write.
    await expect(listBatches(auditor, {}, h.db)).resolves.toMatchObject({ total: 0 });
    await expect(generateBatch(auditor, input, h.db)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(importResponse(auditor, '00000000-0000-4000-8000-000000000000', 'H,X', h.db, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await count(debitBatches)).toBe(0);
  });

  it('bad input and a period with nothing to debit create nothing', async () => {
    await expect(generateBatch(admin, { entityId: banks[0].id, period: '2027-13', currency: 'DOP' as const }, h.db)).rejects.toMatchObject({ fieldErrors: { period: ['Período no válido: use AAAA-MM.'] } });
    const [card] = await h.db.select({ id: paymentEntities.id }).from(paymentEntities).where(eq(paymentEntities.method, 'CARD')).limit(1);
    await expect(generateBatch(admin, { entityId: card.id, period: PERIOD, currency: 'DOP' as const }, h.db)).rejects.toMatchObject({ fieldErrors: { entityId: [expect.stringMatching(/débito automático/)] } });
    await expect(generateBatch(admin, { entityId: banks[0].id, period: '2030-01', currency: 'DOP' as const }, h.db)).rejects.toThrow(/No hay facturas pendientes de 2030-01/);
    expect(await count(debitBatches)).toBe(0);
    expect(await h.db.select().from(auditLog).where(eq(auditLog.entity, 'debit_batch'))).toHaveLength(0);
  });
});

describe('generate → file → response', () => {
  let batchId: string;
  let items: Awaited<ReturnType<typeof itemsOf>>;
  let file: string;

  it('a batch holds every debitable invoice of the bank and period, for its balance, and is audited', async () => {
    const bank = banks[0];
    const expected = await expectedInvoices(bank.id);
    const r = await generateBatch(admin, { entityId: bank.id, period: PERIOD, currency: 'DOP' as const }, h.db);
    expect(r).toMatchObject({ replayed: false, code: `${bank.code}-202701DOP`, itemCount: expected.length });
    batchId = r.id;
    items = await itemsOf(batchId);
    expect(items.map((i) => i.invoiceId).sort()).toEqual(expected);
    expect(items.map((i) => i.lineNo)).toEqual(items.map((_, k) => k + 1));
    for (const i of items) expect(i.amount).toBe((await invoice(i.invoiceId)).balance);
    const cents = items.reduce((n, i) => n + BigInt(i.amount.replace('.', '')), 0n);
    expect(BigInt(r.total.replace('.', ''))).toBe(cents);
    const audit = await h.db.select().from(auditLog).where(and(eq(auditLog.entity, 'debit_batch'), eq(auditLog.entityId, batchId)));
    expect(audit).toMatchObject([{ action: 'CREATE', userId: admin.id }]);
  });

  it('asking again returns the same batch (also concurrently)', async () => {
    const input = { entityId: banks[0].id, period: PERIOD, currency: 'DOP' as const };
    const again = await Promise.all([generateBatch(admin, input, h.db), generateBatch(admin, input, h.db)]);
    expect(again.map((a) => [a.id, a.replayed])).toEqual([
      [batchId, true],
      [batchId, true],
    ]);
    expect(await count(debitBatches)).toBe(1);
    expect(await itemsOf(batchId)).toHaveLength(items.length);
  });

  it('the file has the header, one detail per item and the control totals', async () => {
    const { filename, csv } = await batchCsv(admin, batchId, h.db);
    const b = await batchRow(batchId);
    expect(filename).toBe(`debito-${b.code}.csv`);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(`H,${banks[0].code},${b.code},${PERIOD},DOP,${toLocalDateString(b.createdAt)},${items.length},${b.total}`);
    expect(lines.filter((l) => l.startsWith('D,'))).toHaveLength(items.length);
    expect(lines[1]).toContain(`,${items[0].fiscalNumber},${items[0].amount}`);
    expect(lines[1]).toMatch(/,\*{6}\d{4},/);
    expect(lines.at(-2)).toBe(`T,${items.length},${b.total}`);
    // The auditor may download it; branch staff may not.
    await expect(batchCsv(auditor, batchId, h.db)).resolves.toMatchObject({ filename });
    await expect(batchCsv(staff, batchId, h.db)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('the response pays the confirmed items and flags the rejected ones', async () => {
    const [confirmed, rejected] = items;
    const paymentsBefore = await count(payments);
    const before = await invoice(rejected.invoiceId);
    file = response((await batchRow(batchId)).code, items, { [rejected.lineNo]: '01' }, { processedOn: '2027-02-18' });
    const r = await importResponse(admin, batchId, file, h.db, NOW);
    expect(r).toEqual({ outcome: 'imported', code: (await batchRow(batchId)).code, confirmed: items.length - 1, rejected: 1 });
    expect(await count(payments)).toBe(paymentsBefore + items.length - 1);

    // Confirmed: one payment by direct debit from the bank, allocated to the item's invoice, now paid.
    const after = await itemsOf(batchId);
    expect(after[0]).toMatchObject({ status: 'CONFIRMED', rejectCode: null });
    const [p] = await h.db.select().from(payments).where(eq(payments.id, after[0].paymentId!));
    expect(p).toMatchObject({ method: 'DIRECT_DEBIT', channel: 'DIRECT_DEBIT', paymentEntityId: banks[0].id, amount: confirmed.amount, paidOn: '2027-02-18', idempotencyKey: `debit:${batchId}:1`, status: 'CONFIRMED' });
    expect(await h.db.select({ invoiceId: paymentAllocations.invoiceId, amount: paymentAllocations.amount }).from(paymentAllocations).where(eq(paymentAllocations.paymentId, p.id))).toEqual([{ invoiceId: confirmed.invoiceId, amount: confirmed.amount }]);
    expect(await invoice(confirmed.invoiceId)).toMatchObject({ status: 'PAID', balance: '0.00' });

    // Rejected: the invoice stays open as it was, the item keeps the bank's code and reason.
    expect(after[1]).toMatchObject({ status: 'REJECTED', rejectCode: '01', rejectReason: 'Fondos insuficientes', paymentId: null });
    expect(await invoice(rejected.invoiceId)).toEqual(before);

    const b = await batchRow(batchId);
    expect(b).toMatchObject({ status: 'RESPONSE_IMPORTED', confirmedCount: items.length - 1, rejectedCount: 1, responseImportedBy: admin.id });
    expect(b.responseSha256).toMatch(/^[0-9a-f]{64}$/);
    // Audited under the user: claimed for the file, the lines applied (one chunk here), closed.
    const audit = await h.db.select().from(auditLog).where(and(eq(auditLog.entity, 'debit_batch'), eq(auditLog.entityId, batchId))).orderBy(asc(auditLog.id));
    expect(audit.map((a) => [a.action, (a.after as { status?: string }).status ?? null])).toEqual([
      ['CREATE', null],
      ['STATUS_CHANGE', 'IMPORTING'],
      ['UPDATE', null],
      ['STATUS_CHANGE', 'RESPONSE_IMPORTED'],
    ]);
    expect(audit.slice(1).every((a) => a.userId === admin.id)).toBe(true);
    expect((audit[2].after as { lines: { line: number; status: string }[] }).lines.map((l) => [l.line, l.status])).toEqual(after.map((i) => [i.lineNo, i.status]));
  });

  it('the rejected invoice is flagged for whoever sees its branch', async () => {
    const rejected = items[1];
    const { branchId } = await invoice(rejected.invoiceId);
    const [other] = await h.db.select({ id: branches.id }).from(branches).where(sql`${branches.id} <> ${branchId}`).limit(1);
    expect(await invoiceDebitFlag(admin, rejected.invoiceId, h.db)).toMatchObject({ batchId, rejectCode: '01', rejectReason: 'Fondos insuficientes', canOpenBatch: true });
    expect(await invoiceDebitFlag({ ...staff, branchIds: [branchId] }, rejected.invoiceId, h.db)).toMatchObject({ batchId, canOpenBatch: false });
    expect(await invoiceDebitFlag({ ...staff, branchIds: [other.id] }, rejected.invoiceId, h.db)).toBeNull();
    expect(await invoiceDebitFlag(inspector, rejected.invoiceId, h.db)).toBeNull();
    // A confirmed debit is no flag.
    expect(await invoiceDebitFlag(admin, items[0].invoiceId, h.db)).toBeNull();
  });

  it('the detail shows the items with their status and reason, paginated', async () => {
    const d = await getBatch(auditor, batchId, { estado: 'REJECTED' }, h.db);
    expect(d).toMatchObject({ itemsTotal: 1, pendingCount: 0, createdByName: admin.name, importedByName: admin.name });
    expect(d.items).toMatchObject([{ lineNo: 2, status: 'REJECTED', rejectReason: 'Fondos insuficientes' }]);
    const all = await getBatch(admin, batchId, {}, h.db);
    expect(all.items[0].receiptNumber).toMatch(/^[A-Z]+-\d{8}$/);
    const list = await listBatches(admin, {}, h.db);
    expect(list.rows).toMatchObject([{ id: batchId, status: 'RESPONSE_IMPORTED', confirmedCount: items.length - 1, rejectedCount: 1, bankCode: banks[0].code }]);
  });

  it('importing the same file again changes nothing ("ya importado")', async () => {
    const before = await Promise.all([count(payments), count(paymentAllocations), count(auditLog)]);
    const r = await importResponse(admin, batchId, file, h.db, NOW);
    expect(r).toEqual({ outcome: 'already', code: (await batchRow(batchId)).code, confirmed: items.length - 1, rejected: 1 });
    expect(await Promise.all([count(payments), count(paymentAllocations), count(auditLog)])).toEqual(before);
  });

  it('another file after the import is refused', async () => {
    const other = response((await batchRow(batchId)).code, items);
    await expect(importResponse(admin, batchId, other, h.db, NOW)).rejects.toThrow(UserError);
    expect((await itemsOf(batchId))[1].status).toBe('REJECTED');
  });
});

describe('a bad response changes nothing', () => {
  let batchId: string;
  let code: string;
  let items: Awaited<ReturnType<typeof itemsOf>>;

  beforeAll(async () => {
    const r = await generateBatch(admin, { entityId: banks[1].id, period: PERIOD, currency: 'DOP' as const }, h.db);
    batchId = r.id;
    code = r.code;
    items = await itemsOf(batchId);
  });

  async function expectUntouched() {
    const b = await batchRow(batchId);
    expect(b).toMatchObject({ status: 'GENERATED', responseSha256: null, confirmedCount: 0, rejectedCount: 0 });
    expect((await itemsOf(batchId)).every((i) => i.status === 'PENDING' && i.paymentId === null)).toBe(true);
    for (const i of items) expect((await invoice(i.invoiceId)).balance).toBe(i.amount);
  }

  it('tampered control totals: every error listed, nothing applied', async () => {
    const paymentsBefore = await count(payments);
    const r = await importResponse(admin, batchId, response(code, items, {}, { total: '1.00' }), h.db, NOW);
    expect(r.outcome).toBe('invalid');
    expect(r.outcome === 'invalid' && r.errors).toEqual([{ line: items.length + 2, message: expect.stringMatching(/^El total de control 1.00 no coincide con la suma de los detalles/) }]);
    expect(await count(payments)).toBe(paymentsBefore);
    await expectUntouched();
  });

  it('an amount that differs from the item, or another batch code, is refused', async () => {
    const tampered = items.map((i, k) => (k === 0 ? { ...i, amount: '0.01' } : i));
    const r = await importResponse(admin, batchId, response(code, tampered), h.db, NOW);
    expect(r.outcome === 'invalid' && r.errors.map((e) => e.line)).toEqual([2]);
    const wrong = await importResponse(admin, batchId, response(`${banks[0].code}-202701DOP`, items), h.db, NOW);
    expect(wrong.outcome === 'invalid' && wrong.errors[0]).toMatchObject({ line: 1, message: expect.stringMatching(/no de /) });
    await expect(importResponse(admin, batchId, 'H,\u0000', h.db, NOW)).rejects.toThrow(/no es un CSV de texto/);
    await expectUntouched();
  });

  it('an invoice pending in one batch is not debited again; a rejected one may be', async () => {
    // Both agreements move to a fourth bank: the pending invoice stays out, the rejected one goes in.
    const pending = items[0];
    const [firstBatch] = await h.db.select({ id: debitBatches.id }).from(debitBatches).where(eq(debitBatches.paymentEntityId, banks[0].id));
    const rejected = (await itemsOf(firstBatch.id)).find((i) => i.status === 'REJECTED')!;
    const confirmed = (await itemsOf(firstBatch.id)).find((i) => i.status === 'CONFIRMED')!;
    const moved = [pending.agreementId, rejected.agreementId, confirmed.agreementId];
    await h.db
      .update(agreementPaymentMethods)
      .set({ entityId: banks[3].id })
      .where(and(inArray(agreementPaymentMethods.agreementId, moved), eq(agreementPaymentMethods.isDefault, true), eq(agreementPaymentMethods.active, true)));
    const r = await generateBatch(admin, { entityId: banks[3].id, period: PERIOD, currency: 'DOP' as const }, h.db);
    const invoiceIds = (await itemsOf(r.id)).map((i) => i.invoiceId);
    expect(invoiceIds).toContain(rejected.invoiceId);
    expect(invoiceIds).not.toContain(pending.invoiceId);
    expect(invoiceIds).not.toContain(confirmed.invoiceId);
  });
});

describe('a response applied a chunk of lines per transaction', () => {
  it('an import cut short keeps what it applied; another file is refused; the same file finishes it, each line paid once', async () => {
    const g = await generateBatch(admin, { entityId: banks[1].id, period: '2027-02', currency: 'DOP' as const }, h.db);
    const items = await itemsOf(g.id);
    expect(items.length).toBeGreaterThanOrEqual(3);
    const file = response(g.code, items);
    const paymentsBefore = await count(payments);
    const cut = new Error('corte de luz');
    const stopAfterFirst = (done: number) => {
      if (done === 2) throw cut;
    };
    await expect(importResponse(admin, g.id, file, h.db, NOW, { chunk: 2, afterChunk: stopAfterFirst })).rejects.toBe(cut);
    expect(await batchRow(g.id)).toMatchObject({ status: 'IMPORTING', confirmedCount: 2, rejectedCount: 0, responseImportedAt: null });
    expect((await itemsOf(g.id)).map((i) => i.status)).toEqual(items.map((_, k) => (k < 2 ? 'CONFIRMED' : 'PENDING')));
    expect(await count(payments)).toBe(paymentsBefore + 2);

    await expect(importResponse(admin, g.id, response(g.code, items, { 1: 'RECHAZADO' }), h.db, NOW)).rejects.toThrow(/otra respuesta/);

    // Delinquency follows each chunk's payments for those agreements only: forget when the statuses of the
    // remaining lines' agreements and of an agreement outside the batch began; the import judges the former again.
    const rest = [...new Set(items.slice(2).map((i) => i.agreementId))];
    const [outsider] = await h.db.select({ id: agreements.id }).from(agreements).where(notInArray(agreements.id, items.map((i) => i.agreementId))).limit(1);
    await h.db.update(agreements).set({ delinquencySince: null }).where(inArray(agreements.id, [...rest, outsider.id]));

    const done: number[] = [];
    const r = await importResponse(admin, g.id, file, h.db, NOW, { chunk: 2, afterChunk: (n) => void done.push(n) });
    expect(r).toEqual({ outcome: 'imported', code: g.code, confirmed: items.length, rejected: 0 });
    expect(done).toEqual(Array.from({ length: Math.ceil(items.length / 2) }, (_, k) => Math.min(2 * (k + 1), items.length)));
    expect(await count(payments)).toBe(paymentsBefore + items.length);
    for (const i of items) expect(await invoice(i.invoiceId)).toMatchObject({ status: 'PAID', balance: '0.00' });
    expect(await batchRow(g.id)).toMatchObject({ status: 'RESPONSE_IMPORTED', confirmedCount: items.length, rejectedCount: 0, responseImportedBy: admin.id });
    expect(await importResponse(admin, g.id, file, h.db, NOW)).toEqual({ outcome: 'already', code: g.code, confirmed: items.length, rejected: 0 });
    const since = await h.db.select({ id: agreements.id, since: agreements.delinquencySince }).from(agreements).where(inArray(agreements.id, [...rest, outsider.id]));
    expect(since.filter((a) => a.since === null).map((a) => a.id)).toEqual([outsider.id]);
  });
});

describe('the same response imported twice at once', () => {
  it(`pays each confirmed item once${onPostgres ? ' (PostgreSQL)' : ''}`, async () => {
    const g = await generateBatch(admin, { entityId: banks[2].id, period: PERIOD, currency: 'DOP' as const }, h.db);
    const items = await itemsOf(g.id);
    const file = response(g.code, items, { [items.length]: 'RECHAZADO' });
    const paymentsBefore = await count(payments);
    const results = await Promise.all([importResponse(admin, g.id, file, h.db, NOW), importResponse(admin, g.id, file, h.db, NOW), importResponse(admin, g.id, file, h.db, NOW)]);
    expect(results.map((r) => r.outcome).sort()).toEqual(['already', 'already', 'imported']);
    expect(await count(payments)).toBe(paymentsBefore + items.length - 1);
    const keys = await h.db.select({ n: sql<number>`count(*)::int` }).from(payments).where(sql`${payments.idempotencyKey} like ${`debit:${g.id}:%`}`);
    expect(keys[0].n).toBe(items.length - 1);
    for (const i of items.slice(0, -1)) expect((await invoice(i.invoiceId)).status).toBe('PAID');
  });
});

describe('the actions', () => {
  const digest = (p: Promise<unknown>) => p.then((v) => v, (e: { digest?: string }) => e.digest ?? String(e));
  const form = (values: Record<string, string | Blob>) => {
    const fd = new FormData();
    for (const [k, v] of Object.entries(values)) fd.set(k, v);
    return fd;
  };
  let bankId: string;

  beforeAll(async () => {
    // The bank with the most to debit in February (January's batches are taken).
    const counts = await Promise.all(banks.map(async (b) => ({ id: b.id, n: (await expectedInvoices(b.id, '2027-02')).length })));
    bankId = counts.sort((a, b) => b.n - a.n)[0].id;
  });

  it('re-check the session and the head-office scope', async () => {
    session.current = null;
    const input = { entityId: bankId, period: '2027-02', currency: 'DOP' };
    expect(await digest(generateDebitBatchAction(undefined, form(input)))).toMatch(/^NEXT_REDIRECT;.*\/login/);
    session.current = { user: { id: (await actorFor('cajero@cauce.example')).id } };
    expect(await digest(generateDebitBatchAction(undefined, form(input)))).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
    expect(await batchByKeyCount(bankId, '2027-02')).toBe(0);
  });

  it('generate, then import a response checked by content (size, binary, Windows-1252)', async () => {
    session.current = { user: { id: admin.id } };
    const input = { entityId: bankId, period: '2027-02', currency: 'DOP' };
    const first = await digest(generateDebitBatchAction(undefined, form(input)));
    const [, id] = /^NEXT_REDIRECT;.*\/cobros\/debitos\/([0-9a-f-]{36})\?generado=1/.exec(String(first)) ?? [];
    expect(id).toBeDefined();
    expect(await digest(generateDebitBatchAction(undefined, form(input)))).toMatch(new RegExp(`/cobros/debitos/${id}\\?existente=1`));
    expect(await digest(generateDebitBatchAction(undefined, form({ ...input, period: '2027-2' })))).toMatchObject({ ok: false, fieldErrors: { period: [expect.any(String)] } });

    const items = await itemsOf(id);
    const code = (await batchRow(id)).code;
    const big = new File(['x'.repeat(1_000_001)], 'r.csv', { type: 'text/csv' });
    expect(await importDebitResponseAction(undefined, form({ batchId: id, file: big }))).toMatchObject({ ok: false, fieldErrors: { file: [expect.stringMatching(/máximo de 1 MB/)] } });
    const binary = new File([new Uint8Array([0x48, 0x2c, 0x00, 0x01])], 'r.csv');
    expect(await importDebitResponseAction(undefined, form({ batchId: id, file: binary }))).toMatchObject({ ok: false, fieldErrors: { file: ['El archivo no es un CSV de texto.'] } });
    expect(await importDebitResponseAction(undefined, form({ batchId: id }))).toMatchObject({ ok: false, fieldErrors: { file: ['Elija el archivo de respuesta del banco.'] } });
    const invalid = await importDebitResponseAction(undefined, form({ batchId: id, file: new File([response(code, items, {}, { total: '0.01' })], 'r.csv') }));
    expect(invalid).toMatchObject({ ok: true, data: { outcome: 'invalid', errors: [{ line: items.length + 2 }] } });

    // A bank that still exports Windows-1252: 'ñ' is one byte (0xF1), not valid UTF-8.
    const text = response(code, items).replace(`D,1,00,${items[0].amount}`, `D,1,02,${items[0].amount},Cuenta cerrada por el dueño`);
    const latin1 = Uint8Array.from(text, (c) => c.charCodeAt(0));
    const done = await digest(importDebitResponseAction(undefined, form({ batchId: id, file: new File([latin1], 'r.csv') })));
    expect(done).toMatch(new RegExp(`^NEXT_REDIRECT;.*/cobros/debitos/${id}\\?importado=1`));
    expect((await itemsOf(id))[0]).toMatchObject({ status: 'REJECTED', rejectCode: '02', rejectReason: 'Cuenta cerrada por el dueño' });
    session.current = null;
  });
});

async function batchByKeyCount(entityId: string, period: string) {
  return (await h.db.select({ n: sql<number>`count(*)::int` }).from(debitBatches).where(and(eq(debitBatches.paymentEntityId, entityId), eq(debitBatches.period, period))))[0].n;
}
