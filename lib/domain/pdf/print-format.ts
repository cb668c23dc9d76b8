/**
 * Print formats (plantillas) and which one an invoice prints with (domain.md, "Print formats").
 * An assignment names a format for an agreement, an invoice class and a type — AUTOMATIC for
 * invoices from billing runs, MANUAL for invoices typed by staff; without one, the company's
 * default format for the class applies, and without that the built-in format below. Pure, no I/O:
 * the future formats tables hand their rows in as plain objects.
 */
import type { InvoiceClass } from '@/lib/domain/billing/invoice-class';

/** Mirrors db/schema/print.ts PAPER_SIZES. */
export const PAPER_SIZES = ['LETTER', 'A4'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];
export const PAPER_SIZE_LABELS: Record<PaperSize, string> = { LETTER: 'Carta (8½ × 11 in)', A4: 'A4 (210 × 297 mm)' };

/** Mirrors db/schema/print.ts PRINT_COLUMNS (lib/domain imports nothing from db): the optional columns of the lines table, in print order. */
export const PRINT_COLUMNS = ['quantity', 'unitPrice', 'net', 'tax', 'total'] as const;
export type PrintColumn = (typeof PRINT_COLUMNS)[number];

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
  /** Bars of the consumption of the last `chartPeriods` periods (6–12), omitted when there are no readings. */
  showConsumptionChart: boolean;
  chartPeriods: number;
  /** A QR with the payment reference `CAUCE|<fiscal number>|<balance>|<currency>`. */
  showPaymentQr: boolean;
  /** A Code 128 barcode of the point of sale and number digits. */
  showBarcode: boolean;
  /** The optional columns of the lines table (the description always prints). */
  columns: readonly PrintColumn[];
}

/** Invoices from billing runs print as AUTOMATIC, invoices typed by staff as MANUAL. */
export const PRINT_FORMAT_TYPES = ['AUTOMATIC', 'MANUAL'] as const;
export type PrintFormatType = (typeof PRINT_FORMAT_TYPES)[number];
export const PRINT_FORMAT_TYPE_LABELS: Record<PrintFormatType, string> = { AUTOMATIC: 'Automática', MANUAL: 'Manual' };

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
  showConsumptionChart: true,
  chartPeriods: 12,
  showPaymentQr: true,
  showBarcode: true,
  columns: PRINT_COLUMNS,
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
