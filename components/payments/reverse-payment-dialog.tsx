'use client';

import { useActionState, useState } from 'react';
import { LoaderCircle, Undo2 } from 'lucide-react';
import { FormErrorAlert, SuccessAlert } from '@/components/forms/alerts';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormField, fieldAria } from '@/components/ui/form-field';
import { Textarea } from '@/components/ui/textarea';
import type { ActionResult } from '@/lib/actions/result';

type Action = (prev: ActionResult<{ id: string }> | undefined, formData: FormData) => Promise<ActionResult<{ id: string }> | undefined>;

/** "Revertir pago": a confirmation that asks the reason (≥ 5 characters) and shows the action's answer. */
export function ReversePaymentDialog({ action, paymentId, receiptNumber }: { action: Action; paymentId: string; receiptNumber: string }) {
  const [open, setOpen] = useState(false);
  const [state, dispatch, pending] = useActionState<ActionResult<{ id: string }> | undefined, FormData>(async (prev, formData) => {
    const result = await action(prev, formData);
    if (result?.ok) setOpen(false);
    return result;
  }, undefined);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};

  return (
    <>
      {state?.ok ? <SuccessAlert className="mb-4">{state.message}</SuccessAlert> : null}
      <Dialog open={open} onOpenChange={(next) => (pending ? undefined : setOpen(next))}>
        <DialogTrigger asChild>
          <Button variant="destructive">
            <Undo2 aria-hidden /> Revertir pago
          </Button>
        </DialogTrigger>
        <DialogContent role="alertdialog" showCloseButton={false}>
          <DialogHeader>
            <DialogTitle>Revertir el pago {receiptNumber}</DialogTitle>
            <DialogDescription>Las facturas que pagó recuperan su saldo y el recibo queda anulado. El pago no se borra: queda revertido con su motivo. No se puede deshacer.</DialogDescription>
          </DialogHeader>
          <form action={dispatch} className="grid gap-4" noValidate>
            <input type="hidden" name="paymentId" value={paymentId} />
            {state && !state.ok && !errors.reason ? <FormErrorAlert message={state.error} /> : null}
            <FormField label="Motivo" htmlFor="reason" required error={errors.reason} description="Al menos 5 caracteres; se guarda en el pago y en la auditoría.">
              <Textarea name="reason" rows={3} maxLength={500} {...fieldAria('reason', errors.reason, true)} />
            </FormField>
            <DialogFooter>
              <DialogClose asChild>
                <Button type="button" variant="outline" disabled={pending}>
                  Cancelar
                </Button>
              </DialogClose>
              <Button type="submit" variant="destructive" disabled={pending}>
                {pending ? <LoaderCircle className="animate-spin" aria-hidden /> : null}
                Revertir
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
