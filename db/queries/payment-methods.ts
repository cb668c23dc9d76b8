import { and, asc, desc, eq, ne } from 'drizzle-orm';
import type { PaymentMethod } from '@/lib/domain/payment-instrument';
import type { DbOrTx } from '../client';
import { agreementPaymentMethods, agreements, paymentEntities } from '../schema';

export type PaymentMethodRow = typeof agreementPaymentMethods.$inferSelect;
export type NewPaymentMethodRow = typeof agreementPaymentMethods.$inferInsert;

/** The payment methods of an agreement with their entity, active ones first, the default on top. */
export async function listAgreementPaymentMethods(db: DbOrTx, agreementId: string) {
  return db
    .select({
      id: agreementPaymentMethods.id,
      method: agreementPaymentMethods.method,
      entityCode: paymentEntities.code,
      entityName: paymentEntities.name,
      instrumentLast4: agreementPaymentMethods.instrumentLast4,
      expiryMonth: agreementPaymentMethods.expiryMonth,
      expiryYear: agreementPaymentMethods.expiryYear,
      isDefault: agreementPaymentMethods.isDefault,
      active: agreementPaymentMethods.active,
      createdAt: agreementPaymentMethods.createdAt,
    })
    .from(agreementPaymentMethods)
    .leftJoin(paymentEntities, eq(paymentEntities.id, agreementPaymentMethods.entityId))
    .where(eq(agreementPaymentMethods.agreementId, agreementId))
    .orderBy(desc(agreementPaymentMethods.active), desc(agreementPaymentMethods.isDefault), asc(agreementPaymentMethods.createdAt), asc(agreementPaymentMethods.id));
}

/** One payment method with the branch and status of its agreement (for the scope check). */
export async function findPaymentMethodWithAgreement(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ method: agreementPaymentMethods, agreementBranchId: agreements.branchId, agreementStatus: agreements.status })
    .from(agreementPaymentMethods)
    .innerJoin(agreements, eq(agreements.id, agreementPaymentMethods.agreementId))
    .where(eq(agreementPaymentMethods.id, id))
    .limit(1);
  return row;
}

export async function lockPaymentMethod(tx: DbOrTx, id: string) {
  const [row] = await tx.select().from(agreementPaymentMethods).where(eq(agreementPaymentMethods.id, id)).for('update');
  return row;
}

/** The agreement's active default, if any. */
export async function findActiveDefault(db: DbOrTx, agreementId: string) {
  const [row] = await db
    .select()
    .from(agreementPaymentMethods)
    .where(and(eq(agreementPaymentMethods.agreementId, agreementId), eq(agreementPaymentMethods.isDefault, true), eq(agreementPaymentMethods.active, true)))
    .limit(1);
  return row;
}

/** An active method of the agreement holding the same instrument (same token). */
export async function findActiveByToken(db: DbOrTx, agreementId: string, token: string) {
  const [row] = await db
    .select({ id: agreementPaymentMethods.id })
    .from(agreementPaymentMethods)
    .where(and(eq(agreementPaymentMethods.agreementId, agreementId), eq(agreementPaymentMethods.instrumentToken, token), eq(agreementPaymentMethods.active, true)))
    .limit(1);
  return row;
}

/** Clears the default flag of the agreement's methods other than `exceptId`; returns the rows changed. */
export async function clearDefault(tx: DbOrTx, agreementId: string, exceptId?: string) {
  return tx
    .update(agreementPaymentMethods)
    .set({ isDefault: false, updatedAt: new Date() })
    .where(and(eq(agreementPaymentMethods.agreementId, agreementId), eq(agreementPaymentMethods.isDefault, true), exceptId ? ne(agreementPaymentMethods.id, exceptId) : undefined))
    .returning({ id: agreementPaymentMethods.id });
}

export async function insertPaymentMethod(tx: DbOrTx, values: NewPaymentMethodRow) {
  const [row] = await tx.insert(agreementPaymentMethods).values(values).returning();
  return row;
}

export async function updatePaymentMethodRow(tx: DbOrTx, id: string, patch: Partial<Pick<PaymentMethodRow, 'isDefault' | 'active'>>) {
  const [row] = await tx
    .update(agreementPaymentMethods)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(agreementPaymentMethods.id, id))
    .returning();
  return row;
}

/** Active payment entities (card brands, banks), optionally of one method, by name. */
export async function listActiveEntities(db: DbOrTx, method?: PaymentMethod) {
  return db
    .select({ id: paymentEntities.id, code: paymentEntities.code, name: paymentEntities.name, method: paymentEntities.method })
    .from(paymentEntities)
    .where(and(eq(paymentEntities.active, true), method ? eq(paymentEntities.method, method) : undefined))
    .orderBy(asc(paymentEntities.name));
}

export async function findEntity(db: DbOrTx, id: string) {
  const [row] = await db.select().from(paymentEntities).where(eq(paymentEntities.id, id)).limit(1);
  return row;
}
