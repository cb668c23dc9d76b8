import { ForbiddenError, UnauthenticatedError } from '@/lib/auth/errors';
import { requireActor } from '@/lib/dal/actor';
import { exportInvoices, invoiceListOptions } from '@/lib/dal/invoices';
import { FISCAL_DOC_TYPE_LABELS } from '@/lib/domain/billing/fiscal-number';
import { INVOICE_ORIGIN_LABELS, INVOICE_STATUS_LABELS } from '@/lib/domain/billing/labels';
import { DOCUMENT_TYPE_LABELS } from '@/lib/domain/documents';
import { csvResponse } from '@/lib/http/csv-response';
import { invoiceListSchema } from '@/lib/validation/invoices';

const HEADERS = [
  'Número fiscal',
  'Clase',
  'Tipo de documento',
  'Origen',
  'Estado',
  'Fecha de emisión',
  'Fecha de vencimiento',
  'Período',
  'Cliente',
  'Tipo de documento del cliente',
  'Documento del cliente',
  'Acuerdo',
  'Sucursal',
  'Moneda',
  'Tipo de cambio',
  'Descuento',
  'Neto',
  'ITBIS',
  'Total',
  'Saldo',
];

/** The filtered invoice list as CSV (same filters and scope as /facturas), streamed in batches. Amounts as plain decimals. */
export async function GET(request: Request) {
  let actor;
  try {
    actor = await requireActor('billing.read');
  } catch (err) {
    if (err instanceof UnauthenticatedError) return new Response('Debe iniciar sesión.', { status: 401 });
    if (err instanceof ForbiddenError) return new Response('No tiene permiso para exportar facturas.', { status: 403 });
    throw err;
  }
  const params = invoiceListSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  if (params.branchId && !(await invoiceListOptions(actor)).branches.some((b) => b.id === params.branchId)) params.branchId = undefined;
  const rows = async function* () {
    for await (const r of exportInvoices(actor, params)) {
      yield [
        r.fiscalNumber,
        r.invoiceClass,
        FISCAL_DOC_TYPE_LABELS[r.docType],
        INVOICE_ORIGIN_LABELS[r.origin],
        INVOICE_STATUS_LABELS[r.status],
        r.issueDate,
        r.dueDate,
        r.period,
        r.customerName,
        DOCUMENT_TYPE_LABELS[r.documentType],
        r.documentNumber,
        r.agreementCode,
        r.branchName,
        r.currency,
        r.exchangeRate,
        r.discountTotal,
        r.netTotal,
        r.taxTotal,
        r.total,
        r.balance,
      ];
    }
  };
  return csvResponse('facturas', HEADERS, rows());
}
