import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { z } from 'zod';
import { ForbiddenError, NotFoundError, UnauthenticatedError, UserError } from '@/lib/auth/errors';
import type { Permission } from '@/lib/auth/roles';
import type { Actor } from '@/lib/auth/scope';
import { requireActor } from '@/lib/dal/actor';
import { formDataToObject } from '@/lib/validation/form-data';
import type { ActionResult } from './result';

type Handler<S extends z.ZodType, T> = (input: z.infer<S>, actor: Actor) => Promise<T>;

/**
 * Wraps a server action for useActionState: authenticates, checks the permission, takes the
 * scope from the session (the handler receives the actor), zod-parses the form, and turns
 * expected failures into values. The data layer the handler calls checks scope again.
 */
export function formAction<S extends z.ZodType, T>(permission: Permission, schema: S, handler: Handler<S, T>) {
  return async (_prev: ActionResult<T> | undefined, formData: FormData): Promise<ActionResult<T>> => {
    const raw = formDataToObject(formData);
    return runAction(permission, schema, raw, handler);
  };
}

/** The same for actions called with a plain object (buttons, client code). */
export function objectAction<S extends z.ZodType, T>(permission: Permission, schema: S, handler: Handler<S, T>) {
  return async (input: unknown): Promise<ActionResult<T>> => runAction(permission, schema, input, handler);
}

export async function runAction<S extends z.ZodType, T>(
  permission: Permission,
  schema: S,
  raw: unknown,
  handler: Handler<S, T>,
): Promise<ActionResult<T>> {
  let actor: Actor;
  try {
    actor = await requireActor(permission);
  } catch (err) {
    return interrupt(err);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      error: 'Revise los campos marcados.',
      fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
      values: typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : undefined,
    };
  }
  try {
    const data = await handler(parsed.data, actor);
    return { ok: true, data };
  } catch (err) {
    if (err instanceof UserError) {
      return { ok: false, error: err.message, fieldErrors: err.fieldErrors, values: raw as Record<string, unknown> };
    }
    if (err instanceof NotFoundError) return { ok: false, error: err.message };
    if (isNextInterrupt(err)) throw err;
    if (err instanceof ForbiddenError || err instanceof UnauthenticatedError) return interrupt(err);
    console.error('[action] unexpected error', err);
    return { ok: false, error: 'Ocurrió un error inesperado. Intente de nuevo o contacte al administrador.' };
  }
}

function interrupt(err: unknown): never {
  if (err instanceof UnauthenticatedError) redirect('/login');
  if (err instanceof ForbiddenError) forbidden();
  throw err;
}

// redirect(), notFound() and forbidden() work by throwing errors with a digest; let them through.
function isNextInterrupt(err: unknown) {
  const digest = (err as { digest?: unknown } | null)?.digest;
  return typeof digest === 'string' && (digest.startsWith('NEXT_REDIRECT') || digest.startsWith('NEXT_HTTP_ERROR_FALLBACK'));
}
