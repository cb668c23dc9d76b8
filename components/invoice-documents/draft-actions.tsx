'use client';

import { useActionState } from 'react';
import { FileCheck2, LoaderCircle, Trash2, X } from 'lucide-react';
import { FormErrorAlert } from '@/components/forms/alerts';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { FormActionFn } from './types';

/** "Emitir" after a confirmation that states what numbering it takes. */
export function IssueDraftButton({ action, invoiceId, totalText, disabled, numberingText }: { action: FormActionFn<string>; invoiceId: string; totalText: string; disabled?: boolean; numberingText: string }) {
  const [state, dispatch, pending] = useActionState(action, undefined);
  return (
    <div className="grid gap-2">
      {state && !state.ok ? <FormErrorAlert message={state.error} /> : null}
      <ConfirmDialog
        trigger={
          <Button disabled={pending || disabled}>
            <FileCheck2 aria-hidden /> Emitir
          </Button>
        }
        title="Emitir la factura"
        description={
          <div className="grid gap-2">
            <p>
              Se asignará el próximo número fiscal de {numberingText} y la factura quedará emitida por <strong>{totalText}</strong>, con fecha de hoy.
            </p>
            <p>Una vez emitida no se puede modificar ni eliminar: las correcciones se hacen con notas de crédito o débito.</p>
          </div>
        }
        confirmLabel="Emitir"
        formAction={dispatch}
        hiddenFields={{ invoiceId }}
      />
    </div>
  );
}

/** "Eliminar borrador", confirmed. */
export function DeleteDraftButton({ action, invoiceId }: { action: FormActionFn<string>; invoiceId: string }) {
  const [state, dispatch, pending] = useActionState(action, undefined);
  return (
    <div className="grid gap-2">
      {state && !state.ok ? <FormErrorAlert message={state.error} /> : null}
      <ConfirmDialog
        trigger={
          <Button variant="outline" disabled={pending}>
            <Trash2 aria-hidden /> Eliminar borrador
          </Button>
        }
        title="Eliminar el borrador"
        description="Se eliminan el borrador y sus líneas. No se consume ningún número fiscal."
        confirmLabel="Eliminar"
        destructive
        formAction={dispatch}
        hiddenFields={{ invoiceId }}
      />
    </div>
  );
}

/** The remove button of a draft line (a draft is freely editable: no confirmation). */
export function RemoveLineButton({ action, invoiceId, lineNo, label }: { action: FormActionFn<number>; invoiceId: string; lineNo: number; label: string }) {
  const [state, dispatch, pending] = useActionState(action, undefined);
  return (
    <form action={dispatch} className="inline-flex items-center gap-2">
      <input type="hidden" name="invoiceId" value={invoiceId} />
      <input type="hidden" name="lineNo" value={lineNo} />
      <Button type="submit" variant="ghost" size="icon" disabled={pending} aria-label={`Quitar la línea ${lineNo}: ${label}`} title="Quitar la línea">
        {pending ? <LoaderCircle className="animate-spin" aria-hidden /> : <X aria-hidden />}
      </Button>
      {state && !state.ok ? <span className="text-xs text-destructive" role="alert">{state.error}</span> : null}
    </form>
  );
}
