import { getAgingReport } from '@/lib/dal/reports';
import { csvResponse, reportRequest } from '../../csv';

const HEADERS = ['Agrupación', 'Clave', 'Nombre', 'Moneda', '0-30 días', '31-60 días', '61-90 días', '91-180 días', 'Más de 180 días', 'Total', 'Documentos'];

/** The receivables aging (same filters and scope as /reportes/cartera): total, branches, segments and top customers per currency. */
export async function GET(request: Request) {
  const req = await reportRequest(request);
  if (req instanceof Response) return req;
  const report = await getAgingReport(req.actor, req.params);
  const rows = report.currencies.flatMap((c) =>
    (
      [
        ['Total', [c.total]],
        ['Sucursal', c.branches],
        ['Segmento', c.segments],
        ['Cliente', c.customers],
      ] as const
    ).flatMap(([group, lines]) => lines.map((l) => [group, l.key, l.label, c.currency, l.b0_30, l.b31_60, l.b61_90, l.b91_180, l.b180, l.total, l.documents])),
  );
  return csvResponse(`cartera-${report.asOf}`, HEADERS, rows);
}
