'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { agreementAttributeDefinitions, changeAgreementStatus, createAgreement, updateAgreement } from '@/lib/dal/agreements';
import { AGREEMENT_STATUS_LABELS, type AgreementStatus } from '@/lib/domain/crm-status';
import { agreementFormSchema, statusChangeSchema } from '@/lib/validation/agreement';
import type { ActionResult } from './result';
import { formAction } from './safe-action';

/** Creates the agreement (status NEW) and its activation work order, then opens it. */
export async function createAgreementAction(prev: ActionResult<string> | undefined, formData: FormData) {
  const schema = agreementFormSchema(await agreementAttributeDefinitions());
  const create = formAction('agreements.write', schema, async ({ input, attributes }, actor) => (await createAgreement(actor, input, attributes)).agreement.id);
  const result = await create(prev, formData);
  if (result.ok) {
    revalidatePath('/acuerdos');
    redirect(`/acuerdos/${result.data}?creado=1`);
  }
  return result;
}

export async function updateAgreementAction(id: string, prev: ActionResult<string> | undefined, formData: FormData) {
  const schema = agreementFormSchema(await agreementAttributeDefinitions());
  const update = formAction('agreements.write', schema, async ({ input, attributes }, actor) => (await updateAgreement(actor, id, input, attributes)).id);
  const result = await update(prev, formData);
  if (result.ok) {
    revalidatePath('/acuerdos');
    redirect(`/acuerdos/${id}?actualizado=1`);
  }
  return result;
}

/** Suspend, reactivate or close with a reason (form fields `event` and `reason`). */
export async function changeAgreementStatusAction(id: string, prev: ActionResult<AgreementStatus> | undefined, formData: FormData) {
  const change = formAction('agreements.write', statusChangeSchema, async ({ event, reason }, actor) => (await changeAgreementStatus(actor, id, event, reason)).status);
  const result = await change(prev, formData);
  if (result.ok) {
    revalidatePath('/acuerdos');
    revalidatePath(`/acuerdos/${id}`);
    return { ...result, message: `El acuerdo quedó en estado ${AGREEMENT_STATUS_LABELS[result.data]}.` };
  }
  return result;
}
