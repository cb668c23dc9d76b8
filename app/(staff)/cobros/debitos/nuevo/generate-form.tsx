'use client';

import { useActionState } from 'react';
import { FormErrorAlert } from '@/components/forms/alerts';
import { FormActions } from '@/components/forms/form-actions';
import { formStateView } from '@/components/forms/form-state';
import { ValueOptions } from '@/components/forms/select-options';
import { FormField, fieldAria } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/native-select';
import type { ActionResult } from '@/lib/actions/result';

type Option = { value: string; label: string };

/** Bank, period and currency of a batch; asking for one that exists opens it instead of making another. */
export function GenerateBatchForm({
  action,
  banks,
  currencies,
  initial,
}: {
  action: (prev: ActionResult<{ id: string }> | undefined, formData: FormData) => Promise<ActionResult<{ id: string }> | undefined>;
  banks: Option[];
  currencies: Option[];
  initial: { period: string; currency: string };
}) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const { errors, value, formError, formKey } = formStateView(state);
  return (
    <form action={formAction} key={formKey} className="grid max-w-3xl gap-6" noValidate>
      <FormErrorAlert message={formError} />
      <fieldset className="grid gap-4 md:grid-cols-3">
        <legend className="mb-2 text-base font-semibold">Lote</legend>
        <FormField label="Banco" htmlFor="entityId" required error={errors.entityId} className="md:col-span-3">
          <NativeSelect name="entityId" defaultValue={value('entityId', '')} placeholder="Seleccione el banco…" {...fieldAria('entityId', errors.entityId)}>
            <ValueOptions options={banks} />
          </NativeSelect>
        </FormField>
        <FormField label="Período" htmlFor="period" required error={errors.period} description="Mes facturado (AAAA-MM).">
          <Input name="period" type="month" defaultValue={value('period', initial.period)} {...fieldAria('period', errors.period, true)} />
        </FormField>
        <FormField label="Moneda" htmlFor="currency" required error={errors.currency}>
          <NativeSelect name="currency" defaultValue={value('currency', initial.currency)} {...fieldAria('currency', errors.currency)}>
            <ValueOptions options={currencies} />
          </NativeSelect>
        </FormField>
      </fieldset>
      <p className="text-sm text-muted-foreground">
        Hay un solo lote por banco, período y moneda: si ya existe, se abre el existente. Una factura que ya está en otro lote pendiente o debitado no se incluye.
      </p>
      <FormActions pending={pending} submitLabel="Generar lote" cancelHref="/cobros/debitos" />
    </form>
  );
}
