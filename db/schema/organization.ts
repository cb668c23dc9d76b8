import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const company = pgTable('company', {
  id: integer('id').primaryKey().default(1),
  legalName: varchar('legal_name', { length: 200 }).notNull(),
  tradeName: varchar('trade_name', { length: 200 }),
  taxId: varchar('tax_id', { length: 20 }).notNull(),
  fiscalAddress: text('fiscal_address').notNull(),
  phone: varchar('phone', { length: 30 }),
  email: varchar('email', { length: 200 }),
  website: varchar('website', { length: 200 }),
  logoPath: varchar('logo_path', { length: 300 }),
  defaultCurrency: varchar('default_currency', { length: 3 }).notNull().default('DOP'),
  ...timestamps,
}, (t) => [check('company_singleton', sql`${t.id} = 1`)]);

export const provinces = pgTable('provinces', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: varchar('code', { length: 4 }).notNull().unique(),
  name: varchar('name', { length: 100 }).notNull().unique(),
});

export const localities = pgTable('localities', {
  id: uuid('id').primaryKey().defaultRandom(),
  provinceId: uuid('province_id').notNull().references(() => provinces.id),
  name: varchar('name', { length: 100 }).notNull(),
}, (t) => [uniqueIndex('localities_province_name_uq').on(t.provinceId, t.name)]);

export const branches = pgTable('branches', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: varchar('code', { length: 10 }).notNull().unique(),
  name: varchar('name', { length: 120 }).notNull().unique(),
  address: text('address').notNull(),
  localityId: uuid('locality_id').notNull().references(() => localities.id),
  phone: varchar('phone', { length: 30 }),
  active: boolean('active').notNull().default(true),
  ...timestamps,
});

export const pointsOfSale = pgTable('points_of_sale', {
  id: uuid('id').primaryKey().defaultRandom(),
  // The fiscal point-of-sale number printed as PPPPP in PPPPP-NNNNNNNN (1–99999).
  number: integer('number').notNull().unique(),
  branchId: uuid('branch_id').notNull().references(() => branches.id),
  description: varchar('description', { length: 120 }).notNull(),
  active: boolean('active').notNull().default(true),
  ...timestamps,
}, (t) => [check('points_of_sale_number_range', sql`${t.number} between 1 and 99999`)]);

export { timestamps };
