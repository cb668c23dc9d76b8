import { ForbiddenError, NotFoundError, UnauthenticatedError, UserError } from '@/lib/auth/errors';
import { requireActor } from '@/lib/dal/actor';
import { getAgreementStatement, parseStatementRange } from '@/lib/dal/statements';
import { renderStatementPdf } from '@/lib/pdf/statement-document';

const text = (body: string, status: number) => new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/** GET ?desde=AAAA-MM-DD&hasta=AAAA-MM-DD: the agreement's statement of account as a PDF (400 for a bad range, 404 outside the actor's branches). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const query = new URL(request.url).searchParams;
  let data;
  try {
    const actor = await requireActor('agreements.read');
    const range = parseStatementRange({ desde: query.get('desde'), hasta: query.get('hasta') });
    data = await getAgreementStatement(actor, id, range);
  } catch (err) {
    if (err instanceof UnauthenticatedError) return text('Debe iniciar sesión.', 401);
    if (err instanceof ForbiddenError) return text('No tiene permiso para ver acuerdos.', 403);
    if (err instanceof UserError) return text(err.message, 400);
    if (err instanceof NotFoundError) return text(err.message, 404);
    throw err;
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
