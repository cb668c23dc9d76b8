import 'server-only';
import { getDb, type DbOrTx } from '@/db/client';
import { getCompany } from '@/db/queries/organization';
import { accountIdsOf, consumptionPerPeriod, invoiceAccountIds, printFormatConfigFor } from '@/db/queries/print-formats';
import { shiftPeriod } from '@/lib/domain/billing/period';
import { NotFoundError } from '@/lib/auth/errors';
import type { Actor } from '@/lib/auth/scope';
import { getInvoiceDetail } from '@/lib/dal/invoices';
import { selectFormat, type PrintFormat } from '@/lib/domain/pdf/print-format';
import { toPrintFormat } from './format-row';
import type { InvoicePdfData } from './types';

export type { InvoicePdfData } from './types';

/**
 * One stored invoice as its PDF prints it, for an actor with billing.read in the invoice's branch
 * (getInvoiceDetail authorizes: an unknown, invalid or out-of-scope id is a NotFoundError). Drafts
 * have no fiscal number and no printable items yet, so they have no PDF either (NotFoundError).
 * Everything comes from what was stored at issue: the customer snapshot, the printable items and
 * the totals, never recomputed. The format is the agreement's assignment for the invoice's class
 * and origin, else the company default of the class, else the built-in one (selectFormat); its
 * consumption chart reads the stored meter readings of the invoice's accounts.
 */
export async function loadInvoicePdf(actor: Actor, id: string, db = getDb()): Promise<{ data: InvoicePdfData; format: PrintFormat }> {
  const detail = await getInvoiceDetail(actor, id, db);
  const inv = detail.invoice;
  if (inv.status === 'DRAFT' || !inv.fiscalNumber) throw new NotFoundError('Los borradores no tienen PDF: emita el documento primero.');
  const company = await getCompany(db);
  if (!company) throw new Error('Falta la empresa (tabla company): cargue la semilla.');
  const snap = inv.customerSnapshot;
  const data: InvoicePdfData = {
    company: {
      legalName: company.legalName,
      tradeName: company.tradeName,
      taxId: company.taxId,
      fiscalAddress: company.fiscalAddress,
      phone: company.phone,
      email: company.email,
      website: company.website,
    },
    document: {
      docType: inv.docType,
      invoiceClass: inv.invoiceClass,
      fiscalNumber: inv.fiscalNumber,
      status: inv.status,
      origin: inv.origin,
      issueDate: inv.issueDate,
      dueDate: inv.dueDate,
      period: inv.period,
      currency: inv.currency,
      exchangeRate: inv.exchangeRate,
      notes: inv.notes,
      eAuthorizationCode: inv.eAuthorizationCode,
      relatedFiscalNumber: detail.related.parent?.fiscalNumber ?? null,
      agreementCode: detail.agreementCode,
      agreementName: detail.agreementName,
      branchName: detail.branchName,
    },
    customer: {
      name: snap.name ?? snap.legalName ?? detail.customerName,
      code: detail.customerCode,
      documentType: snap.documentType ?? null,
      documentNumber: snap.documentNumber ?? null,
      taxCondition: snap.taxCondition ?? null,
    },
    billingAddress: inv.billingAddress,
    deliveryAddress: inv.deliveryAddress,
    lines: detail.printable.map((p) => ({ lineNo: p.lineNo, description: p.description, quantity: p.quantity, unitPrice: p.unitPrice, net: p.net, tax: p.tax, total: p.total })),
    totals: { gross: inv.grossTotal, discount: inv.discountTotal, net: inv.netTotal, tax: inv.taxTotal, total: inv.total, balance: inv.balance },
  };
  const config = await printFormatConfigFor(db, inv.agreementId);
  const { format } = selectFormat(
    {
      assignments: config.assignments.map((a) => ({ agreementId: inv.agreementId, invoiceClass: a.invoiceClass, type: a.type, format: toPrintFormat(a.format) })),
      defaults: config.defaults.map((d) => ({ invoiceClass: d.invoiceClass, format: toPrintFormat(d.format) })),
    },
    { agreementId: inv.agreementId, invoiceClass: inv.invoiceClass, origin: inv.origin },
  );
  if (format.showConsumptionChart) data.consumption = await consumptionOf(db, inv, format.chartPeriods);
  return { data, format };
}

/**
 * Metered m³ per period of the invoice's accounts over the chart's window: the accounts its lines
 * name, else (a manual invoice of one-off charges) the account, group or agreement it bills.
 */
async function consumptionOf(
  db: DbOrTx,
  inv: { id: string; agreementId: string; accountId: string | null; accountGroupId: string | null; period: string | null; issueDate: string | null },
  periods: number,
) {
  const end = inv.period ?? inv.issueDate?.slice(0, 7);
  if (!end) return [];
  // Without a period the chart ends with the latest period read before issue (chartEndPeriod): read further back.
  const window = inv.period ? periods : 2 * periods;
  let ids = await invoiceAccountIds(db, inv.id);
  if (ids.length === 0) ids = inv.accountId ? [inv.accountId] : await accountIdsOf(db, { agreementId: inv.agreementId, accountGroupId: inv.accountGroupId });
  return consumptionPerPeriod(db, ids, shiftPeriod(end, 1 - window), end);
}
