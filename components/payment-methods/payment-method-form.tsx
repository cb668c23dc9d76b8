'use client';

import { useActionState, useState } from 'react';
import { FormActions } from '@/components/forms/form-actions';
import { FormErrorAlert } from '@/components/forms/alerts';
import { ValueOptions } from '@/components/forms/select-options';
import { formStateView } from '@/components/forms/form-state';
import { FormField, fieldAria } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import type { ActionResult } from '@/lib/actions/result';

export type MethodOption = { value: string; label: string; needsEntity: boolean; needsNumber: boolean; needsExpiry: boolean };
export type EntityOption = { id: string; name: string; method: string };

const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));

/**
 * The "new payment method" form. Entity, number and expiry appear only for the methods that need
 * them. The number field is never refilled after a failed submit: the action does not send it back.
 */
export function PaymentMethodForm({
  action,
  methods,
  entities,
  years,
  cancelHref,
}: {
  action: (prev: ActionResult<string> | undefined, formData: FormData) => Promise<ActionResult<string>>;
  methods: MethodOption[];
  entities: EntityOption[];
  /** Expiry years offered, from this year on (computed on the server, in Santo Domingo). */
  years: number[];
  cancelHref: string;
}) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const { sent, errors, value, formError, formKey } = formStateView(state);
  const [method, setMethod] = useState(value('method', ''));
  const current = methods.find((m) => m.value === method);
  const choices = entities.filter((e) => e.method === method);
  const isCard = method === 'CARD';

  return (
    <form action={formAction} key={formKey} className="grid max-w-2xl gap-6" noValidate autoComplete="off">
      <FormErrorAlert message={formError} />
      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">Medio de pago</legend>
        <FormField label="Medio" htmlFor="method" required error={errors.method}>
          <NativeSelect name="method" value={method} onChange={(e) => setMethod(e.target.value)} placeholder="Seleccione…" {...fieldAria('method', errors.method)}>
            <ValueOptions options={methods} />
          </NativeSelect>
        </FormField>
        {current?.needsEntity ? (
          <FormField label={isCard ? 'Marca de la tarjeta' : 'Banco'} htmlFor="entityId" required error={errors.entityId}>
            <NativeSelect name="entityId" key={method} defaultValue={value('entityId', '')} placeholder="Seleccione…" {...fieldAria('entityId', errors.entityId)}>
              {choices.map((e) => (
                <NativeSelectOption key={e.id} value={e.id}>
                  {e.name}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </FormField>
        ) : null}
        {current?.needsNumber ? (
          <FormField
            label={isCard ? 'Número de tarjeta' : 'Número de cuenta bancaria'}
            htmlFor="number"
            required
            error={errors.number}
            description="Solo se guardan los últimos 4 dígitos."
            className="md:col-span-2"
          >
            <Input
              name="number"
              defaultValue=""
              inputMode="numeric"
              autoComplete="off"
              maxLength={40}
              placeholder={isCard ? '4242 4242 4242 4242' : undefined}
              className="font-mono"
              {...fieldAria('number', errors.number, true)}
            />
          </FormField>
        ) : null}
        {current?.needsExpiry ? (
          <FormField label="Vencimiento" htmlFor="expiryMonth" required error={errors.expiry} className="md:col-span-2">
            <div className="flex gap-2">
              <NativeSelect name="expiryMonth" defaultValue={value('expiryMonth', '')} placeholder="Mes" wrapperClassName="w-28" {...fieldAria('expiryMonth', errors.expiry)}>
                {MONTHS.map((m) => (
                  <NativeSelectOption key={m} value={m}>
                    {m}
                  </NativeSelectOption>
                ))}
              </NativeSelect>
              <NativeSelect name="expiryYear" defaultValue={value('expiryYear', '')} placeholder="Año" wrapperClassName="w-32" aria-label="Año de vencimiento" aria-invalid={errors.expiry ? true : undefined}>
                {years.map((y) => (
                  <NativeSelectOption key={y} value={String(y)}>
                    {y}
                  </NativeSelectOption>
                ))}
              </NativeSelect>
            </div>
          </FormField>
        ) : null}
        {current ? (
          <label className="flex items-center gap-2 text-sm md:col-span-2">
            <input type="checkbox" name="isDefault" defaultChecked={sent ? sent.isDefault === 'on' : false} className="size-4 accent-primary" />
            Usar como medio de pago predeterminado del acuerdo
          </label>
        ) : null}
      </fieldset>

      <FormActions pending={pending} submitLabel="Guardar medio de pago" cancelHref={cancelHref} />
    </form>
  );
}
