import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { accounts, agreements, billedAccounts, conceptGroups, concepts, invoiceItems, invoicePrintableItems, invoices, pointsOfSale } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { createTestDatabase } from '../support/db';

let h: DatabaseHandle;
let base: typeof invoices.$inferInsert;
let conceptId: string;

const item = (invoiceId: string, lineNo: number) => ({
  invoiceId,
  lineNo,
  conceptId,
  conceptCode: 'T-AGUA',
  conceptGroupName: 'Agua potable',
  description: 'Cargo fijo',
  quantity: '1',
  unitPrice: '100',
  gross: '100.00',
  discount: '0.00',
  net: '100.00',
  taxRate: '0',
  tax: '0.00',
  total: '100.00',
});

/** An ISSUED invoice with one item and one printable item, written in one transaction as billing does. */
async function issued(number: number) {
  return h.db.transaction(async (tx) => {
    const [inv] = await tx.insert(invoices).values({ ...base, status: 'ISSUED', number, fiscalNumber: `00001-${String(number).padStart(8, '0')}`, issueDate: '2026-10-31', total: '100.00', netTotal: '100.00', grossTotal: '100.00', balance: '100.00' }).returning();
    await tx.insert(invoiceItems).values(item(inv.id, 1));
    await tx.insert(invoicePrintableItems).values({ invoiceId: inv.id, lineNo: 1, description: 'Agua potable', net: '100.00', tax: '0.00', total: '100.00' });
    return inv;
  });
}

/** The database refuses the statement with a message matching `pattern` (drizzle wraps it in `cause`). */
async function refused(statement: PromiseLike<unknown>, pattern: RegExp) {
  const err = await Promise.resolve(statement).then(
    () => null,
    (e: unknown) => e as Error & { cause?: Error },
  );
  expect(err, 'the statement should have been refused').not.toBeNull();
  expect(`${err!.message} ${err!.cause?.message ?? ''}`).toMatch(pattern);
}

beforeAll(async () => {
  h = await createTestDatabase();
  await seedDemo(h);
  const [agreement] = await h.db.select().from(agreements).limit(1);
  const [pos] = await h.db.select().from(pointsOfSale).where(eq(pointsOfSale.branchId, agreement.branchId)).limit(1);
  const [group] = await h.db.insert(conceptGroups).values({ code: 'T-AP', name: 'Agua potable (prueba)' }).returning();
  [{ id: conceptId }] = await h.db.insert(concepts).values({ code: 'T-AGUA', name: 'Cargo fijo', groupId: group.id, kind: 'FIXED_CHARGE' }).returning();
  base = {
    invoiceClass: 'B',
    pointOfSaleId: pos.id,
    posNumber: pos.number,
    origin: 'MANUAL',
    agreementId: agreement.id,
    customerId: agreement.customerId,
    branchId: agreement.branchId,
    customerSnapshot: { name: 'Cliente' },
    billingAddress: agreement.billingAddress,
  };
});
afterAll(() => h.close());

