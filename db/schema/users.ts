import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
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
  // A CLIENT user who may invite colleagues of the same customer to the portal.
  clientAdmin: boolean('client_admin').notNull().default(false),
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

/**
 * An invitation of a customer's portal administrator to a colleague: a link with a random token
 * (only its SHA-256 is stored) that expires; accepting it creates a CLIENT user of that customer
 * with the password the invitee sets.
 */
export const portalInvitations = pgTable('portal_invitations', {
  id: uuid('id').primaryKey().defaultRandom(),
  customerId: uuid('customer_id').notNull().references(() => customers.id),
  email: varchar('email', { length: 200 }).notNull(),
  name: varchar('name', { length: 120 }).notNull(),
  tokenHash: varchar('token_hash', { length: 64 }).notNull(),
  invitedBy: uuid('invited_by').notNull().references(() => users.id),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  acceptedUserId: uuid('accepted_user_id').references(() => users.id),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  ...timestamps,
}, (t) => [
  uniqueIndex('portal_invitations_token_uq').on(t.tokenHash),
  index('portal_invitations_customer_idx').on(t.customerId),
]);
