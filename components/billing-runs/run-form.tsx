'use client';

import { useActionState, useState } from 'react';
import { Eye, LoaderCircle, Receipt } from 'lucide-react';
import { FormErrorAlert } from '@/components/forms/alerts';
import { formStateView } from '@/components/forms/form-state';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormField, fieldAria } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Textarea } from '@/components/ui/textarea';
import type { ActionResult } from '@/lib/actions/result';
import { formatDate, formatPeriod } from '@/lib/domain/format';
import { BILLING_RUN_SCOPE_LABELS, parseAgreementCodes, type BillingRunScopeKind } from '@/lib/validation/invoices';

type Action = (prev: ActionResult<string> | undefined, formData: FormData) => Promise<ActionResult<string>>;
type Branch = { id: string; name: string };
type Values = { period: string; issueDate: string; scope: BillingRunScopeKind; branchId: string; agreementCodes: string };

const PERIOD_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** What the confirmation says the run will bill, e.g. 'Santo Domingo Centro' or '3 acuerdos seleccionados'. */
function scopeText(v: Values, branches: Branch[], allowAll: boolean): string {
  if (v.scope === 'BRANCH') return branches.find((b) => b.id === v.branchId)?.name ?? 'la sucursal elegida';
  if (v.scope === 'AGREEMENTS') {
    const n = parseAgreementCodes(v.agreementCodes).length;
    return n === 1 ? '1 acuerdo seleccionado' : `${n} acuerdos seleccionados`;
  }
  return allowAll && branches.length === 1 ? branches[0].name : 'todas sus sucursales';
}

/**
 * The billing run form: period, issue date and scope, then "Vista previa" (nothing is written)
 * or "Facturar" (confirmed in a dialog that repeats the period and scope).
 */
export function BillingRunForm({ action, branches, allowAll, initial }: { action: Action; branches: Branch[]; allowAll: boolean; initial: Omit<Values, 'scope' | 'agreementCodes' | 'branchId'> }) {
  const [state, dispatch, pending] = useActionState(action, undefined);
  const { errors, value, formError, formKey } = formStateView(state);
  const start: Values = {
    period: value('period', initial.period),
    issueDate: value('issueDate', initial.issueDate),
    scope: (value('scope', allowAll ? 'ALL' : 'BRANCH') as BillingRunScopeKind) || 'ALL',
    branchId: value('branchId', branches.length === 1 ? branches[0].id : ''),
    agreementCodes: value('agreementCodes', ''),
  };
  return <Fields key={formKey} start={start} errors={errors} formError={formError} dispatch={dispatch} pending={pending} branches={branches} allowAll={allowAll} />;
}

function Fields({
  start,
  errors,
  formError,
  dispatch,
  pending,
  branches,
  allowAll,
}: {
  start: Values;
  errors: Record<string, string[]>;
  formError?: string;
  dispatch: (formData: FormData) => void;
  pending: boolean;
  branches: Branch[];
  allowAll: boolean;
}) {
  const [v, setV] = useState<Values>(start);
  const set = (patch: Partial<Values>) => setV((old) => ({ ...old, ...patch }));
  const scopes = (Object.keys(BILLING_RUN_SCOPE_LABELS) as BillingRunScopeKind[]).filter((s) => s !== 'ALL' || allowAll);
  const ready = PERIOD_RE.test(v.period) && DATE_RE.test(v.issueDate);

  const formId = 'billing-run-form';
  // The "Facturar" dialog posts its own form (hidden fields), so the buttons sit after the main form, not inside it.
  return (
    <div className="grid gap-4">
      <form id={formId} action={dispatch} className="grid gap-4" noValidate>
        <FormErrorAlert message={formError} />
        <input type="hidden" name="mode" value="PREVIEW" />
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <FormField label="Período" htmlFor="period" required error={errors.period} description="Mes que se factura.">
            <Input type="month" name="period" value={v.period} onChange={(e) => set({ period: e.target.value })} {...fieldAria('period', errors.period, true)} />
          </FormField>
          <FormField label="Fecha de emisión" htmlFor="issueDate" required error={errors.issueDate}>
            <Input type="date" name="issueDate" value={v.issueDate} onChange={(e) => set({ issueDate: e.target.value })} {...fieldAria('issueDate', errors.issueDate)} />
          </FormField>
          <FormField label="Alcance" htmlFor="scope" required error={errors.scope}>
            <NativeSelect name="scope" value={v.scope} onChange={(e) => set({ scope: e.target.value as BillingRunScopeKind })} {...fieldAria('scope', errors.scope)}>
              {scopes.map((s) => (
                <NativeSelectOption key={s} value={s}>
                  {BILLING_RUN_SCOPE_LABELS[s]}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </FormField>
          {v.scope === 'BRANCH' ? (
            <FormField label="Sucursal" htmlFor="branchId" required error={errors.branchId}>
              <NativeSelect name="branchId" value={v.branchId} onChange={(e) => set({ branchId: e.target.value })} {...fieldAria('branchId', errors.branchId)}>
                <NativeSelectOption value="">Seleccione…</NativeSelectOption>
                {branches.map((b) => (
                  <NativeSelectOption key={b.id} value={b.id}>
                    {b.name}
                  </NativeSelectOption>
                ))}
              </NativeSelect>
            </FormField>
          ) : null}
        </div>
        {v.scope === 'AGREEMENTS' ? (
          <FormField label="Códigos de acuerdo" htmlFor="agreementCodes" required error={errors.agreementCodes} description="Uno por línea, o separados por comas o espacios (p. ej. AC-000012). Solo acuerdos de sus sucursales.">
            <Textarea name="agreementCodes" rows={4} value={v.agreementCodes} onChange={(e) => set({ agreementCodes: e.target.value })} className="font-mono" {...fieldAria('agreementCodes', errors.agreementCodes, true)} />
          </FormField>
        ) : null}
      </form>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" form={formId} variant="outline" disabled={pending}>
          {pending ? <LoaderCircle className="animate-spin" aria-hidden /> : <Eye />}
          Vista previa
        </Button>
        <ConfirmDialog
          trigger={
            <Button type="button" disabled={pending || !ready}>
              <Receipt /> Facturar
            </Button>
          }
          title={ready ? `Facturar ${formatPeriod(v.period)}` : 'Facturar'}
          description={
            <div className="grid gap-2">
              <p>
                Se emitirán facturas con número fiscal para <strong>{scopeText(v, branches, allowAll)}</strong>, período <strong>{ready ? formatPeriod(v.period) : v.period}</strong>, con fecha de emisión{' '}
                <strong>{ready ? formatDate(v.issueDate) : v.issueDate}</strong>.
              </p>
              <p>Lo ya facturado en el período no se vuelve a facturar. Las facturas emitidas no se modifican: las correcciones se hacen con notas de crédito o débito.</p>
            </div>
          }
          confirmLabel="Facturar"
          formAction={dispatch}
          hiddenFields={{ mode: 'RUN', period: v.period, issueDate: v.issueDate, scope: v.scope, branchId: v.scope === 'BRANCH' ? v.branchId : '', agreementCodes: v.scope === 'AGREEMENTS' ? v.agreementCodes : '' }}
        />
      </div>
    </div>
  );
}
