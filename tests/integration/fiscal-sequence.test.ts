import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle, Tx } from '@/db/client';
import { currentSequences, issueDraftInvoice, reserveNumbers, type SequenceKey } from '@/db/queries/fiscal-sequence';
import { agreements, fiscalSequences, invoices, pointsOfSale, users } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { FiscalNumberingError } from '@/lib/domain/billing/fiscal-number';
import { createTestDatabase } from '../support/db';

let h: DatabaseHandle;
let base: Omit<typeof invoices.$inferInsert, 'pointOfSaleId' | 'posNumber'>;
let branchId: string;
let issuerId: string;

const ISSUERS = 8;
const PER_ISSUER = 25;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Thrown inside a transaction to roll it back on purpose. */
class Rollback extends Error {}

/** A point of sale of our own (numbers 801+ are not in the demo data), so each test starts its counters at 0. */
let nextPos = 801;
async function newPointOfSale() {
  const [pos] = await h.db.insert(pointsOfSale).values({ number: nextPos++, branchId, description: `Caja de prueba ${nextPos}` }).returning();
  return pos;
}

/** `count` DRAFT invoices on a point of sale, inserted directly as a draft would be. */
async function drafts(pos: { id: string; number: number }, count: number, over: Partial<typeof invoices.$inferInsert> = {}) {
  const rows = await h.db
    .insert(invoices)
    .values(range(1, count).map(() => ({ ...base, pointOfSaleId: pos.id, posNumber: pos.number, ...over })))
    .returning({ id: invoices.id });
  return rows.map((r) => r.id);
}

const reserve = (key: SequenceKey, count?: number) => h.db.transaction((tx) => reserveNumbers(tx, key, count));

async function rolledBack(work: (tx: Tx) => Promise<unknown>) {
  await expect(
    h.db.transaction(async (tx) => {
      await work(tx);
      throw new Rollback();
    }),
  ).rejects.toBeInstanceOf(Rollback);
}

async function issue(id: string) {
  const r = await h.db.transaction((tx) => issueDraftInvoice(tx, id, { issueDate: '2026-10-31', issuedBy: issuerId }));
  if (!r.ok) throw new Error(r.error);
  return r.invoice;
}

async function issuedOn(posId: string) {
  return h.db
    .select({ id: invoices.id, number: invoices.number, fiscalNumber: invoices.fiscalNumber, status: invoices.status })
    .from(invoices)
    .where(eq(invoices.pointOfSaleId, posId))
    .orderBy(invoices.number);
}

async function counter(posId: string) {
  const [row] = await h.db.select().from(fiscalSequences).where(eq(fiscalSequences.pointOfSaleId, posId));
  return row?.lastNumber;
}

beforeAll(async () => {
  h = await createTestDatabase();
  await seedDemo(h);
  const [agreement] = await h.db.select().from(agreements).limit(1);
  const [user] = await h.db.select().from(users).where(eq(users.role, 'ADMIN')).limit(1);
  branchId = agreement.branchId;
  issuerId = user.id;
  base = {
    invoiceClass: 'B',
    origin: 'MANUAL',
    agreementId: agreement.id,
    customerId: agreement.customerId,
    branchId: agreement.branchId,
    customerSnapshot: { name: 'Cliente' },
    billingAddress: agreement.billingAddress,
  };
});
afterAll(() => h.close());

