'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createConcept, createConceptGroup, createTariff, setConceptActive, updateConcept, updateConceptGroup, updateTariff } from '@/lib/dal/billing-catalogs';
import { conceptGroupInputSchema, conceptInputSchema, tariffInputSchema } from '@/lib/validation/billing-catalogs';
import { activeToggleSchema } from '@/lib/validation/catalogs';
import type { ActionResult } from './result';
import { formAction } from './safe-action';

type State<T> = ActionResult<T> | undefined;

// Concept groups (/admin/conceptos/grupos)

export async function createConceptGroupAction(prev: State<string>, formData: FormData) {
  const run = formAction('admin.catalogs', conceptGroupInputSchema, async (input, actor) => (await createConceptGroup(actor, input)).code);
  const result = await run(prev, formData);
  if (!result.ok) return result;
  revalidatePath('/admin/conceptos', 'layout');
  redirect(`/admin/conceptos/grupos?creado=${encodeURIComponent(result.data)}`);
}

export async function updateConceptGroupAction(id: string, prev: State<string>, formData: FormData) {
  const run = formAction('admin.catalogs', conceptGroupInputSchema, async (input, actor) => (await updateConceptGroup(actor, id, input)).code);
  const result = await run(prev, formData);
  if (!result.ok) return result;
  revalidatePath('/admin/conceptos', 'layout');
  redirect(`/admin/conceptos/grupos?actualizado=${encodeURIComponent(result.data)}`);
}

// Concepts (/admin/conceptos)

export async function createConceptAction(prev: State<string>, formData: FormData) {
  const run = formAction('admin.catalogs', conceptInputSchema, async (input, actor) => (await createConcept(actor, input)).code);
  const result = await run(prev, formData);
  if (!result.ok) return result;
  revalidatePath('/admin/conceptos');
  redirect(`/admin/conceptos?creado=${encodeURIComponent(result.data)}`);
}

export async function updateConceptAction(id: string, prev: State<string>, formData: FormData) {
  const run = formAction('admin.catalogs', conceptInputSchema, async (input, actor) => (await updateConcept(actor, id, input)).code);
  const result = await run(prev, formData);
  if (!result.ok) return result;
  revalidatePath('/admin/conceptos');
  redirect(`/admin/conceptos?actualizado=${encodeURIComponent(result.data)}`);
}

export async function setConceptActiveAction(id: string, prev: State<string>, formData: FormData): Promise<ActionResult<string>> {
  const run = formAction('admin.catalogs', activeToggleSchema, async ({ active }, actor): Promise<string> => ((await setConceptActive(actor, id, active)).active ? 'Concepto activado.' : 'Concepto desactivado.'));
  const result = await run(prev, formData);
  if (!result.ok) return result;
  revalidatePath('/admin/conceptos');
  revalidatePath(`/admin/conceptos/${id}`);
  return { ...result, message: result.data };
}

// Tariffs (/admin/tarifas)

export async function createTariffAction(prev: State<string>, formData: FormData) {
  const run = formAction('admin.catalogs', tariffInputSchema, async (input, actor) => (await createTariff(actor, input)).id);
  const result = await run(prev, formData);
  if (!result.ok) return result;
  revalidatePath('/admin/tarifas');
  redirect(`/admin/tarifas/${result.data}?creada=1`);
}

export async function updateTariffAction(id: string, prev: State<string>, formData: FormData) {
  const run = formAction('admin.catalogs', tariffInputSchema, async (input, actor) => (await updateTariff(actor, id, input)).id);
  const result = await run(prev, formData);
  if (!result.ok) return result;
  revalidatePath('/admin/tarifas');
  redirect(`/admin/tarifas/${id}?actualizada=1`);
}
