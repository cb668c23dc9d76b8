import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { customers } from './customers';
import {
  accountGroupStatusEnum,
  accountStatusEnum,
  agreementStatusEnum,
  attributeEntityEnum,
  attributeTypeEnum,
  billingFrequencyEnum,
  billingModeEnum,
  billingOpportunityEnum,
  delinquencyStatusEnum,
  itemGroupingEnum,
  paymentMethodEnum,
  workOrderStatusEnum,
  workOrderTargetEnum,
  workOrderTypeEnum,
} from './enums';
import { branches, localities, timestamps } from './organization';
import { users } from './users';

/** Tariff categories (residential, commercial…); tariffs per category come with billing. */
export const tariffCategories = pgTable('tariff_categories', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: varchar('code', { length: 20 }).notNull().unique(),
  name: varchar('name', { length: 120 }).notNull().unique(),
  active: boolean('active').notNull().default(true),
  ...timestamps,
});

/** Admin-maintained payment entities: card brands, banks. */
export const paymentEntities = pgTable('payment_entities', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: varchar('code', { length: 20 }).notNull().unique(),
  name: varchar('name', { length: 120 }).notNull(),
  method: paymentMethodEnum('method').notNull(),
  active: boolean('active').notNull().default(true),
  ...timestamps,
});

/**
 * A level of the delinquency policy (admin): from `days_past_grace` days after an agreement's grace
 * period and an overdue debt of at least `min_debt` (in the agreement's currency), the level applies
 * and its actions are taken once per episode: LATE_FEE (a debit note with `late_fee_concept`),
 * NOTICE_EMAIL, DISCONNECTION_ORDER, PORTAL_BANNER (with `banner_text`).
 */
export const delinquencyLevels = pgTable('delinquency_levels', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: varchar('name', { length: 80 }).notNull().unique(),
  daysPastGrace: integer('days_past_grace').notNull(),
  minDebt: numeric('min_debt', { precision: 14, scale: 2 }).notNull().default('0'),
  actions: jsonb('actions').$type<('LATE_FEE' | 'NOTICE_EMAIL' | 'DISCONNECTION_ORDER' | 'PORTAL_BANNER')[]>().notNull().default([]),
  lateFeeConceptId: uuid('late_fee_concept_id'),
  bannerText: text('banner_text'),
  active: boolean('active').notNull().default(true),
  ...timestamps,
}, (t) => [
  check('delinquency_levels_days', sql`${t.daysPastGrace} between 1 and 3650`),
  check('delinquency_levels_debt', sql`${t.minDebt} >= 0`),
]);

export const agreements = pgTable('agreements', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: varchar('code', { length: 20 }).notNull().unique(),
  name: varchar('name', { length: 200 }).notNull(),
  status: agreementStatusEnum('status').notNull().default('NEW'),
  statusReason: text('status_reason'),
  customerId: uuid('customer_id').notNull().references(() => customers.id),
  billingAddress: text('billing_address').notNull(),
  localityId: uuid('locality_id').notNull().references(() => localities.id),
  branchId: uuid('branch_id').notNull().references(() => branches.id),
  billingMode: billingModeEnum('billing_mode').notNull(),
  billingOpportunity: billingOpportunityEnum('billing_opportunity').notNull(),
  currency: varchar('currency', { length: 3 }).notNull().default('DOP'),
  itemGrouping: itemGroupingEnum('item_grouping').notNull().default('SIMPLE'),
  graceDays: integer('grace_days').notNull().default(0),
  // Computed by the collections engine; read-only in CRM.
  delinquencyStatus: delinquencyStatusEnum('delinquency_status').notNull().default('CURRENT'),
  delinquencyExempt: boolean('delinquency_exempt').notNull().default(false),
  // The policy level reached (DELINQUENT), and since when the current status holds.
  delinquencyLevelId: uuid('delinquency_level_id').references(() => delinquencyLevels.id),
  delinquencySince: date('delinquency_since'),
  attributes: jsonb('attributes').$type<Record<string, string | number | boolean | null>>().notNull().default({}),
  email: varchar('email', { length: 200 }),
  dueDays: integer('due_days').notNull().default(30),
  discountPct: numeric('discount_pct', { precision: 5, scale: 2 }).notNull().default('0'),
  slaHours: integer('sla_hours'),
  billingFrequency: billingFrequencyEnum('billing_frequency').notNull().default('MONTHLY'),
  anchorMonth: integer('anchor_month').notNull().default(1),
  validFrom: date('valid_from').notNull(),
  validTo: date('valid_to'),
  createdBy: uuid('created_by').references(() => users.id),
  ...timestamps,
}, (t) => [
  index('agreements_customer_idx').on(t.customerId),
  // (branch, id): a billing slice reads its branch's agreements keyset by id.
  index('agreements_branch_idx').on(t.branchId, t.id),
  index('agreements_name_idx').on(sql`lower(${t.name})`),
  check('agreements_grace_days', sql`${t.graceDays} between 0 and 365`),
  check('agreements_due_days', sql`${t.dueDays} between 0 and 365`),
  check('agreements_discount', sql`${t.discountPct} between 0 and 100`),
  check('agreements_anchor_month', sql`${t.anchorMonth} between 1 and 12`),
  check('agreements_validity', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
]);

