import { requireActor } from '@/lib/dal/actor';
import { loadPortalInvoicePdf } from '@/lib/dal/portal-invoices';
import { renderInvoicePdf } from '@/lib/pdf/render';
import { portalErrorResponse } from '../../responses';

/** One of the client's invoices as a PDF (the same renderer as staff), shown inline; 404 for anything else. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  let loaded;
  try {
    const actor = await requireActor('portal.use');
    loaded = await loadPortalInvoicePdf(actor, id);
  } catch (err) {
    return portalErrorResponse(err);
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
