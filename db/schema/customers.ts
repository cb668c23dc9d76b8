import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { documentTypeEnum, segmentEnum, taxConditionEnum } from './enums';
import { branches, localities, timestamps } from './organization';

export const customers = pgTable('customers', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: varchar('code', { length: 20 }).notNull().unique(),
  legalName: varchar('legal_name', { length: 200 }).notNull(),
  documentType: documentTypeEnum('document_type').notNull(),
  documentNumber: varchar('document_number', { length: 30 }).notNull(),
  taxCondition: taxConditionEnum('tax_condition').notNull(),
  segment: segmentEnum('segment').notNull(),
  isLargeAccount: boolean('is_large_account').notNull().default(false),
  keyAccountManager: varchar('key_account_manager', { length: 120 }),
  email: varchar('email', { length: 200 }),
  phone: varchar('phone', { length: 30 }),
  address: text('address'),
  localityId: uuid('locality_id').references(() => localities.id),
  branchId: uuid('branch_id').notNull().references(() => branches.id),
  notes: text('notes'),
  ...timestamps,
}, (t) => [
  // One customer per document: duplicates are refused by the database too.
  uniqueIndex('customers_document_uq').on(t.documentType, t.documentNumber),
  index('customers_branch_idx').on(t.branchId),
  index('customers_legal_name_idx').on(sql`lower(${t.legalName})`),
]);

export const customerContacts = pgTable('customer_contacts', {
  id: uuid('id').primaryKey().defaultRandom(),
  customerId: uuid('customer_id').notNull().references(() => customers.id, { onDelete: 'cascade' }),
  name: varchar('name', { length: 120 }).notNull(),
  role: varchar('role', { length: 80 }),
  email: varchar('email', { length: 200 }),
  phone: varchar('phone', { length: 30 }),
}, (t) => [index('customer_contacts_customer_idx').on(t.customerId)]);
