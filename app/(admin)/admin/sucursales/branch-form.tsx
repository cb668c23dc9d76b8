'use client';

import { useActionState } from 'react';
import { FormActions } from '@/components/forms/form-actions';
import { FormErrorAlert } from '@/components/forms/alerts';
import { ProvinceLocalityFields } from '@/components/forms/province-locality-fields';
import { FormField, fieldAria } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { formStateView } from '@/components/forms/form-state';
import type { ActionResult } from '@/lib/actions/result';

export type BranchFormValues = {
  code?: string;
  name?: string;
  address?: string;
  provinceId?: string | null;
  localityId?: string;
  phone?: string | null;
  active?: boolean;
};

type Options = {
  provinces: { id: string; name: string }[];
  localities: { id: string; name: string; provinceId: string }[];
};

export function BranchForm({
  action,
  initial,
  options,
  submitLabel,
  cancelHref,
}: {
  action: (prev: ActionResult<string> | undefined, formData: FormData) => Promise<ActionResult<string>>;
  initial: BranchFormValues;
  options: Options;
  submitLabel: string;
  cancelHref: string;
}) {
  const [state, formAction, pending] = useActionState(action, undefined);
  // After a failed submit the form shows what the user typed, not the initial values.
  const { sent, errors, value, formError, formKey } = formStateView(state);
  const v = (key: Exclude<keyof BranchFormValues, 'active'>) => value(key, initial[key]);

  return (
    <form action={formAction} key={formKey} className="grid max-w-3xl gap-6" noValidate>
      <FormErrorAlert message={formError} />
      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">Sucursal</legend>
        <FormField label="Código" htmlFor="code" required error={errors.code} description="De 2 a 10 letras mayúsculas o dígitos (ej.: SDC).">
          <Input name="code" defaultValue={v('code')} maxLength={10} autoComplete="off" className="font-mono uppercase" {...fieldAria('code', errors.code, true)} />
        </FormField>
        <FormField label="Nombre" htmlFor="name" required error={errors.name}>
          <Input name="name" defaultValue={v('name')} maxLength={120} {...fieldAria('name', errors.name)} />
        </FormField>
        <FormField label="Dirección" htmlFor="address" required error={errors.address} className="md:col-span-2">
          <Input name="address" defaultValue={v('address')} maxLength={300} {...fieldAria('address', errors.address)} />
        </FormField>
        <ProvinceLocalityFields provinces={options.provinces} localities={options.localities} initialProvinceId={initial.provinceId ?? ''} defaultLocalityId={v('localityId')} error={errors.localityId} required />
        <FormField label="Teléfono" htmlFor="phone" error={errors.phone}>
          <Input name="phone" type="tel" defaultValue={v('phone')} placeholder="809-555-0123" {...fieldAria('phone', errors.phone)} />
        </FormField>
        <label className="flex items-center gap-2 self-end pb-2 text-sm">
          <input type="checkbox" name="active" defaultChecked={sent ? sent.active === 'on' : initial.active !== false} className="size-4 accent-primary" />
          Sucursal activa
        </label>
      </fieldset>

      <FormActions pending={pending} submitLabel={submitLabel} cancelHref={cancelHref} />
    </form>
  );
}
