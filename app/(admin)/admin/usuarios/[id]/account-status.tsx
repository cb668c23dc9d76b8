'use client';

import { useActionState } from 'react';
import { LockOpen, UserCheck, UserX } from 'lucide-react';
import { ActionResultAlert } from '@/components/forms/alerts';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { ActionResult } from '@/lib/actions/result';

type Action<T> = (prev: ActionResult<T> | undefined, formData: FormData) => Promise<ActionResult<T>>;

/** Deactivate (confirmed) / reactivate, and unlock when the account is locked out. */
export function AccountStatusActions({
  name,
  active,
  locked,
  isSelf,
  setActive,
  unlock,
}: {
  name: string;
  active: boolean;
  locked: boolean;
  isSelf: boolean;
  setActive: Action<boolean>;
  unlock: Action<undefined>;
}) {
  const [activeState, dispatchActive, activePending] = useActionState(setActive, undefined);
  const [unlockState, dispatchUnlock, unlockPending] = useActionState(unlock, undefined);
  const results = [activeState, unlockState].filter((s): s is ActionResult<boolean> | ActionResult<undefined> => s !== undefined);

  return (
    <div className="grid gap-3">
      {results.map((s, i) => (
        <ActionResultAlert key={i} state={s} />
      ))}
      <div className="flex flex-wrap gap-2">
        {locked ? (
          <form action={dispatchUnlock}>
            <Button type="submit" variant="outline" disabled={unlockPending}>
              <LockOpen /> Desbloquear cuenta
            </Button>
          </form>
        ) : null}
        {active ? (
          isSelf ? (
            <p className="text-sm text-muted-foreground">No puede desactivar su propia cuenta.</p>
          ) : (
            <ConfirmDialog
              trigger={
                <Button variant="destructive" disabled={activePending}>
                  <UserX /> Desactivar usuario
                </Button>
              }
              title={`¿Desactivar a ${name}?`}
              description="No podrá iniciar sesión y su sesión actual dejará de funcionar. Sus registros y su historial se conservan; puede reactivarlo más adelante."
              confirmLabel="Desactivar"
              destructive
              formAction={dispatchActive}
              hiddenFields={{ active: 'false' }}
            />
          )
        ) : (
          <form action={dispatchActive}>
            <input type="hidden" name="active" value="true" />
            <Button type="submit" disabled={activePending}>
              <UserCheck /> Reactivar usuario
            </Button>
          </form>
        )}
      </div>
    </div>
  );
}
