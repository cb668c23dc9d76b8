import { sql } from 'drizzle-orm';
import { bigint, char, check, date, index, integer, jsonb, numeric, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { invoices } from './billing';
import { agreements, delinquencyLevels, paymentEntities } from './crm';
import { customers } from './customers';
import { delinquencyStatusEnum, paymentMethodEnum } from './enums';
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

// ─── Payment gateway ─────────────────────────────────────────────────────────────────────────

export const CHECKOUT_STATUSES = ['PENDING', 'APPROVED', 'DECLINED', 'EXPIRED'] as const;
export const checkoutStatusEnum = pgEnum('checkout_status', CHECKOUT_STATUSES);

/**
 * An online checkout: the invoices a payer chose, sent to a provider's hosted payment page. The
 * provider's signed webhook confirms it; the payment it records has the idempotency key
 * `checkout:<id>`, so a webhook delivered many times records one payment.
 */
export const paymentCheckouts = pgTable('payment_checkouts', {
  id: uuid('id').primaryKey().defaultRandom(),
  provider: varchar('provider', { length: 20 }).notNull(),
  // The provider's id for the checkout (e.g. a Stripe Checkout Session id).
  providerRef: varchar('provider_ref', { length: 200 }),
  agreementId: uuid('agreement_id').notNull().references(() => agreements.id),
  customerId: uuid('customer_id').notNull().references(() => customers.id),
  invoiceIds: jsonb('invoice_ids').$type<string[]>().notNull(),
  amount: money('amount').notNull(),
  currency: char('currency', { length: 3 }).notNull(),
  status: checkoutStatusEnum('status').notNull().default('PENDING'),
  returnUrl: text('return_url').notNull(),
  paymentId: uuid('payment_id').references(() => payments.id),
  message: text('message'),
  createdBy: uuid('created_by').references(() => users.id),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  ...timestamps,
}, (t) => [
  uniqueIndex('payment_checkouts_provider_ref_uq').on(t.provider, t.providerRef),
  index('payment_checkouts_agreement_idx').on(t.agreementId),
  check('payment_checkouts_amount', sql`${t.amount} > 0`),
]);

/** Every webhook event accepted (signature and time checked), once per provider and event id. */
export const webhookEvents = pgTable('webhook_events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  provider: varchar('provider', { length: 20 }).notNull(),
  eventId: varchar('event_id', { length: 200 }).notNull(),
  type: varchar('type', { length: 100 }).notNull(),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  processedAt: timestamp('processed_at', { withTimezone: true }),
  result: text('result'),
}, (t) => [uniqueIndex('webhook_events_provider_event_uq').on(t.provider, t.eventId)]);

// ─── Direct debit ────────────────────────────────────────────────────────────────────────────

export const DEBIT_BATCH_STATUSES = ['GENERATED', 'IMPORTING', 'RESPONSE_IMPORTED'] as const;
export const debitBatchStatusEnum = pgEnum('debit_batch_status', DEBIT_BATCH_STATUSES);
export const DEBIT_ITEM_STATUSES = ['PENDING', 'CONFIRMED', 'REJECTED'] as const;
export const debitItemStatusEnum = pgEnum('debit_item_status', DEBIT_ITEM_STATUSES);

/** A period's direct-debit file for one bank: header and control totals; the bank answers per item. */
export const debitBatches = pgTable('debit_batches', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: varchar('code', { length: 30 }).notNull().unique(),
  paymentEntityId: uuid('payment_entity_id').notNull().references(() => paymentEntities.id),
  period: char('period', { length: 7 }).notNull(),
  currency: char('currency', { length: 3 }).notNull(),
  status: debitBatchStatusEnum('status').notNull().default('GENERATED'),
  itemCount: integer('item_count').notNull().default(0),
  total: money('total').notNull().default('0'),
  createdBy: uuid('created_by').references(() => users.id),
  // The bank's response file once imported (its SHA-256 makes a re-import of the same file a no-op).
  responseSha256: varchar('response_sha256', { length: 64 }),
  responseImportedAt: timestamp('response_imported_at', { withTimezone: true }),
  responseImportedBy: uuid('response_imported_by').references(() => users.id),
  confirmedCount: integer('confirmed_count').notNull().default(0),
  rejectedCount: integer('rejected_count').notNull().default(0),
  ...timestamps,
}, (t) => [uniqueIndex('debit_batches_entity_period_uq').on(t.paymentEntityId, t.period, t.currency)]);

