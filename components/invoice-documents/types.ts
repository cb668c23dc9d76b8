import type { ActionResult } from '@/lib/actions/result';

/** A concept a line may use; `prefill` is the unit price its amount gives (ONE_OFF, LATE_FEE), in the invoice's currency. */
export type LineConcept = { id: string; code: string; name: string; kind: string; groupName: string; taxRate: string; prefill: string | null };
export type LineAccount = { id: string; number: string; description: string; status: string };
export type FormActionFn<T> = (prev: ActionResult<T> | undefined, formData: FormData) => Promise<ActionResult<T>>;