describe('reserveNumbers', () => {
  it('hands out consecutive numbers per point of sale, class and document type, independent across keys', async () => {
    const [p1, p2] = [await newPointOfSale(), await newPointOfSale()];
    const a = { pointOfSaleId: p1.id, invoiceClass: 'A', docType: 'INVOICE' } as const;
    expect(await reserve(a)).toEqual({ first: 1, last: 1 });
    expect(await reserve(a)).toEqual({ first: 2, last: 2 });
    expect(await reserve({ ...a, docType: 'CREDIT_NOTE' })).toEqual({ first: 1, last: 1 });
    expect(await reserve({ ...a, invoiceClass: 'B' })).toEqual({ first: 1, last: 1 });
    expect(await reserve({ ...a, pointOfSaleId: p2.id })).toEqual({ first: 1, last: 1 });
    // 2 taken, a block of 3 → 3..5; the next single is 6.
    expect(await reserve(a, 3)).toEqual({ first: 3, last: 5 });
    expect(await reserve(a)).toEqual({ first: 6, last: 6 });

    const views = (await currentSequences(h.db)).filter((s) => s.pointOfSaleId === p1.id);
    expect(views.map((s) => [s.invoiceClass, s.docType, s.lastNumber, s.lastFiscalNumber])).toEqual([
      ['A', 'INVOICE', 6, `00${p1.number}-00000006`],
      ['A', 'CREDIT_NOTE', 1, `00${p1.number}-00000001`],
      ['B', 'INVOICE', 1, `00${p1.number}-00000001`],
    ]);
    expect(views[0]).toMatchObject({ posNumber: p1.number, branchId, posActive: true });
    expect((await currentSequences(h.db, { branchId })).length).toBeGreaterThanOrEqual(4);
  });

  it('gives the numbers of a rolled-back transaction back: no gap', async () => {
    const pos = await newPointOfSale();
    const key = { pointOfSaleId: pos.id, invoiceClass: 'B', docType: 'INVOICE' } as const;
    expect(await reserve(key)).toEqual({ first: 1, last: 1 });
    await rolledBack(async (tx) => {
      expect(await reserveNumbers(tx, key)).toEqual({ first: 2, last: 2 });
      expect(await reserveNumbers(tx, key, 10)).toEqual({ first: 3, last: 12 });
    });
    expect(await reserve(key)).toEqual({ first: 2, last: 2 });
    // A counter row created by a rolled-back transaction disappears with it.
    await rolledBack((tx) => reserveNumbers(tx, { ...key, docType: 'DEBIT_NOTE' }));
    expect(await reserve({ ...key, docType: 'DEBIT_NOTE' })).toEqual({ first: 1, last: 1 });
  });

  it('reserves a block of 500 in one statement', async () => {
    const pos = await newPointOfSale();
    const key = { pointOfSaleId: pos.id, invoiceClass: 'E', docType: 'INVOICE' } as const;
    expect(await reserve(key, 500)).toEqual({ first: 1, last: 500 });
    expect(await reserve(key, 500)).toEqual({ first: 501, last: 1000 });
    expect(await reserve(key)).toEqual({ first: 1001, last: 1001 });
    expect(await counter(pos.id)).toBe(1001);
  });

  it('refuses counts below 1 and a sequence past 99999999, changing nothing', async () => {
    const pos = await newPointOfSale();
    const key = { pointOfSaleId: pos.id, invoiceClass: 'A', docType: 'INVOICE' } as const;
    await expect(reserve(key, 0)).rejects.toThrow(RangeError);
    await expect(reserve(key, -1)).rejects.toThrow(RangeError);
    await expect(reserve(key, 1.5)).rejects.toThrow(RangeError);
    await expect(reserve(key, 100_000_000)).rejects.toBeInstanceOf(FiscalNumberingError);
    expect(await counter(pos.id)).toBeUndefined();

    await h.db.insert(fiscalSequences).values({ ...key, lastNumber: 99_999_997 });
    await expect(reserve(key, 3)).rejects.toThrow(/No quedan 3 números/);
    expect(await reserve(key, 2)).toEqual({ first: 99_999_998, last: 99_999_999 });
    const err = await reserve(key).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FiscalNumberingError);
    expect((err as Error).message).toMatch(/llegó a 99999999/);
    expect(await counter(pos.id)).toBe(99_999_999);
  });
});

describe('issueDraftInvoice', () => {
  it('numbers a draft, formats it with the point of sale and marks it issued; the trigger then protects it', async () => {
    const pos = await newPointOfSale();
    const [id, other, note] = [...(await drafts(pos, 2)), ...(await drafts(pos, 1, { docType: 'CREDIT_NOTE' }))];
    const first = await issue(id);
    expect(first).toMatchObject({ status: 'ISSUED', number: 1, fiscalNumber: `00${pos.number}-00000001`, issueDate: '2026-10-31', issuedBy: issuerId });
    expect(first.issuedAt).toBeInstanceOf(Date);
    expect(await issue(other)).toMatchObject({ number: 2, fiscalNumber: `00${pos.number}-00000002` });
    // A credit note has its own sequence on the same point of sale and class.
    expect(await issue(note)).toMatchObject({ docType: 'CREDIT_NOTE', number: 1, fiscalNumber: `00${pos.number}-00000001` });

    await expect(h.db.update(invoices).set({ number: 7 }).where(eq(invoices.id, id))).rejects.toThrow();
    const again = await h.db.transaction((tx) => issueDraftInvoice(tx, id, { issueDate: '2026-11-01', issuedBy: null }));
    expect(again).toEqual({ ok: false, reason: 'NOT_DRAFT', error: `El documento ya fue emitido (00${pos.number}-00000001).` });
    const missing = await h.db.transaction((tx) => issueDraftInvoice(tx, '00000000-0000-4000-8000-000000000000', { issueDate: '2026-11-01', issuedBy: null }));
    expect(missing).toMatchObject({ ok: false, reason: 'NOT_FOUND' });
    expect(await counter(pos.id)).toBe(2);
  });

  it('sets the due date when given', async () => {
    const pos = await newPointOfSale();
    const [id] = await drafts(pos, 1);
    const r = await h.db.transaction((tx) => issueDraftInvoice(tx, id, { issueDate: '2026-10-31', dueDate: '2026-11-20', issuedBy: null }));
    expect(r).toMatchObject({ ok: true, invoice: { dueDate: '2026-11-20', number: 1 } });
  });

  it('leaves the draft a draft when the issuing transaction rolls back', async () => {
    const pos = await newPointOfSale();
    const [a, b] = await drafts(pos, 2);
    await rolledBack((tx) => issueDraftInvoice(tx, a, { issueDate: '2026-10-31', issuedBy: null }));
    const [row] = await h.db.select().from(invoices).where(eq(invoices.id, a));
    expect(row).toMatchObject({ status: 'DRAFT', number: null, fiscalNumber: null, issuedAt: null });
    expect(await issue(b)).toMatchObject({ number: 1 });
  });
});

