import type { ActionResult } from '@/lib/actions/result';

/**
 * What a form shows after its action answered: on failure, the values the user sent (so nothing
 * typed is lost) and the field errors; otherwise the initial values and no errors.
 */
export function formStateView<T>(state: ActionResult<T> | undefined) {
  const failed = state !== undefined && !state.ok;
  const sent = failed ? (state.values as Record<string, string | string[]> | undefined) : undefined;
  const errors: Record<string, string[]> = failed ? (state.fieldErrors ?? {}) : {};
  /** The sent value of a field when there is one, else its initial value. */
  const value = (key: string, initial: unknown): string => {
    if (sent) {
      const v = sent[key];
      return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
    }
    return initial === null || initial === undefined ? '' : String(initial);
  };
  /** The form's `key`: a failed submit remounts the form so its fields show the sent values. */
  const formKey = sent ? JSON.stringify(sent) : 'initial';
  return { sent, errors, value, formError: failed ? state.error : undefined, formKey };
}
