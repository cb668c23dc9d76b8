import { ForbiddenError, UnauthenticatedError } from '@/lib/auth/errors';
import type { Actor } from '@/lib/auth/scope';
import { requireActor } from '@/lib/dal/actor';
import { CSV_BOM, csvLine } from '@/lib/domain/csv';
import { toLocalDateString } from '@/lib/domain/format';
import { reportFilterSchema, type ReportParams } from '@/lib/validation/reports';

type Cell = string | number | null | undefined;

/** The signed-in actor with reports.read and the request's filters, or the 401/403 response. */
export async function reportRequest(request: Request): Promise<{ actor: Actor; params: ReportParams } | Response> {
  try {
    const actor = await requireActor('reports.read');
    return { actor, params: reportFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams)) };
  } catch (err) {
    if (err instanceof UnauthenticatedError) return new Response('Debe iniciar sesión.', { status: 401 });
    if (err instanceof ForbiddenError) return new Response('No tiene permiso para exportar reportes de cobranza.', { status: 403 });
    throw err;
  }
}

/** A streamed CSV download: BOM, Spanish header row, then the rows in ~64 KB writes. Amounts go as plain decimal strings. */
export function csvResponse(name: string, headers: string[], rows: Iterable<Cell[]> | AsyncIterable<Cell[]>): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + csvLine(headers)));
      let chunk = '';
      for await (const r of rows) {
        chunk += csvLine(r);
        if (chunk.length > 65_536) {
          controller.enqueue(encoder.encode(chunk));
          chunk = '';
        }
      }
      if (chunk) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  return new Response(stream, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}-${toLocalDateString(new Date())}.csv"`, 'Cache-Control': 'no-store' },
  });
}