describe('issued invoices are immutable in the database', () => {
  it('refuses changes to the amounts, number or data of an issued invoice', async () => {
    const inv = await issued(1);
    await refused(h.db.update(invoices).set({ total: '1.00' }).where(eq(invoices.id, inv.id)), /cannot change/);
    await refused(h.db.update(invoices).set({ number: 99 }).where(eq(invoices.id, inv.id)), /cannot change/);
    await refused(h.db.update(invoices).set({ billingAddress: 'Otra' }).where(eq(invoices.id, inv.id)), /cannot change/);
    await refused(h.db.delete(invoices).where(eq(invoices.id, inv.id)), /cannot be deleted/);
    const [row] = await h.db.select().from(invoices).where(eq(invoices.id, inv.id));
    expect(row).toMatchObject({ total: '100.00', number: 1, status: 'ISSUED' });
  });

  it('lets the payment state and the void mark move, never back to draft', async () => {
    const inv = await issued(2);
    await h.db.update(invoices).set({ status: 'PARTIALLY_PAID', balance: '40.00' }).where(eq(invoices.id, inv.id));
    await h.db.update(invoices).set({ status: 'VOIDED', voidedAt: new Date() }).where(eq(invoices.id, inv.id));
    await expect(h.db.update(invoices).set({ status: 'DRAFT', number: null }).where(eq(invoices.id, inv.id))).rejects.toThrow();
    const [row] = await h.db.select().from(invoices).where(eq(invoices.id, inv.id));
    expect(row).toMatchObject({ status: 'VOIDED', balance: '40.00' });
  });

  it('refuses changing, removing or adding lines of an issued invoice after the issuing transaction', async () => {
    const inv = await issued(3);
    await refused(h.db.update(invoiceItems).set({ description: 'x' }).where(eq(invoiceItems.invoiceId, inv.id)), /cannot change/);
    await refused(h.db.delete(invoiceItems).where(eq(invoiceItems.invoiceId, inv.id)), /cannot change/);
    await refused(h.db.insert(invoiceItems).values(item(inv.id, 2)), /cannot be added/);
    await refused(h.db.delete(invoicePrintableItems).where(eq(invoicePrintableItems.invoiceId, inv.id)), /cannot change/);
    await refused(h.db.insert(invoicePrintableItems).values({ invoiceId: inv.id, lineNo: 2, description: 'x', net: '1.00', tax: '0.00', total: '1.00' }), /cannot be added/);
    expect(await h.db.$count(invoiceItems, eq(invoiceItems.invoiceId, inv.id))).toBe(1);
  });

  it('leaves drafts editable and deletable, lines included', async () => {
    const [draft] = await h.db.insert(invoices).values(base).returning();
    await h.db.insert(invoiceItems).values(item(draft.id, 1));
    await h.db.update(invoiceItems).set({ description: 'Cargo corregido' }).where(eq(invoiceItems.invoiceId, draft.id));
    await h.db.update(invoices).set({ notes: 'borrador', total: '100.00' }).where(eq(invoices.id, draft.id));
    await h.db.delete(invoices).where(eq(invoices.id, draft.id));
    expect(await h.db.$count(invoiceItems, eq(invoiceItems.invoiceId, draft.id))).toBe(0);
  });

  it('enforces a number exactly when issued, unique per point of sale, class and document type', async () => {
    await expect(h.db.insert(invoices).values({ ...base, status: 'ISSUED' })).rejects.toThrow();
    await expect(h.db.insert(invoices).values({ ...base, number: 5 })).rejects.toThrow();
    await expect(issued(1)).rejects.toThrow();
    expect(await h.db.$count(invoices, eq(invoices.number, 1))).toBe(1);
  });

  it('never stores two automatic invoices for the same billing unit and period', async () => {
    const auto = { ...base, origin: 'AUTOMATIC' as const, billingUnit: `AG:${base.agreementId}`, period: '2026-10' };
    await h.db.insert(invoices).values(auto);
    await expect(h.db.insert(invoices).values(auto)).rejects.toThrow();
    await expect(h.db.insert(invoices).values({ ...auto, period: '2026-11' })).resolves.toBeDefined();
  });
});

describe('references of invoice lines without per-row foreign keys', () => {
  it('an account or concept named by invoice lines or billed accounts cannot be deleted; billed accounts are append-only', async () => {
    const inv = await issued(9101);
    const [account] = await h.db.select().from(accounts).limit(1);
    await h.db.insert(billedAccounts).values({ accountId: account.id, period: '2026-10', invoiceId: inv.id });
    await refused(h.db.delete(concepts).where(eq(concepts.id, conceptId)), /named by invoice lines/);
    await refused(h.db.delete(accounts).where(eq(accounts.id, account.id)), /named by invoice lines/);
    await refused(h.db.delete(billedAccounts).where(eq(billedAccounts.accountId, account.id)), /append-only/);
    await refused(h.db.update(billedAccounts).set({ period: '2026-09' }).where(eq(billedAccounts.accountId, account.id)), /append-only/);
    // An unused concept can still be deleted.
    const [group] = await h.db.select().from(conceptGroups).limit(1);
    const [spare] = await h.db.insert(concepts).values({ code: 'T-SPARE', name: 'Sin uso', groupId: group.id, kind: 'FIXED_CHARGE' }).returning();
    await h.db.delete(concepts).where(eq(concepts.id, spare.id));
    expect(await h.db.$count(concepts, eq(concepts.id, spare.id))).toBe(0);
  });
});

