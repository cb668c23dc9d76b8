import { ForbiddenError, NotFoundError, UnauthenticatedError } from '@/lib/auth/errors';
import { requireActor } from '@/lib/dal/actor';
import { loadInvoicePdf } from '@/lib/pdf/invoice-data';
import { renderInvoicePdf } from '@/lib/pdf/render';

/** The stored invoice (or note) as a PDF, shown inline; 404 for an unknown, out-of-scope or draft document. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  let actor;
  try {
    actor = await requireActor('billing.read');
  } catch (err) {
    if (err instanceof UnauthenticatedError) return new Response('Debe iniciar sesión.', { status: 401 });
    if (err instanceof ForbiddenError) return new Response('No tiene permiso para ver facturas.', { status: 403 });
    throw err;
  }
  let loaded;
  try {
    loaded = await loadInvoicePdf(actor, id);
  } catch (err) {
    if (err instanceof NotFoundError) return new Response(err.message, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    throw err;
  }
  const pdf = await renderInvoicePdf(loaded.data, loaded.format);
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="${loaded.data.document.fiscalNumber}.pdf"`,
      'Content-Length': String(pdf.length),
      'Cache-Control': 'private, no-store',
    },
  });
}
