'use client';

import { useActionState } from 'react';
import { RotateCcw } from 'lucide-react';
import { FormErrorAlert } from '@/components/forms/alerts';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions/result';

type Action = (prev: ActionResult<string> | undefined, formData: FormData) => Promise<ActionResult<string>>;

/** "Intentar de nuevo" on a failed or interrupted ZIP: asks for the same invoices again. */
export function RetryZipButton({ action }: { action: Action }) {
  const [state, dispatch, pending] = useActionState(action, undefined);
  return (
    <form action={dispatch} className="grid justify-items-start gap-2">
      <FormErrorAlert message={state && !state.ok ? state.error : undefined} />
      <Button type="submit" disabled={pending}>
        <RotateCcw aria-hidden /> {pending ? 'Solicitando…' : 'Intentar de nuevo'}
      </Button>
    </form>
  );
}
