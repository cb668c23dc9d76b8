'use client';

import { useActionState, useState } from 'react';
import { FormActions } from '@/components/forms/form-actions';
import { FormErrorAlert } from '@/components/forms/alerts';
import { formStateView } from '@/components/forms/form-state';
import { FormField, fieldAria } from '@/components/ui/form-field';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Textarea } from '@/components/ui/textarea';
import type { ActionResult } from '@/lib/actions/result';
import { ACCOUNT_STATUS_LABELS, WORK_ORDER_TYPE_LABELS, type AccountStatus } from '@/lib/domain/crm-status';
import { ACCOUNT_ONLY_TYPES, MANUAL_WORK_ORDER_TYPES, REQUIRED_ACCOUNT_STATUS, type ManualWorkOrderType } from '@/lib/validation/work-order';

export type WorkOrderFormValues = { type?: string; target?: string; accountId?: string; description?: string };

/** The new-order form of one agreement: type, target (an account of the agreement or the whole agreement), description. */
export function WorkOrderForm({
  action,
  agreementId,
  accounts,
  initial,
  cancelHref,
}: {
  action: (prev: ActionResult<string> | undefined, formData: FormData) => Promise<ActionResult<string>>;
  agreementId: string;
  accounts: { id: string; number: string; description: string; status: AccountStatus }[];
  initial: WorkOrderFormValues;
  cancelHref: string;
}) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const { errors, value, formError, formKey } = formStateView(state);
  const v = (key: keyof WorkOrderFormValues) => value(key, initial[key]);
  const [type, setType] = useState(v('type'));
  const [target, setTarget] = useState(v('target') || 'ACCOUNT');
  const accountOnly = (ACCOUNT_ONLY_TYPES as readonly string[]).includes(type);
  const effectiveTarget = accountOnly ? 'ACCOUNT' : target;
  const needed = REQUIRED_ACCOUNT_STATUS[type as ManualWorkOrderType];

  return (
    <form action={formAction} key={formKey} className="grid max-w-3xl gap-6" noValidate>
      <FormErrorAlert message={formError} />
      <input type="hidden" name="agreementId" value={agreementId} />
      <div className="grid gap-4 md:grid-cols-2">
        <FormField label="Tipo de orden" htmlFor="type" required error={errors.type} description="Las activaciones se crean solas al registrar el acuerdo o un grupo.">
          <NativeSelect name="type" value={type} onChange={(e) => setType(e.target.value)} placeholder="Seleccione…" {...fieldAria('type', errors.type, true)}>
            {MANUAL_WORK_ORDER_TYPES.map((t) => (
              <NativeSelectOption key={t} value={t}>
                {WORK_ORDER_TYPE_LABELS[t]}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </FormField>
        <FormField label="Sobre" htmlFor="target" required error={errors.target} description={accountOnly ? 'Este tipo de orden se hace sobre una cuenta.' : undefined}>
          <NativeSelect name="target" value={effectiveTarget} onChange={(e) => setTarget(e.target.value)} {...fieldAria('target', errors.target, accountOnly)}>
            <NativeSelectOption value="ACCOUNT">Una cuenta</NativeSelectOption>
            <NativeSelectOption value="AGREEMENT" disabled={accountOnly}>
              Todo el acuerdo
            </NativeSelectOption>
          </NativeSelect>
        </FormField>
        {effectiveTarget === 'ACCOUNT' ? (
          <FormField
            label="Cuenta"
            htmlFor="accountId"
            required
            error={errors.accountId}
            className="md:col-span-2"
            description={needed ? `Solo se puede ${needed.verb}.` : accounts.length === 0 ? 'Este acuerdo todavía no tiene cuentas.' : undefined}
          >
            <NativeSelect name="accountId" defaultValue={v('accountId')} placeholder="Seleccione…" {...fieldAria('accountId', errors.accountId, Boolean(needed) || accounts.length === 0)}>
              {accounts.map((a) => (
                <NativeSelectOption key={a.id} value={a.id}>
                  {a.number} — {a.description} ({ACCOUNT_STATUS_LABELS[a.status]})
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </FormField>
        ) : null}
        <FormField label="Descripción del trabajo" htmlFor="description" required error={errors.description} className="md:col-span-2">
          <Textarea name="description" defaultValue={v('description')} rows={4} maxLength={2000} placeholder="Qué hay que hacer, dónde y por qué." {...fieldAria('description', errors.description)} />
        </FormField>
      </div>
      <FormActions pending={pending} submitLabel="Crear orden" cancelHref={cancelHref} />
    </form>
  );
}
