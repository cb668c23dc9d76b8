'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createPrintAssignment, createPrintFormat, deletePrintAssignment, savePrintFormatDefaults, updatePrintFormat } from '@/lib/dal/print-formats';
import { printAssignmentInputSchema, printFormatDefaultsSchema, printFormatInputSchema } from '@/lib/validation/print-formats';
import { z } from 'zod';
import type { ActionResult } from './result';
import { formAction } from './safe-action';

type State<T> = ActionResult<T> | undefined;

// The uploaded logo's bytes (the DAL checks them by content and size), or null when no file was chosen.
async function logoFile(formData: FormData): Promise<Uint8Array | null> {
  const file = formData.get('logo');
  if (!file || typeof file === 'string' || file.size === 0) return null;
  return new Uint8Array(await file.arrayBuffer());
}

// Formats (/admin/formatos)

export async function createPrintFormatAction(prev: State<string>, formData: FormData) {
  const run = formAction('admin.catalogs', printFormatInputSchema, async (input, actor) => (await createPrintFormat(actor, input, await logoFile(formData))).code);
  const result = await run(prev, formData);
  if (!result.ok) return result;
  revalidatePath('/admin/formatos');
  redirect(`/admin/formatos?creado=${encodeURIComponent(result.data)}`);
}

export async function updatePrintFormatAction(id: string, prev: State<string>, formData: FormData) {
  const run = formAction('admin.catalogs', printFormatInputSchema, async (input, actor) => (await updatePrintFormat(actor, id, input, await logoFile(formData))).code);
  const result = await run(prev, formData);
  if (!result.ok) return result;
  revalidatePath('/admin/formatos');
  redirect(`/admin/formatos?actualizado=${encodeURIComponent(result.data)}`);
}

export async function savePrintFormatDefaultsAction(prev: State<string>, formData: FormData): Promise<ActionResult<string>> {
  const run = formAction('admin.catalogs', printFormatDefaultsSchema, async (input, actor): Promise<string> => {
    const changed = await savePrintFormatDefaults(actor, input);
    return changed ? 'Formatos por omisión guardados.' : 'Sin cambios.';
  });
  const result = await run(prev, formData);
  if (!result.ok) return result;
  revalidatePath('/admin/formatos');
  return { ...result, message: result.data };
}

// Assignments of an agreement (/acuerdos/[id]); the DAL re-checks the agreement's branch scope.

export async function createPrintAssignmentAction(agreementId: string, prev: State<string>, formData: FormData): Promise<ActionResult<string>> {
  const run = formAction('agreements.write', printAssignmentInputSchema, async (input, actor) => (await createPrintAssignment(actor, agreementId, input)).code);
  const result = await run(prev, formData);
  if (!result.ok) return result;
  revalidatePath(`/acuerdos/${agreementId}`);
  return { ...result, message: `Asignación ${result.data} registrada.` };
}

export async function deletePrintAssignmentAction(id: string, prev: State<string>, formData: FormData): Promise<ActionResult<string>> {
  const run = formAction('agreements.write', z.object({}), async (_input, actor) => {
    const removed = await deletePrintAssignment(actor, id);
    revalidatePath(`/acuerdos/${removed.agreementId}`);
    return removed.code;
  });
  const result = await run(prev, formData);
  if (!result.ok) return result;
  return { ...result, message: `Asignación ${result.data} quitada.` };
}
