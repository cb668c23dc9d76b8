/** Hidden inputs that carry the list's other parameters (sort, scope) through a filter submit; empty ones are left out. */
export function HiddenParams({ values }: { values: Record<string, string | undefined> }) {
  return Object.entries(values).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null));
}
