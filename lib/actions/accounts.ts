'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { closeAccount, createAccount, updateAccount } from '@/lib/dal/accounts';
import { accountInputSchema, closeAccountSchema } from '@/lib/validation/account';
import type { ActionResult } from './result';
import { formAction } from './safe-action';

// The dynamic attribute fields (`attr.<key>`) of the form; the DAL validates them against their definitions.
function attributeValues(formData: FormData) {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (key.startsWith('attr.') && typeof value === 'string') out[key] = value;
  return out;
}

/** Creates an account under the bound agreement (the DAL re-checks that the agreement is in scope). */
export async function createAccountAction(agreementId: string, prev: ActionResult<string> | undefined, formData: FormData) {
  const create = formAction('agreements.write', accountInputSchema, async (input, actor) => (await createAccount(actor, agreementId, input, attributeValues(formData))).id);
  const result = await create(prev, formData);
  if (result.ok) {
    revalidatePath('/cuentas');
    revalidatePath(`/acuerdos/${agreementId}`);
    redirect(`/cuentas/${result.data}?creada=1`);
  }
  return result;
}

export async function updateAccountAction(id: string, prev: ActionResult<string> | undefined, formData: FormData) {
  const update = formAction('agreements.write', accountInputSchema, async (input, actor) => (await updateAccount(actor, id, input, attributeValues(formData))).id);
  const result = await update(prev, formData);
  if (result.ok) {
    revalidatePath('/cuentas');
    redirect(`/cuentas/${id}?actualizada=1`);
  }
  return result;
}

/** Closes an account; the form is a confirmation dialog with the reason. */
export async function closeAccountAction(id: string, prev: ActionResult<string> | undefined, formData: FormData) {
  const close = formAction('agreements.write', closeAccountSchema, async (input, actor) => (await closeAccount(actor, id, input.reason)).id);
  const result = await close(prev, formData);
  if (result.ok) {
    revalidatePath('/cuentas');
    redirect(`/cuentas/${id}?cerrada=1`);
  }
  return result;
}
