'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createCustomer, updateCustomer } from '@/lib/dal/customers';
import { customerInputSchema } from '@/lib/validation/customer';
import type { ActionResult } from './result';
import { formAction } from './safe-action';

const create = formAction('customers.write', customerInputSchema, async (input, actor) => {
  const created = await createCustomer(actor, input);
  return created.id;
});

export async function createCustomerAction(prev: ActionResult<string> | undefined, formData: FormData) {
  const result = await create(prev, formData);
  if (result.ok) {
    revalidatePath('/clientes');
    redirect(`/clientes/${result.data}?creado=1`);
  }
  return result;
}

export async function updateCustomerAction(id: string, prev: ActionResult<string> | undefined, formData: FormData) {
  const update = formAction('customers.write', customerInputSchema, async (input, actor) => (await updateCustomer(actor, id, input)).id);
  const result = await update(prev, formData);
  if (result.ok) {
    revalidatePath('/clientes');
    redirect(`/clientes/${id}?actualizado=1`);
  }
  return result;
}
