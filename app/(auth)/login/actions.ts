'use server';

import { AuthError } from 'next-auth';
import { z } from 'zod';
import { signIn } from '@/lib/auth/auth';

export type LoginState = { error?: string; email?: string } | undefined;

const schema = z.object({
  email: z.string().trim().toLowerCase().email({ error: 'Escriba un correo electrónico válido.' }),
  password: z.string().min(1, { error: 'Escriba su contraseña.' }),
  callbackUrl: z.string().optional(),
});

export async function loginAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const parsed = schema.safeParse(Object.fromEntries(formData));
  const email = String(formData.get('email') ?? '');
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? 'Datos no válidos.', email };
  // Only same-site paths are followed after login; anything else goes to the role's home.
  const target = parsed.data.callbackUrl?.startsWith('/') && !parsed.data.callbackUrl.startsWith('//') ? parsed.data.callbackUrl : '/';
  try {
    await signIn('credentials', { email: parsed.data.email, password: parsed.data.password, redirectTo: target });
  } catch (err) {
    if (err instanceof AuthError) {
      const code = (err as AuthError & { code?: string }).code;
      if (code === 'locked') {
        return { error: 'La cuenta está bloqueada por demasiados intentos fallidos. Intente de nuevo en 15 minutos.', email };
      }
      return { error: 'Correo o contraseña incorrectos.', email };
    }
    throw err; // the redirect after a successful login
  }
  return undefined;
}
