import type { VectorMark } from '@/lib/domain/pdf/vector-marks';
import type { FiscalDocType, InvoiceClass } from '@/lib/domain/billing/fiscal-number';

/** A printed line: a stored invoice_printable_items row (amounts as the numeric strings stored). */
export interface InvoicePdfLine {
  lineNo: number;
  description: string;
  quantity: string | null;
  unitPrice: string | null;
  net: string;
  tax: string;
  total: string;
}

/**
 * Everything an invoice PDF shows, as plain data: built from the stored invoice by
 * loadInvoicePdf (lib/pdf/invoice-data.ts), or by hand for samples and format previews.
 */
export interface InvoicePdfData {
  company: {
    legalName: string;
    tradeName: string | null;
    taxId: string;
    fiscalAddress: string;
    phone: string | null;
    email: string | null;
    website: string | null;
  };
  document: {
    docType: FiscalDocType;
    invoiceClass: InvoiceClass;
    fiscalNumber: string;
    status: 'DRAFT' | 'ISSUED' | 'PARTIALLY_PAID' | 'PAID' | 'VOIDED';
    origin: 'AUTOMATIC' | 'MANUAL';
    issueDate: string | null;
    dueDate: string | null;
    /** 'YYYY-MM' or null (manual invoices may have none). */
    period: string | null;
    currency: string;
    /** DOP per unit of `currency`, as stored ('1' for DOP). */
    exchangeRate: string;
    notes: string | null;
    eAuthorizationCode: string | null;
    /** The invoice a credit or debit note corrects. */
    relatedFiscalNumber: string | null;
    agreementCode: string;
    agreementName: string;
    branchName: string;
  };
  /** The snapshot taken at issue (plus the customer code). */
  customer: {
    name: string;
    code: string | null;
    documentType: string | null;
    documentNumber: string | null;
    taxCondition: string | null;
  };
  billingAddress: string;
  deliveryAddress: string | null;
  lines: InvoicePdfLine[];
  totals: { gross: string; discount: string; net: string; tax: string; total: string; balance: string };
  /**
   * Metered m³ of the invoice's accounts summed per period ('YYYY-MM'), as stored in meter_readings,
   * for the consumption history chart; absent or empty when there are none.
   */
  consumption?: { period: string; m3: number }[];
}

/** The payment marks made from the stored values before rendering, as vector paths in points. */
export interface InvoicePdfImages {
  /** The payment QR, when the format shows it. */
  qr: VectorMark | null;
  /** The Code 128 barcode of the payment reference, when the format shows it. */
  barcode: VectorMark | null;
}
