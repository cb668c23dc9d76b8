'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { ActionResult } from '@/lib/actions/result';

type Action = (prev: ActionResult<string> | undefined, formData: FormData) => Promise<ActionResult<string>>;

/** Activate / deactivate (with confirmation) a catalog entry; catalog entries are never deleted. */
export function ActiveToggle({ active, action, title, description }: { active: boolean; action: Action; title: string; description: string }) {
  const [state, dispatch, pending] = useActionState(action, undefined);
  return (
    <div className="flex flex-col items-end gap-1">
      {active ? (
        <ConfirmDialog
          trigger={
            <Button variant="outline" disabled={pending}>
              Desactivar
            </Button>
          }
          title={title}
          description={description}
          confirmLabel="Desactivar"
          destructive
          formAction={dispatch}
          hiddenFields={{ active: 'false' }}
        />
      ) : (
        <form action={dispatch}>
          <input type="hidden" name="active" value="true" />
          <Button type="submit" variant="outline" disabled={pending}>
            Activar
          </Button>
        </form>
      )}
      {state && !state.ok ? (
        <p role="alert" className="text-sm text-destructive">
          {state.error}
        </p>
      ) : null}
    </div>
  );
}
