import { and, asc, eq } from 'drizzle-orm';
import type { AttributeDefinition, AttributeEntity } from '@/lib/domain/dynamic-attributes';
import type { DbOrTx } from '../client';
import { attributeDefinitions } from '../schema';

/** The active dynamic attribute definitions of an entity, in the admin's order. */
export async function activeAttributeDefinitions(db: DbOrTx, entity: AttributeEntity): Promise<AttributeDefinition[]> {
  return db
    .select({ key: attributeDefinitions.key, label: attributeDefinitions.label, type: attributeDefinitions.type, required: attributeDefinitions.required, options: attributeDefinitions.options })
    .from(attributeDefinitions)
    .where(and(eq(attributeDefinitions.entity, entity), eq(attributeDefinitions.active, true)))
    .orderBy(asc(attributeDefinitions.position), asc(attributeDefinitions.label));
}
