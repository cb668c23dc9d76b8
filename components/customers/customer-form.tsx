'use client';

import { useActionState } from 'react';
import { FormActions } from '@/components/forms/form-actions';
import { FormErrorAlert } from '@/components/forms/alerts';
import { LabelledOptions } from '@/components/forms/select-options';
import { ProvinceLocalityFields } from '@/components/forms/province-locality-fields';
import { FormField, fieldAria } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Textarea } from '@/components/ui/textarea';
import { formStateView } from '@/components/forms/form-state';
import type { ActionResult } from '@/lib/actions/result';
import { DOCUMENT_TYPE_LABELS, DOCUMENT_TYPES } from '@/lib/domain/documents';
import { SEGMENT_LABELS, TAX_CONDITION_LABELS } from '@/lib/validation/customer';

export type CustomerFormValues = {
  legalName?: string;
  documentType?: string;
  documentNumber?: string;
  taxCondition?: string;
  segment?: string;
  isLargeAccount?: boolean;
  keyAccountManager?: string | null;
  email?: string | null;
  phone?: string | null;
  address?: string | null;
  provinceId?: string | null;
  localityId?: string | null;
  branchId?: string;
  notes?: string | null;
};

type Options = {
  branches: { id: string; name: string }[];
  provinces: { id: string; name: string }[];
  localities: { id: string; name: string; provinceId: string }[];
};

export function CustomerForm({
  action,
  initial,
  options,
  submitLabel,
  cancelHref,
}: {
  action: (prev: ActionResult<string> | undefined, formData: FormData) => Promise<ActionResult<string>>;
  initial: CustomerFormValues;
  options: Options;
  submitLabel: string;
  cancelHref: string;
}) {
  const [state, formAction, pending] = useActionState(action, undefined);
  // After a failed submit the form shows what the user typed, not the initial values.
  const { sent, errors, value, formError, formKey } = formStateView(state);
  const v = (key: keyof CustomerFormValues) => value(key, initial[key]);

  return (
    <form action={formAction} key={formKey} className="grid max-w-4xl gap-6" noValidate>
      <FormErrorAlert message={formError} />
      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">Identificación</legend>
        <FormField label="Nombre o razón social" htmlFor="legalName" required error={errors.legalName} className="md:col-span-2">
          <Input name="legalName" defaultValue={v('legalName')} maxLength={200} {...fieldAria('legalName', errors.legalName)} />
        </FormField>
        <FormField label="Tipo de documento" htmlFor="documentType" required error={errors.documentType}>
          <NativeSelect name="documentType" defaultValue={v('documentType') || 'RNC'} {...fieldAria('documentType', errors.documentType)}>
            {DOCUMENT_TYPES.map((t) => (
              <NativeSelectOption key={t} value={t}>
                {DOCUMENT_TYPE_LABELS[t]}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </FormField>
        <FormField label="Número de documento" htmlFor="documentNumber" required error={errors.documentNumber} description="RNC: 9 dígitos. Cédula: 11 dígitos. Se verifica el dígito verificador.">
          <Input name="documentNumber" defaultValue={v('documentNumber')} inputMode="numeric" autoComplete="off" {...fieldAria('documentNumber', errors.documentNumber, true)} />
        </FormField>
        <FormField label="Condición fiscal" htmlFor="taxCondition" required error={errors.taxCondition}>
          <NativeSelect name="taxCondition" defaultValue={v('taxCondition') || 'FINAL_CONSUMER'} {...fieldAria('taxCondition', errors.taxCondition)}>
            <LabelledOptions labels={TAX_CONDITION_LABELS} />
          </NativeSelect>
        </FormField>
        <FormField label="Segmento" htmlFor="segment" required error={errors.segment}>
          <NativeSelect name="segment" defaultValue={v('segment') || 'RESIDENTIAL'} {...fieldAria('segment', errors.segment)}>
            <LabelledOptions labels={SEGMENT_LABELS} />
          </NativeSelect>
        </FormField>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="isLargeAccount" defaultChecked={sent ? sent.isLargeAccount === 'on' : !!initial.isLargeAccount} className="size-4 accent-primary" />
          Gran cliente (grandes generadores)
        </label>
        <FormField label="Gestor de cuenta" htmlFor="keyAccountManager" error={errors.keyAccountManager}>
          <Input name="keyAccountManager" defaultValue={v('keyAccountManager')} maxLength={120} {...fieldAria('keyAccountManager', errors.keyAccountManager)} />
        </FormField>
      </fieldset>

      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">Contacto y ubicación</legend>
        <FormField label="Correo electrónico" htmlFor="email" error={errors.email}>
          <Input name="email" type="email" defaultValue={v('email')} {...fieldAria('email', errors.email)} />
        </FormField>
        <FormField label="Teléfono" htmlFor="phone" error={errors.phone}>
          <Input name="phone" type="tel" defaultValue={v('phone')} placeholder="809-555-0123" {...fieldAria('phone', errors.phone)} />
        </FormField>
        <FormField label="Dirección" htmlFor="address" error={errors.address} className="md:col-span-2">
          <Input name="address" defaultValue={v('address')} maxLength={300} {...fieldAria('address', errors.address)} />
        </FormField>
        <ProvinceLocalityFields provinces={options.provinces} localities={options.localities} initialProvinceId={initial.provinceId ?? ''} defaultLocalityId={v('localityId')} error={errors.localityId} />
        <FormField label="Sucursal" htmlFor="branchId" required error={errors.branchId}>
          <NativeSelect name="branchId" defaultValue={v('branchId') || (options.branches.length === 1 ? options.branches[0].id : '')} placeholder="Seleccione…" {...fieldAria('branchId', errors.branchId)}>
            {options.branches.map((b) => (
              <NativeSelectOption key={b.id} value={b.id}>
                {b.name}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </FormField>
        <FormField label="Notas" htmlFor="notes" error={errors.notes} className="md:col-span-2">
          <Textarea name="notes" defaultValue={v('notes')} rows={3} maxLength={2000} {...fieldAria('notes', errors.notes)} />
        </FormField>
      </fieldset>

      <FormActions pending={pending} submitLabel={submitLabel} cancelHref={cancelHref} />
    </form>
  );
}
