'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createUser, resetUserPassword, setUserActive, unlockUser, updateUser } from '@/lib/dal/users';
import { passwordResetSchema, userActiveSchema, userCreateSchema, userUpdateSchema } from '@/lib/validation/user';
import type { ActionResult } from './result';
import { formAction } from './safe-action';

type State<T> = ActionResult<T> | undefined;

const create = formAction('admin.users', userCreateSchema, async (input, actor) => (await createUser(actor, input)).id);

export async function createUserAction(prev: State<string>, formData: FormData): Promise<ActionResult<string>> {
  const result = await create(prev, formData);
  if (result.ok) {
    revalidatePath('/admin/usuarios');
    redirect(`/admin/usuarios/${result.data}?creado=1`);
  }
  // Never send a typed password back to the browser in the form's echo.
  return withoutPasswords(result);
}

export async function updateUserAction(id: string, prev: State<string>, formData: FormData) {
  const update = formAction('admin.users', userUpdateSchema, async (input, actor) => (await updateUser(actor, id, input)).id);
  const result = await update(prev, formData);
  if (result.ok) {
    revalidatePath('/admin/usuarios');
    redirect(`/admin/usuarios/${id}?actualizado=1`);
  }
  return result;
}

export async function setUserActiveAction(id: string, prev: State<boolean>, formData: FormData) {
  const run = formAction('admin.users', userActiveSchema, async ({ active }, actor) => {
    await setUserActive(actor, id, active);
    return active;
  });
  const result = await run(prev, formData);
  if (result.ok) {
    revalidatePath('/admin/usuarios');
    revalidatePath(`/admin/usuarios/${id}`);
    return { ...result, message: result.data ? 'Usuario reactivado.' : 'Usuario desactivado: ya no puede iniciar sesión.' };
  }
  return result;
}

export async function resetPasswordAction(id: string, prev: State<undefined>, formData: FormData): Promise<ActionResult<undefined>> {
  const run = formAction('admin.users', passwordResetSchema, async (input, actor) => {
    await resetUserPassword(actor, id, input);
    return undefined;
  });
  const result = await run(prev, formData);
  if (result.ok) {
    revalidatePath(`/admin/usuarios/${id}`);
    return { ...result, message: 'Contraseña restablecida. Comuníquela al usuario por un medio seguro.' };
  }
  return withoutPasswords(result);
}

export async function unlockUserAction(id: string, prev: State<undefined>, formData: FormData) {
  const run = formAction('admin.users', z.object({}), async (_input, actor) => {
    await unlockUser(actor, id);
    return undefined;
  });
  const result = await run(prev, formData);
  if (result.ok) {
    revalidatePath('/admin/usuarios');
    revalidatePath(`/admin/usuarios/${id}`);
    return { ...result, message: 'Cuenta desbloqueada.' };
  }
  return result;
}

type Failure = Extract<ActionResult, { ok: false }>;

function withoutPasswords(result: Failure): Failure {
  if (!result.values) return result;
  return { ...result, values: Object.fromEntries(Object.entries(result.values).filter(([key]) => !key.startsWith('password'))) };
}
