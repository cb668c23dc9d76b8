'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { ActionResult } from '@/lib/actions/result';

type Action = (prev: ActionResult<string> | undefined, formData: FormData) => Promise<ActionResult<string>>;

/** Make-default and deactivate (with confirmation) for one active payment method; actions come bound to its id. */
export function PaymentMethodRowActions({ label, isDefault, setDefault, deactivate }: { label: string; isDefault: boolean; setDefault: Action; deactivate: Action }) {
  const [defaultState, dispatchDefault, defaultPending] = useActionState(setDefault, undefined);
  const [deactivateState, dispatchDeactivate, deactivatePending] = useActionState(deactivate, undefined);
  const error = (defaultState && !defaultState.ok ? defaultState.error : undefined) ?? (deactivateState && !deactivateState.ok ? deactivateState.error : undefined);
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex justify-end gap-1">
        {isDefault ? null : (
          <form action={dispatchDefault}>
            <Button type="submit" variant="outline" size="sm" disabled={defaultPending} aria-label={`Hacer predeterminado: ${label}`}>
              Hacer predeterminado
            </Button>
          </form>
        )}
        <ConfirmDialog
          trigger={
            <Button variant="ghost" size="sm" disabled={deactivatePending} aria-label={`Desactivar ${label}`}>
              Desactivar
            </Button>
          }
          title="¿Desactivar este medio de pago?"
          description={`${label}. No se usará para nuevos cobros; el registro se conserva.${isDefault ? ' El acuerdo quedará sin medio de pago predeterminado.' : ''}`}
          confirmLabel="Desactivar"
          destructive
          formAction={dispatchDeactivate}
        />
      </div>
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}
