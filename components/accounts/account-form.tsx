'use client';

import { useActionState } from 'react';
import { FormActions } from '@/components/forms/form-actions';
import { FormErrorAlert } from '@/components/forms/alerts';
import { ProvinceLocalityFields } from '@/components/forms/province-locality-fields';
import { DynamicAttributeFields } from '@/components/forms/dynamic-attribute-fields';
import { formStateView } from '@/components/forms/form-state';
import { FormField, fieldAria } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import type { ActionResult } from '@/lib/actions/result';
import { GROUP_STATUS_LABELS, type GroupStatus } from '@/lib/domain/crm-status';
import type { AttributeDefinition, AttributeValue } from '@/lib/domain/dynamic-attributes';

export type AccountFormValues = {
  description?: string;
  groupId?: string | null;
  serviceAddress?: string;
  provinceId?: string | null;
  localityId?: string | null;
  tariffCategoryId?: string;
  meterNumber?: string | null;
  startDate?: string;
  attributes?: Record<string, AttributeValue>;
};

type Options = {
  groups: { id: string; code: string; name: string; status: GroupStatus }[];
  tariffCategories: { id: string; name: string }[];
  provinces: { id: string; name: string }[];
  localities: { id: string; name: string; provinceId: string }[];
  definitions: AttributeDefinition[];
};

export function AccountForm({
  action,
  initial,
  options,
  agreementLabel,
  submitLabel,
  cancelHref,
}: {
  action: (prev: ActionResult<string> | undefined, formData: FormData) => Promise<ActionResult<string>>;
  initial: AccountFormValues;
  options: Options;
  /** The agreement the account belongs to, shown read-only ("AC-000001 — Nombre"). */
  agreementLabel: string;
  submitLabel: string;
  cancelHref: string;
}) {
  const [state, formAction, pending] = useActionState(action, undefined);
  // After a failed submit the form shows what the user typed, not the initial values.
  const { sent, errors, value, formError, formKey } = formStateView(state);
  const v = (key: Exclude<keyof AccountFormValues, 'attributes'>) => value(key, initial[key]);

  return (
    <form action={formAction} key={formKey} className="grid max-w-4xl gap-6" noValidate>
      <FormErrorAlert message={formError} />
      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">Cuenta</legend>
        <FormField label="Acuerdo" htmlFor="agreement">
          <Input id="agreement" value={agreementLabel} readOnly disabled />
        </FormField>
        <FormField label="Grupo de cuentas" htmlFor="groupId" error={errors.groupId} description={options.groups.length ? undefined : 'El acuerdo no tiene grupos abiertos.'}>
          <NativeSelect name="groupId" defaultValue={v('groupId')} disabled={!options.groups.length} {...fieldAria('groupId', errors.groupId, !options.groups.length)}>
            <NativeSelectOption value="">— Sin grupo —</NativeSelectOption>
            {options.groups.map((g) => (
              <NativeSelectOption key={g.id} value={g.id}>
                {g.code} — {g.name}
                {g.status === 'ACTIVE' ? '' : ` (${GROUP_STATUS_LABELS[g.status]})`}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </FormField>
        <FormField label="Descripción" htmlFor="description" required error={errors.description} description="Se imprime en la factura cuando los ítems se agrupan por cuenta." className="md:col-span-2">
          <Input name="description" defaultValue={v('description')} maxLength={200} {...fieldAria('description', errors.description, true)} />
        </FormField>
        <FormField label="Categoría tarifaria" htmlFor="tariffCategoryId" required error={errors.tariffCategoryId}>
          <NativeSelect name="tariffCategoryId" defaultValue={v('tariffCategoryId')} placeholder="Seleccione…" {...fieldAria('tariffCategoryId', errors.tariffCategoryId)}>
            {options.tariffCategories.map((c) => (
              <NativeSelectOption key={c.id} value={c.id}>
                {c.name}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </FormField>
        <FormField label="Número de medidor" htmlFor="meterNumber" error={errors.meterNumber} description="Opcional. Un medidor solo puede estar en una cuenta abierta.">
          <Input name="meterNumber" defaultValue={v('meterNumber')} maxLength={30} autoComplete="off" className="font-mono" {...fieldAria('meterNumber', errors.meterNumber, true)} />
        </FormField>
        <FormField label="Fecha de alta" htmlFor="startDate" required error={errors.startDate}>
          <Input name="startDate" type="date" defaultValue={v('startDate')} {...fieldAria('startDate', errors.startDate)} />
        </FormField>
      </fieldset>

      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">Suministro</legend>
        <FormField label="Domicilio del suministro" htmlFor="serviceAddress" required error={errors.serviceAddress} className="md:col-span-2">
          <Input name="serviceAddress" defaultValue={v('serviceAddress')} maxLength={300} {...fieldAria('serviceAddress', errors.serviceAddress)} />
        </FormField>
        <ProvinceLocalityFields provinces={options.provinces} localities={options.localities} initialProvinceId={value('provinceId', initial.provinceId)} defaultLocalityId={v('localityId')} error={errors.localityId} />
      </fieldset>

      <DynamicAttributeFields definitions={options.definitions} initial={initial.attributes} errors={errors} value={value} sent={sent} />

      <FormActions pending={pending} submitLabel={submitLabel} cancelHref={cancelHref} />
    </form>
  );
}
