'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { NotFoundError, UserError } from '@/lib/auth/errors';
import { signIn } from '@/lib/auth/auth';
import { acceptPortalInvitation, invitePortalUser, revokePortalInvitation, updatePortalAgreementContact, updatePortalGroupDelivery } from '@/lib/dal/portal-profile';
import { formDataToObject } from '@/lib/validation/form-data';
import { acceptInvitationSchema, agreementContactSchema, groupDeliverySchema, invitationSchema } from '@/lib/validation/portal-profile';
import { requestOrigin } from './request-origin';
import type { ActionResult } from './result';
import { formAction } from './safe-action';

// The portal's profile actions. Every id arrives bound by the page but is only a request value:
// the data layer looks it up within the session's customer (another customer's → "not found").

type State<T> = ActionResult<T> | undefined;

const PROFILE = '/portal/perfil';
const noFields = z.object({});

export async function updateAgreementContactAction(agreementId: string, prev: State<boolean>, formData: FormData): Promise<ActionResult<boolean>> {
  const run = formAction('portal.use', agreementContactSchema, async (input, actor) => (await updatePortalAgreementContact(actor, agreementId, input)).changed);
  const result = await run(prev, formData);
  if (!result.ok) return result;
  revalidatePath(PROFILE);
  return { ...result, message: result.data ? 'Correo de contacto actualizado.' : 'Sin cambios: el correo ya era ese.' };
}

export async function updateGroupDeliveryAction(groupId: string, prev: State<boolean>, formData: FormData): Promise<ActionResult<boolean>> {
  const run = formAction('portal.use', groupDeliverySchema, async (input, actor) => (await updatePortalGroupDelivery(actor, groupId, input)).changed);
  const result = await run(prev, formData);
  if (!result.ok) return result;
  revalidatePath(PROFILE);
  return { ...result, message: result.data ? 'Datos de entrega actualizados.' : 'Sin cambios.' };
}

/** Invites a colleague; the link comes back once so the administrator can pass it on. */
export async function inviteUserAction(prev: State<{ email: string; link: string; expiresAt: string }>, formData: FormData): Promise<ActionResult<{ email: string; link: string; expiresAt: string }>> {
  const origin = await requestOrigin();
  const run = formAction('portal.use', invitationSchema, async (input, actor) => {
    const created = await invitePortalUser(actor, input, { origin });
    return { email: created.email, link: created.link, expiresAt: created.expiresAt.toISOString() };
  });
  const result = await run(prev, formData);
  if (result.ok) revalidatePath(PROFILE);
  return result;
}

export async function revokeInvitationAction(invitationId: string, prev: State<string>, formData: FormData): Promise<ActionResult<string>> {
  const run = formAction('portal.use', noFields, async (_input, actor) => (await revokePortalInvitation(actor, invitationId)).id);
  const result = await run(prev, formData);
  if (!result.ok) return result;
  revalidatePath(PROFILE);
  return { ...result, message: 'Invitación revocada.' };
}

/**
 * The public invitation page's form (no session): sets the password, creates the user and signs
 * them in. A failure comes back as a value; a created user whose sign-in fails is sent to log in.
 */
export async function acceptInvitationAction(token: string, _prev: State<{ email: string }>, formData: FormData): Promise<ActionResult<{ email: string }>> {
  const parsed = acceptInvitationSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return { ok: false, error: 'Revise los campos marcados.', fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
  let created: { email: string };
  try {
    created = await acceptPortalInvitation(token, parsed.data);
  } catch (err) {
    if (err instanceof UserError) return { ok: false, error: err.message, fieldErrors: err.fieldErrors };
    if (err instanceof NotFoundError) return { ok: false, error: err.message };
    console.error('[invitation] unexpected error', err);
    return { ok: false, error: 'Ocurrió un error inesperado. Intente de nuevo o contacte al administrador.' };
  }
  try {
    await signIn('credentials', { email: created.email, password: parsed.data.password, redirectTo: '/portal' });
  } catch (err) {
    if (isRedirect(err)) throw err; // signed in: on to the portal
    console.error('[invitation] the new user could not be signed in', err);
    return { ok: true, data: created, message: 'Su usuario quedó creado. Inicie sesión con su correo y la contraseña que eligió.' };
  }
  return { ok: true, data: created };
}

function isRedirect(err: unknown) {
  const digest = (err as { digest?: unknown } | null)?.digest;
  return typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT');
}
