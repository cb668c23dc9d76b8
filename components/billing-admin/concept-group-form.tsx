'use client';

import { useActionState } from 'react';
import { FormErrorAlert } from '@/components/forms/alerts';
import { FormActions } from '@/components/forms/form-actions';
import { formStateView } from '@/components/forms/form-state';
import { FormField, fieldAria } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import type { ActionResult } from '@/lib/actions/result';

export type ConceptGroupFormValues = { code?: string; name?: string; position?: number };

/** Create / edit a concept group: code, name and its place on printed invoices. */
export function ConceptGroupForm({
  action,
  initial,
  submitLabel,
  cancelHref,
}: {
  action: (prev: ActionResult<string> | undefined, formData: FormData) => Promise<ActionResult<string>>;
  initial: ConceptGroupFormValues;
  submitLabel: string;
  cancelHref: string;
}) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const { sent, errors, value, formError } = formStateView(state);
  return (
    <form action={formAction} key={sent ? JSON.stringify(sent) : 'initial'} className="grid max-w-3xl gap-6" noValidate>
      <FormErrorAlert message={formError} />
      <fieldset className="grid gap-4 md:grid-cols-[12rem_1fr_8rem]">
        <legend className="mb-2 text-base font-semibold">Grupo de conceptos</legend>
        <FormField label="Código" htmlFor="code" required error={errors.code}>
          <Input name="code" defaultValue={value('code', initial.code)} maxLength={20} autoComplete="off" className="font-mono uppercase" {...fieldAria('code', errors.code)} />
        </FormField>
        <FormField label="Nombre" htmlFor="name" required error={errors.name} description="Así se imprime cuando el acuerdo agrupa por grupo de conceptos.">
          <Input name="name" defaultValue={value('name', initial.name)} maxLength={120} {...fieldAria('name', errors.name, true)} />
        </FormField>
        <FormField label="Orden" htmlFor="position" error={errors.position}>
          <Input name="position" inputMode="numeric" maxLength={4} defaultValue={value('position', initial.position ?? 0)} {...fieldAria('position', errors.position)} />
        </FormField>
      </fieldset>
      <FormActions pending={pending} submitLabel={submitLabel} cancelHref={cancelHref} />
    </form>
  );
}
