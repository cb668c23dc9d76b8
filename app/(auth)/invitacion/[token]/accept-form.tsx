'use client';

import { useActionState } from 'react';
import Link from 'next/link';
import { LoaderCircle } from 'lucide-react';
import { FormErrorAlert, SuccessAlert } from '@/components/forms/alerts';
import { Button } from '@/components/ui/button';
import { FormField, fieldAria } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import type { ActionResult } from '@/lib/actions/result';

type Action = (prev: ActionResult<{ email: string }> | undefined, formData: FormData) => Promise<ActionResult<{ email: string }>>;

/** The invitee chooses a password (twice); the action creates the user and signs them in. */
export function AcceptInvitationForm({ action, email }: { action: Action; email: string }) {
  const [state, formAction, pending] = useActionState(action, undefined);
  if (state?.ok) {
    return (
      <div className="grid gap-4">
        <SuccessAlert>{state.message ?? 'Su usuario quedó creado.'}</SuccessAlert>
        <Button asChild>
          <Link href="/login">Iniciar sesión</Link>
        </Button>
      </div>
    );
  }
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="grid gap-4" noValidate>
      <FormErrorAlert message={state && !state.ok ? state.error : undefined} />
      <FormField label="Correo electrónico" htmlFor="email">
        <Input id="email" value={email} readOnly autoComplete="username" />
      </FormField>
      <FormField label="Contraseña" htmlFor="password" required error={errors.password} description="Al menos 10 caracteres, con letras y números.">
        <Input name="password" type="password" autoComplete="new-password" required {...fieldAria('password', errors.password, true)} />
      </FormField>
      <FormField label="Repita la contraseña" htmlFor="passwordConfirm" required error={errors.passwordConfirm}>
        <Input name="passwordConfirm" type="password" autoComplete="new-password" required {...fieldAria('passwordConfirm', errors.passwordConfirm)} />
      </FormField>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? <LoaderCircle className="animate-spin" aria-hidden /> : null}
        Crear mi usuario
      </Button>
    </form>
  );
}
