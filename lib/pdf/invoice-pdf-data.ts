/**
 * The PDF data object of one stored invoice, shared by the route's loader (invoice-data.ts, one
 * invoice for an authorized actor) and the batch loader (batch/load.ts, many at once): everything
 * is what was stored at issue — the customer snapshot, the printable lines, the totals — never
 * recomputed. Plain code (no 'server-only'): the batch path also runs under tsx.
 */
import type { company as companyTable, invoices } from '@/db/schema';
import type { InvoicePdfData, InvoicePdfLine } from './types';

type CompanyRow = typeof companyTable.$inferSelect;
type InvoiceRow = typeof invoices.$inferSelect;

export function companyPdfData(company: CompanyRow): InvoicePdfData['company'] {
  return {
    legalName: company.legalName,
    tradeName: company.tradeName,
    taxId: company.taxId,
    fiscalAddress: company.fiscalAddress,
    phone: company.phone,
    email: company.email,
    website: company.website,
  };
}

export function invoicePdfData(args: {
  company: InvoicePdfData['company'];
  invoice: InvoiceRow;
  /** The fiscal number of the document a note refers to. */
  relatedFiscalNumber: string | null;
  agreementCode: string;
  agreementName: string;
  branchName: string;
  customerName: string;
  customerCode: string;
  lines: InvoicePdfLine[];
}): InvoicePdfData {
  const inv = args.invoice;
  const snap = inv.customerSnapshot;
  return {
    company: args.company,
    document: {
      docType: inv.docType,
      invoiceClass: inv.invoiceClass,
      fiscalNumber: inv.fiscalNumber!,
      status: inv.status,
      origin: inv.origin,
      issueDate: inv.issueDate,
      dueDate: inv.dueDate,
      period: inv.period,
      currency: inv.currency,
      exchangeRate: inv.exchangeRate,
      notes: inv.notes,
      eAuthorizationCode: inv.eAuthorizationCode,
      relatedFiscalNumber: args.relatedFiscalNumber,
      agreementCode: args.agreementCode,
      agreementName: args.agreementName,
      branchName: args.branchName,
    },
    customer: {
      name: snap.name ?? snap.legalName ?? args.customerName,
      code: args.customerCode,
      documentType: snap.documentType ?? null,
      documentNumber: snap.documentNumber ?? null,
      taxCondition: snap.taxCondition ?? null,
    },
    billingAddress: inv.billingAddress,
    deliveryAddress: inv.deliveryAddress,
    lines: args.lines,
    totals: { gross: inv.grossTotal, discount: inv.discountTotal, net: inv.netTotal, tax: inv.taxTotal, total: inv.total, balance: inv.balance },
  };
}
