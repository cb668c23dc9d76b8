import { sql } from 'drizzle-orm';
import { bigint, boolean, char, check, date, index, integer, jsonb, numeric, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { accountGroups, accounts, agreements, tariffCategories } from './crm';
import { customers } from './customers';
import { branches, pointsOfSale, timestamps } from './organization';
import { users } from './users';

// Billing (issue 4). Values mirror lib/domain/billing/*.
export const CONCEPT_KINDS = ['FIXED_CHARGE', 'CONSUMPTION', 'PERCENTAGE', 'ONE_OFF', 'LATE_FEE'] as const;
export const conceptKindEnum = pgEnum('concept_kind', CONCEPT_KINDS);
export const CONCEPT_APPLIES_TO = ['ALL', 'METERED', 'UNMETERED'] as const;
export const conceptAppliesToEnum = pgEnum('concept_applies_to', CONCEPT_APPLIES_TO);
export const INVOICE_CLASSES = ['A', 'B', 'E'] as const;
export const invoiceClassEnum = pgEnum('invoice_class', INVOICE_CLASSES);
export const FISCAL_DOC_TYPES = ['INVOICE', 'CREDIT_NOTE', 'DEBIT_NOTE'] as const;
export const fiscalDocTypeEnum = pgEnum('fiscal_doc_type', FISCAL_DOC_TYPES);
export const INVOICE_ORIGINS = ['AUTOMATIC', 'MANUAL'] as const;
export const invoiceOriginEnum = pgEnum('invoice_origin', INVOICE_ORIGINS);
export const INVOICE_STATUSES = ['DRAFT', 'ISSUED', 'PARTIALLY_PAID', 'PAID', 'VOIDED'] as const;
export const invoiceStatusEnum = pgEnum('invoice_status', INVOICE_STATUSES);
export const READING_SOURCES = ['MANUAL', 'IMPORT', 'ESTIMATE'] as const;
export const readingSourceEnum = pgEnum('reading_source', READING_SOURCES);
export const BILLING_RUN_MODES = ['PREVIEW', 'RUN'] as const;
export const billingRunModeEnum = pgEnum('billing_run_mode', BILLING_RUN_MODES);
export const BILLING_RUN_STATUSES = ['QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED'] as const;
export const billingRunStatusEnum = pgEnum('billing_run_status', BILLING_RUN_STATUSES);

const money = (name: string) => numeric(name, { precision: 16, scale: 2 });

export const conceptGroups = pgTable('concept_groups', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: varchar('code', { length: 20 }).notNull().unique(),
  name: varchar('name', { length: 120 }).notNull().unique(),
  position: integer('position').notNull().default(0),
  ...timestamps,
});

/**
 * A billable concept. FIXED_CHARGE with no amount takes the tariff's fixed charge (metered) or flat
 * rate (unmetered); CONSUMPTION is priced by the tariff's blocks; PERCENTAGE is `percentage` of the
 * net of the lines whose concept belongs to `baseGroupId`; ONE_OFF and LATE_FEE carry `amount`.
 * `automatic` concepts are billed by every billing run (subject to `appliesTo`).
 */
export const concepts = pgTable('concepts', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: varchar('code', { length: 20 }).notNull().unique(),
  name: varchar('name', { length: 120 }).notNull(),
  groupId: uuid('group_id').notNull().references(() => conceptGroups.id),
  kind: conceptKindEnum('kind').notNull(),
  appliesTo: conceptAppliesToEnum('applies_to').notNull().default('ALL'),
  automatic: boolean('automatic').notNull().default(false),
  amount: numeric('amount', { precision: 16, scale: 2 }),
  percentage: numeric('percentage', { precision: 7, scale: 4 }),
  baseGroupId: uuid('base_group_id').references(() => conceptGroups.id),
  // Percent, e.g. 18.00 for ITBIS; 0 = exempt. Rates live here, never in code.
  taxRate: numeric('tax_rate', { precision: 5, scale: 2 }).notNull().default('0'),
  accountingCode: varchar('accounting_code', { length: 30 }),
  position: integer('position').notNull().default(0),
  active: boolean('active').notNull().default(true),
  ...timestamps,
}, (t) => [
  check('concepts_tax_rate', sql`${t.taxRate} between 0 and 100`),
  check('concepts_percentage', sql`(${t.kind} <> 'PERCENTAGE') or (${t.percentage} is not null and ${t.baseGroupId} is not null and ${t.percentage} > 0)`),
  check('concepts_amount', sql`(${t.kind} not in ('ONE_OFF', 'LATE_FEE')) or ${t.amount} is not null`),
  check('concepts_amount_positive', sql`${t.amount} is null or ${t.amount} >= 0`),
]);

