import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { accountGroups, accounts, agreementPaymentMethods, agreements, branches, customers, localities, paymentEntities, tariffCategories } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { createTestDatabase } from '../support/db';

let h: DatabaseHandle;
let agreementA: string;
let agreementB: string;
let groupOfB: string;
let category: string;

beforeAll(async () => {
  h = await createTestDatabase();
  await seedDemo(h);
  const [branch] = await h.db.select().from(branches).limit(1);
  const [locality] = await h.db.select().from(localities).limit(1);
  const [customer] = await h.db.select().from(customers).limit(1);
  const base = { customerId: customer.id, billingAddress: 'Calle El Conde 105', localityId: locality.id, branchId: branch.id, billingMode: 'PER_ACCOUNT' as const, billingOpportunity: 'METERED' as const, validFrom: '2026-01-01' };
  [{ id: agreementA }] = await h.db.insert(agreements).values({ ...base, code: 'AC-T1', name: 'Acuerdo A' }).returning();
  [{ id: agreementB }] = await h.db.insert(agreements).values({ ...base, code: 'AC-T2', name: 'Acuerdo B' }).returning();
  [{ id: groupOfB }] = await h.db.insert(accountGroups).values({ code: 'GR-T1', name: 'Grupo de B', agreementId: agreementB, branchId: branch.id, billingAddress: 'x' }).returning();
  [{ id: category }] = await h.db.select().from(tariffCategories).where(eq(tariffCategories.code, 'RES'));
});
afterAll(() => h.close());

describe('CRM schema guarantees', () => {
  it('seeds tariff categories and payment entities for cards and banks', async () => {
    const entities = await h.db.select().from(paymentEntities);
    expect(entities.filter((e) => e.method === 'CARD').map((e) => e.code).sort()).toEqual(['AMEX', 'MASTERCARD', 'VISA']);
    expect(entities.filter((e) => e.method === 'DIRECT_DEBIT').length).toBeGreaterThanOrEqual(5);
  });

  it('refuses an account in a group of another agreement', async () => {
    const account = { description: 'Local 1', serviceAddress: 'Calle 1', tariffCategoryId: category, startDate: '2026-01-01' };
    await expect(h.db.insert(accounts).values({ ...account, number: 'CT-1', agreementId: agreementA, groupId: groupOfB })).rejects.toThrow();
    await expect(h.db.insert(accounts).values({ ...account, number: 'CT-2', agreementId: agreementB, groupId: groupOfB })).resolves.toBeDefined();
    await expect(h.db.insert(accounts).values({ ...account, number: 'CT-3', agreementId: agreementA })).resolves.toBeDefined();
  });

  it('allows one default payment method per agreement and only 4-digit instrument suffixes', async () => {
    await h.db.insert(agreementPaymentMethods).values({ agreementId: agreementA, method: 'CASH', isDefault: true });
    await expect(h.db.insert(agreementPaymentMethods).values({ agreementId: agreementA, method: 'BANK_TRANSFER', isDefault: true })).rejects.toThrow();
    await expect(h.db.insert(agreementPaymentMethods).values({ agreementId: agreementA, method: 'CARD', instrumentLast4: '4242424242424242' })).rejects.toThrow();
  });

  it('refuses discounts outside 0–100 % and validity ending before it starts', async () => {
    await expect(h.db.update(agreements).set({ discountPct: '120' }).where(eq(agreements.id, agreementA))).rejects.toThrow();
    await expect(h.db.update(agreements).set({ validTo: '2025-12-31' }).where(eq(agreements.id, agreementA))).rejects.toThrow();
  });
});
