'use client';

import { useActionState, useState } from 'react';
import { FormErrorAlert } from '@/components/forms/alerts';
import { FormActions } from '@/components/forms/form-actions';
import { formStateView } from '@/components/forms/form-state';
import { LabelledOptions, ValueOptions } from '@/components/forms/select-options';
import { FormField, fieldAria } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/native-select';
import type { ActionResult } from '@/lib/actions/result';
import { CONCEPT_APPLIES_TO_LABELS, CONCEPT_KIND_LABELS } from '@/lib/domain/billing/labels';

export type ConceptFormValues = {
  code?: string;
  name?: string;
  groupId?: string;
  kind?: string;
  appliesTo?: string;
  automatic?: boolean;
  amount?: string | null;
  percentage?: string | null;
  baseGroupId?: string | null;
  taxRate?: string;
  accountingCode?: string | null;
  position?: number;
  active?: boolean;
};

type Option = { value: string; label: string };

const AMOUNT_HELP: Record<string, string> = {
  FIXED_CHARGE: 'Vacío = del tarifario: el cargo fijo de la tarifa (cuentas con medidor) o la tarifa plana (sin medidor).',
  ONE_OFF: 'Lo que se cobra cada vez que se factura el cargo.',
  LATE_FEE: 'Lo que se cobra por cada factura vencida.',
};

/**
 * Create / edit a billing concept. The fields that depend on the kind appear with it: the amount
 * for fixed charges, one-off fees and late fees; the percentage and its base group for PERCENTAGE.
 */
export function ConceptForm({
  action,
  initial,
  groups,
  taxRates,
  uses = 0,
  submitLabel,
  cancelHref,
}: {
  action: (prev: ActionResult<string> | undefined, formData: FormData) => Promise<ActionResult<string>>;
  initial: ConceptFormValues;
  groups: Option[];
  taxRates: Option[];
  uses?: number;
  submitLabel: string;
  cancelHref: string;
}) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const { sent, errors, value, formError } = formStateView(state);
  const [kind, setKind] = useState(value('kind', initial.kind));
  const checked = (key: 'automatic' | 'active', fallback: boolean) => (sent ? sent[key] === 'on' : fallback);
  const takesAmount = kind === 'FIXED_CHARGE' || kind === 'ONE_OFF' || kind === 'LATE_FEE';

  return (
    <form action={formAction} key={sent ? JSON.stringify(sent) : 'initial'} className="grid max-w-3xl gap-6" noValidate>
      <FormErrorAlert message={formError} />
      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">Concepto</legend>
        <FormField
          label="Código"
          htmlFor="code"
          required
          error={errors.code}
          description={uses > 0 ? `Facturado en ${uses} línea(s): el código no se puede cambiar.` : 'Único; se imprime en las facturas (ej.: AGUA-FIJO).'}
        >
          <Input name="code" defaultValue={value('code', initial.code)} maxLength={20} autoComplete="off" className="font-mono uppercase" readOnly={uses > 0} {...fieldAria('code', errors.code, true)} />
        </FormField>
        <FormField label="Nombre" htmlFor="name" required error={errors.name}>
          <Input name="name" defaultValue={value('name', initial.name)} maxLength={120} {...fieldAria('name', errors.name)} />
        </FormField>
        <FormField label="Grupo" htmlFor="groupId" required error={errors.groupId}>
          <NativeSelect name="groupId" defaultValue={value('groupId', initial.groupId)} placeholder="Seleccione…" {...fieldAria('groupId', errors.groupId)}>
            <ValueOptions options={groups} />
          </NativeSelect>
        </FormField>
        <FormField label="Tipo" htmlFor="kind" required error={errors.kind}>
          <NativeSelect name="kind" value={kind} onChange={(e) => setKind(e.target.value)} placeholder="Seleccione…" {...fieldAria('kind', errors.kind)}>
            <LabelledOptions labels={CONCEPT_KIND_LABELS} />
          </NativeSelect>
        </FormField>
        {takesAmount ? (
          <FormField label="Importe (RD$)" htmlFor="amount" required={kind !== 'FIXED_CHARGE'} error={errors.amount} description={AMOUNT_HELP[kind]}>
            <Input name="amount" inputMode="decimal" defaultValue={value('amount', initial.amount)} placeholder={kind === 'FIXED_CHARGE' ? 'Del tarifario' : '0.00'} className="tabular-nums" {...fieldAria('amount', errors.amount, true)} />
          </FormField>
        ) : null}
        {kind === 'PERCENTAGE' ? (
          <>
            <FormField label="Porcentaje (%)" htmlFor="percentage" required error={errors.percentage} description="Del neto de las líneas del grupo base (ej.: 30).">
              <Input name="percentage" inputMode="decimal" defaultValue={value('percentage', initial.percentage)} className="tabular-nums" {...fieldAria('percentage', errors.percentage, true)} />
            </FormField>
            <FormField label="Grupo base" htmlFor="baseGroupId" required error={errors.baseGroupId}>
              <NativeSelect name="baseGroupId" defaultValue={value('baseGroupId', initial.baseGroupId)} placeholder="Seleccione…" {...fieldAria('baseGroupId', errors.baseGroupId)}>
                <ValueOptions options={groups} />
              </NativeSelect>
            </FormField>
          </>
        ) : null}
        {kind === 'CONSUMPTION' ? (
          <p className="self-end pb-2 text-sm text-muted-foreground md:col-span-2">Se valora con los tramos de consumo de la tarifa de la categoría de cada cuenta.</p>
        ) : null}
      </fieldset>
      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">Facturación</legend>
        <FormField label="Se aplica a" htmlFor="appliesTo" required error={errors.appliesTo}>
          <NativeSelect name="appliesTo" defaultValue={value('appliesTo', initial.appliesTo ?? 'ALL')} {...fieldAria('appliesTo', errors.appliesTo)}>
            <LabelledOptions labels={CONCEPT_APPLIES_TO_LABELS} />
          </NativeSelect>
        </FormField>
        <FormField label="Impuesto" htmlFor="taxRate" required error={errors.taxRate}>
          <NativeSelect name="taxRate" defaultValue={value('taxRate', initial.taxRate ?? '0.00')} {...fieldAria('taxRate', errors.taxRate)}>
            <ValueOptions options={taxRates} />
          </NativeSelect>
        </FormField>
        <FormField label="Cuenta contable" htmlFor="accountingCode" error={errors.accountingCode}>
          <Input name="accountingCode" defaultValue={value('accountingCode', initial.accountingCode)} maxLength={30} placeholder="4.1.01.001" className="font-mono" {...fieldAria('accountingCode', errors.accountingCode)} />
        </FormField>
        <FormField label="Orden" htmlFor="position" error={errors.position} description="Posición dentro del grupo en la factura (menor primero).">
          <Input name="position" inputMode="numeric" maxLength={4} defaultValue={value('position', initial.position ?? 0)} className="w-28" {...fieldAria('position', errors.position, true)} />
        </FormField>
        <div className="grid gap-2 text-sm md:col-span-2">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="automatic" defaultChecked={checked('automatic', initial.automatic === true)} className="size-4 accent-primary" />
            Automático: se factura en cada período a las cuentas a las que se aplica
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="active" defaultChecked={checked('active', initial.active !== false)} className="size-4 accent-primary" />
            Concepto activo
          </label>
        </div>
      </fieldset>
      <FormActions pending={pending} submitLabel={submitLabel} cancelHref={cancelHref} />
    </form>
  );
}
