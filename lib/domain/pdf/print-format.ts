/**
 * Print formats (plantillas) and which one an invoice prints with (domain.md, "Print formats").
 * An assignment names a format for an agreement, an invoice class and a type — AUTOMATIC for
 * invoices from billing runs, MANUAL for invoices typed by staff; without one, the company's
 * default format for the class applies, and without that the built-in format below. Pure, no I/O:
 * the future formats tables hand their rows in as plain objects.
 */
import type { InvoiceClass } from '@/lib/domain/billing/invoice-class';

export type PaperSize = 'LETTER' | 'A4';

export interface PrintFormat {
  code: string;
  name: string;
  paperSize: PaperSize;
  /** Hex colour of the letter box, headings and rules, e.g. '#0f4c81'. */
  accentColor: string;
  /** Logo as a data URI (PNG/JPEG) or null for the placeholder with the company's initials. */
  logo: string | null;
  /** Printed at the foot of every page; empty for none. */
  legalFooter: string;
  /** Whether the invoice's notes (e.g. the reason of a credit note) are printed. */
  showNotes: boolean;
}

/** Invoices from billing runs print as AUTOMATIC, invoices typed by staff as MANUAL. */
export type PrintFormatType = 'AUTOMATIC' | 'MANUAL';

export interface PrintFormatAssignment {
  agreementId: string;
  invoiceClass: InvoiceClass;
  type: PrintFormatType;
  format: PrintFormat;
}

export interface CompanyDefaultFormat {
  invoiceClass: InvoiceClass;
  format: PrintFormat;
}

export const BUILT_IN_PRINT_FORMAT: PrintFormat = {
  code: 'ESTANDAR',
  name: 'Formato estándar',
  paperSize: 'LETTER',
  accentColor: '#0f4c81',
  logo: null,
  legalFooter:
    'Este documento es una representación impresa de un comprobante fiscal. El pago después de la fecha de vencimiento puede generar recargos por mora y la suspensión del servicio según el reglamento vigente.',
  showNotes: true,
};

export type FormatSource = 'ASSIGNMENT' | 'COMPANY_DEFAULT' | 'BUILT_IN';

// Assignment (agreement, class, type from origin) → company default for the class → built-in;
// e.g. a MANUAL invoice of an agreement that only has an AUTOMATIC assignment gets the company default.
export function selectFormat(
  config: { assignments: readonly PrintFormatAssignment[]; defaults: readonly CompanyDefaultFormat[] },
  invoice: { agreementId: string; invoiceClass: InvoiceClass; origin: PrintFormatType },
  builtIn: PrintFormat = BUILT_IN_PRINT_FORMAT,
): { format: PrintFormat; source: FormatSource } {
  const assigned = config.assignments.find((a) => a.agreementId === invoice.agreementId && a.invoiceClass === invoice.invoiceClass && a.type === invoice.origin);
  if (assigned) return { format: assigned.format, source: 'ASSIGNMENT' };
  const companyDefault = config.defaults.find((d) => d.invoiceClass === invoice.invoiceClass);
  if (companyDefault) return { format: companyDefault.format, source: 'COMPANY_DEFAULT' };
  return { format: builtIn, source: 'BUILT_IN' };
}
