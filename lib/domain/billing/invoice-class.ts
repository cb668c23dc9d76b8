/**
 * Invoice class (letter) from the customer's tax condition and the invoice currency (domain.md):
 * A to registered taxpayers (tax shown separately), B to final consumers and exempt customers
 * (tax included), E to foreign customers and any invoice in a foreign currency (exports).
 * Also re-exports the period/date helpers billing needs (period.ts). Pure functions, no I/O.
 */
export { dueDate, periodBounds, shiftPeriod, validDate, validPeriod } from './period';

export const INVOICE_CLASSES = ['A', 'B', 'E'] as const;
export type InvoiceClass = (typeof INVOICE_CLASSES)[number];

export const INVOICE_CLASS_LABELS: Record<InvoiceClass, string> = {
  A: 'A — Contribuyente registrado',
  B: 'B — Consumidor final',
  E: 'E — Exportación / exterior',
};

/** Mirrors db/schema/enums.ts TAX_CONDITIONS (lib/domain imports nothing from db). */
export const CUSTOMER_TAX_CONDITIONS = ['REGISTERED', 'FINAL_CONSUMER', 'EXEMPT', 'FOREIGN'] as const;
export type CustomerTaxCondition = (typeof CUSTOMER_TAX_CONDITIONS)[number];

/** The company's own currency: anything else is a foreign-currency invoice. */
export const LOCAL_CURRENCY = 'DOP';

// Foreign customer or foreign currency → E, else registered → A, final consumer or exempt → B; e.g. ('REGISTERED', 'USD') → 'E'.
export function invoiceClass(customerTaxCondition: CustomerTaxCondition, currency: string): InvoiceClass {
  if (customerTaxCondition === 'FOREIGN' || currency !== LOCAL_CURRENCY) return 'E';
  switch (customerTaxCondition) {
    case 'REGISTERED':
      return 'A';
    case 'FINAL_CONSUMER':
    case 'EXEMPT':
      return 'B';
    default:
      throw new RangeError(`Condición fiscal no válida: ${String(customerTaxCondition)}`);
  }
}

// Class B prints prices with tax included; A and E show the tax separately; e.g. taxIncluded('B') → true.
export function taxIncluded(cls: InvoiceClass): boolean {
  return cls === 'B';
}
