import { ForbiddenError, UnauthenticatedError } from '@/lib/auth/errors';
import type { Actor } from '@/lib/auth/scope';
import { requireActor } from '@/lib/dal/actor';
import { reportFilterSchema, type ReportParams } from '@/lib/validation/reports';

/** The signed-in actor with reports.read and the request's filters, or the 401/403 response. */
export async function reportRequest(request: Request): Promise<{ actor: Actor; params: ReportParams } | Response> {
  try {
    const actor = await requireActor('reports.read');
    return { actor, params: reportFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams)) };
  } catch (err) {
    if (err instanceof UnauthenticatedError) return new Response('Debe iniciar sesión.', { status: 401 });
    if (err instanceof ForbiddenError) return new Response('No tiene permiso para exportar reportes de cobranza.', { status: 403 });
    throw err;
  }
}

export { csvResponse } from '@/lib/http/csv-response';
