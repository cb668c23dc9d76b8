'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { ActionResult } from '@/lib/actions/result';
import { formAction } from '@/lib/actions/safe-action';
import { createDelinquencyLevel, setDelinquencyLevelActive, updateDelinquencyLevel } from '@/lib/dal/delinquency-levels';
import { activeToggleSchema } from '@/lib/validation/catalogs';
import { delinquencyLevelInputSchema } from '@/lib/validation/delinquency';

type State<T> = ActionResult<T> | undefined;

export async function createDelinquencyLevelAction(prev: State<string>, formData: FormData) {
  const run = formAction('admin.catalogs', delinquencyLevelInputSchema, async (input, actor) => (await createDelinquencyLevel(actor, input)).name);
  const result = await run(prev, formData);
  if (!result.ok) return result;
  revalidatePath('/admin/morosidad');
  redirect(`/admin/morosidad?creado=${encodeURIComponent(result.data)}`);
}

export async function updateDelinquencyLevelAction(id: string, prev: State<string>, formData: FormData) {
  const run = formAction('admin.catalogs', delinquencyLevelInputSchema, async (input, actor) => (await updateDelinquencyLevel(actor, id, input)).name);
  const result = await run(prev, formData);
  if (!result.ok) return result;
  revalidatePath('/admin/morosidad');
  redirect(`/admin/morosidad?actualizado=${encodeURIComponent(result.data)}`);
}

export async function setDelinquencyLevelActiveAction(id: string, prev: State<string>, formData: FormData): Promise<ActionResult<string>> {
  const run = formAction('admin.catalogs', activeToggleSchema, async ({ active }, actor): Promise<string> => ((await setDelinquencyLevelActive(actor, id, active)).active ? 'Nivel activado.' : 'Nivel desactivado.'));
  const result = await run(prev, formData);
  if (!result.ok) return result;
  revalidatePath('/admin/morosidad');
  revalidatePath(`/admin/morosidad/${id}`);
  return { ...result, message: result.data };
}
