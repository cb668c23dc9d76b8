'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createAttributeDefinition, setAttributeDefinitionActive, updateAttributeDefinition } from '@/lib/dal/attribute-definitions';
import { saveExchangeRate } from '@/lib/dal/exchange-rates';
import { createPaymentEntity, setPaymentEntityActive, updatePaymentEntity } from '@/lib/dal/payment-entities';
import { activeToggleSchema, attributeDefinitionInputSchema, exchangeRateInputSchema, paymentEntityInputSchema } from '@/lib/validation/catalogs';
import type { ActionResult } from './result';
import { formAction } from './safe-action';

type State<T> = ActionResult<T> | undefined;

// Payment entities (/admin/entidades-pago)

export async function createPaymentEntityAction(prev: State<string>, formData: FormData) {
  const run = formAction('admin.catalogs', paymentEntityInputSchema, async (input, actor) => (await createPaymentEntity(actor, input)).code);
  const result = await run(prev, formData);
  if (!result.ok) return result;
  revalidatePath('/admin/entidades-pago');
  redirect(`/admin/entidades-pago?creada=${encodeURIComponent(result.data)}`);
}

export async function updatePaymentEntityAction(id: string, prev: State<string>, formData: FormData) {
  const run = formAction('admin.catalogs', paymentEntityInputSchema, async (input, actor) => (await updatePaymentEntity(actor, id, input)).code);
  const result = await run(prev, formData);
  if (!result.ok) return result;
  revalidatePath('/admin/entidades-pago');
  redirect(`/admin/entidades-pago?actualizada=${encodeURIComponent(result.data)}`);
}

export async function setPaymentEntityActiveAction(id: string, prev: State<string>, formData: FormData): Promise<ActionResult<string>> {
  const run = formAction('admin.catalogs', activeToggleSchema, async ({ active }, actor): Promise<string> => ((await setPaymentEntityActive(actor, id, active)).active ? 'Entidad activada.' : 'Entidad desactivada.'));
  const result = await run(prev, formData);
  if (!result.ok) return result;
  revalidatePath('/admin/entidades-pago');
  revalidatePath(`/admin/entidades-pago/${id}`);
  return { ...result, message: result.data };
}

// Dynamic attribute definitions (/admin/atributos)

export async function createAttributeDefinitionAction(prev: State<string>, formData: FormData) {
  const run = formAction('admin.catalogs', attributeDefinitionInputSchema, async (input, actor) => (await createAttributeDefinition(actor, input)).key);
  const result = await run(prev, formData);
  if (!result.ok) return result;
  revalidatePath('/admin/atributos');
  redirect(`/admin/atributos?creado=${encodeURIComponent(result.data)}`);
}

export async function updateAttributeDefinitionAction(id: string, prev: State<string>, formData: FormData) {
  const run = formAction('admin.catalogs', attributeDefinitionInputSchema, async (input, actor) => (await updateAttributeDefinition(actor, id, input)).key);
  const result = await run(prev, formData);
  if (!result.ok) return result;
  revalidatePath('/admin/atributos');
  redirect(`/admin/atributos?actualizado=${encodeURIComponent(result.data)}`);
}

export async function setAttributeDefinitionActiveAction(id: string, prev: State<string>, formData: FormData): Promise<ActionResult<string>> {
  const run = formAction('admin.catalogs', activeToggleSchema, async ({ active }, actor): Promise<string> => ((await setAttributeDefinitionActive(actor, id, active)).active ? 'Atributo activado.' : 'Atributo desactivado.'));
  const result = await run(prev, formData);
  if (!result.ok) return result;
  revalidatePath('/admin/atributos');
  revalidatePath(`/admin/atributos/${id}`);
  return { ...result, message: result.data };
}

// Exchange rates (/admin/tipos-de-cambio)

export async function saveExchangeRateAction(prev: State<string>, formData: FormData) {
  const run = formAction('admin.catalogs', exchangeRateInputSchema, async (input, actor) => {
    const { row, created, changed } = await saveExchangeRate(actor, input);
    return `${created ? 'registrado' : changed ? 'actualizado' : 'sin-cambios'}&moneda=${row.currency}&fecha=${row.date}`;
  });
  const result = await run(prev, formData);
  if (!result.ok) return result;
  revalidatePath('/admin/tipos-de-cambio');
  redirect(`/admin/tipos-de-cambio?guardado=${result.data}`);
}
