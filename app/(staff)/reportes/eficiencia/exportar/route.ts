import { getEfficiencyReport } from '@/lib/dal/reports';
import { csvResponse, reportRequest } from '../../csv';

const HEADERS = ['Período', 'Moneda', 'Facturado', 'Cobrado', 'Eficiencia %', 'Documentos'];

/** Billed vs collected per period and currency (same filters and scope as /reportes/eficiencia). */
export async function GET(request: Request) {
  const req = await reportRequest(request);
  if (req instanceof Response) return req;
  const report = await getEfficiencyReport(req.actor, req.params);
  const rows = report.currencies.flatMap((c) => c.rows.map((r) => [r.period, r.currency, r.billed, r.collected, r.efficiency, r.invoices]));
  return csvResponse(`facturado-cobrado-${report.fromPeriod}-${report.toPeriod}`, HEADERS, rows);
}
