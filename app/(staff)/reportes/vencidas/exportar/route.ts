import { exportOverdue } from '@/lib/dal/reports';
import { FISCAL_DOC_TYPE_LABELS } from '@/lib/domain/billing/fiscal-number';
import { SEGMENT_LABELS } from '@/lib/validation/customer';
import { csvResponse, reportRequest } from '../../csv';

const HEADERS = ['Número fiscal', 'Tipo de documento', 'Fecha de emisión', 'Fecha de vencimiento', 'Días vencida', 'Período', 'Cliente', 'Segmento', 'Acuerdo', 'Sucursal', 'Moneda', 'Total', 'Saldo'];

/** Every overdue document on the date (same filters and scope as /reportes/vencidas), oldest due first, read in keyset pages. */
export async function GET(request: Request) {
  const req = await reportRequest(request);
  if (req instanceof Response) return req;
  const { actor, params } = req;
  async function* rows() {
    for await (const r of exportOverdue(actor, { ...params, despues: undefined })) {
      yield [
        r.fiscal_number,
        FISCAL_DOC_TYPE_LABELS[r.doc_type as keyof typeof FISCAL_DOC_TYPE_LABELS] ?? r.doc_type,
        r.issue_date,
        r.due_date,
        r.daysOverdue,
        r.period,
        r.customer_name,
        SEGMENT_LABELS[r.segment as keyof typeof SEGMENT_LABELS] ?? r.segment,
        r.agreement_code,
        r.branch_name,
        r.currency,
        r.total,
        r.balance,
      ];
    }
  }
  return csvResponse(`facturas-vencidas-${params.fecha ?? 'hoy'}`, HEADERS, rows());
}
