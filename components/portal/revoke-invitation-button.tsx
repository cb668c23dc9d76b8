'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { ActionResult } from '@/lib/actions/result';

type Action = (prev: ActionResult<string> | undefined, formData: FormData) => Promise<ActionResult<string>>;

/** "Revocar" with a confirmation; the action comes bound to the invitation. */
export function RevokeInvitationButton({ action, email }: { action: Action; email: string }) {
  const [state, dispatch, pending] = useActionState(action, undefined);
  return (
    <div className="flex flex-col items-start gap-1 sm:items-end">
      <ConfirmDialog
        trigger={
          <Button variant="outline" size="sm" disabled={pending} aria-label={`Revocar la invitación de ${email}`}>
            Revocar
          </Button>
        }
        title="¿Revocar esta invitación?"
        description={`El enlace enviado a ${email} dejará de funcionar. Podrá invitarle de nuevo más tarde.`}
        confirmLabel="Revocar"
        destructive
        formAction={dispatch}
      />
      {state && !state.ok ? (
        <p role="alert" className="text-sm text-destructive">
          {state.error}
        </p>
      ) : null}
    </div>
  );
}
