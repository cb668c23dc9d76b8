'use client';

import { useActionState, useState } from 'react';
import { CirclePause, CirclePlay, CircleX } from 'lucide-react';
import { FormErrorAlert, SuccessAlert } from '@/components/forms/alerts';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Label } from '@/components/ui/label';
import { Textarea } from '@/components/ui/textarea';
import type { ActionResult } from '@/lib/actions/result';
import type { AgreementStatus } from '@/lib/domain/crm-status';
import type { AgreementUserEvent } from '@/lib/validation/agreement';

type Action = (prev: ActionResult<AgreementStatus> | undefined, formData: FormData) => Promise<ActionResult<AgreementStatus>>;

const EVENTS: Record<AgreementUserEvent, { label: string; title: string; description: string; destructive: boolean; icon: typeof CirclePause }> = {
  SUSPEND: {
    label: 'Suspender',
    title: 'Suspender el acuerdo',
    description: 'Un acuerdo suspendido no se factura hasta que se reactive.',
    destructive: true,
    icon: CirclePause,
  },
  REACTIVATE: {
    label: 'Reactivar',
    title: 'Reactivar el acuerdo',
    description: 'El acuerdo vuelve a estado Activo y se factura en su próximo ciclo.',
    destructive: false,
    icon: CirclePlay,
  },
  CLOSE: {
    label: 'Cerrar',
    title: 'Cerrar el acuerdo',
    description: 'Cerrar es definitivo: el acuerdo deja de facturarse y ya no podrá modificarse ni reactivarse.',
    destructive: true,
    icon: CircleX,
  },
};

/** Suspend / reactivate / close, each confirmed in a dialog that asks for the reason. */
export function AgreementStatusActions({ code, events, action }: { code: string; events: AgreementUserEvent[]; action: Action }) {
  const [state, dispatch, pending] = useActionState(action, undefined);
  if (events.length === 0 && !state) return null;
  return (
    <div className="grid gap-3">
      {state ? (
        state.ok ? (
          <SuccessAlert>{state.message}</SuccessAlert>
        ) : (
          <FormErrorAlert message={[state.error, ...(state.fieldErrors?.reason ?? [])].join(' ')} />
        )
      ) : null}
      <div className="flex flex-wrap gap-2">
        {events.map((event) => (
          <StatusDialog key={event} code={code} event={event} dispatch={dispatch} pending={pending} />
        ))}
      </div>
    </div>
  );
}

function StatusDialog({ code, event, dispatch, pending }: { code: string; event: AgreementUserEvent; dispatch: (formData: FormData) => void; pending: boolean }) {
  const [reason, setReason] = useState('');
  const meta = EVENTS[event];
  const Icon = meta.icon;
  const id = `reason-${event}`;
  return (
    <ConfirmDialog
      trigger={
        <Button variant={meta.destructive ? 'outline' : 'default'} disabled={pending}>
          <Icon /> {meta.label}
        </Button>
      }
      title={`${meta.title} ${code}`}
      description={
        <div className="grid gap-3">
          <p>{meta.description}</p>
          <div className="grid gap-2 text-foreground">
            <Label htmlFor={id}>
              Motivo<span aria-hidden="true" className="ml-0.5 text-destructive">*</span>
            </Label>
            <Textarea id={id} value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={500} placeholder="Mínimo 3 caracteres" />
          </div>
        </div>
      }
      confirmLabel={meta.label}
      destructive={meta.destructive}
      formAction={dispatch}
      hiddenFields={{ event, reason }}
    />
  );
}