export const debitItems = pgTable('debit_items', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  batchId: uuid('batch_id').notNull().references(() => debitBatches.id),
  lineNo: integer('line_no').notNull(),
  agreementId: uuid('agreement_id').notNull().references(() => agreements.id),
  invoiceId: uuid('invoice_id').notNull().references(() => invoices.id),
  amount: money('amount').notNull(),
  // The agreement's direct-debit method (masked; the token never leaves the database).
  accountMasked: varchar('account_masked', { length: 40 }).notNull(),
  status: debitItemStatusEnum('status').notNull().default('PENDING'),
  rejectCode: varchar('reject_code', { length: 20 }),
  rejectReason: text('reject_reason'),
  paymentId: uuid('payment_id').references(() => payments.id),
}, (t) => [
  uniqueIndex('debit_items_batch_line_uq').on(t.batchId, t.lineNo),
  uniqueIndex('debit_items_invoice_uq').on(t.invoiceId, t.batchId),
]);

// ─── Delinquency ─────────────────────────────────────────────────────────────────────────────

/** An agreement's delinquency status as computed by the run of a date (one row per agreement and date). */
export const delinquencyHistory = pgTable('delinquency_history', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  agreementId: uuid('agreement_id').notNull().references(() => agreements.id),
  runDate: date('run_date').notNull(),
  status: delinquencyStatusEnum('status').notNull(),
  levelId: uuid('level_id').references(() => delinquencyLevels.id),
  daysOverdue: integer('days_overdue').notNull(),
  overdueDebt: money('overdue_debt').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('delinquency_history_agreement_date_uq').on(t.agreementId, t.runDate)]);

export const DELINQUENCY_ACTION_KINDS = ['LATE_FEE', 'NOTICE_EMAIL', 'DISCONNECTION_ORDER', 'PORTAL_BANNER', 'RECONNECTION_ORDER'] as const;
export const delinquencyActionEnum = pgEnum('delinquency_action', DELINQUENCY_ACTION_KINDS);

/**
 * An action taken by the delinquency engine, once per agreement, level, action and episode (the due
 * date of the oldest unpaid invoice that started it): a rerun of a date, or the next day's run,
 * never repeats it.
 */
export const delinquencyActions = pgTable('delinquency_actions', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  agreementId: uuid('agreement_id').notNull().references(() => agreements.id),
  levelId: uuid('level_id').references(() => delinquencyLevels.id),
  action: delinquencyActionEnum('action').notNull(),
  episode: date('episode').notNull(),
  runDate: date('run_date').notNull(),
  // What the action produced: a debit note, an e-mail in the outbox, a work order…
  refEntity: varchar('ref_entity', { length: 40 }),
  refId: varchar('ref_id', { length: 60 }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('delinquency_actions_once_uq').on(t.agreementId, t.levelId, t.action, t.episode)]);

// ─── E-mail ──────────────────────────────────────────────────────────────────────────────────

export const EMAIL_STATUSES = ['PENDING', 'SENT', 'FAILED'] as const;
export const emailStatusEnum = pgEnum('email_status', EMAIL_STATUSES);

/** Every e-mail the system sends: delivered through SMTP when configured, readable at /admin/correo. */
export const emailOutbox = pgTable('email_outbox', {
  id: uuid('id').primaryKey().defaultRandom(),
  to: varchar('to', { length: 200 }).notNull(),
  subject: varchar('subject', { length: 200 }).notNull(),
  text: text('text').notNull(),
  html: text('html'),
  status: emailStatusEnum('status').notNull().default('PENDING'),
  attempts: smallint('attempts').notNull().default(0),
  lastError: text('last_error'),
  relatedEntity: varchar('related_entity', { length: 40 }),
  relatedId: varchar('related_id', { length: 60 }),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('email_outbox_status_idx').on(t.status, t.createdAt)]);
