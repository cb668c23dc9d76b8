import { DELINQUENCY_STATUS_LABELS } from '@/components/crm/status-badges';
import { getTopDebtors } from '@/lib/dal/reports';
import { SEGMENT_LABELS } from '@/lib/validation/customer';
import { csvResponse, reportRequest } from '../../csv';

const HEADERS = ['Acuerdo', 'Nombre del acuerdo', 'Cliente', 'Segmento', 'Sucursal', 'Moneda', 'Saldo', 'Documentos', 'Vencimiento más antiguo', 'Días vencida', 'Morosidad', 'Nivel'];

/** The top debtors per currency (same filters and scope as /reportes/deudores). */
export async function GET(request: Request) {
  const req = await reportRequest(request);
  if (req instanceof Response) return req;
  const report = await getTopDebtors(req.actor, req.params);
  const rows = report.rows.map((r) => [
    r.agreement_code,
    r.agreement_name,
    r.customer_name,
    SEGMENT_LABELS[r.segment as keyof typeof SEGMENT_LABELS] ?? r.segment,
    r.branch_name,
    r.currency,
    r.balance,
    r.documents,
    r.oldest_due_date,
    r.daysOverdue,
    DELINQUENCY_STATUS_LABELS[r.delinquency_status as keyof typeof DELINQUENCY_STATUS_LABELS] ?? r.delinquency_status,
    r.level_name,
  ]);
  return csvResponse('deudores', HEADERS, rows);
}
