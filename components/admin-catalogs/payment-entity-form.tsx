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

export type PaymentEntityFormValues = { code?: string; name?: string; method?: string; active?: boolean };

/** Create / edit a payment entity (card brand or bank). `uses` > 0 explains why the method is fixed. */
export function PaymentEntityForm({
  action,
  initial,
  methods,
  uses = 0,
  submitLabel,
  cancelHref,
}: {
  action: (prev: ActionResult<string> | undefined, formData: FormData) => Promise<ActionResult<string>>;
  initial: PaymentEntityFormValues;
  methods: { value: string; label: string }[];
  uses?: number;
  submitLabel: string;
  cancelHref: string;
}) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const { sent, errors, value, formError, formKey } = formStateView(state);
  return (
    <form action={formAction} key={formKey} className="grid max-w-3xl gap-6" noValidate>
      <FormErrorAlert message={formError} />
      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">Entidad de pago</legend>
        <FormField label="Código" htmlFor="code" required error={errors.code} description="Único; para bancos, el sufijo indica el medio (ej.: BPD-DA débito, BPD-TR transferencia).">
          <Input name="code" defaultValue={value('code', initial.code)} maxLength={20} autoComplete="off" className="font-mono uppercase" {...fieldAria('code', errors.code, true)} />
        </FormField>
        <FormField label="Nombre" htmlFor="name" required error={errors.name}>
          <Input name="name" defaultValue={value('name', initial.name)} maxLength={120} {...fieldAria('name', errors.name)} />
        </FormField>
        <FormField
          label="Medio de pago"
          htmlFor="method"
          required
          error={errors.method}
          description={uses > 0 ? `Usada por ${uses} medio(s) de pago de acuerdos: el medio no se puede cambiar.` : undefined}
        >
          <NativeSelect name="method" defaultValue={value('method', initial.method)} placeholder="Seleccione…" {...fieldAria('method', errors.method, uses > 0)}>
            <ValueOptions options={methods} />
          </NativeSelect>
        </FormField>
        <label className="flex items-center gap-2 self-end pb-2 text-sm">
          <input type="checkbox" name="active" defaultChecked={sent ? sent.active === 'on' : initial.active !== false} className="size-4 accent-primary" />
          Entidad activa (se puede elegir en nuevos medios de pago)
        </label>
      </fieldset>
      <FormActions pending={pending} submitLabel={submitLabel} cancelHref={cancelHref} />
    </form>
  );
}
