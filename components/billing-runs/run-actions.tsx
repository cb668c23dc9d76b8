'use client';

import { useActionState } from 'react';
import { Receipt, RotateCw } from 'lucide-react';
import { ActionResultAlert } from '@/components/forms/alerts';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { ActionResult } from '@/lib/actions/result';

type Action = (prev: ActionResult<string> | undefined, formData: FormData) => Promise<ActionResult<string>>;

/** "Facturar este período con el mismo alcance" on a finished preview, confirmed with the period and scope. */
export function RunPreviewButton({ action, periodText, scopeText, issueDateText }: { action: Action; periodText: string; scopeText: string; issueDateText: string }) {
  const [state, dispatch, pending] = useActionState(action, undefined);
  return (
    <div className="grid gap-2">
      {state ? <ActionResultAlert state={state} /> : null}
      <ConfirmDialog
        trigger={
          <Button disabled={pending}>
            <Receipt /> Facturar este período con el mismo alcance
          </Button>
        }
        title={`Facturar ${periodText}`}
        description={
          <div className="grid gap-2">
            <p>
              Se emitirán facturas con número fiscal para <strong>{scopeText}</strong>, período <strong>{periodText}</strong>, con fecha de emisión <strong>{issueDateText}</strong>.
            </p>
            <p>Lo ya facturado en el período no se vuelve a facturar.</p>
          </div>
        }
        confirmLabel="Facturar"
        formAction={dispatch}
      />
    </div>
  );
}

/** Resumes a run that stopped; safe because a run never bills anything twice. */
export function ResumeRunButton({ action }: { action: Action }) {
  const [state, dispatch, pending] = useActionState(action, undefined);
  return (
    <div className="grid gap-2">
      {state ? <ActionResultAlert state={state} /> : null}
      <ConfirmDialog
        trigger={
          <Button variant="outline" disabled={pending}>
            <RotateCw /> Reanudar
          </Button>
        }
        title="Reanudar la corrida"
        description="La corrida continúa después del último lote guardado; lo ya facturado no se repite."
        confirmLabel="Reanudar"
        formAction={dispatch}
      />
    </div>
  );
}
