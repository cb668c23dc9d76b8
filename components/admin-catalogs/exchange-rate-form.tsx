'use client';

import { useActionState } from 'react';
import { FormActions } from '@/components/forms/form-actions';
import { FormErrorAlert } from '@/components/forms/alerts';
import { ValueOptions } from '@/components/forms/select-options';
import { formStateView } from '@/components/forms/form-state';
import { FormField, fieldAria } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/native-select';
import type { ActionResult } from '@/lib/actions/result';

/** One day's rate of a currency; saving a date and currency already recorded replaces that rate. */
export function ExchangeRateForm({
  action,
  initial,
  currencies,
  cancelHref,
}: {
  action: (prev: ActionResult<string> | undefined, formData: FormData) => Promise<ActionResult<string>>;
  initial: { date?: string; currency?: string; rate?: string };
  currencies: { value: string; label: string }[];
  cancelHref: string;
}) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const { errors, value, formError, formKey } = formStateView(state);
  return (
    <form action={formAction} key={formKey} className="grid max-w-3xl gap-6" noValidate>
      <FormErrorAlert message={formError} />
      <fieldset className="grid gap-4 md:grid-cols-3">
        <legend className="mb-2 text-base font-semibold">Tipo de cambio</legend>
        <FormField label="Fecha" htmlFor="date" required error={errors.date}>
          <Input name="date" type="date" defaultValue={value('date', initial.date)} {...fieldAria('date', errors.date)} />
        </FormField>
        <FormField label="Moneda" htmlFor="currency" required error={errors.currency}>
          <NativeSelect name="currency" defaultValue={value('currency', initial.currency)} placeholder="Seleccione…" {...fieldAria('currency', errors.currency)}>
            <ValueOptions options={currencies} />
          </NativeSelect>
        </FormField>
        <FormField label="Tasa (RD$ por unidad)" htmlFor="rate" required error={errors.rate} description="Hasta 6 decimales, con punto (ej.: 58.7525).">
          <Input name="rate" inputMode="decimal" maxLength={20} defaultValue={value('rate', initial.rate)} className="font-mono" {...fieldAria('rate', errors.rate, true)} />
        </FormField>
      </fieldset>
      <p className="text-sm text-muted-foreground">Si ya hay una tasa para esa fecha y moneda, se reemplaza; el cambio queda en el registro de auditoría.</p>
      <FormActions pending={pending} submitLabel="Guardar tipo de cambio" cancelHref={cancelHref} />
    </form>
  );
}
