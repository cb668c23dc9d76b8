'use client';

import { useActionState } from 'react';
import { LoaderCircle, Plus } from 'lucide-react';
import { ActionResultAlert } from '@/components/forms/alerts';
import { formStateView } from '@/components/forms/form-state';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormField, fieldAria } from '@/components/ui/form-field';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import type { ActionResult } from '@/lib/actions/result';
import { INVOICE_CLASS_LABELS, INVOICE_CLASSES } from '@/lib/domain/billing/invoice-class';
import { PRINT_FORMAT_TYPES } from '@/lib/domain/pdf/print-format';

type Action = (prev: ActionResult<string> | undefined, formData: FormData) => Promise<ActionResult<string>>;

/** Adds an assignment (class, type, format) to the agreement the action is bound to. */
export function AddPrintAssignmentForm({ action, options }: { action: Action; options: { id: string; code: string; name: string }[] }) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const { errors, value, formKey } = formStateView(state);
  return (
    <form action={formAction} key={state?.ok ? `ok-${state.data}` : formKey} className="grid gap-3" noValidate aria-label="Agregar formato de impresión">
      {state ? <ActionResultAlert state={state} /> : null}
      <div className="grid items-start gap-3 md:grid-cols-[10rem_13rem_minmax(0,1fr)_auto]">
        <FormField label="Clase" htmlFor="pf-invoiceClass" error={errors.invoiceClass}>
          <NativeSelect name="invoiceClass" defaultValue={value('invoiceClass', '')} placeholder="Seleccione…" {...fieldAria('pf-invoiceClass', errors.invoiceClass)}>
            {INVOICE_CLASSES.map((c) => (
              <NativeSelectOption key={c} value={c}>
                {INVOICE_CLASS_LABELS[c]}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </FormField>
        <FormField label="Tipo" htmlFor="pf-type" error={errors.type}>
          <NativeSelect name="type" defaultValue={value('type', '')} placeholder="Seleccione…" {...fieldAria('pf-type', errors.type)}>
            {PRINT_FORMAT_TYPES.map((t) => (
              <NativeSelectOption key={t} value={t}>
                {t === 'AUTOMATIC' ? 'Automática (corridas)' : 'Manual (personal)'}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </FormField>
        <FormField label="Formato" htmlFor="pf-formatId" error={errors.formatId}>
          <NativeSelect name="formatId" defaultValue={value('formatId', '')} placeholder="Seleccione…" {...fieldAria('pf-formatId', errors.formatId)}>
            {options.map((o) => (
              <NativeSelectOption key={o.id} value={o.id}>
                {o.name} ({o.code})
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </FormField>
        <Button type="submit" disabled={pending} className="md:mt-6">
          {pending ? <LoaderCircle className="animate-spin" aria-hidden /> : <Plus aria-hidden />}
          Agregar
        </Button>
      </div>
    </form>
  );
}

/** Removes one assignment after confirmation. */
export function RemovePrintAssignmentButton({ action, code, description }: { action: Action; code: string; description: string }) {
  const [state, formAction, pending] = useActionState(action, undefined);
  return (
    <div className="flex flex-col items-end gap-1">
      <ConfirmDialog
        trigger={
          <Button variant="ghost" size="sm" disabled={pending} aria-label={`Quitar la asignación ${code}`}>
            Quitar
          </Button>
        }
        title={`¿Quitar la asignación ${code}?`}
        description={`${description}. Las facturas de esa clase y tipo se imprimirán con el formato por omisión de la empresa.`}
        confirmLabel="Quitar"
        destructive
        formAction={formAction}
      />
      {state && !state.ok ? (
        <p role="alert" className="text-sm text-destructive">
          {state.error}
        </p>
      ) : null}
    </div>
  );
}
