'use client';

import { useActionState } from 'react';
import { LoaderCircle } from 'lucide-react';
import { ActionResultAlert } from '@/components/forms/alerts';
import { formStateView } from '@/components/forms/form-state';
import { Button } from '@/components/ui/button';
import { FormField, fieldAria } from '@/components/ui/form-field';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import type { ActionResult } from '@/lib/actions/result';
import { INVOICE_CLASS_LABELS, INVOICE_CLASSES } from '@/lib/domain/billing/invoice-class';

/** The company's default format of each class; "Formato integrado" clears it (the built-in format prints). */
export function FormatDefaultsForm({
  action,
  defaults,
  options,
}: {
  action: (prev: ActionResult<string> | undefined, formData: FormData) => Promise<ActionResult<string>>;
  defaults: Partial<Record<'A' | 'B' | 'E', string>>;
  options: { id: string; code: string; name: string }[];
}) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const { errors, value, formKey } = formStateView(state);
  return (
    <form action={formAction} key={formKey} className="grid gap-4" noValidate>
      {state ? <ActionResultAlert state={state} /> : null}
      <div className="grid gap-4 md:grid-cols-3">
        {INVOICE_CLASSES.map((c) => (
          <FormField key={c} label={`Clase ${INVOICE_CLASS_LABELS[c]}`} htmlFor={`default-${c}`} error={errors[c]}>
            <NativeSelect name={c} defaultValue={value(c, defaults[c] ?? '')} {...fieldAria(`default-${c}`, errors[c])}>
              <NativeSelectOption value="">Formato integrado del sistema</NativeSelectOption>
              {options.map((o) => (
                <NativeSelectOption key={o.id} value={o.id}>
                  {o.name} ({o.code})
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </FormField>
        ))}
      </div>
      <div>
        <Button type="submit" variant="outline" disabled={pending}>
          {pending ? <LoaderCircle className="animate-spin" aria-hidden /> : null}
          Guardar formatos por omisión
        </Button>
      </div>
    </form>
  );
}
