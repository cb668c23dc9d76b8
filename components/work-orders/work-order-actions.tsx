'use client';

import { useActionState, useState } from 'react';
import { Check, ClipboardCheck, X } from 'lucide-react';
import { DialogFormFooter } from '@/components/forms/dialog-form-footer';
import { ActionResultAlert } from '@/components/forms/alerts';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormField, fieldAria } from '@/components/ui/form-field';
import { Textarea } from '@/components/ui/textarea';
import type { ActionResult } from '@/lib/actions/result';

type Action = (prev: ActionResult<undefined> | undefined, formData: FormData) => Promise<ActionResult<undefined>>;

/**
 * Approve / reject / mark done, each shown only when the page says it is legal and allowed.
 * The server checks everything again; its answer shows above the buttons.
 */
export function WorkOrderActions({
  number,
  approve,
  reject,
  complete,
  ownOrder,
  accountEffect,
}: {
  number: string;
  approve?: Action;
  reject?: Action;
  complete?: Action;
  /** The actor created the order: someone else must decide it. */
  ownOrder?: boolean;
  /** What completing does to the account, e.g. "La cuenta CU-000001 quedará cortada." */
  accountEffect?: string;
}) {
  const [approveState, dispatchApprove] = useActionState(approve ?? noop, undefined);
  const [lastResult, setLastResult] = useState<ActionResult<undefined> | undefined>();
  const result = lastResult ?? approveState;
  const hasControls = Boolean(approve || reject || complete || ownOrder);
  if (!result && !hasControls) return null;

  return (
    <div className="grid gap-3">
      {result ? <ActionResultAlert state={result} /> : null}
      <div className="flex flex-wrap items-center gap-2 empty:hidden">
        {approve ? (
          <ConfirmDialog
            trigger={
              <Button onClick={() => setLastResult(undefined)}>
                <Check /> Aprobar
              </Button>
            }
            title={`¿Aprobar la orden ${number}?`}
            description="La orden quedará aprobada para su ejecución. Si es una activación, el acuerdo o grupo pasa a Activo en este momento."
            confirmLabel="Aprobar"
            formAction={dispatchApprove}
          />
        ) : null}
        {ownOrder ? <p className="text-sm text-muted-foreground">Usted creó esta orden: debe aprobarla otro usuario.</p> : null}
        {reject ? (
          <ReasonDialog
            action={reject}
            onResult={setLastResult}
            trigger={
              <Button variant="outline">
                <X /> Rechazar
              </Button>
            }
            title={`Rechazar la orden ${number}`}
            description="El motivo queda registrado en la orden y lo verá quien la creó."
            field="reason"
            label="Motivo del rechazo"
            required
            confirmLabel="Rechazar"
            destructive
          />
        ) : null}
        {complete ? (
          <ReasonDialog
            action={complete}
            onResult={setLastResult}
            trigger={
              <Button variant={approve ? 'outline' : 'default'}>
                <ClipboardCheck /> Marcar como realizada
              </Button>
            }
            title={`Marcar la orden ${number} como realizada`}
            description={accountEffect ? `Confirme que el trabajo se hizo. ${accountEffect}` : 'Confirme que el trabajo se hizo.'}
            field="notes"
            label="Notas de ejecución (opcional)"
            confirmLabel="Marcar como realizada"
          />
        ) : null}
      </div>
    </div>
  );
}

async function noop(): Promise<ActionResult<undefined>> {
  return { ok: true, data: undefined };
}

/** A dialog with one text field, sent to a server action; it closes when the action succeeds. */
function ReasonDialog({
  action,
  onResult,
  trigger,
  title,
  description,
  field,
  label,
  required,
  confirmLabel,
  destructive,
}: {
  action: Action;
  onResult: (r: ActionResult<undefined>) => void;
  trigger: React.ReactNode;
  title: string;
  description: string;
  field: string;
  label: string;
  required?: boolean;
  confirmLabel: string;
  destructive?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [state, dispatch, pending] = useActionState(async (prev: ActionResult<undefined> | undefined, formData: FormData) => {
    const r = await action(prev, formData);
    // Field errors stay in the dialog; anything else (success, or the order changed meanwhile) shows on the page.
    if (r.ok || !r.fieldErrors) {
      onResult(r);
      setOpen(false);
    }
    return r;
  }, undefined);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const id = `wo-${field}`;

  return (
    <Dialog open={open} onOpenChange={(next) => (!pending ? setOpen(next) : undefined)}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent>
        <form action={dispatch} className="grid gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>{title}</DialogTitle>
            <DialogDescription>{description}</DialogDescription>
          </DialogHeader>
          <FormField label={label} htmlFor={id} required={required} error={errors[field]}>
            <Textarea name={field} rows={4} maxLength={2000} defaultValue={state && !state.ok ? String(state.values?.[field] ?? '') : ''} {...fieldAria(id, errors[field])} />
          </FormField>
          <DialogFormFooter pending={pending} confirmLabel={confirmLabel} destructive={destructive} />
        </form>
      </DialogContent>
    </Dialog>
  );
}