/** Tariff of a category from a date on; the period's tariff is the one in force on its last day. */
export const tariffs = pgTable('tariffs', {
  id: uuid('id').primaryKey().defaultRandom(),
  tariffCategoryId: uuid('tariff_category_id').notNull().references(() => tariffCategories.id),
  effectiveFrom: date('effective_from').notNull(),
  currency: varchar('currency', { length: 3 }).notNull().default('DOP'),
  fixedCharge: money('fixed_charge').notNull(),
  flatRate: money('flat_rate').notNull(),
  notes: text('notes'),
  createdBy: uuid('created_by').references(() => users.id),
  ...timestamps,
}, (t) => [
  uniqueIndex('tariffs_category_from_uq').on(t.tariffCategoryId, t.effectiveFrom),
  check('tariffs_amounts', sql`${t.fixedCharge} >= 0 and ${t.flatRate} >= 0`),
]);

/** Consumption blocks of a tariff: from–to m³ (to null = and above), price per m³. */
export const tariffBlocks = pgTable('tariff_blocks', {
  tariffId: uuid('tariff_id').notNull().references(() => tariffs.id, { onDelete: 'cascade' }),
  fromM3: integer('from_m3').notNull(),
  toM3: integer('to_m3'),
  price: numeric('price', { precision: 16, scale: 4 }).notNull(),
}, (t) => [
  primaryKey({ columns: [t.tariffId, t.fromM3] }),
  check('tariff_blocks_range', sql`${t.fromM3} >= 0 and (${t.toM3} is null or ${t.toM3} > ${t.fromM3}) and ${t.price} >= 0`),
]);

/** One reading per account and period (YYYY-MM). Consumption is stored as computed at entry. */
export const meterReadings = pgTable('meter_readings', {
  id: uuid('id').primaryKey().defaultRandom(),
  accountId: uuid('account_id').notNull().references(() => accounts.id),
  period: char('period', { length: 7 }).notNull(),
  readingDate: date('reading_date').notNull(),
  // Register value in whole m³ (null when the reading is estimated without a register value).
  value: integer('value'),
  consumption: integer('consumption').notNull(),
  estimated: boolean('estimated').notNull().default(false),
  anomalyCode: varchar('anomaly_code', { length: 10 }),
  readerName: varchar('reader_name', { length: 120 }),
  source: readingSourceEnum('source').notNull().default('MANUAL'),
  importKey: varchar('import_key', { length: 64 }),
  createdBy: uuid('created_by').references(() => users.id),
  ...timestamps,
}, (t) => [
  uniqueIndex('meter_readings_account_period_uq').on(t.accountId, t.period),
  check('meter_readings_period', sql`${t.period} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
  check('meter_readings_consumption', sql`${t.consumption} >= 0`),
]);

/**
 * Last number taken per point of sale, class and document type. Numbers are taken by
 * incrementing this row inside the issuing transaction (the row lock serializes issuers and a
 * rollback gives the numbers back), so the sequence is gapless and strictly increasing.
 */
export const fiscalSequences = pgTable('fiscal_sequences', {
  pointOfSaleId: uuid('point_of_sale_id').notNull().references(() => pointsOfSale.id),
  invoiceClass: invoiceClassEnum('invoice_class').notNull(),
  docType: fiscalDocTypeEnum('doc_type').notNull(),
  lastNumber: bigint('last_number', { mode: 'number' }).notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.pointOfSaleId, t.invoiceClass, t.docType] }),
  check('fiscal_sequences_range', sql`${t.lastNumber} between 0 and 99999999`),
]);

export const billingRuns = pgTable('billing_runs', {
  id: uuid('id').primaryKey().defaultRandom(),
  number: integer('number').generatedAlwaysAsIdentity().notNull().unique(),
  mode: billingRunModeEnum('mode').notNull(),
  status: billingRunStatusEnum('status').notNull().default('QUEUED'),
  period: char('period', { length: 7 }).notNull(),
  issueDate: date('issue_date').notNull(),
  // { branchId?: string; agreementIds?: string[] }
  scope: jsonb('scope').$type<{ branchId?: string; agreementIds?: string[] }>().notNull().default({}),
  total: integer('total').notNull().default(0),
  processed: integer('processed').notNull().default(0),
  invoiceCount: integer('invoice_count').notNull().default(0),
  skippedCount: integer('skipped_count').notNull().default(0),
  errorCount: integer('error_count').notNull().default(0),
  // Totals by concept and branch, for the preview and the summary (decimal strings).
  summary: jsonb('summary').$type<Record<string, unknown>>().notNull().default({}),
  message: text('message'),
  createdBy: uuid('created_by').references(() => users.id),
  startedAt: timestamp('started_at', { withTimezone: true }),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
  ...timestamps,
}, (t) => [
  index('billing_runs_period_idx').on(t.period),
  check('billing_runs_period', sql`${t.period} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
]);

/**
 * A run is cut into slices — one branch (its point of sale) and one range of agreement ids —
 * executed as separate jobs, possibly by several workers at once. Each slice keeps its own
 * cursor (the last agreement id of its last committed batch), counters and summary; the run's
 * counters are their sum and its summary their merge when the last slice ends.
 */
export const billingRunSlices = pgTable('billing_run_slices', {
  runId: uuid('run_id').notNull().references(() => billingRuns.id, { onDelete: 'cascade' }),
  sliceNo: smallint('slice_no').notNull(),
  branchId: uuid('branch_id').references(() => branches.id),
  // Agreement ids in [idFrom, idTo); null = unbounded.
  idFrom: uuid('id_from'),
  idTo: uuid('id_to'),
  status: billingRunStatusEnum('status').notNull().default('QUEUED'),
  cursor: uuid('cursor'),
  processed: integer('processed').notNull().default(0),
  invoiceCount: integer('invoice_count').notNull().default(0),
  skippedCount: integer('skipped_count').notNull().default(0),
  errorCount: integer('error_count').notNull().default(0),
  summary: jsonb('summary').$type<Record<string, unknown>>().notNull().default({}),
  message: text('message'),
  startedAt: timestamp('started_at', { withTimezone: true }),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
}, (t) => [primaryKey({ columns: [t.runId, t.sliceNo] })]);

/** What a run did not bill and why: skipped (already billed, no accounts…) or failed (an error). */
export const billingRunIssues = pgTable('billing_run_issues', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  runId: uuid('run_id').notNull().references(() => billingRuns.id, { onDelete: 'cascade' }),
  agreementId: uuid('agreement_id').references(() => agreements.id),
  severity: varchar('severity', { length: 10 }).notNull(), // 'SKIP' | 'ERROR'
  reason: text('reason').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('billing_run_issues_run_idx').on(t.runId, t.severity)]);

