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

/** A check-marked status banner: something was saved or done. */
export function SuccessAlert({ className, children }: { className?: string; children: React.ReactNode }) {
  return (
    <Alert className={className} role="status">
      <CircleCheck />
      <AlertDescription>{children}</AlertDescription>
    </Alert>
  );
}

/** What an action answered: its success message as a status, or its error as an alert. */
export function ActionResultAlert({ state }: { state: ActionResult<unknown> }) {
  return state.ok ? <SuccessAlert>{state.message}</SuccessAlert> : <FormErrorAlert message={state.error} />;
}
