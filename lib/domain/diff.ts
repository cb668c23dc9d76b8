export type FieldChange = { field: string; before: unknown; after: unknown };

const IGNORED = new Set(['updatedAt', 'createdAt']);

/**
 * The fields that differ between two snapshots, in key order; timestamps are skipped.
 * diffRecords({a:1,b:2}, {a:1,b:3}) → [{ field: 'b', before: 2, after: 3 }]
 */
export function diffRecords(before: unknown, after: unknown): FieldChange[] {
  const b = isObject(before) ? before : {};
  const a = isObject(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .filter((k) => !IGNORED.has(k) && JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null))
    .map((k) => ({ field: k, before: b[k] ?? null, after: a[k] ?? null }));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
