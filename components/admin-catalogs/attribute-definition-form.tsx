'use client';

import { useActionState, useState } from 'react';
import { FormActions } from '@/components/forms/form-actions';
import { FormErrorAlert } from '@/components/forms/alerts';
import { ValueOptions } from '@/components/forms/select-options';
import { formStateView } from '@/components/forms/form-state';
import { FormField, fieldAria } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/native-select';
import { Textarea } from '@/components/ui/textarea';
import type { ActionResult } from '@/lib/actions/result';

export type AttributeDefinitionFormValues = {
  key?: string;
  label?: string;
  type?: string;
  entity?: string;
  required?: boolean;
  options?: string[] | null;
  position?: number;
  active?: boolean;
};

type Option = { value: string; label: string };

/**
 * Create / edit a dynamic attribute definition. When editing, key and entity are shown read-only
 * (sent as hidden fields, and checked again by the data layer): stored values live under the key.
 */
export function AttributeDefinitionForm({
  action,
  initial,
  types,
  entities,
  editing = false,
  submitLabel,
  cancelHref,
}: {
  action: (prev: ActionResult<string> | undefined, formData: FormData) => Promise<ActionResult<string>>;
  initial: AttributeDefinitionFormValues;
  types: Option[];
  entities: Option[];
  editing?: boolean;
  submitLabel: string;
  cancelHref: string;
}) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const { sent, errors, value, formError, formKey } = formStateView(state);
  const [type, setType] = useState(value('type', initial.type));
  const checked = (key: 'required' | 'active', fallback: boolean) => (sent ? sent[key] === 'on' : fallback);
  const entityLabel = entities.find((e) => e.value === initial.entity)?.label ?? initial.entity;

  return (
    <form action={formAction} key={formKey} className="grid max-w-3xl gap-6" noValidate>
      <FormErrorAlert message={formError} />
      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">Atributo</legend>
        {editing ? (
          <>
            <FormField label="Clave" htmlFor="key" error={errors.key} description="No se puede cambiar: los valores guardados usan esta clave.">
              <Input value={initial.key} readOnly className="font-mono" {...fieldAria('key', errors.key, true)} />
              <input type="hidden" name="key" value={initial.key} />
            </FormField>
            <FormField label="Se aplica a" htmlFor="entity" error={errors.entity}>
              <Input value={entityLabel} readOnly {...fieldAria('entity', errors.entity)} />
              <input type="hidden" name="entity" value={initial.entity} />
            </FormField>
          </>
        ) : (
          <>
            <FormField label="Clave" htmlFor="key" required error={errors.key} description="Minúsculas, dígitos y guiones bajos (ej.: zona_riego). No se podrá cambiar.">
              <Input name="key" defaultValue={value('key', initial.key)} maxLength={40} autoComplete="off" className="font-mono" {...fieldAria('key', errors.key, true)} />
            </FormField>
            <FormField label="Se aplica a" htmlFor="entity" required error={errors.entity}>
              <NativeSelect name="entity" defaultValue={value('entity', initial.entity)} placeholder="Seleccione…" {...fieldAria('entity', errors.entity)}>
                <ValueOptions options={entities} />
              </NativeSelect>
            </FormField>
          </>
        )}
        <FormField label="Etiqueta" htmlFor="label" required error={errors.label} description="Lo que ve el usuario en formularios y filtros.">
          <Input name="label" defaultValue={value('label', initial.label)} maxLength={80} {...fieldAria('label', errors.label, true)} />
        </FormField>
        <FormField label="Tipo" htmlFor="type" required error={errors.type}>
          <NativeSelect name="type" value={type} onChange={(e) => setType(e.target.value)} placeholder="Seleccione…" {...fieldAria('type', errors.type)}>
            <ValueOptions options={types} />
          </NativeSelect>
        </FormField>
        {type === 'CHOICE' ? (
          <FormField label="Opciones" htmlFor="options" required error={errors.options} description="Una por línea; al menos dos." className="md:col-span-2">
            <Textarea name="options" rows={5} defaultValue={value('options', initial.options?.join('\n'))} {...fieldAria('options', errors.options, true)} />
          </FormField>
        ) : null}
        <FormField label="Orden" htmlFor="position" error={errors.position} description="Posición en los formularios (menor primero).">
          <Input name="position" inputMode="numeric" maxLength={4} defaultValue={value('position', initial.position ?? 0)} className="w-28" {...fieldAria('position', errors.position, true)} />
        </FormField>
        <div className="grid content-end gap-2 pb-2 text-sm">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="required" defaultChecked={checked('required', initial.required === true)} className="size-4 accent-primary" />
            Obligatorio
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="active" defaultChecked={checked('active', initial.active !== false)} className="size-4 accent-primary" />
            Activo (se muestra en formularios y filtros)
          </label>
        </div>
      </fieldset>
      <FormActions pending={pending} submitLabel={submitLabel} cancelHref={cancelHref} />
    </form>
  );
}
