import { getPaymentsReport } from '@/lib/dal/reports';
import { csvResponse, reportRequest } from '../../csv';

const HEADERS = ['Agrupación', 'Clave', 'Nombre', 'Moneda', 'Monto', 'Pagos'];

/** Payments received (same filters and scope as /reportes/cobros): total, by day, method, entity, branch and cashier per currency. */
export async function GET(request: Request) {
  const req = await reportRequest(request);
  if (req instanceof Response) return req;
  const report = await getPaymentsReport(req.actor, req.params);
  const rows = report.currencies.flatMap((c) =>
    (
      [
        ['Total', [c.total]],
        ['Día', c.days],
        ['Método', c.methods],
        ['Entidad', c.entities],
        ['Sucursal', c.branches],
        ['Cajero', c.cashiers],
      ] as const
    ).flatMap(([group, lines]) => lines.map((l) => [group, l.key, l.label, c.currency, l.amount, l.payments])),
  );
  return csvResponse(`cobros-${report.from}-${report.to}`, HEADERS, rows);
}
