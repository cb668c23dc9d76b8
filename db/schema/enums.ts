import { pgEnum } from 'drizzle-orm/pg-core';

export const ROLES = ['ADMIN', 'BRANCH_STAFF', 'CASHIER', 'INSPECTOR', 'CLIENT', 'AUDITOR'] as const;
export type Role = (typeof ROLES)[number];
export const roleEnum = pgEnum('role', ROLES);

export const DOCUMENT_TYPES = ['RNC', 'CEDULA', 'PASSPORT', 'FOREIGN_TAX_ID'] as const;
export const documentTypeEnum = pgEnum('document_type', DOCUMENT_TYPES);

export const TAX_CONDITIONS = ['REGISTERED', 'FINAL_CONSUMER', 'EXEMPT', 'FOREIGN'] as const;
export type TaxCondition = (typeof TAX_CONDITIONS)[number];
export const taxConditionEnum = pgEnum('tax_condition', TAX_CONDITIONS);

export const SEGMENTS = ['RESIDENTIAL', 'COMMERCIAL', 'INDUSTRIAL', 'GOVERNMENT'] as const;
export type Segment = (typeof SEGMENTS)[number];
export const segmentEnum = pgEnum('segment', SEGMENTS);

export const AUDIT_ACTIONS = ['CREATE', 'UPDATE', 'DELETE', 'LOGIN', 'LOGIN_FAILED', 'LOCK', 'PASSWORD_RESET', 'APPROVE', 'REJECT', 'STATUS_CHANGE'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export const auditActionEnum = pgEnum('audit_action', AUDIT_ACTIONS);

// CRM (issue 3). Values mirror lib/domain/crm-status.ts, payment-instrument.ts, billing-frequency.ts.
export const AGREEMENT_STATUS_VALUES = ['NEW', 'ACTIVE', 'SUSPENDED', 'CLOSED'] as const;
export const agreementStatusEnum = pgEnum('agreement_status', AGREEMENT_STATUS_VALUES);
export const accountGroupStatusEnum = pgEnum('account_group_status', AGREEMENT_STATUS_VALUES);
export const ACCOUNT_STATUS_VALUES = ['ACTIVE', 'DISCONNECTED', 'CLOSED'] as const;
export const accountStatusEnum = pgEnum('account_status', ACCOUNT_STATUS_VALUES);
export const BILLING_MODE_VALUES = ['PER_ACCOUNT', 'PER_GROUP', 'PER_AGREEMENT'] as const;
export const billingModeEnum = pgEnum('billing_mode', BILLING_MODE_VALUES);
export const BILLING_OPPORTUNITY_VALUES = ['METERED', 'UNMETERED'] as const;
export const billingOpportunityEnum = pgEnum('billing_opportunity', BILLING_OPPORTUNITY_VALUES);
export const ITEM_GROUPING_VALUES = ['SIMPLE', 'CONCEPT', 'CONCEPT_GROUP', 'ACCOUNT'] as const;
export const itemGroupingEnum = pgEnum('item_grouping', ITEM_GROUPING_VALUES);
export const BILLING_FREQUENCY_VALUES = ['MONTHLY', 'BIMONTHLY', 'QUARTERLY', 'SEMIANNUAL', 'ANNUAL'] as const;
export const billingFrequencyEnum = pgEnum('billing_frequency', BILLING_FREQUENCY_VALUES);
export const DELINQUENCY_STATUS_VALUES = ['CURRENT', 'IN_GRACE', 'DELINQUENT'] as const;
export const delinquencyStatusEnum = pgEnum('delinquency_status', DELINQUENCY_STATUS_VALUES);
export const WORK_ORDER_TYPE_VALUES = ['ACTIVATION', 'NEW_CONNECTION', 'DISCONNECTION', 'RECONNECTION', 'METER_CHANGE', 'INSPECTION'] as const;
export const workOrderTypeEnum = pgEnum('work_order_type', WORK_ORDER_TYPE_VALUES);
export const WORK_ORDER_STATUS_VALUES = ['PENDING', 'APPROVED', 'REJECTED', 'DONE'] as const;
export const workOrderStatusEnum = pgEnum('work_order_status', WORK_ORDER_STATUS_VALUES);
export const WORK_ORDER_TARGET_VALUES = ['AGREEMENT', 'ACCOUNT_GROUP', 'ACCOUNT'] as const;
export const workOrderTargetEnum = pgEnum('work_order_target', WORK_ORDER_TARGET_VALUES);
export const PAYMENT_METHOD_VALUES = ['CASH', 'CARD', 'DIRECT_DEBIT', 'BANK_TRANSFER'] as const;
export const paymentMethodEnum = pgEnum('payment_method', PAYMENT_METHOD_VALUES);
export const ATTRIBUTE_TYPE_VALUES = ['TEXT', 'NUMBER', 'DATE', 'BOOLEAN', 'CHOICE'] as const;
export const attributeTypeEnum = pgEnum('attribute_type', ATTRIBUTE_TYPE_VALUES);
export const ATTRIBUTE_ENTITY_VALUES = ['AGREEMENT', 'ACCOUNT_GROUP', 'ACCOUNT'] as const;
export const attributeEntityEnum = pgEnum('attribute_entity', ATTRIBUTE_ENTITY_VALUES);
