import { CircleCheck } from 'lucide-react';
import { Alert, AlertDescription } from '@/components/ui/alert';
import type { ActionResult } from '@/lib/actions/result';

/** The destructive banner on top of a form; nothing when there is no message. */
export function FormErrorAlert({ message }: { message?: string }) {
  return message ? (
    <Alert variant="destructive" role="alert">
      <AlertDescription>{message}</AlertDescription>
    </Alert>
  ) : null;
}

/** What an action answered: its success message as a status, or its error as an alert. */
export function ActionResultAlert({ state }: { state: ActionResult<unknown> }) {
  return state.ok ? (
    <Alert role="status">
      <CircleCheck />
      <AlertDescription>{state.message}</AlertDescription>
    </Alert>
  ) : (
    <FormErrorAlert message={state.error} />
  );
}
