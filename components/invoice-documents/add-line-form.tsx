'use client';

import { useActionState } from 'react';
import { Plus, LoaderCircle } from 'lucide-react';
import { FormErrorAlert } from '@/components/forms/alerts';
import { formStateView } from '@/components/forms/form-state';
import { Button } from '@/components/ui/button';
import { LineFields } from './line-fields';
import type { FormActionFn, LineAccount, LineConcept } from './types';

/** The draft editor's "add line" form; after a line is added it starts over empty. */
export function AddLineForm({ action, invoiceId, concepts, accounts, currency }: { action: FormActionFn<number>; invoiceId: string; concepts: LineConcept[]; accounts: LineAccount[]; currency: string }) {
  const [state, dispatch, pending] = useActionState(action, undefined);
  const { errors, value, formError, formKey } = formStateView(state);
  // A success remounts the form empty (a new key per added line).
  const key = state?.ok ? `added-${state.data}` : formKey;
  return (
    <form action={dispatch} key={key} className="grid gap-4" noValidate>
      <input type="hidden" name="invoiceId" value={invoiceId} />
      <FormErrorAlert message={formError} />
      <LineFields concepts={concepts} accounts={accounts} currency={currency} errors={errors} value={value} />
      <Button type="submit" className="w-fit" disabled={pending}>
        {pending ? <LoaderCircle className="animate-spin" aria-hidden /> : <Plus aria-hidden />}
        Agregar línea
      </Button>
    </form>
  );
}
