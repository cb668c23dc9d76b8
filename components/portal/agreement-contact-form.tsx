'use client';

import { useActionState } from 'react';
import { LoaderCircle } from 'lucide-react';
import { ActionResultAlert } from '@/components/forms/alerts';
import { formStateView } from '@/components/forms/form-state';
import { Button } from '@/components/ui/button';
import { FormField, fieldAria } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import type { ActionResult } from '@/lib/actions/result';

type Action = (prev: ActionResult<boolean> | undefined, formData: FormData) => Promise<ActionResult<boolean>>;

/** The agreement's contact e-mail; the action comes bound to the agreement. */
export function AgreementContactForm({ action, email, code }: { action: Action; email: string | null; code: string }) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const { errors, value, formKey } = formStateView(state);
  const id = `email-${code}`;
  return (
    <form action={formAction} key={formKey} className="grid gap-3" noValidate>
      {state ? <ActionResultAlert state={state} /> : null}
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <FormField label="Correo de contacto del acuerdo" htmlFor={id} required error={errors.email} className="flex-1">
          <Input name="email" type="email" autoComplete="email" defaultValue={value('email', email)} maxLength={200} {...fieldAria(id, errors.email)} />
        </FormField>
        <Button type="submit" disabled={pending} className="sm:mb-0">
          {pending ? <LoaderCircle className="animate-spin" aria-hidden /> : null}
          Guardar
        </Button>
      </div>
    </form>
  );
}
