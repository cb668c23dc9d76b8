/**
 * FormData → plain object for zod. A key sent more than once, or named `x[]`, becomes an array
 * (`branchIds[]=a&branchIds[]=b` → { branchIds: ['a','b'] }); files are dropped; strings are kept as
 * sent (schemas trim and coerce). Next's internal `$ACTION_*` fields are skipped.
 */
export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [rawKey, value] of formData.entries()) {
    if (rawKey.startsWith('$ACTION')) continue;
    if (typeof value !== 'string') continue;
    const isArray = rawKey.endsWith('[]');
    const key = isArray ? rawKey.slice(0, -2) : rawKey;
    const prev = out[key];
    if (prev === undefined) out[key] = isArray ? [value] : value;
    else out[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}
