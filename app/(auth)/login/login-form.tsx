'use client';

import { useActionState } from 'react';
import { LoaderCircle } from 'lucide-react';
import { FormErrorAlert } from '@/components/forms/alerts';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { loginAction } from './actions';

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, action, pending] = useActionState(loginAction, undefined);
  return (
    <form action={action} className="grid gap-4" noValidate>
      <FormErrorAlert message={state?.error} />
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ''} />
      <FormField label="Correo electrónico" htmlFor="email">
        <Input id="email" name="email" type="email" autoComplete="username" required autoFocus defaultValue={state?.email} />
      </FormField>
      <FormField label="Contraseña" htmlFor="password">
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </FormField>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? <LoaderCircle className="animate-spin" aria-hidden /> : null}
        Ingresar
      </Button>
    </form>
  );
}
