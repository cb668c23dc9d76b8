import { and, asc, eq, sql } from 'drizzle-orm';
import type { AttributeDefinition, AttributeEntity } from '@/lib/domain/dynamic-attributes';
import type { DbOrTx } from '../client';
import { accountGroups, accounts, agreements, attributeDefinitions } from '../schema';

/** The active dynamic attribute definitions of an entity, in the admin's order. */
export async function activeAttributeDefinitions(db: DbOrTx, entity: AttributeEntity): Promise<AttributeDefinition[]> {
  return db
    .select({ key: attributeDefinitions.key, label: attributeDefinitions.label, type: attributeDefinitions.type, required: attributeDefinitions.required, options: attributeDefinitions.options })
    .from(attributeDefinitions)
    .where(and(eq(attributeDefinitions.entity, entity), eq(attributeDefinitions.active, true)))
    .orderBy(asc(attributeDefinitions.position), asc(attributeDefinitions.label));
}

export type AttributeDefinitionRow = typeof attributeDefinitions.$inferSelect;
export type NewAttributeDefinitionRow = typeof attributeDefinitions.$inferInsert;

/** Every definition (active or not), optionally of one entity, by entity and the admin's order. */
export async function listAttributeDefinitions(db: DbOrTx, filter: { entity?: AttributeEntity } = {}) {
  return db
    .select()
    .from(attributeDefinitions)
    .where(filter.entity ? eq(attributeDefinitions.entity, filter.entity) : undefined)
    .orderBy(asc(attributeDefinitions.entity), asc(attributeDefinitions.position), asc(attributeDefinitions.label));
}

export async function findAttributeDefinition(db: DbOrTx, id: string) {
  const [row] = await db.select().from(attributeDefinitions).where(eq(attributeDefinitions.id, id)).limit(1);
  return row;
}

export async function lockAttributeDefinition(tx: DbOrTx, id: string) {
  const [row] = await tx.select().from(attributeDefinitions).where(eq(attributeDefinitions.id, id)).for('update');
  return row;
}

export async function findAttributeDefinitionByKey(db: DbOrTx, entity: AttributeEntity, key: string) {
  const [row] = await db
    .select({ id: attributeDefinitions.id, label: attributeDefinitions.label })
    .from(attributeDefinitions)
    .where(and(eq(attributeDefinitions.entity, entity), eq(attributeDefinitions.key, key)))
    .limit(1);
  return row;
}

export async function insertAttributeDefinition(tx: DbOrTx, values: NewAttributeDefinitionRow) {
  const [row] = await tx.insert(attributeDefinitions).values(values).returning();
  return row;
}

export async function updateAttributeDefinitionRow(tx: DbOrTx, id: string, patch: Partial<NewAttributeDefinitionRow>) {
  const [row] = await tx
    .update(attributeDefinitions)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(attributeDefinitions.id, id))
    .returning();
  return row;
}

/** How many records hold a non-empty value under the key (agreements and accounts keep their values in `attributes`). */
export async function attributeValueCount(db: DbOrTx, entity: AttributeEntity, key: string) {
  const table = entity === 'AGREEMENT' ? agreements : entity === 'ACCOUNT' ? accounts : accountGroups;
  return db.$count(table, sql`${table.attributes} ->> ${key} is not null`);
}
