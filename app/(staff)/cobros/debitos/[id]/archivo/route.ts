import { ForbiddenError, NotFoundError, UnauthenticatedError } from '@/lib/auth/errors';
import { requireActor } from '@/lib/dal/actor';
import { batchCsv } from '@/lib/dal/direct-debit';

const text = (body: string, status: number) => new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/** The batch file to send to the bank, as a download; the session and the head-office permission are checked again here. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    const actor = await requireActor('payments.read');
    const { filename, csv } = await batchCsv(actor, id);
    return new Response(csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (err) {
    if (err instanceof UnauthenticatedError) return text('Debe iniciar sesión.', 401);
    if (err instanceof ForbiddenError) return text('No tiene permiso para descargar lotes de débito.', 403);
    if (err instanceof NotFoundError) return text(err.message, 404);
    throw err;
  }
}
