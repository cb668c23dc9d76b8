import { ForbiddenError, NotFoundError, UnauthenticatedError } from '@/lib/auth/errors';
import { requireActor } from '@/lib/dal/actor';
import { getPaymentReceipt } from '@/lib/dal/payments';
import { renderReceiptPdf } from '@/lib/pdf/receipt-document';

/** The payment's receipt as a PDF, shown inline; 404 for an unknown or out-of-scope payment. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  let actor;
  try {
    actor = await requireActor('payments.read');
  } catch (err) {
    if (err instanceof UnauthenticatedError) return new Response('Debe iniciar sesión.', { status: 401 });
    if (err instanceof ForbiddenError) return new Response('No tiene permiso para ver cobros.', { status: 403 });
    throw err;
  }
  let r;
  try {
    r = await getPaymentReceipt(actor, id);
  } catch (err) {
    if (err instanceof NotFoundError) return new Response(err.message, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    throw err;
  }
  const pdf = await renderReceiptPdf(r);
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="recibo-${r.receiptNumber}.pdf"`,
      'Content-Length': String(pdf.length),
      'Cache-Control': 'private, no-store',
    },
  });
}
