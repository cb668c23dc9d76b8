'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createBranch, createPointOfSale, setPointOfSaleActive, updateBranch, updatePointOfSale } from '@/lib/dal/branches';
import { branchInputSchema, formatPointOfSale, pointOfSaleActiveSchema, pointOfSaleCreateSchema, pointOfSaleUpdateSchema } from '@/lib/validation/branch';
import type { ActionResult } from './result';
import { formAction } from './safe-action';

type State<T> = ActionResult<T> | undefined;

const create = formAction('admin.branches', branchInputSchema, async (input, actor) => (await createBranch(actor, input)).id);

export async function createBranchAction(prev: State<string>, formData: FormData) {
  const result = await create(prev, formData);
  if (result.ok) {
    revalidatePath('/admin/sucursales');
    redirect(`/admin/sucursales/${result.data}?creada=1`);
  }
  return result;
}

export async function updateBranchAction(id: string, prev: State<string>, formData: FormData) {
  const update = formAction('admin.branches', branchInputSchema, async (input, actor) => (await updateBranch(actor, id, input)).id);
  const result = await update(prev, formData);
  if (result.ok) {
    revalidatePath('/admin/sucursales');
    redirect(`/admin/sucursales/${id}?actualizada=1`);
  }
  return result;
}

export async function createPointOfSaleAction(branchId: string, prev: State<string>, formData: FormData): Promise<ActionResult<string>> {
  const run = formAction('admin.branches', pointOfSaleCreateSchema, async (input, actor) => {
    const created = await createPointOfSale(actor, branchId, input);
    return formatPointOfSale(created.number);
  });
  const result = await run(prev, formData);
  if (!result.ok) return result;
  revalidatePath('/admin/sucursales');
  revalidatePath(`/admin/sucursales/${branchId}`);
  return { ...result, message: `Punto de venta ${result.data} agregado.` };
}

export async function updatePointOfSaleAction(id: string, prev: State<string>, formData: FormData): Promise<ActionResult<string>> {
  const run = formAction('admin.branches', pointOfSaleUpdateSchema, async (input, actor) => (await updatePointOfSale(actor, id, input)).branchId);
  const result = await run(prev, formData);
  if (!result.ok) return result;
  revalidatePath(`/admin/sucursales/${result.data}`);
  return { ...result, message: 'Descripción guardada.' };
}

export async function setPointOfSaleActiveAction(id: string, prev: State<string>, formData: FormData): Promise<ActionResult<string>> {
  const run = formAction('admin.branches', pointOfSaleActiveSchema, async ({ active }, actor) => (await setPointOfSaleActive(actor, id, active)).branchId);
  const result = await run(prev, formData);
  if (!result.ok) return result;
  revalidatePath('/admin/sucursales');
  revalidatePath(`/admin/sucursales/${result.data}`);
  return result;
}
