'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createAccountGroup, updateAccountGroup } from '@/lib/dal/account-groups';
import { accountGroupInputSchema } from '@/lib/validation/account-group';
import type { ActionResult } from './result';
import { formAction } from './safe-action';

// The dynamic attribute fields (`attr.<key>`) of the form; the DAL validates them against their definitions.
function attributeValues(formData: FormData) {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (key.startsWith('attr.') && typeof value === 'string') out[key] = value;
  return out;
}

/** Creates a group under the bound agreement (the DAL re-checks that the agreement is in scope). */
export async function createAccountGroupAction(agreementId: string, prev: ActionResult<string> | undefined, formData: FormData) {
  const create = formAction('agreements.write', accountGroupInputSchema, async (input, actor) => (await createAccountGroup(actor, agreementId, input, attributeValues(formData))).group.id);
  const result = await create(prev, formData);
  if (result.ok) {
    revalidatePath(`/acuerdos/${agreementId}`);
    redirect(`/acuerdos/${agreementId}/grupos/${result.data}?creado=1`);
  }
  return result;
}

export async function updateAccountGroupAction(id: string, prev: ActionResult<string> | undefined, formData: FormData) {
  const update = formAction('agreements.write', accountGroupInputSchema, async (input, actor) => (await updateAccountGroup(actor, id, input, attributeValues(formData))).agreementId);
  const result = await update(prev, formData);
  if (result.ok) {
    revalidatePath(`/acuerdos/${result.data}`);
    redirect(`/acuerdos/${result.data}/grupos/${id}?actualizado=1`);
  }
  return result;
}