export const accountGroups = pgTable('account_groups', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: varchar('code', { length: 20 }).notNull().unique(),
  name: varchar('name', { length: 200 }).notNull(),
  status: accountGroupStatusEnum('status').notNull().default('NEW'),
  statusReason: text('status_reason'),
  agreementId: uuid('agreement_id').notNull().references(() => agreements.id),
  branchId: uuid('branch_id').notNull().references(() => branches.id),
  billingAddress: text('billing_address').notNull(),
  deliveryAddress: text('delivery_address'),
  email: varchar('email', { length: 200 }),
  attributes: jsonb('attributes').$type<Record<string, string | number | boolean | null>>().notNull().default({}),
  createdBy: uuid('created_by').references(() => users.id),
  ...timestamps,
}, (t) => [
  index('account_groups_agreement_idx').on(t.agreementId),
  // Target of the accounts (group, agreement) foreign key.
  unique('account_groups_id_agreement_uq').on(t.id, t.agreementId),
]);

export const accounts = pgTable('accounts', {
  id: uuid('id').primaryKey().defaultRandom(),
  number: varchar('number', { length: 20 }).notNull().unique(),
  description: varchar('description', { length: 200 }).notNull(),
  agreementId: uuid('agreement_id').notNull().references(() => agreements.id),
  groupId: uuid('group_id'),
  serviceAddress: text('service_address').notNull(),
  localityId: uuid('locality_id').references(() => localities.id),
  tariffCategoryId: uuid('tariff_category_id').notNull().references(() => tariffCategories.id),
  meterNumber: varchar('meter_number', { length: 30 }),
  // Digits of the meter's register: after 99999 it rolls over to 0 (consumption handles it).
  meterDigits: integer('meter_digits').notNull().default(5),
  status: accountStatusEnum('status').notNull().default('ACTIVE'),
  statusReason: text('status_reason'),
  startDate: date('start_date').notNull(),
  attributes: jsonb('attributes').$type<Record<string, string | number | boolean | null>>().notNull().default({}),
  ...timestamps,
}, (t) => [
  index('accounts_agreement_idx').on(t.agreementId),
  index('accounts_group_idx').on(t.groupId),
  // An account's group must belong to the account's own agreement: enforced by the database.
  foreignKey({ name: 'accounts_group_same_agreement_fk', columns: [t.groupId, t.agreementId], foreignColumns: [accountGroups.id, accountGroups.agreementId] }),
  uniqueIndex('accounts_meter_uq').on(t.meterNumber).where(sql`${t.meterNumber} is not null and ${t.status} <> 'CLOSED'`),
  check('accounts_meter_digits', sql`${t.meterDigits} between 3 and 9`),
]);

