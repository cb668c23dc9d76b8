'use client';

import { useActionState } from 'react';
import { FileArchive } from 'lucide-react';
import { ActionResultAlert } from '@/components/forms/alerts';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions/result';

type Action = (prev: ActionResult<string> | undefined, formData: FormData) => Promise<ActionResult<string>>;

/** Starts the run's PDF batch; the section above shows its progress and the download link. */
export function PdfBatchButton({ action, label }: { action: Action; label: string }) {
  const [state, dispatch, pending] = useActionState(action, undefined);
  return (
    <form action={dispatch} className="grid justify-items-start gap-2">
      {state && !state.ok ? <ActionResultAlert state={state} /> : null}
      <Button type="submit" variant="outline" disabled={pending}>
        <FileArchive /> {pending ? 'Solicitando…' : label}
      </Button>
    </form>
  );
}
