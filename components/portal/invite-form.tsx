'use client';

import { useActionState, useState } from 'react';
import { Check, Copy, LoaderCircle } from 'lucide-react';
import { FormErrorAlert, SuccessAlert } from '@/components/forms/alerts';
import { formStateView } from '@/components/forms/form-state';
import { Button } from '@/components/ui/button';
import { FormField, fieldAria } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import type { ActionResult } from '@/lib/actions/result';
import { formatDateTime } from '@/lib/domain/format';

type Created = { email: string; link: string; expiresAt: string };
type Action = (prev: ActionResult<Created> | undefined, formData: FormData) => Promise<ActionResult<Created>>;

/** Invite a colleague (name, e-mail); on success the link is shown once, with a copy button. */
export function InviteForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const { errors, value, formError, formKey } = formStateView(state);
  const [copied, setCopied] = useState(false);
  const created = state?.ok ? state.data : null;
  return (
    <div className="grid gap-4">
      {created ? (
        <SuccessAlert>
          <div className="grid gap-2">
            <p>
              Invitación enviada a <strong>{created.email}</strong>. El enlace vence el {formatDateTime(created.expiresAt)}; también puede compartirlo usted:
            </p>
            <div className="flex flex-col gap-2 sm:flex-row">
              <Input readOnly value={created.link} aria-label="Enlace de invitación" className="font-mono text-xs" data-testid="invitation-link" onFocus={(e) => e.currentTarget.select()} />
              <Button
                type="button"
                variant="outline"
                size="sm"
                onClick={async () => {
                  await navigator.clipboard?.writeText(created.link).catch(() => undefined);
                  setCopied(true);
                }}
              >
                {copied ? <Check aria-hidden /> : <Copy aria-hidden />} {copied ? 'Copiado' : 'Copiar'}
              </Button>
            </div>
            <p className="text-xs text-muted-foreground">Por seguridad no se vuelve a mostrar: si se pierde, envíe una invitación nueva.</p>
          </div>
        </SuccessAlert>
      ) : null}
      <form action={formAction} key={created ? created.link : formKey} className="grid gap-3" noValidate>
        <FormErrorAlert message={formError} />
        <div className="grid gap-3 md:grid-cols-2">
          <FormField label="Nombre completo" htmlFor="invite-name" required error={errors.name}>
            <Input name="name" autoComplete="off" defaultValue={created ? '' : value('name', '')} maxLength={120} {...fieldAria('invite-name', errors.name)} />
          </FormField>
          <FormField label="Correo electrónico" htmlFor="invite-email" required error={errors.email}>
            <Input name="email" type="email" autoComplete="off" defaultValue={created ? '' : value('email', '')} maxLength={200} {...fieldAria('invite-email', errors.email)} />
          </FormField>
        </div>
        <div>
          <Button type="submit" disabled={pending} onClick={() => setCopied(false)}>
            {pending ? <LoaderCircle className="animate-spin" aria-hidden /> : null}
            Enviar invitación
          </Button>
        </div>
      </form>
    </div>
  );
}
