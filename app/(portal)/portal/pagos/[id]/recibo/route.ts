import { requireActor } from '@/lib/dal/actor';
import { getPortalPaymentReceipt } from '@/lib/dal/portal-payments';
import { renderReceiptPdf } from '@/lib/pdf/receipt-document';
import { portalErrorResponse } from '../../../facturas/responses';

/** The receipt of one of the client's payments as a PDF (the staff's renderer), inline; 404 for anything else. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  let data;
  try {
    const actor = await requireActor('portal.use');
    data = await getPortalPaymentReceipt(actor, id);
  } catch (err) {
    return portalErrorResponse(err);
  }
  const pdf = await renderReceiptPdf(data);
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="recibo-${data.receiptNumber}.pdf"`,
      'Content-Length': String(pdf.length),
      'Cache-Control': 'private, no-store',
    },
  });
}
