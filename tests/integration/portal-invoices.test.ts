import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { accounts, agreements, auditLog, customers, invoiceItems, invoices, pdfBatches } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import type { Actor } from '@/lib/auth/scope';
import { startBillingRun, waitForBillingRun } from '@/lib/dal/billing-runs';
import { exportInvoices, getInvoiceDetail, listInvoices } from '@/lib/dal/invoices';
import { registerPayment } from '@/lib/dal/payments';
import {
  getPortalPdfBatch,
  getRunPdfBatch,
  latestPortalPdfBatch,
  portalPdfZipFile,
  requestPortalPdfBatch,
  requestRunPdfBatch,
  retryPortalPdfBatch,
  runPdfZipFile,
  waitForPdfBatch,
} from '@/lib/dal/pdf-batches';
import {
  exportPortalInvoices,
  getPortalAgreementStatement,
  getPortalInvoice,
  listPortalInvoices,
  loadPortalInvoicePdf,
  portalInvoiceFilterOptions,
} from '@/lib/dal/portal-invoices';
import { getAgreementStatement } from '@/lib/dal/statements';
import { executePdfBatch } from '@/lib/pdf/batch/job';
import { loadInvoicePdf } from '@/lib/pdf/invoice-data';
import { invoiceListSchema } from '@/lib/validation/invoices';
import { PORTAL_INVOICES_PAGE_SIZE, PORTAL_ZIP_MAX_INVOICES, type PortalInvoiceFilter } from '@/lib/validation/portal-invoices';
import { actorFor } from '../support/actors';
import { createTestDatabase } from '../support/db';
import { pdfText } from '../support/pdf-text';

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock('@/lib/auth/auth', () => ({ auth: async () => session.current, signIn: vi.fn(), signOut: vi.fn() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { requestPortalZipAction, retryPortalZipAction } = await import('@/lib/actions/portal-invoices');
const pdfRoute = await import('@/app/(portal)/portal/facturas/[id]/pdf/route');
const csvRoute = await import('@/app/(portal)/portal/facturas/csv/route');
const zipRoute = await import('@/app/(portal)/portal/facturas/lotes/[id]/zip/route');
const statementRoute = await import('@/app/(portal)/portal/estado-de-cuenta/pdf/route');

let h: DatabaseHandle;
let admin: Actor;
let staff: Actor;
let one: Actor; // cliente@ → GC-000001
let two: Actor; // cliente2@ → GC-000002
let runId: string;
const dataDir = mkdtempSync(path.join(tmpdir(), 'cauce-portal-invoices-'));

type Inv = typeof invoices.$inferSelect;
/** Every issued document of a customer, as stored (drafts left out), newest first like the portal. */
let mine: Inv[];
let theirs: Inv[];
let draftId: string;
let manualDecemberId: string;

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const INVOICE_NOT_FOUND = 'No se encontró la factura.';
const BATCH_NOT_FOUND = 'No se encontró el archivo ZIP.';

/** The next id in hex after `id`: what someone guessing "sequential" ids would try. */
function nextId(id: string): string {
  const hex = id.replace(/-/g, '');
  const next = (BigInt(`0x${hex}`) + 1n).toString(16).padStart(32, '0');
  return `${next.slice(0, 8)}-${next.slice(8, 12)}-${next.slice(12, 16)}-${next.slice(16, 20)}-${next.slice(20)}`;
}

const newestFirst = (a: Inv, b: Inv) =>
  (b.issueDate ?? '').localeCompare(a.issueDate ?? '') || (b.fiscalNumber ?? '').localeCompare(a.fiscalNumber ?? '') || b.id.localeCompare(a.id);

async function documentsOf(customerId: string): Promise<Inv[]> {
  const rows = await h.db.select().from(invoices).where(and(eq(invoices.customerId, customerId), sql`${invoices.status} <> 'DRAFT'`));
  return rows.sort(newestFirst);
}

/**
 * A stored manual document (no lines) like the customer's run invoice `src` — dates, statuses and
 * drafts the run does not make — numbered after the last of its point of sale and class.
 */
async function manual(src: Inv, over: Partial<typeof invoices.$inferInsert>) {
  const customerId = src.customerId;
  const [{ n }] = await h.db.select({ n: sql<number>`coalesce(max(${invoices.number}), 0)::int + 1` }).from(invoices).where(and(eq(invoices.pointOfSaleId, src.pointOfSaleId), eq(invoices.invoiceClass, src.invoiceClass), eq(invoices.docType, 'INVOICE')));
  const [row] = await h.db
    .insert(invoices)
    .values({
      invoiceClass: src.invoiceClass,
      pointOfSaleId: src.pointOfSaleId,
      posNumber: src.posNumber,
      number: n,
      fiscalNumber: `${String(src.posNumber).padStart(5, '0')}-${String(n).padStart(8, '0')}`,
      origin: 'MANUAL',
      status: 'ISSUED',
      agreementId: src.agreementId,
      customerId,
      branchId: src.branchId,
      issueDate: '2026-06-15',
      dueDate: '2026-07-15',
      currency: src.currency,
      customerSnapshot: src.customerSnapshot,
      billingAddress: src.billingAddress,
      grossTotal: '10.00',
      netTotal: '10.00',
      total: '10.00',
      balance: '10.00',
      ...over,
    })
    .returning();
  return row;
}

async function signInAs(actor: Actor | null) {
  session.current = actor ? { user: { id: actor.id } } : null;
}

const digest = (p: Promise<unknown>) => p.then(() => 'resolved', (e: { digest?: string }) => e.digest ?? String(e));
const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: Error) => e);

function zipForm(fields: Record<string, string | string[]>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
  return fd;
}

beforeAll(async () => {
  process.env.CAUCE_DATA_DIR = path.join(dataDir, 'pglite');
  h = await createTestDatabase();
  await seedDemo(h);
  admin = await actorFor('admin@cauce.example');
  staff = await actorFor('sucursal@cauce.example');
  one = await actorFor('cliente@cauce.example');
  two = await actorFor('cliente2@cauce.example');
  // A run over the two clients' active agreements (per group, per agreement, per account).
  const active = await h.db
    .select({ id: agreements.id })
    .from(agreements)
    .where(and(inArray(agreements.customerId, [one.customerId!, two.customerId!]), eq(agreements.status, 'ACTIVE')));
  ({ runId } = await startBillingRun(admin, { mode: 'RUN', period: '2027-01', issueDate: '2027-01-31', agreementIds: active.map((a) => a.id) }));
  await waitForBillingRun(runId);

  // GC-000001 also has: a draft (never shown), a manual invoice without period issued in December
  // 2026, and enough older manual invoices for a second page.
  const [src] = await h.db.select().from(invoices).where(and(eq(invoices.customerId, one.customerId!), eq(invoices.billingRunId, runId))).limit(1);
  draftId = (await manual(src, { status: 'DRAFT', number: null, fiscalNumber: null, issueDate: null, dueDate: null })).id;
  manualDecemberId = (await manual(src, { issueDate: '2026-12-15', dueDate: '2027-01-15' })).id;
  for (let i = 0; i < PORTAL_INVOICES_PAGE_SIZE; i++) await manual(src, { issueDate: `2026-06-${String(1 + (i % 28)).padStart(2, '0')}` });

  // A payment on GC-000001's newest open invoice in pesos: paid in full.
  const payable = (await documentsOf(one.customerId!)).find((i) => i.billingRunId === runId && i.currency === 'DOP')!;
  await registerPayment(admin, { idempotencyKey: 'portal-test-1', agreementId: payable.agreementId, amount: payable.total, method: 'CASH', paidOn: '2027-02-01', invoiceIds: [payable.id] }, h.db, new Date('2027-02-02T12:00:00Z'));

  mine = await documentsOf(one.customerId!);
  theirs = await documentsOf(two.customerId!);
}, 240_000);

afterAll(async () => {
  await h.close();
  rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(() => {
  session.current = null;
});

describe('the test data', () => {
  it('both clients have issued invoices of the run, GC-000001 more than one page', () => {
    expect(mine.filter((i) => i.billingRunId === runId).length).toBeGreaterThanOrEqual(5);
    expect(theirs.filter((i) => i.billingRunId === runId).length).toBeGreaterThanOrEqual(2);
    expect(mine.length).toBeGreaterThan(PORTAL_INVOICES_PAGE_SIZE);
  });
});

describe('who may use the portal data layer', () => {
  it('refuses staff (even an administrator) and a client without a customer', async () => {
    const noCustomer = { ...one, customerId: null };
    const id = mine[0].id;
    for (const actor of [admin, staff, noCustomer]) {
      await expect(listPortalInvoices(actor, {}, h.db)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getPortalInvoice(actor, id, h.db)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(loadPortalInvoicePdf(actor, id, h.db)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(exportPortalInvoices(actor, {}, h.db).next()).rejects.toBeInstanceOf(ForbiddenError);
      await expect(portalInvoiceFilterOptions(actor, h.db)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getPortalAgreementStatement(actor, mine[0].agreementId, { from: '2027-01-01', to: '2027-01-31' }, h.db)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(requestPortalPdfBatch(actor, { filter: {} }, h.db)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(latestPortalPdfBatch(actor, h.db)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getPortalPdfBatch(actor, UNKNOWN, h.db)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(portalPdfZipFile(actor, UNKNOWN, h.db)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it('a client reaches none of the staff loaders, not even for its own invoice or agreement', async () => {
    const own = mine[0];
    await expect(getInvoiceDetail(one, own.id, h.db)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(loadInvoicePdf(one, own.id, h.db)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listInvoices(one, invoiceListSchema.parse({}), h.db)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(exportInvoices(one, invoiceListSchema.parse({}), h.db).next()).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getAgreementStatement(one, own.agreementId, { from: '2027-01-01', to: '2027-01-31' }, h.db)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(requestRunPdfBatch(one, runId, h.db)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getRunPdfBatch(one, runId, h.db)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(runPdfZipFile(one, runId, h.db)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('isolation: another customer’s invoice answers exactly like one that does not exist', () => {
  it('by id, by a guessed (sequential) id, by an invalid id: the same NotFoundError and message', async () => {
    const foreign = mine[0].id;
    const reference = await errorOf(getPortalInvoice(two, UNKNOWN, h.db));
    expect(reference).toBeInstanceOf(NotFoundError);
    expect(reference!.message).toBe(INVOICE_NOT_FOUND);
    for (const id of [foreign, nextId(foreign), 'abc', `${foreign}'--`, draftId]) {
      for (const call of [() => getPortalInvoice(two, id, h.db), () => loadPortalInvoicePdf(two, id, h.db)]) {
        const err = await errorOf(call());
        expect(err).toBeInstanceOf(NotFoundError);
        expect(err!.message).toBe(reference!.message);
      }
    }
    // Its owner sees it; nobody sees a draft, not even its owner.
    expect((await getPortalInvoice(one, foreign, h.db)).invoice.fiscalNumber).toBe(mine[0].fiscalNumber);
    await expect(getPortalInvoice(one, draftId, h.db)).rejects.toThrow(INVOICE_NOT_FOUND);
  });

  it('by fiscal number or by another customer’s agreement, group or account: nothing in the list or the export', async () => {
    const foreign = mine.find((i) => i.accountGroupId)!;
    const [item] = await h.db.select({ accountId: invoiceItems.accountId }).from(invoiceItems).where(and(eq(invoiceItems.invoiceId, foreign.id), sql`${invoiceItems.accountId} is not null`)).limit(1);
    const filters: PortalInvoiceFilter[] = [{ numero: foreign.fiscalNumber! }, { acuerdo: foreign.agreementId }, { grupo: foreign.accountGroupId! }, { cuenta: item.accountId! }];
    for (const f of filters) {
      expect((await listPortalInvoices(two, f, h.db)).total).toBe(0);
      const exported = [];
      for await (const r of exportPortalInvoices(two, f, h.db)) exported.push(r);
      expect(exported).toEqual([]);
      // The owner does find it.
      expect((await listPortalInvoices(one, f, h.db)).rows.map((r) => r.id)).toContain(foreign.id);
    }
  });

  it('the filter choices are the client’s own agreements, groups and accounts only', async () => {
    const opts = await portalInvoiceFilterOptions(two, h.db);
    const ownAgreements = await h.db.select({ id: agreements.id }).from(agreements).where(eq(agreements.customerId, two.customerId!));
    expect(opts.agreements.map((a) => a.id).sort()).toEqual(ownAgreements.map((a) => a.id).sort());
    const ownAccounts = await h.db.select({ id: accounts.id }).from(accounts).innerJoin(agreements, eq(agreements.id, accounts.agreementId)).where(eq(agreements.customerId, two.customerId!));
    expect(opts.accounts.map((a) => a.id).sort()).toEqual(ownAccounts.map((a) => a.id).sort());
    expect(opts.groups.length).toBeGreaterThan(0);
  });

  it('the PDF route: the owner gets the PDF with its number; the other client a 404 identical to an unknown id', async () => {
    const own = mine.find((i) => i.billingRunId === runId)!;
    await signInAs(one);
    const res = await pdfRoute.GET(new Request('http://x'), { params: Promise.resolve({ id: own.id }) });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/pdf');
    expect((await pdfText(new Uint8Array(await res.arrayBuffer()))).all).toContain(own.fiscalNumber);

    await signInAs(two);
    const foreign = await pdfRoute.GET(new Request('http://x'), { params: Promise.resolve({ id: own.id }) });
    const unknown = await pdfRoute.GET(new Request('http://x'), { params: Promise.resolve({ id: UNKNOWN }) });
    const invalid = await pdfRoute.GET(new Request('http://x'), { params: Promise.resolve({ id: 'not-an-id' }) });
    expect([foreign.status, unknown.status, invalid.status]).toEqual([404, 404, 404]);
    const bodies = await Promise.all([foreign.text(), unknown.text(), invalid.text()]);
    expect(new Set(bodies)).toEqual(new Set([INVOICE_NOT_FOUND]));

    await signInAs(staff);
    expect((await pdfRoute.GET(new Request('http://x'), { params: Promise.resolve({ id: own.id }) })).status).toBe(403);
    await signInAs(null);
    expect((await pdfRoute.GET(new Request('http://x'), { params: Promise.resolve({ id: own.id }) })).status).toBe(401);
  }, 60_000);
});

describe('the invoice list', () => {
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

  it('shows the client’s issued documents newest first, 50 a page, with the exact total; never a draft', async () => {
    const first = await listPortalInvoices(one, {}, h.db);
    expect(first.total).toBe(mine.length);
    expect(first.pageCount).toBe(Math.ceil(mine.length / PORTAL_INVOICES_PAGE_SIZE));
    expect(ids(first.rows)).toEqual(mine.slice(0, PORTAL_INVOICES_PAGE_SIZE).map((i) => i.id));
    const second = await listPortalInvoices(one, { pagina: 2 }, h.db);
    expect(ids(second.rows)).toEqual(mine.slice(PORTAL_INVOICES_PAGE_SIZE, 2 * PORTAL_INVOICES_PAGE_SIZE).map((i) => i.id));
    expect(ids([...first.rows, ...second.rows])).not.toContain(draftId);
    // A page past the end shows the last one.
    expect((await listPortalInvoices(one, { pagina: 99 }, h.db)).page).toBe(first.pageCount);
  });

  it('filters by agreement, status, number and period (a document without period by its issue month)', async () => {
    const agreementId = mine.find((i) => i.billingRunId === runId)!.agreementId;
    expect(ids((await listPortalInvoices(one, { acuerdo: agreementId }, h.db)).rows).sort()).toEqual(mine.filter((i) => i.agreementId === agreementId).map((i) => i.id).sort());
    const paid = mine.filter((i) => i.status === 'PAID');
    expect(paid).toHaveLength(1);
    expect(ids((await listPortalInvoices(one, { estado: 'PAID' }, h.db)).rows)).toEqual([paid[0].id]);
    const target = mine.find((i) => i.billingRunId === runId)!;
    const byNumber = await listPortalInvoices(one, { numero: target.fiscalNumber!.slice(-8) }, h.db);
    expect(ids(byNumber.rows)).toContain(target.id);
    expect(byNumber.rows.every((r) => r.fiscalNumber!.includes(target.fiscalNumber!.slice(-8)))).toBe(true);
    expect(ids((await listPortalInvoices(one, { periodo: '2027-01' }, h.db)).rows).sort()).toEqual(mine.filter((i) => i.period === '2027-01').map((i) => i.id).sort());
    expect(ids((await listPortalInvoices(one, { periodo: '2026-12' }, h.db)).rows)).toEqual([manualDecemberId]);
  });

  it('filters by account group and by account: the invoices that bill them or have a line for them', async () => {
    const lines = await h.db
      .select({ invoiceId: invoiceItems.invoiceId, accountId: invoiceItems.accountId, groupId: accounts.groupId })
      .from(invoiceItems)
      .innerJoin(invoices, eq(invoices.id, invoiceItems.invoiceId))
      .innerJoin(accounts, eq(accounts.id, invoiceItems.accountId))
      .where(eq(invoices.customerId, one.customerId!));
    const grouped = mine.find((i) => i.accountGroupId)!;
    const groupId = grouped.accountGroupId!;
    const expectedGroup = new Set([...mine.filter((i) => i.accountGroupId === groupId).map((i) => i.id), ...lines.filter((l) => l.groupId === groupId).map((l) => l.invoiceId)]);
    expect(ids((await listPortalInvoices(one, { grupo: groupId }, h.db)).rows).sort()).toEqual([...expectedGroup].sort());
    expect(expectedGroup.size).toBeGreaterThanOrEqual(1);
    // An account billed inside a per-agreement invoice (no account or group on the invoice itself).
    const wide = mine.find((i) => i.billingRunId === runId && !i.accountId && !i.accountGroupId)!;
    const account = lines.find((l) => l.invoiceId === wide.id)!.accountId!;
    const expectedAccount = new Set([...mine.filter((i) => i.accountId === account).map((i) => i.id), ...lines.filter((l) => l.accountId === account).map((l) => l.invoiceId)]);
    const found = ids((await listPortalInvoices(one, { cuenta: account }, h.db)).rows);
    expect(found).toContain(wide.id);
    expect(found.sort()).toEqual([...expectedAccount].sort());
  });

  it('the detail: printable items, the confirmed payments applied and the balance', async () => {
    const paid = mine.find((i) => i.status === 'PAID')!;
    const detail = await getPortalInvoice(one, paid.id, h.db);
    expect(detail.invoice).toMatchObject({ id: paid.id, balance: '0.00', status: 'PAID' });
    expect(detail.payable).toBe(false);
    expect(detail.payments).toHaveLength(1);
    expect(detail.payments[0].amount).toBe(paid.total);
    expect(detail.printable.length).toBeGreaterThan(0);
    expect(detail.invoice).not.toHaveProperty('createdBy');
    const open = await getPortalInvoice(one, mine.find((i) => i.status === 'ISSUED' && i.billingRunId === runId)!.id, h.db);
    expect(open.payable).toBe(true);
  });
});

describe('CSV export', () => {
  it('contains only the client’s own invoices of the filter', async () => {
    await signInAs(two);
    const res = await csvRoute.GET(new Request('http://x/portal/facturas/csv'));
    expect(res.status).toBe(200);
    const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^"?Número fiscal"?,/);
    // Number, document type and class lead each row (none of them has a comma).
    const keys = lines.slice(1).map((l) => {
      const [number, , invoiceClass] = l.split(',');
      return `${invoiceClass}-${number}`;
    });
    expect(keys.sort()).toEqual(theirs.map((i) => `${i.invoiceClass}-${i.fiscalNumber}`).sort());

    // Filtered by another customer's agreement: the header alone.
    const foreign = await csvRoute.GET(new Request(`http://x/portal/facturas/csv?acuerdo=${mine[0].agreementId}`));
    expect((await foreign.text()).trim().split(/\r?\n/)).toHaveLength(1);

    await signInAs(staff);
    expect((await csvRoute.GET(new Request('http://x/portal/facturas/csv'))).status).toBe(403);
  });
});

describe('statement of account', () => {
  it('is the staff statement of the client’s own agreement; another customer’s agreement is "not found" like an unknown one', async () => {
    const agreementId = mine.find((i) => i.billingRunId === runId)!.agreementId;
    const range = { from: '2027-01-01', to: '2027-02-28' };
    const now = new Date('2027-03-01T12:00:00Z');
    const portal = await getPortalAgreementStatement(one, agreementId, range, h.db, now);
    expect(portal).toEqual(await getAgreementStatement(admin, agreementId, range, h.db, now));
    expect(portal.statement.rows.length).toBeGreaterThan(0);

    const reference = await errorOf(getPortalAgreementStatement(two, UNKNOWN, range, h.db));
    expect(reference).toBeInstanceOf(NotFoundError);
    for (const id of [agreementId, nextId(agreementId), 'x']) {
      const err = await errorOf(getPortalAgreementStatement(two, id, range, h.db));
      expect(err).toBeInstanceOf(NotFoundError);
      expect(err!.message).toBe(reference!.message);
    }
  });

  it('the PDF route answers the owner and 404s the other client', async () => {
    const agreementId = mine.find((i) => i.billingRunId === runId)!.agreementId;
    const url = `http://x/portal/estado-de-cuenta/pdf?acuerdo=${agreementId}&desde=2027-01-01&hasta=2027-01-31`;
    await signInAs(one);
    const ok = await statementRoute.GET(new Request(url));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('Content-Type')).toBe('application/pdf');
    await signInAs(two);
    const foreign = await statementRoute.GET(new Request(url));
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).toBe('No se encontró el acuerdo.');
    expect((await statementRoute.GET(new Request(`${url.split('&')[0]}&desde=2027-02-01&hasta=2027-01-01`))).status).toBe(400);
  }, 60_000);
});

describe('ZIP of the filtered invoices', () => {
  let batchId: string;
  let expected: Inv[];

  it('renders exactly the filter’s invoices of the client, with progress to the total, audited', async () => {
    const agreementId = mine.find((i) => i.billingRunId === runId && i.accountGroupId)!.agreementId;
    const filter = { acuerdo: agreementId, periodo: '2027-01' };
    expected = mine.filter((i) => i.agreementId === agreementId && i.period === '2027-01');
    const requested = await requestPortalPdfBatch(one, { filter }, h.db);
    batchId = requested.id;
    expect(requested).toMatchObject({ status: 'QUEUED', total: expected.length, filter });
    // Asked again while it runs: the same batch; asking for other invoices meanwhile is refused.
    expect((await requestPortalPdfBatch(one, { filter }, h.db)).id).toBe(batchId);
    await expect(requestPortalPdfBatch(one, { filter: {} }, h.db)).rejects.toBeInstanceOf(UserError);
    await waitForPdfBatch(batchId);

    const view = await getPortalPdfBatch(one, batchId, h.db);
    expect(view).toMatchObject({ status: 'DONE', total: expected.length, done: expected.length, downloadable: true });
    expect((await latestPortalPdfBatch(one, h.db))?.id).toBe(batchId);
    expect(await latestPortalPdfBatch(one, h.db, new Date(Date.now() + 25 * 60 * 60 * 1000))).toBeNull();
    expect(await latestPortalPdfBatch(two, h.db)).toBeNull();
    const file = await portalPdfZipFile(one, batchId, h.db);
    const entries = unzipSync(new Uint8Array(await readFile(file.path)));
    expect(Object.keys(entries).sort()).toEqual(expected.map((i) => `${i.invoiceClass}-${i.fiscalNumber}.pdf`).sort());
    const [row] = await h.db.select().from(pdfBatches).where(eq(pdfBatches.id, batchId));
    expect(row).toMatchObject({ customerId: one.customerId, billingRunId: null, requestedBy: one.id });
    const [audit] = await h.db.select().from(auditLog).where(and(eq(auditLog.entity, 'pdf_batch'), eq(auditLog.entityId, batchId)));
    expect(audit).toMatchObject({ action: 'CREATE', userId: one.id });
  }, 120_000);

  it('another client finds neither the batch nor its ZIP (same answer as an unknown batch), through the data layer or the route', async () => {
    const reference = await errorOf(getPortalPdfBatch(two, UNKNOWN, h.db));
    expect(reference!.message).toBe(BATCH_NOT_FOUND);
    for (const id of [batchId, nextId(batchId), 'zzz']) {
      for (const call of [() => getPortalPdfBatch(two, id, h.db), () => portalPdfZipFile(two, id, h.db), () => retryPortalPdfBatch(two, id, h.db)]) {
        const err = await errorOf(call());
        expect(err).toBeInstanceOf(NotFoundError);
        expect(err!.message).toBe(BATCH_NOT_FOUND);
      }
    }
    await signInAs(two);
    const res = await zipRoute.GET(new Request('http://x'), { params: Promise.resolve({ id: batchId }) });
    expect(res.status).toBe(404);
    expect(await res.text()).toBe(BATCH_NOT_FOUND);
    await signInAs(one);
    const own = await zipRoute.GET(new Request('http://x'), { params: Promise.resolve({ id: batchId }) });
    expect(own.status).toBe(200);
    expect(own.headers.get('Content-Type')).toBe('application/zip');
    expect(Object.keys(unzipSync(new Uint8Array(await own.arrayBuffer())))).toHaveLength(expected.length);
  });

  it('a selection naming another customer’s invoice (or a draft, or junk) is refused whole, like an unknown invoice, and starts nothing', async () => {
    const before = await h.db.$count(pdfBatches);
    const own = theirs.slice(0, 2).map((i) => i.id);
    for (const intruder of [mine[0].id, draftId, UNKNOWN, 'abc']) {
      const err = await errorOf(requestPortalPdfBatch(two, { invoiceIds: [...own, intruder] }, h.db));
      expect(err).toBeInstanceOf(NotFoundError);
      expect(err!.message).toBe(INVOICE_NOT_FOUND);
    }
    expect(await h.db.$count(pdfBatches)).toBe(before);
  });

  it('a selection over the cap is refused with a Spanish message', async () => {
    const many = Array.from({ length: PORTAL_ZIP_MAX_INVOICES + 1 }, (_, i) => nextId(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`));
    await expect(requestPortalPdfBatch(two, { invoiceIds: many }, h.db)).rejects.toThrow(/como máximo 5[.,]?000/);
  });

  it('the job renders only the batch customer’s invoices, whatever its stored selection says', async () => {
    const own = mine.filter((i) => i.billingRunId === runId).slice(0, 2);
    const [row] = await h.db
      .insert(pdfBatches)
      .values({ customerId: one.customerId, selection: { invoiceIds: [theirs[0].id, own[0].id, draftId, 'junk', own[1].id] }, status: 'QUEUED', total: 5, requestedBy: one.id })
      .returning();
    const done = await executePdfBatch(h.db, row.id, { poolOptions: { threads: 1 } });
    expect(done).toMatchObject({ status: 'DONE', total: 2, done: 2 });
    const entries = unzipSync(new Uint8Array(await readFile(done.filePath!)));
    expect(Object.keys(entries).sort()).toEqual(own.map((i) => `${i.invoiceClass}-${i.fiscalNumber}.pdf`).sort());
  }, 60_000);

  it('ticked ids of the client: a ZIP of exactly those', async () => {
    const picked = theirs.slice(0, 2);
    const batch = await requestPortalPdfBatch(two, { invoiceIds: picked.map((i) => i.id.toUpperCase()) }, h.db);
    await waitForPdfBatch(batch.id);
    const file = await portalPdfZipFile(two, batch.id, h.db);
    expect(Object.keys(unzipSync(new Uint8Array(await readFile(file.path)))).sort()).toEqual(picked.map((i) => `${i.invoiceClass}-${i.fiscalNumber}.pdf`).sort());
  }, 60_000);
});

describe('server actions called directly', () => {
  it('refuse anonymous callers and staff', async () => {
    const form = zipForm({ alcance: 'filtro' });
    expect(await digest(requestPortalZipAction(undefined, form))).toMatch(/^NEXT_REDIRECT;.*\/login/);
    await signInAs(staff);
    expect(await digest(requestPortalZipAction(undefined, form))).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
    expect(await digest(retryPortalZipAction(UNKNOWN, undefined, new FormData()))).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
  });

  it('another customer’s invoice ids or batch id get the "not found" answer and start nothing', async () => {
    await signInAs(two);
    const before = await h.db.$count(pdfBatches);
    const res = await requestPortalZipAction(undefined, zipForm({ alcance: 'seleccion', factura: [theirs[0].id, mine[0].id] }));
    expect(res).toEqual({ ok: false, error: INVOICE_NOT_FOUND });
    const [oneBatch] = await h.db.select({ id: pdfBatches.id }).from(pdfBatches).where(eq(pdfBatches.customerId, one.customerId!)).limit(1);
    expect(await retryPortalZipAction(oneBatch.id, undefined, new FormData())).toEqual({ ok: false, error: BATCH_NOT_FOUND });
    expect(await h.db.$count(pdfBatches)).toBe(before);
    // A selection with nothing ticked is a field error.
    const empty = await requestPortalZipAction(undefined, zipForm({ alcance: 'seleccion' }));
    expect(empty).toMatchObject({ ok: false, fieldErrors: { factura: ['Marque al menos una factura.'] } });
  });

  it('a client’s own request goes to its progress page', async () => {
    await signInAs(two);
    const result = await digest(requestPortalZipAction(undefined, zipForm({ alcance: 'filtro', periodo: '2027-01' })));
    const [latest] = await h.db.select({ id: pdfBatches.id, customerId: pdfBatches.customerId }).from(pdfBatches).where(eq(pdfBatches.customerId, two.customerId!)).orderBy(sql`${pdfBatches.createdAt} desc`).limit(1);
    expect(result).toMatch(new RegExp(`^NEXT_REDIRECT;.*/portal/facturas/lotes/${latest.id}`));
    await waitForPdfBatch(latest.id);
    const [c] = await h.db.select({ id: customers.id }).from(customers).where(eq(customers.id, latest.customerId!));
    expect(c.id).toBe(two.customerId);
  }, 60_000);
});
