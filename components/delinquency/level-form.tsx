'use client';

import { useActionState } from 'react';
import { FormErrorAlert } from '@/components/forms/alerts';
import { FormActions } from '@/components/forms/form-actions';
import { formStateView } from '@/components/forms/form-state';
import { FormField, fieldAria } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Textarea } from '@/components/ui/textarea';
import type { ActionResult } from '@/lib/actions/result';

export type LevelFormValues = {
  name?: string;
  daysPastGrace?: number;
  minDebt?: string;
  actions?: readonly string[];
  lateFeeConceptId?: string | null;
  bannerText?: string | null;
  active?: boolean;
};

const ACTIONS: { value: string; label: string; hint: string }[] = [
  { value: 'LATE_FEE', label: 'Recargo por mora', hint: 'Emite una nota de débito con el concepto elegido.' },
  { value: 'NOTICE_EMAIL', label: 'Aviso por correo', hint: 'Al correo del acuerdo (si no tiene, se registra como omitido).' },
  { value: 'DISCONNECTION_ORDER', label: 'Orden de corte', hint: 'Una orden pendiente por cada cuenta activa del acuerdo.' },
  { value: 'PORTAL_BANNER', label: 'Aviso en el portal', hint: 'El cliente ve el texto del aviso en su portal.' },
];

/** Create / edit a delinquency policy level. */
export function DelinquencyLevelForm({
  action,
  initial,
  concepts,
  submitLabel,
  cancelHref,
}: {
  action: (prev: ActionResult<string> | undefined, formData: FormData) => Promise<ActionResult<string>>;
  initial: LevelFormValues;
  concepts: { id: string; code: string; name: string; amount: string | null }[];
  submitLabel: string;
  cancelHref: string;
}) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const { sent, errors, value, formError, formKey } = formStateView(state);
  const sentActions = sent ? ([] as string[]).concat(sent.actions ?? []) : null;
  const checked = (a: string) => (sentActions ? sentActions.includes(a) : (initial.actions ?? []).includes(a));
  return (
    <form action={formAction} key={formKey} className="grid max-w-3xl gap-6" noValidate>
      <FormErrorAlert message={formError} />
      <fieldset className="grid gap-4 md:grid-cols-3">
        <legend className="mb-2 text-base font-semibold">Nivel</legend>
        <FormField label="Nombre" htmlFor="name" required error={errors.name}>
          <Input name="name" defaultValue={value('name', initial.name)} maxLength={80} {...fieldAria('name', errors.name)} />
        </FormField>
        <FormField label="Días después de la gracia" htmlFor="daysPastGrace" required error={errors.daysPastGrace} description="Desde cuántos días vencida la gracia aplica (1 = el primer día de mora).">
          <Input name="daysPastGrace" inputMode="numeric" defaultValue={value('daysPastGrace', initial.daysPastGrace)} {...fieldAria('daysPastGrace', errors.daysPastGrace)} />
        </FormField>
        <FormField label="Deuda vencida mínima" htmlFor="minDebt" required error={errors.minDebt} description="En la moneda del acuerdo.">
          <Input name="minDebt" inputMode="decimal" defaultValue={value('minDebt', initial.minDebt ?? '0.00')} className="tabular-nums" {...fieldAria('minDebt', errors.minDebt)} />
        </FormField>
      </fieldset>
      <fieldset className="grid gap-3" aria-describedby={errors.actions ? 'actions-error' : undefined}>
        <legend className="mb-2 text-base font-semibold">Acciones</legend>
        {ACTIONS.map((a) => (
          <label key={a.value} className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="actions[]" value={a.value} defaultChecked={checked(a.value)} className="mt-0.5 size-4 accent-primary" />
            <span>
              <span className="font-medium">{a.label}</span> <span className="text-muted-foreground">— {a.hint}</span>
            </span>
          </label>
        ))}
        {errors.actions ? (
          <p id="actions-error" className="text-sm text-destructive">
            {errors.actions[0]}
          </p>
        ) : null}
      </fieldset>
      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">Detalle de las acciones</legend>
        <FormField label="Concepto del recargo" htmlFor="lateFeeConceptId" error={errors.lateFeeConceptId} description="Obligatorio con «Recargo por mora»: un concepto de tipo recargo por mora.">
          <NativeSelect name="lateFeeConceptId" defaultValue={value('lateFeeConceptId', initial.lateFeeConceptId)} {...fieldAria('lateFeeConceptId', errors.lateFeeConceptId)}>
            <NativeSelectOption value="">Sin recargo</NativeSelectOption>
            {concepts.map((c) => (
              <NativeSelectOption key={c.id} value={c.id}>
                {c.code} — {c.name}
                {c.amount ? ` (${c.amount})` : ''}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </FormField>
        <FormField label="Texto del aviso en el portal" htmlFor="bannerText" error={errors.bannerText} description="Obligatorio con «Aviso en el portal».">
          <Textarea name="bannerText" rows={3} maxLength={500} defaultValue={value('bannerText', initial.bannerText)} {...fieldAria('bannerText', errors.bannerText)} />
        </FormField>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="active" defaultChecked={sent ? sent.active === 'on' : initial.active !== false} className="size-4 accent-primary" />
          Nivel activo (lo aplica la próxima corrida de morosidad)
        </label>
      </fieldset>
      <FormActions pending={pending} submitLabel={submitLabel} cancelHref={cancelHref} />
    </form>
  );
}
