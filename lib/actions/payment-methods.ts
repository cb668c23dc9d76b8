'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { addPaymentMethod, deactivatePaymentMethod, setDefaultPaymentMethod } from '@/lib/dal/payment-methods';
import { paymentMethodInputSchema, withoutInstrumentNumber } from '@/lib/validation/payment-method';
import type { ActionResult } from './result';
import { formAction } from './safe-action';

type State<T> = ActionResult<T> | undefined;

const noFields = z.object({});

/** Adds a payment method; on failure the typed values come back without the instrument number. */
export async function addPaymentMethodAction(agreementId: string, prev: State<string>, formData: FormData): Promise<ActionResult<string>> {
  const run = formAction('agreements.write', paymentMethodInputSchema, async (input, actor) => (await addPaymentMethod(actor, agreementId, input)).id);
  const result = await run(prev, formData);
  if (!result.ok) return { ...result, values: withoutInstrumentNumber(result.values) };
  revalidatePath(`/acuerdos/${agreementId}`);
  redirect(`/acuerdos/${agreementId}#medios-de-pago`);
}

export async function setDefaultPaymentMethodAction(id: string, prev: State<string>, formData: FormData): Promise<ActionResult<string>> {
  const run = formAction('agreements.write', noFields, async (_input, actor) => (await setDefaultPaymentMethod(actor, id)).agreementId);
  const result = await run(prev, formData);
  if (result.ok) revalidatePath(`/acuerdos/${result.data}`);
  return result.ok ? { ...result, message: 'Medio de pago predeterminado actualizado.' } : result;
}

export async function deactivatePaymentMethodAction(id: string, prev: State<string>, formData: FormData): Promise<ActionResult<string>> {
  const run = formAction('agreements.write', noFields, async (_input, actor) => (await deactivatePaymentMethod(actor, id)).agreementId);
  const result = await run(prev, formData);
  if (result.ok) revalidatePath(`/acuerdos/${result.data}`);
  return result.ok ? { ...result, message: 'Medio de pago desactivado.' } : result;
}
