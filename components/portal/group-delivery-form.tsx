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

/** Where an account group's invoices are delivered: e-mail and postal address. Bound to the group. */
export function GroupDeliveryForm({ action, code, email, deliveryAddress }: { action: Action; code: string; email: string | null; deliveryAddress: string | null }) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const { errors, value, formKey } = formStateView(state);
  const emailId = `group-email-${code}`;
  const addressId = `group-address-${code}`;
  return (
    <form action={formAction} key={formKey} className="grid gap-3" noValidate>
      {state ? <ActionResultAlert state={state} /> : null}
      <div className="grid gap-3 md:grid-cols-2">
        <FormField label="Correo de entrega de facturas" htmlFor={emailId} error={errors.email}>
          <Input name="email" type="email" autoComplete="email" defaultValue={value('email', email)} maxLength={200} {...fieldAria(emailId, errors.email)} />
        </FormField>
        <FormField label="Domicilio de entrega" htmlFor={addressId} error={errors.deliveryAddress}>
          <Input name="deliveryAddress" defaultValue={value('deliveryAddress', deliveryAddress)} maxLength={300} {...fieldAria(addressId, errors.deliveryAddress)} />
        </FormField>
      </div>
      <div>
        <Button type="submit" variant="outline" size="sm" disabled={pending}>
          {pending ? <LoaderCircle className="animate-spin" aria-hidden /> : null}
          Guardar entrega del grupo
        </Button>
      </div>
    </form>
  );
}
