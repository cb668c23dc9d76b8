/**
 * Billing enumerations with their Spanish labels. The value lists are the source that
 * db/schema/billing.ts mirrors (a test keeps them equal). Document types and their labels live in
 * fiscal-number.ts. Pure data, no I/O.
 */

export const CONCEPT_KINDS = ['FIXED_CHARGE', 'CONSUMPTION', 'PERCENTAGE', 'ONE_OFF', 'LATE_FEE'] as const;
export type ConceptKind = (typeof CONCEPT_KINDS)[number];
export const CONCEPT_KIND_LABELS: Record<ConceptKind, string> = {
  FIXED_CHARGE: 'Cargo fijo',
  CONSUMPTION: 'Consumo medido',
  PERCENTAGE: 'Porcentaje de otro grupo',
  ONE_OFF: 'Cargo único',
  LATE_FEE: 'Recargo por mora',
};

export const CONCEPT_APPLIES_TO = ['ALL', 'METERED', 'UNMETERED'] as const;
export type ConceptAppliesTo = (typeof CONCEPT_APPLIES_TO)[number];
export const CONCEPT_APPLIES_TO_LABELS: Record<ConceptAppliesTo, string> = {
  ALL: 'Todas las cuentas',
  METERED: 'Cuentas con medidor',
  UNMETERED: 'Cuentas sin medidor',
};

export const INVOICE_ORIGINS = ['AUTOMATIC', 'MANUAL'] as const;
export type InvoiceOrigin = (typeof INVOICE_ORIGINS)[number];
export const INVOICE_ORIGIN_LABELS: Record<InvoiceOrigin, string> = {
  AUTOMATIC: 'Automática',
  MANUAL: 'Manual',
};

export const INVOICE_STATUSES = ['DRAFT', 'ISSUED', 'PARTIALLY_PAID', 'PAID', 'VOIDED'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
export const INVOICE_STATUS_LABELS: Record<InvoiceStatus, string> = {
  DRAFT: 'Borrador',
  ISSUED: 'Emitida',
  PARTIALLY_PAID: 'Pagada parcialmente',
  PAID: 'Pagada',
  VOIDED: 'Anulada',
};

export const READING_SOURCES = ['MANUAL', 'IMPORT', 'ESTIMATE'] as const;
export type ReadingSource = (typeof READING_SOURCES)[number];
export const READING_SOURCE_LABELS: Record<ReadingSource, string> = {
  MANUAL: 'Manual',
  IMPORT: 'Importación',
  ESTIMATE: 'Estimación',
};

export const BILLING_RUN_MODES = ['PREVIEW', 'RUN'] as const;
export type BillingRunMode = (typeof BILLING_RUN_MODES)[number];
export const BILLING_RUN_MODE_LABELS: Record<BillingRunMode, string> = {
  PREVIEW: 'Vista previa',
  RUN: 'Facturación',
};

export const BILLING_RUN_STATUSES = ['QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED'] as const;
export type BillingRunStatus = (typeof BILLING_RUN_STATUSES)[number];
export const BILLING_RUN_STATUS_LABELS: Record<BillingRunStatus, string> = {
  QUEUED: 'En cola',
  RUNNING: 'En curso',
  DONE: 'Terminado',
  FAILED: 'Fallido',
  CANCELLED: 'Cancelado',
};
