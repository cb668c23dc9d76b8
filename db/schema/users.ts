import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, primaryKey, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { customers } from './customers';
import { roleEnum } from './enums';
import { branches, timestamps } from './organization';

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  // Stored lower-cased; the unique index makes e-mail the login key.
  email: varchar('email', { length: 200 }).notNull(),
  name: varchar('name', { length: 120 }).notNull(),
  passwordHash: varchar('password_hash', { length: 200 }).notNull(),
  role: roleEnum('role').notNull(),
  // A CLIENT user sees exactly one customer; other roles have none.
  customerId: uuid('customer_id').references(() => customers.id),
  active: boolean('active').notNull().default(true),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  ...timestamps,
}, (t) => [
  uniqueIndex('users_email_uq').on(t.email),
  check('users_client_has_customer', sql`(${t.role} = 'CLIENT') = (${t.customerId} is not null)`),
]);

export const userBranches = pgTable('user_branches', {
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  branchId: uuid('branch_id').notNull().references(() => branches.id),
}, (t) => [primaryKey({ columns: [t.userId, t.branchId] })]);
