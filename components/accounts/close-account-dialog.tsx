'use client';

import { useActionState, useState } from 'react';
import { XCircle } from 'lucide-react';
import { DialogFormFooter } from '@/components/forms/dialog-form-footer';
import { FormErrorAlert } from '@/components/forms/alerts';
import { formStateView } from '@/components/forms/form-state';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormField, fieldAria } from '@/components/ui/form-field';
import { Textarea } from '@/components/ui/textarea';
import type { ActionResult } from '@/lib/actions/result';

/** "Cerrar cuenta": a confirmation dialog that asks for the reason; the action redirects on success. */
export function CloseAccountDialog({
  accountNumber,
  action,
}: {
  accountNumber: string;
  action: (prev: ActionResult<string> | undefined, formData: FormData) => Promise<ActionResult<string>>;
}) {
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState(action, undefined);
  const { errors, value, formError } = formStateView(state);
  return (
    <Dialog open={open} onOpenChange={(next) => (pending ? undefined : setOpen(next))}>
      <DialogTrigger asChild>
        <Button variant="destructive">
          <XCircle /> Cerrar cuenta
        </Button>
      </DialogTrigger>
      <DialogContent role="alertdialog" showCloseButton={false}>
        <form action={formAction} className="grid gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>¿Cerrar la cuenta {accountNumber}?</DialogTitle>
            <DialogDescription>
              La cuenta dejará de facturarse y su medidor quedará libre para otra cuenta. El cierre es definitivo: no se puede reabrir.
            </DialogDescription>
          </DialogHeader>
          <FormErrorAlert message={errors.reason ? undefined : formError} />
          <FormField label="Motivo del cierre" htmlFor="reason" required error={errors.reason}>
            <Textarea name="reason" rows={3} maxLength={500} defaultValue={value('reason', '')} {...fieldAria('reason', errors.reason)} />
          </FormField>
          <DialogFormFooter pending={pending} confirmLabel="Cerrar cuenta" destructive />
        </form>
      </DialogContent>
    </Dialog>
  );
}