describe(`${ISSUERS} concurrent issuers on one point of sale and class`, () => {
  /**
   * ISSUERS workers run at once, each issuing its drafts one transaction at a time (on PostgreSQL
   * each transaction holds its own pooled connection; PGlite runs them one after another).
   * `fail(worker, i)` makes that transaction roll back after it took its number.
   */
  async function race(pos: { id: string; number: number }, fail: (worker: number, i: number) => boolean) {
    const ids = await drafts(pos, ISSUERS * PER_ISSUER);
    let inFlight = 0;
    let maxInFlight = 0;
    const rolledBackIds: string[] = [];
    await Promise.all(
      range(0, ISSUERS - 1).map(async (w) => {
        for (let i = 0; i < PER_ISSUER; i++) {
          const id = ids[w * PER_ISSUER + i];
          try {
            await h.db.transaction(async (tx) => {
              maxInFlight = Math.max(maxInFlight, ++inFlight);
              try {
                const r = await issueDraftInvoice(tx, id, { issueDate: '2026-10-31', issuedBy: issuerId });
                expect(r.ok).toBe(true);
                await sleep((w + i) % 3); // hold the counter's lock a little, as real issuing does
                if (fail(w, i)) throw new Rollback();
              } finally {
                inFlight--;
              }
            });
          } catch (e) {
            if (!(e instanceof Rollback)) throw e;
            rolledBackIds.push(id);
          }
        }
      }),
    );
    if (h.kind === 'postgres') expect(maxInFlight).toBeGreaterThan(1);
    return { ids, rolledBackIds };
  }

  function expectGapless(rows: { number: number | null; fiscalNumber: string | null }[], posNumber: number, count: number) {
    const numbers = rows.map((r) => r.number);
    expect(numbers).toEqual(range(1, count));
    expect(new Set(rows.map((r) => r.fiscalNumber)).size).toBe(count);
    const prefix = String(posNumber).padStart(5, '0');
    for (const r of rows) expect(r.fiscalNumber).toBe(`${prefix}-${String(r.number).padStart(8, '0')}`);
  }

  it(`numbers ${ISSUERS * PER_ISSUER} invoices exactly 1..${ISSUERS * PER_ISSUER}, no gap, no duplicate`, { timeout: 120_000 }, async () => {
    const pos = await newPointOfSale();
    await race(pos, () => false);
    const rows = await issuedOn(pos.id);
    expect(rows.every((r) => r.status === 'ISSUED')).toBe(true);
    expectGapless(rows, pos.number, ISSUERS * PER_ISSUER);
    expect(rows[0].fiscalNumber).toBe(`00${pos.number}-00000001`);
    expect(await counter(pos.id)).toBe(ISSUERS * PER_ISSUER);
  });

  it('stays gapless when some issuing transactions roll back midway', { timeout: 120_000 }, async () => {
    const pos = await newPointOfSale();
    // About one in four transactions rolls back after taking its number.
    const { ids, rolledBackIds } = await race(pos, (w, i) => (w * 7 + i) % 4 === 0);
    const committed = ids.length - rolledBackIds.length;
    expect(rolledBackIds.length).toBeGreaterThan(ISSUERS * 5);

    const issued = (await issuedOn(pos.id)).filter((r) => r.status === 'ISSUED');
    expectGapless(issued, pos.number, committed);
    expect(await counter(pos.id)).toBe(committed);
    const left = await h.db.select({ status: invoices.status, number: invoices.number }).from(invoices).where(inArray(invoices.id, rolledBackIds));
    expect(left).toHaveLength(rolledBackIds.length);
    expect(left.every((r) => r.status === 'DRAFT' && r.number === null)).toBe(true);
  });
});
