import { sql } from 'drizzle-orm';
import { bigint, char, check, date, index, numeric, pgEnum, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { invoices } from './billing';
import { agreements, paymentEntities } from './crm';
import { customers } from './customers';
import { paymentMethodEnum } from './enums';
import { branches, timestamps } from './organization';
import { users } from './users';

const money = (name: string) => numeric(name, { precision: 14, scale: 2 });

export const PAYMENT_CHANNELS = ['CASHIER', 'GATEWAY', 'DIRECT_DEBIT', 'BANK_TRANSFER'] as const;
export const paymentChannelEnum = pgEnum('payment_channel', PAYMENT_CHANNELS);
export const PAYMENT_STATUSES = ['PENDING', 'CONFIRMED', 'REJECTED', 'REVERSED'] as const;
export const paymentStatusEnum = pgEnum('payment_status', PAYMENT_STATUSES);

/**
 * A payment (cobro) of an agreement, in the agreement's currency. `applied` went to invoices
 * (payment_allocations), `unapplied` is the agreement's credit balance left by an overpayment,
 * used by later invoices. The idempotency key makes every retry of the same payment one payment.
 * A payment is never deleted: a reversal (with its reason) gives its allocations back.
 */
export const payments = pgTable('payments', {
  id: uuid('id').primaryKey().defaultRandom(),
  // Receipt number per branch: <branch code>-<8 digits>, gapless (receipt_sequences).
  receiptNumber: varchar('receipt_number', { length: 30 }).unique(),
  idempotencyKey: varchar('idempotency_key', { length: 100 }).notNull().unique(),
  agreementId: uuid('agreement_id').notNull().references(() => agreements.id),
  customerId: uuid('customer_id').notNull().references(() => customers.id),
  branchId: uuid('branch_id').notNull().references(() => branches.id),
  amount: money('amount').notNull(),
  currency: char('currency', { length: 3 }).notNull(),
  applied: money('applied').notNull().default('0'),
  unapplied: money('unapplied').notNull().default('0'),
  method: paymentMethodEnum('method').notNull(),
  channel: paymentChannelEnum('channel').notNull(),
  status: paymentStatusEnum('status').notNull().default('CONFIRMED'),
  paymentEntityId: uuid('payment_entity_id').references(() => paymentEntities.id),
  reference: varchar('reference', { length: 100 }),
  paidOn: date('paid_on').notNull(),
  notes: text('notes'),
  reversalReason: text('reversal_reason'),
  reversedAt: timestamp('reversed_at', { withTimezone: true }),
  reversedBy: uuid('reversed_by').references(() => users.id),
  createdBy: uuid('created_by').references(() => users.id),
  ...timestamps,
}, (t) => [
  index('payments_agreement_idx').on(t.agreementId, t.paidOn),
  index('payments_branch_paid_idx').on(t.branchId, t.paidOn),
  check('payments_amount', sql`${t.amount} > 0`),
  check('payments_split', sql`${t.applied} >= 0 and ${t.unapplied} >= 0 and ${t.applied} + ${t.unapplied} <= ${t.amount}`),
  check('payments_reversal', sql`(${t.status} = 'REVERSED') = (${t.reversedAt} is not null)`),
]);

/** What a payment paid of an invoice (at payment, or later from its credit balance). */
export const paymentAllocations = pgTable('payment_allocations', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  paymentId: uuid('payment_id').notNull().references(() => payments.id),
  invoiceId: uuid('invoice_id').notNull().references(() => invoices.id),
  amount: money('amount').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('payment_allocations_payment_idx').on(t.paymentId),
  index('payment_allocations_invoice_idx').on(t.invoiceId),
  check('payment_allocations_amount', sql`${t.amount} > 0`),
]);

/** Gapless receipt numbers per branch. */
export const receiptSequences = pgTable('receipt_sequences', {
  branchId: uuid('branch_id').primaryKey().references(() => branches.id),
  lastNumber: bigint('last_number', { mode: 'number' }).notNull().default(0),
});
