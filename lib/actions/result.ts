/** What every server action returns for expected outcomes; bugs throw and reach error.tsx. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: string; fieldErrors?: Record<string, string[]>; values?: Record<string, unknown> };

export const initialActionState = undefined;
