import { requireActor } from '@/lib/dal/actor';
import { zipFileResponse } from '@/lib/http/file-response';
import { portalPdfZipFile } from '@/lib/dal/pdf-batches';
import { portalErrorResponse } from '../../../responses';

/** The finished ZIP of one of the client's batches, streamed from disk; another customer's batch is 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  let file;
  try {
    const actor = await requireActor('portal.use');
    file = await portalPdfZipFile(actor, id);
  } catch (err) {
    return portalErrorResponse(err);
  }
  return zipFileResponse(file);
}
