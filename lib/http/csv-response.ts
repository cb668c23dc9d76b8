import { CSV_BOM, csvLine } from '@/lib/domain/csv';
import { toLocalDateString } from '@/lib/domain/format';

export type CsvCell = string | number | null | undefined;

/**
 * A streamed CSV download named `<name>-<today>.csv`: BOM, the Spanish header row, then the rows in
 * ~64 KB writes (never one write per row). Amounts go as plain decimal strings. Route handlers
 * only: they authorize before calling it.
 */
export function csvResponse(name: string, headers: string[], rows: Iterable<CsvCell[]> | AsyncIterable<CsvCell[]>): Response {
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
