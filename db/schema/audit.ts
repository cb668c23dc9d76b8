import { bigserial, index, jsonb, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { auditActionEnum } from './enums';
import { users } from './users';

// Append-only: rows are written in the same transaction as the change they describe.
export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  userId: uuid('user_id').references(() => users.id),
  userEmail: varchar('user_email', { length: 200 }),
  entity: varchar('entity', { length: 60 }).notNull(),
  entityId: varchar('entity_id', { length: 80 }).notNull(),
  action: auditActionEnum('action').notNull(),
  before: jsonb('before'),
  after: jsonb('after'),
}, (t) => [
  index('audit_log_at_idx').on(t.at),
  index('audit_log_entity_idx').on(t.entity, t.entityId),
  index('audit_log_user_idx').on(t.userId),
]);
