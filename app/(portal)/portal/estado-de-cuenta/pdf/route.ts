import { requireActor } from '@/lib/dal/actor';
import { getPortalAgreementStatement } from '@/lib/dal/portal-invoices';
import { parseStatementRange } from '@/lib/dal/statements';
import { renderStatementPdf } from '@/lib/pdf/statement-document';
import { portalErrorResponse } from '../../facturas/responses';

/** GET ?acuerdo=&desde=AAAA-MM-DD&hasta=AAAA-MM-DD: the statement of one of the client's agreements as a PDF. */
export async function GET(request: Request) {
  const query = new URL(request.url).searchParams;
  let data;
  try {
    const actor = await requireActor('portal.use');
    const range = parseStatementRange({ desde: query.get('desde'), hasta: query.get('hasta') });
    data = await getPortalAgreementStatement(actor, query.get('acuerdo') ?? '', range);
  } catch (err) {
    return portalErrorResponse(err);
  }
  const pdf = await renderStatementPdf(data);
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="estado-de-cuenta-${data.agreement.code}-${data.from}-${data.to}.pdf"`,
      'Content-Length': String(pdf.length),
      'Cache-Control': 'private, no-store',
    },
  });
}