export const workOrders = pgTable('work_orders', {
  id: uuid('id').primaryKey().defaultRandom(),
  number: varchar('number', { length: 20 }).notNull().unique(),
  type: workOrderTypeEnum('type').notNull(),
  status: workOrderStatusEnum('status').notNull().default('PENDING'),
  target: workOrderTargetEnum('target').notNull(),
  // Every order belongs to an agreement (its branch scopes it); group/account narrow the target.
  agreementId: uuid('agreement_id').notNull().references(() => agreements.id),
  accountGroupId: uuid('account_group_id').references(() => accountGroups.id),
  accountId: uuid('account_id').references(() => accounts.id),
  branchId: uuid('branch_id').notNull().references(() => branches.id),
  description: text('description'),
  decisionReason: text('decision_reason'),
  createdBy: uuid('created_by').references(() => users.id),
  decidedBy: uuid('decided_by').references(() => users.id),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  completedBy: uuid('completed_by').references(() => users.id),
  completedAt: timestamp('completed_at', { withTimezone: true }),
  completionNotes: text('completion_notes'),
  ...timestamps,
}, (t) => [
  index('work_orders_agreement_idx').on(t.agreementId),
  index('work_orders_status_idx').on(t.status),
  check('work_orders_target_ids', sql`(${t.target} <> 'ACCOUNT_GROUP' or ${t.accountGroupId} is not null) and (${t.target} <> 'ACCOUNT' or ${t.accountId} is not null)`),
  // At most one open activation per target.
  uniqueIndex('work_orders_one_open_activation_uq')
    .on(t.agreementId, sql`coalesce(${t.accountGroupId}, '00000000-0000-0000-0000-000000000000'::uuid)`)
    .where(sql`${t.type} = 'ACTIVATION' and ${t.status} = 'PENDING'`),
]);

/** Enabled payment methods of an agreement. Instruments are stored as last four digits + token only. */
export const agreementPaymentMethods = pgTable('agreement_payment_methods', {
  id: uuid('id').primaryKey().defaultRandom(),
  agreementId: uuid('agreement_id').notNull().references(() => agreements.id, { onDelete: 'cascade' }),
  method: paymentMethodEnum('method').notNull(),
  entityId: uuid('entity_id').references(() => paymentEntities.id),
  instrumentLast4: varchar('instrument_last4', { length: 4 }),
  instrumentToken: varchar('instrument_token', { length: 64 }),
  expiryMonth: integer('expiry_month'),
  expiryYear: integer('expiry_year'),
  isDefault: boolean('is_default').notNull().default(false),
  active: boolean('active').notNull().default(true),
  ...timestamps,
}, (t) => [
  index('agreement_payment_methods_agreement_idx').on(t.agreementId),
  uniqueIndex('agreement_payment_methods_one_default_uq').on(t.agreementId).where(sql`${t.isDefault} and ${t.active}`),
  check('agreement_payment_methods_last4', sql`${t.instrumentLast4} is null or ${t.instrumentLast4} ~ '^[0-9]{4}$'`),
  check('agreement_payment_methods_expiry', sql`${t.expiryMonth} is null or ${t.expiryMonth} between 1 and 12`),
]);

export const attributeDefinitions = pgTable('attribute_definitions', {
  id: uuid('id').primaryKey().defaultRandom(),
  entity: attributeEntityEnum('entity').notNull(),
  key: varchar('key', { length: 40 }).notNull(),
  label: varchar('label', { length: 80 }).notNull(),
  type: attributeTypeEnum('type').notNull(),
  options: jsonb('options').$type<string[] | null>(),
  required: boolean('required').notNull().default(false),
  active: boolean('active').notNull().default(true),
  position: integer('position').notNull().default(0),
  ...timestamps,
}, (t) => [uniqueIndex('attribute_definitions_entity_key_uq').on(t.entity, t.key)]);

export const exchangeRates = pgTable('exchange_rates', {
  date: date('date').notNull(),
  currency: varchar('currency', { length: 3 }).notNull(),
  // Units of the company currency (DOP) per one unit of `currency`.
  rate: numeric('rate', { precision: 18, scale: 6 }).notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  ...timestamps,
}, (t) => [primaryKey({ columns: [t.date, t.currency] }), check('exchange_rates_positive', sql`${t.rate} > 0`)]);
