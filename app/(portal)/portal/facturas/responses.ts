import { ForbiddenError, NotFoundError, UnauthenticatedError, UserError } from '@/lib/auth/errors';

const text = (body: string, status: number) => new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

/**
 * The answer of a portal route handler to an expected failure: 401 without a session, 403 for
 * anyone but a portal client, 404 (the data layer's message, the same for another customer's
 * object as for one that does not exist), 400 for a bad request. Anything else is a bug: rethrown.
 */
export function portalErrorResponse(err: unknown): Response {
  if (err instanceof UnauthenticatedError) return text('Debe iniciar sesión.', 401);
  if (err instanceof ForbiddenError) return text('Esta página es solo para clientes del portal.', 403);
  if (err instanceof NotFoundError) return text(err.message, 404);
  if (err instanceof UserError) return text(err.message, 400);
  throw err;
}
