import { csvResponse } from '@/lib/http/csv-response';
import { requireActor } from '@/lib/dal/actor';
import { exportPortalInvoices, portalCustomerId } from '@/lib/dal/portal-invoices';
import { FISCAL_DOC_TYPE_LABELS } from '@/lib/domain/billing/fiscal-number';
import { INVOICE_STATUS_LABELS } from '@/lib/domain/billing/labels';
import { portalInvoiceFilterSchema } from '@/lib/validation/portal-invoices';
import { portalErrorResponse } from '../responses';

const HEADERS = [
  'Número fiscal',
  'Tipo de documento',
  'Clase',
  'Estado',
  'Fecha de emisión',
  'Fecha de vencimiento',
  'Período',
  'Acuerdo',
  'Nombre del acuerdo',
  'Sucursal',
  'Moneda',
  'Tipo de cambio',
  'Descuento',
  'Neto',
  'ITBIS',
  'Total',
  'Saldo',
  'Vencida',
];

/** The client's filtered invoices as CSV (same filters as /portal/facturas), streamed; amounts as plain decimals. */
export async function GET(request: Request) {
  let actor;
  try {
    actor = await requireActor('portal.use');
    portalCustomerId(actor);
  } catch (err) {
    return portalErrorResponse(err);
  }
  const filter = portalInvoiceFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return csvResponse('facturas', HEADERS, rows(exportPortalInvoices(actor, filter)));
}

async function* rows(invoices: ReturnType<typeof exportPortalInvoices>) {
  for await (const r of invoices) {
    yield [
      r.fiscalNumber,
      FISCAL_DOC_TYPE_LABELS[r.docType],
      r.invoiceClass,
      INVOICE_STATUS_LABELS[r.status],
      r.issueDate,
      r.dueDate,
      r.period,
      r.agreementCode,
      r.agreementName,
      r.branchName,
      r.currency,
      r.exchangeRate,
      r.discountTotal,
      r.netTotal,
      r.taxTotal,
      r.total,
      r.balance,
      r.overdue ? 'Sí' : 'No',
    ];
  }
}
