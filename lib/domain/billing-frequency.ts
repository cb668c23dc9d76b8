/**
 * Commercial terms of an agreement: billing frequency with its anchor month, currency, billing
 * mode, billing opportunity and printable-item grouping, with the seed manual's Spanish labels.
 * Pure functions, no I/O.
 */

export const BILLING_FREQUENCIES = ['MONTHLY', 'BIMONTHLY', 'QUARTERLY', 'SEMIANNUAL', 'ANNUAL'] as const;
export type BillingFrequency = (typeof BILLING_FREQUENCIES)[number];

export const BILLING_FREQUENCY_LABELS: Record<BillingFrequency, string> = {
  MONTHLY: 'Mensual',
  BIMONTHLY: 'Bimestral',
  QUARTERLY: 'Trimestral',
  SEMIANNUAL: 'Semestral',
  ANNUAL: 'Anual',
};

/** Months between two invoices. */
export const BILLING_FREQUENCY_MONTHS: Record<BillingFrequency, number> = {
  MONTHLY: 1,
  BIMONTHLY: 2,
  QUARTERLY: 3,
  SEMIANNUAL: 6,
  ANNUAL: 12,
};

const PERIOD_RE = /^(\d{4})-(\d{2})$/;

// Month 1–12 of a 'YYYY-MM' period; throws on anything else (a bug, not user input); e.g. '2026-08' → 8.
function periodMonth(period: string): number {
  const m = PERIOD_RE.exec(period);
  const month = m ? Number(m[2]) : 0;
  if (month < 1 || month > 12) throw new RangeError(`Período no válido: "${period}"`);
  return month;
}

function assertAnchor(anchorMonth: number): void {
  if (!Number.isInteger(anchorMonth) || anchorMonth < 1 || anchorMonth > 12) {
    throw new RangeError(`Mes de referencia no válido: ${anchorMonth}`);
  }
}

// The period's month m bills when (m − anchor) mod months = 0; e.g. QUARTERLY anchored in 2 bills Feb, May, Aug, Nov.
export function billsInPeriod(frequency: BillingFrequency, anchorMonth: number, period: string): boolean {
  assertAnchor(anchorMonth);
  const months = BILLING_FREQUENCY_MONTHS[frequency];
  if (!months) throw new RangeError(`Frecuencia no válida: ${frequency}`);
  // JavaScript's % keeps the dividend's sign (−2 % 3 = −2), but a multiple still gives (−)0 and −0 === 0.
  return (periodMonth(period) - anchorMonth) % months === 0;
}

// The months (1–12) an agreement bills in, for display; e.g. ('SEMIANNUAL', 9) → [3, 9].
export function billingMonths(frequency: BillingFrequency, anchorMonth: number): number[] {
  assertAnchor(anchorMonth);
  const months = BILLING_FREQUENCY_MONTHS[frequency];
  return Array.from({ length: 12 }, (_, i) => i + 1).filter((m) => (m - anchorMonth) % months === 0);
}

export const CURRENCIES = ['DOP', 'USD', 'EUR'] as const;
export type Currency = (typeof CURRENCIES)[number];

export const CURRENCY_LABELS: Record<Currency, string> = {
  DOP: 'Peso dominicano (DOP)',
  USD: 'Dólar estadounidense (USD)',
  EUR: 'Euro (EUR)',
};

/** Modalidad de facturación, as worded in the seed manual. */
export const BILLING_MODES = ['PER_ACCOUNT', 'PER_GROUP', 'PER_AGREEMENT'] as const;
export type BillingMode = (typeof BILLING_MODES)[number];

export const BILLING_MODE_LABELS: Record<BillingMode, string> = {
  PER_ACCOUNT: 'Una factura por cuenta',
  PER_GROUP: 'Una factura por grupo de cuentas',
  PER_AGREEMENT: 'Una factura por acuerdo',
};

/** Oportunidad de facturación: with metrics (meter readings) or without (flat charges). */
export const BILLING_OPPORTUNITIES = ['METERED', 'UNMETERED'] as const;
export type BillingOpportunity = (typeof BILLING_OPPORTUNITIES)[number];

export const BILLING_OPPORTUNITY_LABELS: Record<BillingOpportunity, string> = {
  METERED: 'Con métricas',
  UNMETERED: 'Sin métricas',
};

/** Agrupamiento de ítems imprimibles: how invoice items are printed. */
export const ITEM_GROUPINGS = ['SIMPLE', 'CONCEPT', 'CONCEPT_GROUP', 'ACCOUNT'] as const;
export type ItemGrouping = (typeof ITEM_GROUPINGS)[number];

export const ITEM_GROUPING_LABELS: Record<ItemGrouping, string> = {
  SIMPLE: 'Simple',
  CONCEPT: 'Concepto',
  CONCEPT_GROUP: 'Grupo de conceptos',
  ACCOUNT: 'Cuenta',
};
