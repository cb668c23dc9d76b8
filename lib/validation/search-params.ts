export type RawSearchParams = Record<string, string | string[] | undefined>;

/** Next's searchParams with repeated keys reduced to their first value, ready for zod. */
export function firstValues(raw: RawSearchParams): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}
