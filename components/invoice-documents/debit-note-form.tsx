'use client';

import { useActionState, useRef } from 'react';
import { FilePlus2 } from 'lucide-react';
import { FormErrorAlert } from '@/components/forms/alerts';
import { formStateView } from '@/components/forms/form-state';
import { LineFields } from './line-fields';
import { NoteReasonAndSubmit } from './note-reason-and-submit';
import type { FormActionFn, LineAccount, LineConcept } from './types';

/** A debit note: a reason and up to `rows` extra-charge lines (a row without a concept is skipped). */
export function DebitNoteForm({
  action,
  invoiceId,
  currency,
  concepts,
  accounts,
  rows,
  cancelHref,
}: {
  action: FormActionFn<string>;
  invoiceId: string;
  currency: string;
  concepts: LineConcept[];
  accounts: LineAccount[];
  rows: number;
  cancelHref: string;
}) {
  const [state, dispatch, pending] = useActionState(action, undefined);
  const { errors, value, formError, formKey } = formStateView(state);
  const form = useRef<HTMLFormElement>(null);
  return (
    <form ref={form} action={dispatch} key={formKey} className="grid max-w-5xl gap-6" noValidate>
      <input type="hidden" name="invoiceId" value={invoiceId} />
      <FormErrorAlert message={formError} />
      {errors.lines ? <p className="text-sm text-destructive" role="alert">{errors.lines.join(' ')}</p> : null}
      {Array.from({ length: rows }, (_, i) => (
        <fieldset key={i} className="grid gap-2 rounded-md border p-4">
          <legend className="px-1 text-sm font-semibold">Línea {i + 1}{i === 0 ? '' : ' (opcional)'}</legend>
          <LineFields concepts={concepts} accounts={accounts} currency={currency} prefix={`l${i}.`} errors={errors} value={value} required={i === 0} />
        </fieldset>
      ))}
      <NoteReasonAndSubmit
        form={form}
        pending={pending}
        errors={errors}
        value={value}
        icon={FilePlus2}
        submitLabel="Emitir nota de débito"
        title="Emitir la nota de débito"
        description="Se emitirá una nota de débito con su propio número fiscal, saldo y vencimiento. No se puede deshacer."
        cancelHref={cancelHref}
      />
    </form>
  );
}
