import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { agreements, concepts, delinquencyLevels } from '../schema';

export type DelinquencyLevelRow = typeof delinquencyLevels.$inferSelect;
export type DelinquencyLevelValues = Pick<typeof delinquencyLevels.$inferInsert, 'name' | 'daysPastGrace' | 'minDebt' | 'actions' | 'lateFeeConceptId' | 'bannerText' | 'active'>;

/** Every level (active first, then by days past grace), with its concept's code and how many agreements are at it. */
export async function listDelinquencyLevels(db: DbOrTx) {
  return db
    .select({
      id: delinquencyLevels.id,
      name: delinquencyLevels.name,
      daysPastGrace: delinquencyLevels.daysPastGrace,
      minDebt: delinquencyLevels.minDebt,
      actions: delinquencyLevels.actions,
      bannerText: delinquencyLevels.bannerText,
      active: delinquencyLevels.active,
      conceptCode: concepts.code,
      agreements: sql<number>`(select count(*)::int from ${agreements} where ${agreements.delinquencyLevelId} = ${delinquencyLevels.id})`,
    })
    .from(delinquencyLevels)
    .leftJoin(concepts, eq(concepts.id, delinquencyLevels.lateFeeConceptId))
    .orderBy(sql`${delinquencyLevels.active} desc`, asc(delinquencyLevels.daysPastGrace), asc(delinquencyLevels.name));
}

export async function findDelinquencyLevel(db: DbOrTx, id: string) {
  const [row] = await db.select().from(delinquencyLevels).where(eq(delinquencyLevels.id, id)).limit(1);
  return row;
}

export async function lockDelinquencyLevel(tx: DbOrTx, id: string) {
  const [row] = await tx.select().from(delinquencyLevels).where(eq(delinquencyLevels.id, id)).for('update');
  return row;
}

export async function findLevelByName(db: DbOrTx, name: string, exceptId?: string) {
  const [row] = await db
    .select({ id: delinquencyLevels.id, name: delinquencyLevels.name })
    .from(delinquencyLevels)
    .where(and(sql`lower(${delinquencyLevels.name}) = lower(${name})`, exceptId ? ne(delinquencyLevels.id, exceptId) : undefined))
    .limit(1);
  return row;
}

export async function insertDelinquencyLevel(tx: DbOrTx, values: DelinquencyLevelValues) {
  const [row] = await tx.insert(delinquencyLevels).values(values).returning();
  return row;
}

export async function updateDelinquencyLevelRow(tx: DbOrTx, id: string, values: Partial<DelinquencyLevelValues>) {
  const [row] = await tx.update(delinquencyLevels).set({ ...values, updatedAt: new Date() }).where(eq(delinquencyLevels.id, id)).returning();
  return row;
}

/** Active LATE_FEE concepts (the choices of a level's late fee). */
export async function lateFeeConcepts(db: DbOrTx) {
  return db
    .select({ id: concepts.id, code: concepts.code, name: concepts.name, amount: concepts.amount, active: concepts.active })
    .from(concepts)
    .where(eq(concepts.kind, 'LATE_FEE'))
    .orderBy(asc(concepts.code));
}

export async function agreementsAtLevel(db: DbOrTx, id: string) {
  const [row] = await db.select({ n: count() }).from(agreements).where(eq(agreements.delinquencyLevelId, id));
  return row?.n ?? 0;
}