export const invoices = pgTable('invoices', {
  id: uuid('id').primaryKey().defaultRandom(),
  docType: fiscalDocTypeEnum('doc_type').notNull().default('INVOICE'),
  invoiceClass: invoiceClassEnum('invoice_class').notNull(),
  pointOfSaleId: uuid('point_of_sale_id').notNull().references(() => pointsOfSale.id),
  posNumber: integer('pos_number').notNull(),
  // Null while DRAFT; taken from fiscal_sequences at issue.
  number: bigint('number', { mode: 'number' }),
  // The printed number: 'PPPPP-NNNNNNNN' (letter regime) or the e-NCF.
  fiscalNumber: varchar('fiscal_number', { length: 20 }),
  origin: invoiceOriginEnum('origin').notNull(),
  status: invoiceStatusEnum('status').notNull().default('DRAFT'),
  agreementId: uuid('agreement_id').notNull().references(() => agreements.id),
  customerId: uuid('customer_id').notNull().references(() => customers.id),
  branchId: uuid('branch_id').notNull().references(() => branches.id),
  accountGroupId: uuid('account_group_id').references(() => accountGroups.id),
  accountId: uuid('account_id').references(() => accounts.id),
  billingRunId: uuid('billing_run_id').references(() => billingRuns.id),
  // 'AG:<agreement>' | 'GR:<group>' | 'AC:<account>': what one automatic invoice bills in a period.
  billingUnit: varchar('billing_unit', { length: 40 }),
  period: char('period', { length: 7 }),
  relatedInvoiceId: uuid('related_invoice_id'),
  issueDate: date('issue_date'),
  dueDate: date('due_date'),
  currency: varchar('currency', { length: 3 }).notNull().default('DOP'),
  exchangeRate: numeric('exchange_rate', { precision: 18, scale: 6 }).notNull().default('1'),
  customerSnapshot: jsonb('customer_snapshot').$type<Record<string, string | null>>().notNull(),
  billingAddress: text('billing_address').notNull(),
  deliveryAddress: text('delivery_address'),
  grossTotal: money('gross_total').notNull().default('0'),
  discountTotal: money('discount_total').notNull().default('0'),
  netTotal: money('net_total').notNull().default('0'),
  taxTotal: money('tax_total').notNull().default('0'),
  total: money('total').notNull().default('0'),
  balance: money('balance').notNull().default('0'),
  notes: text('notes'),
  eAuthorizationCode: varchar('e_authorization_code', { length: 64 }),
  createdBy: uuid('created_by').references(() => users.id),
  issuedBy: uuid('issued_by').references(() => users.id),
  issuedAt: timestamp('issued_at', { withTimezone: true }),
  voidedAt: timestamp('voided_at', { withTimezone: true }),
  ...timestamps,
}, (t) => [
  // One number per point of sale, class and document type.
  uniqueIndex('invoices_number_uq').on(t.pointOfSaleId, t.invoiceClass, t.docType, t.number),
  // Never two automatic invoices for the same billing unit and period: the idempotency guarantee.
  uniqueIndex('invoices_billing_unit_period_uq').on(t.billingUnit, t.period).where(sql`${t.origin} = 'AUTOMATIC' and ${t.docType} = 'INVOICE'`),
  index('invoices_agreement_idx').on(t.agreementId, t.issueDate),
  index('invoices_customer_idx').on(t.customerId, t.issueDate),
  index('invoices_branch_period_idx').on(t.branchId, t.period),
  index('invoices_period_idx').on(t.period, t.id),
  index('invoices_run_idx').on(t.billingRunId),
  // Open receivables (collection reports, overdue lists): partial, covering (INCLUDE added in 0010's SQL).
  // One branch's overdue list reads this one too, skipping other branches' entries (0013 dropped the
  // per-branch copy: each index on open documents costs every billing run ≈ 8 %).
  index('invoices_open_due_idx').on(t.dueDate, t.id).where(sql`${t.status} in ('ISSUED', 'PARTIALLY_PAID') and ${t.docType} in ('INVOICE', 'DEBIT_NOTE') and ${t.balance} > 0`),
  // The aging report's and the top debtors' one pass: open documents in customer, branch, currency
  // and agreement order (streaming aggregates, index-only); INCLUDE (due_date, balance, issue_date)
  // added in the SQL of 0012 and of 0014 (which added the agreement).
  index('invoices_open_customer_idx').on(t.customerId, t.branchId, t.currency, t.agreementId).where(sql`${t.status} in ('ISSUED', 'PARTIALLY_PAID') and ${t.docType} in ('INVOICE', 'DEBIT_NOTE') and ${t.balance} > 0`),
  check('invoices_number_when_issued', sql`(${t.status} = 'DRAFT') = (${t.number} is null)`),
  check('invoices_number_range', sql`${t.number} is null or ${t.number} between 1 and 99999999`),
  check('invoices_period', sql`${t.period} is null or ${t.period} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
  check('invoices_balance', sql`${t.balance} >= 0 and ${t.balance} <= ${t.total}`),
]);

export const invoiceItems = pgTable('invoice_items', {
  invoiceId: uuid('invoice_id').notNull().references(() => invoices.id, { onDelete: 'cascade' }),
  lineNo: smallint('line_no').notNull(),
  // No per-row foreign keys on the two columns below (billing runs write millions of lines): the
  // values come from rows read in the writing transaction, and a trigger (migration 0006) refuses
  // deleting an account or concept that invoice lines or billed_accounts still name.
  accountId: uuid('account_id'),
  conceptId: uuid('concept_id').notNull(),
  conceptCode: varchar('concept_code', { length: 20 }).notNull(),
  conceptGroupName: varchar('concept_group_name', { length: 120 }).notNull(),
  description: varchar('description', { length: 300 }).notNull(),
  quantity: numeric('quantity', { precision: 14, scale: 3 }).notNull(),
  unitPrice: numeric('unit_price', { precision: 16, scale: 4 }).notNull(),
  gross: money('gross').notNull(),
  discount: money('discount').notNull(),
  net: money('net').notNull(),
  taxRate: numeric('tax_rate', { precision: 5, scale: 2 }).notNull(),
  tax: money('tax').notNull(),
  total: money('total').notNull(),
}, (t) => [
  primaryKey({ columns: [t.invoiceId, t.lineNo] }),
  check('invoice_items_amounts', sql`${t.net} = ${t.gross} - ${t.discount} and ${t.total} = ${t.net} + ${t.tax}`),
]);

/** The lines printed on the invoice, derived from the items by the agreement's grouping at issue. */
export const invoicePrintableItems = pgTable('invoice_printable_items', {
  invoiceId: uuid('invoice_id').notNull().references(() => invoices.id, { onDelete: 'cascade' }),
  lineNo: smallint('line_no').notNull(),
  description: varchar('description', { length: 300 }).notNull(),
  quantity: numeric('quantity', { precision: 14, scale: 3 }),
  unitPrice: numeric('unit_price', { precision: 16, scale: 4 }),
  net: money('net').notNull(),
  tax: money('tax').notNull(),
  total: money('total').notNull(),
}, (t) => [primaryKey({ columns: [t.invoiceId, t.lineNo] })]);

/** Every account billed in a period, once: a second automatic bill of an account is refused by the key. */
export const billedAccounts = pgTable('billed_accounts', {
  // No per-row foreign key to accounts (see invoice_items): guarded by the same delete trigger.
  accountId: uuid('account_id').notNull(),
  period: char('period', { length: 7 }).notNull(),
  invoiceId: uuid('invoice_id').notNull().references(() => invoices.id),
}, (t) => [primaryKey({ columns: [t.accountId, t.period] })]);
