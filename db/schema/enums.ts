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

export const AUDIT_ACTIONS = ['CREATE', 'UPDATE', 'DELETE', 'LOGIN', 'LOGIN_FAILED', 'LOCK', 'PASSWORD_RESET'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export const auditActionEnum = pgEnum('audit_action', AUDIT_ACTIONS);
