'use client';

import { useActionState } from 'react';
import { FormActions } from '@/components/forms/form-actions';
import { FormErrorAlert } from '@/components/forms/alerts';
import { formStateView } from '@/components/forms/form-state';
import { FormField, fieldAria } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import type { FormActionFn } from './types';

/** Creates the draft: for the agreement already chosen (hidden id) or for a typed agreement code. */
export function NewDraftForm({ action, agreementId, cancelHref }: { action: FormActionFn<string>; agreementId?: string; cancelHref: string }) {
  const [state, dispatch, pending] = useActionState(action, undefined);
  const { errors, value, formError, formKey } = formStateView(state);
  return (
    <form action={dispatch} key={formKey} className="grid max-w-xl gap-4" noValidate>
      <FormErrorAlert message={formError} />
      {agreementId ? (
        <input type="hidden" name="agreementId" value={agreementId} />
      ) : (
        <FormField label="Código del acuerdo" htmlFor="agreementCode" required error={errors.agreementCode} description="El acuerdo debe ser de una de sus sucursales.">
          <Input name="agreementCode" defaultValue={value('agreementCode', '')} autoComplete="off" maxLength={20} {...fieldAria('agreementCode', errors.agreementCode, true)} />
        </FormField>
      )}
      <FormActions pending={pending} submitLabel="Crear borrador" cancelHref={cancelHref} />
    </form>
  );
}
