'use client';

import { useActionState } from 'react';
import { FormActions } from '@/components/forms/form-actions';
import { FormErrorAlert } from '@/components/forms/alerts';
import { DynamicAttributeFields } from '@/components/forms/dynamic-attribute-fields';
import { formStateView } from '@/components/forms/form-state';
import { FormField, fieldAria } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import type { ActionResult } from '@/lib/actions/result';
import type { AttributeDefinition, AttributeValue } from '@/lib/domain/dynamic-attributes';

export type AccountGroupFormValues = {
  name?: string;
  branchId?: string;
  billingAddress?: string;
  deliveryAddress?: string | null;
  email?: string | null;
  attributes?: Record<string, AttributeValue>;
};

export function AccountGroupForm({
  action,
  initial,
  branches,
  definitions,
  agreementLabel,
  submitLabel,
  cancelHref,
}: {
  action: (prev: ActionResult<string> | undefined, formData: FormData) => Promise<ActionResult<string>>;
  initial: AccountGroupFormValues;
  branches: { id: string; name: string }[];
  /** The active ACCOUNT_GROUP dynamic attribute definitions. */
  definitions: AttributeDefinition[];
  /** The agreement the group belongs to, shown read-only ("AC-000001 — Nombre"). */
  agreementLabel: string;
  submitLabel: string;
  cancelHref: string;
}) {
  const [state, formAction, pending] = useActionState(action, undefined);
  // After a failed submit the form shows what the user typed, not the initial values.
  const { sent, errors, value, formError, formKey } = formStateView(state);
  const v = (key: Exclude<keyof AccountGroupFormValues, 'attributes'>) => value(key, initial[key]);

  return (
    <form action={formAction} key={formKey} className="grid max-w-4xl gap-6" noValidate>
      <FormErrorAlert message={formError} />
      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">Datos del grupo</legend>
        <FormField label="Acuerdo" htmlFor="agreement" className="md:col-span-2">
          <Input id="agreement" value={agreementLabel} readOnly disabled />
        </FormField>
        <FormField label="Nombre" htmlFor="name" required error={errors.name}>
          <Input name="name" defaultValue={v('name')} maxLength={200} {...fieldAria('name', errors.name)} />
        </FormField>
        <FormField label="Sucursal" htmlFor="branchId" required error={errors.branchId}>
          <NativeSelect name="branchId" defaultValue={v('branchId')} placeholder="Seleccione…" {...fieldAria('branchId', errors.branchId)}>
            {branches.map((b) => (
              <NativeSelectOption key={b.id} value={b.id}>
                {b.name}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </FormField>
      </fieldset>
      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">Facturación y entrega</legend>
        <FormField label="Domicilio de facturación" htmlFor="billingAddress" required error={errors.billingAddress} className="md:col-span-2">
          <Input name="billingAddress" defaultValue={v('billingAddress')} maxLength={300} {...fieldAria('billingAddress', errors.billingAddress)} />
        </FormField>
        <FormField label="Domicilio de entrega" htmlFor="deliveryAddress" error={errors.deliveryAddress} description="Donde se recibe la factura impresa, si difiere del de facturación." className="md:col-span-2">
          <Input name="deliveryAddress" defaultValue={v('deliveryAddress')} maxLength={300} {...fieldAria('deliveryAddress', errors.deliveryAddress, true)} />
        </FormField>
        <FormField label="Correo electrónico" htmlFor="email" error={errors.email}>
          <Input name="email" type="email" defaultValue={v('email')} {...fieldAria('email', errors.email)} />
        </FormField>
      </fieldset>
      <DynamicAttributeFields definitions={definitions} initial={initial.attributes} errors={errors} value={value} sent={sent} />
      <FormActions pending={pending} submitLabel={submitLabel} cancelHref={cancelHref} />
    </form>
  );
}
