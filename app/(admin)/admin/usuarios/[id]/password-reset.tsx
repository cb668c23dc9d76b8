'use client';

import { useActionState, useState } from 'react';
import { KeyRound } from 'lucide-react';
import { ActionResultAlert } from '@/components/forms/alerts';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormField, fieldAria } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import type { ActionResult } from '@/lib/actions/result';

/**
 * The admin types the new password here and confirms in a dialog. The dialog's own form sends
 * the two fields as hidden inputs, because the dialog renders in a portal outside this block.
 */
export function PasswordResetForm({ name, action }: { name: string; action: (prev: ActionResult<undefined> | undefined, formData: FormData) => Promise<ActionResult<undefined>> }) {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [state, dispatch, pending] = useActionState(async (prev: ActionResult<undefined> | undefined, formData: FormData) => {
    const result = await action(prev, formData);
    if (result.ok) {
      setPassword('');
      setConfirm('');
    }
    return result;
  }, undefined);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};

  return (
    <div className="grid gap-4">
      {state ? <ActionResultAlert state={state} /> : null}
      <FormField label="Nueva contraseña" htmlFor="newPassword" error={errors.password} description="Al menos 10 caracteres, con letras y números.">
        <Input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} {...fieldAria('newPassword', errors.password, true)} />
      </FormField>
      <FormField label="Repita la contraseña" htmlFor="newPasswordConfirm" error={errors.passwordConfirm}>
        <Input type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} {...fieldAria('newPasswordConfirm', errors.passwordConfirm)} />
      </FormField>
      <div>
        <ConfirmDialog
          trigger={
            <Button variant="outline" disabled={pending || !password}>
              <KeyRound /> Restablecer contraseña
            </Button>
          }
          title={`¿Restablecer la contraseña de ${name}?`}
          description="La contraseña anterior dejará de funcionar y se levantará cualquier bloqueo por intentos fallidos. Comunique la nueva al usuario por un medio seguro."
          confirmLabel="Restablecer"
          formAction={dispatch}
          hiddenFields={{ password, passwordConfirm: confirm }}
        />
      </div>
    </div>
  );
}
