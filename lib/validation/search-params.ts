export type RawSearchParams = Record<string, string | string[] | undefined>;

/** Next's searchParams with repeated keys reduced to their first value, ready for zod. */
export function firstValues(raw: RawSearchParams): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}

/** The search params of a list URL: empty values and page 1 are left out. */
export function listSearchParams(values: object): URLSearchParams {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== '' && !(k === 'page' && v === 1)) qs.set(k, String(v));
  return qs;
}

/** A list URL, e.g. listHref('/clientes', { q: 'agua', segment: '', page: 1 }) → '/clientes?q=agua'. */
export function listHref(path: string, values: object): string {
  const s = listSearchParams(values).toString();
  return s ? `${path}?${s}` : path;
}
