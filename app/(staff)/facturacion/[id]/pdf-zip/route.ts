import { ForbiddenError, NotFoundError, UnauthenticatedError } from '@/lib/auth/errors';
import { requireActor } from '@/lib/dal/actor';
import { zipFileResponse } from '@/lib/http/file-response';
import { runPdfZipFile } from '@/lib/dal/pdf-batches';

const text = (body: string, status: number) => new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/** The ZIP of a billing run's invoice PDFs (its newest finished batch), streamed from disk; 404 outside the actor's branches. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  let file;
  try {
    const actor = await requireActor('billing.read');
    file = await runPdfZipFile(actor, id);
  } catch (err) {
    if (err instanceof UnauthenticatedError) return text('Debe iniciar sesión.', 401);
    if (err instanceof ForbiddenError) return text('No tiene permiso para ver facturas.', 403);
    if (err instanceof NotFoundError) return text(err.message, 404);
    throw err;
  }
  return zipFileResponse(file);
}
