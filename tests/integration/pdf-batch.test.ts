import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { agreements, auditLog, branches, invoices, pdfBatches } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { NotFoundError, UserError } from '@/lib/auth/errors';
import type { Actor } from '@/lib/auth/scope';
import { startBillingRun, waitForBillingRun } from '@/lib/dal/billing-runs';
import { getRunPdfBatch, requestRunPdfBatch, runPdfZipFile, waitForPdfBatch } from '@/lib/dal/pdf-batches';
import { executePdfBatch, pdfBatchZipPath } from '@/lib/pdf/batch/job';
import { GET } from '@/app/(staff)/facturacion/[id]/pdf-zip/route';
import { actorFor } from '../support/actors';
import { createTestDatabase } from '../support/db';
import { pdfText } from '../support/pdf-text';

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock('@/lib/auth/auth', () => ({ auth: async () => session.current, signIn: vi.fn(), signOut: vi.fn() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

let h: DatabaseHandle;
let staff: Actor; // BRANCH_STAFF of SDC
let otherBranchStaff: Actor;
let runId: string;
let previewId: string;
let batchId: string;
let numbers: string[];
const dataDir = mkdtempSync(path.join(tmpdir(), 'cauce-pdf-batch-'));

const PERIOD = '2027-01';
const ISSUE = '2027-01-31';

/** The ZIP's entries: name → bytes. */
async function entriesOf(file: string) {
  return unzipSync(new Uint8Array(await readFile(file)));
}

beforeAll(async () => {
  // Finished ZIPs go to <CAUCE_DATA_DIR>/../exports.
  process.env.CAUCE_DATA_DIR = path.join(dataDir, 'pglite');
  h = await createTestDatabase();
  await seedDemo(h);
  staff = await actorFor('sucursal@cauce.example');
  const [sti] = await h.db.select({ id: branches.id }).from(branches).where(eq(branches.code, 'STI'));
  otherBranchStaff = { ...staff, id: staff.id, branchIds: [sti.id] };
  const [sdc] = await h.db.select({ id: branches.id }).from(branches).where(eq(branches.code, 'SDC'));
  // A small RUN: eight active monthly agreements of SDC (their unread meters are estimated).
  const picked = await h.db
    .select({ id: agreements.id })
    .from(agreements)
    .where(and(eq(agreements.branchId, sdc.id), eq(agreements.status, 'ACTIVE'), eq(agreements.billingFrequency, 'MONTHLY'), sql`${agreements.validTo} is null`))
    .orderBy(agreements.code)
    .limit(8);
  const ids = picked.map((p) => p.id);
  ({ runId: previewId } = await startBillingRun(staff, { mode: 'PREVIEW', period: PERIOD, issueDate: ISSUE, branchId: sdc.id, agreementIds: ids }));
  await waitForBillingRun(previewId);
  ({ runId } = await startBillingRun(staff, { mode: 'RUN', period: PERIOD, issueDate: ISSUE, branchId: sdc.id, agreementIds: ids }));
  await waitForBillingRun(runId);
  const rows = await h.db.select({ fiscalNumber: invoices.fiscalNumber, invoiceClass: invoices.invoiceClass }).from(invoices).where(eq(invoices.billingRunId, runId));
  numbers = rows.map((r) => `${r.invoiceClass}-${r.fiscalNumber}`).sort();
}, 180_000);

afterAll(async () => {
  await h.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('PDF batch of a billing run', () => {
  it('the run billed some invoices to print', () => {
    expect(numbers.length).toBeGreaterThanOrEqual(3);
  });

  it('a preview, or another branch’s run, cannot be requested', async () => {
    await expect(requestRunPdfBatch(staff, previewId, h.db)).rejects.toThrow(UserError);
    await expect(requestRunPdfBatch(otherBranchStaff, runId, h.db)).rejects.toThrow(NotFoundError);
    expect(await getRunPdfBatch(staff, runId, h.db)).toBeNull();
  });

  it('renders every invoice into one ZIP named by class and fiscal number, whose PDFs carry their number; progress reaches the total', async () => {
    const requested = await requestRunPdfBatch(staff, runId, h.db);
    batchId = requested.id;
    expect(requested.status).toBe('QUEUED');
    expect(requested.total).toBe(numbers.length);
    // Asked again while it runs: the same batch, not a second one.
    expect((await requestRunPdfBatch(staff, runId, h.db)).id).toBe(batchId);
    await waitForPdfBatch(batchId);

    const view = await getRunPdfBatch(staff, runId, h.db);
    expect(view).toMatchObject({ id: batchId, status: 'DONE', total: numbers.length, done: numbers.length, downloadable: true });
    expect(view!.pages).toBeGreaterThanOrEqual(numbers.length);
    const [audit] = await h.db.select().from(auditLog).where(and(eq(auditLog.entity, 'pdf_batch'), eq(auditLog.entityId, batchId)));
    expect(audit).toMatchObject({ action: 'CREATE', userId: staff.id });

    const file = await runPdfZipFile(staff, runId, h.db);
    expect(file.path).toBe(pdfBatchZipPath(batchId));
    const entries = await entriesOf(file.path);
    expect(Object.keys(entries).sort()).toEqual(numbers.map((n) => `${n}.pdf`));
    for (const [name, bytes] of Object.entries(entries)) {
      const text = await pdfText(bytes);
      expect(text.all).toContain(name.slice(2, -4)); // the fiscal number, e.g. 00001-00000123
    }
    const [row] = await h.db.select().from(pdfBatches).where(eq(pdfBatches.id, batchId));
    expect(row.bytes).toBe((await readFile(file.path)).length);
  }, 120_000);

  it('another branch’s staff finds neither the batch nor its ZIP', async () => {
    await expect(getRunPdfBatch(otherBranchStaff, runId, h.db)).rejects.toThrow(NotFoundError);
    await expect(runPdfZipFile(otherBranchStaff, runId, h.db)).rejects.toThrow(NotFoundError);
  });

  it('the download route streams the ZIP to staff of the run’s branch', async () => {
    session.current = { user: { id: staff.id } };
    const res = await GET(new Request(`http://x/facturacion/${runId}/pdf-zip`), { params: Promise.resolve({ id: runId }) });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/zip');
    const body = new Uint8Array(await res.arrayBuffer());
    expect(Object.keys(unzipSync(body))).toHaveLength(numbers.length);
    const missing = await GET(new Request('http://x'), { params: Promise.resolve({ id: '00000000-0000-4000-8000-000000000000' }) });
    expect(missing.status).toBe(404);
    session.current = null;
    expect((await GET(new Request('http://x'), { params: Promise.resolve({ id: runId }) })).status).toBe(401);
  });

  it('a retried job (stopped mid-way, leaving a partial file) writes the ZIP again from scratch without duplicates', async () => {
    await h.db.update(pdfBatches).set({ status: 'RUNNING', done: 2, pages: 2 }).where(eq(pdfBatches.id, batchId));
    writeFileSync(`${pdfBatchZipPath(batchId)}.part`, 'half a zip from the crashed attempt');
    const again = await executePdfBatch(h.db, batchId, { poolOptions: { threads: 1 } });
    expect(again).toMatchObject({ status: 'DONE', total: numbers.length, done: numbers.length });
    const entries = await entriesOf(pdfBatchZipPath(batchId));
    expect(Object.keys(entries).sort()).toEqual(numbers.map((n) => `${n}.pdf`));
  }, 120_000);

  it('a batch that stopped showing progress (its process died) is replaced by a new request', async () => {
    await h.db.update(pdfBatches).set({ status: 'RUNNING', updatedAt: new Date(Date.now() - 5 * 60_000) }).where(eq(pdfBatches.id, batchId));
    expect(await getRunPdfBatch(staff, runId, h.db)).toMatchObject({ id: batchId, stale: true });
    const fresh = await requestRunPdfBatch(staff, runId, h.db);
    expect(fresh.id).not.toBe(batchId);
    const [old] = await h.db.select().from(pdfBatches).where(eq(pdfBatches.id, batchId));
    expect(old.status).toBe('FAILED');
    await waitForPdfBatch(fresh.id);
    expect(await getRunPdfBatch(staff, runId, h.db)).toMatchObject({ id: fresh.id, status: 'DONE', done: numbers.length, stale: false });
  }, 120_000);
});
