import { and, asc, desc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../client';
import { conceptGroups, concepts, invoiceItems, invoices, tariffBlocks, tariffCategories, tariffs } from '../schema';

export type ConceptGroupRow = typeof conceptGroups.$inferSelect;
export type ConceptRow = typeof concepts.$inferSelect;
export type TariffRow = typeof tariffs.$inferSelect;
export type TariffBlockRow = typeof tariffBlocks.$inferSelect;

// Concept groups

// Subqueries name the outer column in full: drizzle leaves columns unqualified in single-table selects.

/** Every group in its printing order, with how many concepts belong to it. */
export async function listConceptGroups(db: DbOrTx) {
  return db
    .select({
      id: conceptGroups.id,
      code: conceptGroups.code,
      name: conceptGroups.name,
      position: conceptGroups.position,
      concepts: sql<number>`(select count(*)::int from ${concepts} c where c.group_id = "concept_groups"."id")`,
    })
    .from(conceptGroups)
    .orderBy(asc(conceptGroups.position), asc(conceptGroups.name));
}

export async function findConceptGroup(db: DbOrTx, id: string, lock = false) {
  const query = db.select().from(conceptGroups).where(eq(conceptGroups.id, id));
  const [row] = await (lock ? query.for('update') : query);
  return row;
}

/** Another group already holding this code or this name. */
export async function findConceptGroupClash(db: DbOrTx, code: string, name: string, exceptId?: string) {
  const others = exceptId ? ne(conceptGroups.id, exceptId) : undefined;
  const [byCode] = await db.select({ name: conceptGroups.name }).from(conceptGroups).where(and(eq(conceptGroups.code, code), others)).limit(1);
  const [byName] = await db.select({ code: conceptGroups.code }).from(conceptGroups).where(and(sql`lower(${conceptGroups.name}) = lower(${name})`, others)).limit(1);
  return { byCode, byName };
}

export async function insertConceptGroup(tx: DbOrTx, values: typeof conceptGroups.$inferInsert) {
  const [row] = await tx.insert(conceptGroups).values(values).returning();
  return row;
}

export async function updateConceptGroupRow(tx: DbOrTx, id: string, patch: Partial<typeof conceptGroups.$inferInsert>) {
  const [row] = await tx.update(conceptGroups).set({ ...patch, updatedAt: new Date() }).where(eq(conceptGroups.id, id)).returning();
  return row;
}

// Concepts

const baseGroup = alias(conceptGroups, 'base_group');

/** Concepts ordered by group and position, optionally of one group and one kind, with their group and base group. */
export async function listConcepts(db: DbOrTx, filter: { groupId?: string; kind?: ConceptRow['kind'] } = {}) {
  return db
    .select({
      id: concepts.id,
      code: concepts.code,
      name: concepts.name,
      kind: concepts.kind,
      appliesTo: concepts.appliesTo,
      automatic: concepts.automatic,
      amount: concepts.amount,
      percentage: concepts.percentage,
      taxRate: concepts.taxRate,
      accountingCode: concepts.accountingCode,
      active: concepts.active,
      groupId: concepts.groupId,
      groupCode: conceptGroups.code,
      groupName: conceptGroups.name,
      baseGroupName: baseGroup.name,
    })
    .from(concepts)
    .innerJoin(conceptGroups, eq(conceptGroups.id, concepts.groupId))
    .leftJoin(baseGroup, eq(baseGroup.id, concepts.baseGroupId))
    .where(and(filter.groupId ? eq(concepts.groupId, filter.groupId) : undefined, filter.kind ? eq(concepts.kind, filter.kind) : undefined))
    .orderBy(asc(conceptGroups.position), asc(conceptGroups.name), asc(concepts.position), asc(concepts.code));
}

export async function findConcept(db: DbOrTx, id: string, lock = false) {
  const query = db.select().from(concepts).where(eq(concepts.id, id));
  const [row] = await (lock ? query.for('update') : query);
  return row;
}

export async function findConceptByCode(db: DbOrTx, code: string, exceptId?: string) {
  const [row] = await db
    .select({ id: concepts.id, name: concepts.name })
    .from(concepts)
    .where(and(eq(concepts.code, code), exceptId ? ne(concepts.id, exceptId) : undefined))
    .limit(1);
  return row;
}

/** How many invoice lines bill the concept. */
export async function conceptUses(db: DbOrTx, id: string) {
  return db.$count(invoiceItems, eq(invoiceItems.conceptId, id));
}

/** The tax rates concepts already use, as stored ('18.00', '0.00'…). */
export async function usedTaxRates(db: DbOrTx) {
  const rows = await db.selectDistinct({ rate: concepts.taxRate }).from(concepts);
  return rows.map((r) => r.rate);
}

export async function insertConcept(tx: DbOrTx, values: typeof concepts.$inferInsert) {
  const [row] = await tx.insert(concepts).values(values).returning();
  return row;
}

export async function updateConceptRow(tx: DbOrTx, id: string, patch: Partial<typeof concepts.$inferInsert>) {
  const [row] = await tx.update(concepts).set({ ...patch, updatedAt: new Date() }).where(eq(concepts.id, id)).returning();
  return row;
}

// Tariffs

export async function listTariffCategories(db: DbOrTx) {
  return db
    .select({ id: tariffCategories.id, code: tariffCategories.code, name: tariffCategories.name, active: tariffCategories.active })
    .from(tariffCategories)
    .orderBy(asc(tariffCategories.code));
}

/** Tariffs newest first within each category, optionally of one category, with their number of blocks. */
export async function listTariffs(db: DbOrTx, filter: { categoryId?: string } = {}) {
  return db
    .select({
      id: tariffs.id,
      tariffCategoryId: tariffs.tariffCategoryId,
      effectiveFrom: tariffs.effectiveFrom,
      currency: tariffs.currency,
      fixedCharge: tariffs.fixedCharge,
      flatRate: tariffs.flatRate,
      notes: tariffs.notes,
      blocks: sql<number>`(select count(*)::int from ${tariffBlocks} b where b.tariff_id = "tariffs"."id")`,
    })
    .from(tariffs)
    .where(filter.categoryId ? eq(tariffs.tariffCategoryId, filter.categoryId) : undefined)
    .orderBy(asc(tariffs.tariffCategoryId), desc(tariffs.effectiveFrom));
}

export async function findTariff(db: DbOrTx, id: string, lock = false) {
  const query = db.select().from(tariffs).where(eq(tariffs.id, id));
  const [row] = await (lock ? query.for('update') : query);
  return row;
}

export async function findTariffCategory(db: DbOrTx, id: string) {
  const [row] = await db.select().from(tariffCategories).where(eq(tariffCategories.id, id)).limit(1);
  return row;
}

/** The blocks of a tariff from 0 m³ up. */
export async function blocksOfTariff(db: DbOrTx, tariffId: string) {
  return db.select().from(tariffBlocks).where(eq(tariffBlocks.tariffId, tariffId)).orderBy(asc(tariffBlocks.fromM3));
}

/** Another tariff of the category starting on the same day. */
export async function findTariffOn(db: DbOrTx, categoryId: string, effectiveFrom: string, exceptId?: string) {
  const [row] = await db
    .select({ id: tariffs.id })
    .from(tariffs)
    .where(and(eq(tariffs.tariffCategoryId, categoryId), eq(tariffs.effectiveFrom, effectiveFrom), exceptId ? ne(tariffs.id, exceptId) : undefined))
    .limit(1);
  return row;
}

/** The tariff of a category in force on a date: the latest starting on or before it. */
export async function tariffInForce(db: DbOrTx, categoryId: string, date: string) {
  const [row] = await db
    .select()
    .from(tariffs)
    .where(and(eq(tariffs.tariffCategoryId, categoryId), sql`${tariffs.effectiveFrom} <= ${date}`))
    .orderBy(desc(tariffs.effectiveFrom))
    .limit(1);
  return row;
}

/** The latest period any invoice was written for ('YYYY-MM'), or null before the first. */
export async function lastInvoicedPeriod(db: DbOrTx): Promise<string | null> {
  const [row] = await db.select({ period: sql<string | null>`max(${invoices.period})` }).from(invoices).where(isNotNull(invoices.period));
  return row?.period ?? null;
}

export async function insertTariff(tx: DbOrTx, values: typeof tariffs.$inferInsert, blocks: Omit<TariffBlockRow, 'tariffId'>[]) {
  const [row] = await tx.insert(tariffs).values(values).returning();
  if (blocks.length > 0) await tx.insert(tariffBlocks).values(blocks.map((b) => ({ ...b, tariffId: row.id })));
  return row;
}

/** Updates the tariff and replaces its blocks. */
export async function updateTariffRow(tx: DbOrTx, id: string, patch: Partial<typeof tariffs.$inferInsert>, blocks: Omit<TariffBlockRow, 'tariffId'>[]) {
  const [row] = await tx.update(tariffs).set({ ...patch, updatedAt: new Date() }).where(eq(tariffs.id, id)).returning();
  await tx.delete(tariffBlocks).where(eq(tariffBlocks.tariffId, id));
  if (blocks.length > 0) await tx.insert(tariffBlocks).values(blocks.map((b) => ({ ...b, tariffId: id })));
  return row;
}
