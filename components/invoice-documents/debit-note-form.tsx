'use client';

import { useActionState, useRef } from 'react';
import Link from 'next/link';
import { FilePlus2, LoaderCircle } from 'lucide-react';
import { FormErrorAlert } from '@/components/forms/alerts';
import { formStateView } from '@/components/forms/form-state';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormField, fieldAria } from '@/components/ui/form-field';
import { Textarea } from '@/components/ui/textarea';
import { LineFields } from './line-fields';
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
      <FormField label="Motivo" htmlFor="reason" required error={errors.reason} description="Se guarda en la nota y en la auditoría.">
        <Textarea name="reason" defaultValue={value('reason', '')} maxLength={500} rows={3} {...fieldAria('reason', errors.reason, true)} />
      </FormField>
      <div className="flex gap-2">
        <ConfirmDialog
          trigger={
            <Button type="button" disabled={pending}>
              {pending ? <LoaderCircle className="animate-spin" aria-hidden /> : <FilePlus2 aria-hidden />}
              Emitir nota de débito
            </Button>
          }
          title="Emitir la nota de débito"
          description="Se emitirá una nota de débito con su propio número fiscal, saldo y vencimiento. No se puede deshacer."
          confirmLabel="Emitir"
          onConfirm={() => form.current?.requestSubmit()}
        />
        <Button variant="outline" asChild>
          <Link href={cancelHref}>Cancelar</Link>
        </Button>
      </div>
    </form>
  );
}
