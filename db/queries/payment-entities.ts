import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { PaymentMethod } from '@/lib/domain/payment-instrument';
import type { DbOrTx } from '../client';
import { agreementPaymentMethods, paymentEntities } from '../schema';

export type PaymentEntityRow = typeof paymentEntities.$inferSelect;
export type NewPaymentEntityRow = typeof paymentEntities.$inferInsert;

/** Every payment entity, optionally of one method, with how many agreement payment methods use it. */
export async function listPaymentEntities(db: DbOrTx, filter: { method?: PaymentMethod } = {}) {
  return db
    .select({
      id: paymentEntities.id,
      code: paymentEntities.code,
      name: paymentEntities.name,
      method: paymentEntities.method,
      active: paymentEntities.active,
      uses: sql<number>`(select count(*)::int from ${agreementPaymentMethods} m where m.entity_id = "payment_entities"."id")`,
    })
    .from(paymentEntities)
    .where(filter.method ? eq(paymentEntities.method, filter.method) : undefined)
    .orderBy(asc(paymentEntities.method), asc(paymentEntities.name), asc(paymentEntities.code));
}

export async function findPaymentEntity(db: DbOrTx, id: string) {
  const [row] = await db.select().from(paymentEntities).where(eq(paymentEntities.id, id)).limit(1);
  return row;
}

export async function lockPaymentEntity(tx: DbOrTx, id: string) {
  const [row] = await tx.select().from(paymentEntities).where(eq(paymentEntities.id, id)).for('update');
  return row;
}

/** Another entity already holding this code. */
export async function findPaymentEntityByCode(db: DbOrTx, code: string, exceptId?: string) {
  const [row] = await db
    .select({ id: paymentEntities.id, name: paymentEntities.name })
    .from(paymentEntities)
    .where(and(eq(paymentEntities.code, code), exceptId ? ne(paymentEntities.id, exceptId) : undefined))
    .limit(1);
  return row;
}

/** How many agreement payment methods (active or not) point at the entity. */
export async function paymentEntityUses(db: DbOrTx, id: string) {
  return db.$count(agreementPaymentMethods, eq(agreementPaymentMethods.entityId, id));
}

export async function insertPaymentEntity(tx: DbOrTx, values: NewPaymentEntityRow) {
  const [row] = await tx.insert(paymentEntities).values(values).returning();
  return row;
}

export async function updatePaymentEntityRow(tx: DbOrTx, id: string, patch: Partial<NewPaymentEntityRow>) {
  const [row] = await tx
    .update(paymentEntities)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(paymentEntities.id, id))
    .returning();
  return row;
}
