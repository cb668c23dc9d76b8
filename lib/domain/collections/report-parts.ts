/**
 * Collection reports computed in parts (the aging report, the top debtors): the open documents are
 * split by customer id range, each part is summed on its own (on PostgreSQL, at the same time on
 * separate connections sharing one snapshot) and the parts are merged here. A customer, and so each
 * of its agreements, falls in exactly one part: a part's customer and agreement lines are whole, and
 * the report's top N are among the parts' top N.
 */
import { fromCents, toCents } from '@/lib/domain/money';

export type AgingDimension = 'total' | 'branch' | 'segment' | 'customer';
export type AgingRow = {
  dimension: AgingDimension;
  /** Branch id, segment, customer id; '' for the total. */
  key: string;
  label: string;
  currency: string;
  b0_30: string;
  b31_60: string;
  b61_90: string;
  b91_180: string;
  b180: string;
  total: string;
  documents: number;
};

const AMOUNTS = ['b0_30', 'b31_60', 'b61_90', 'b91_180', 'b180', 'total'] as const;
const UUID_SPACE = 1n << 128n;

/**
 * The bounds splitting the uuid space into `parts` equal ranges, [from, to) each, null meaning
 * unbounded: uuidRanges(2) → [[null, '80000000-0000-0000-0000-000000000000'], ['80000000-…', null]].
 * Ids are random (v4), so equal ranges hold about equal numbers of customers.
 */
export function uuidRanges(parts: number): Array<[from: string | null, to: string | null]> {
  if (!Number.isInteger(parts) || parts < 1 || parts > 64) throw new RangeError(`parts must be an integer from 1 to 64, got ${parts}`);
  const bound = (k: number) => {
    const hex = ((UUID_SPACE * BigInt(k)) / BigInt(parts)).toString(16).padStart(32, '0');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
  return Array.from({ length: parts }, (_, k) => [k === 0 ? null : bound(k), k === parts - 1 ? null : bound(k + 1)]);
}

/**
 * One report from the rows of its parts: total, branch and segment lines summed per key and
 * currency (amounts in cents, never floats); the customer lines (each whole in one part) cut to the
 * `topCustomers` owing the most per currency, ties by id. Ordered by dimension, currency, total
 * (largest first), label and key.
 */
export function mergeAgingParts(rows: readonly AgingRow[], topCustomers: number): AgingRow[] {
  const summed = new Map<string, { row: AgingRow; cents: bigint[] }>();
  const customers: AgingRow[] = [];
  for (const r of rows) {
    if (r.dimension === 'customer') {
      customers.push(r);
      continue;
    }
    const id = `${r.dimension}\u0000${r.key}\u0000${r.currency}`;
    const seen = summed.get(id);
    if (!seen) summed.set(id, { row: { ...r }, cents: AMOUNTS.map((a) => toCents(r[a])) });
    else {
      AMOUNTS.forEach((a, i) => (seen.cents[i] += toCents(r[a])));
      seen.row.documents += r.documents;
    }
  }
  const out: AgingRow[] = [];
  for (const { row, cents } of summed.values()) {
    AMOUNTS.forEach((a, i) => (row[a] = fromCents(cents[i])));
    out.push(row);
  }
  out.push(...topPerCurrency(customers, topCustomers, (r) => r.total, (r) => r.key));
  return out.sort(
    (a, b) =>
      cmp(a.dimension, b.dimension) || cmp(a.currency, b.currency) || compareCents(b.total, a.total) || a.label.localeCompare(b.label, 'es') || cmp(a.key, b.key),
  );
}

/**
 * The `n` rows with the largest amount per currency (ties by id, ascending), in currency order and
 * then largest first; e.g. n = 1 of DOP 5 (id b), DOP 5 (id a), USD 1 → DOP 5 (a), USD 1.
 */
export function topPerCurrency<T extends { currency: string }>(rows: readonly T[], n: number, amount: (r: T) => string, id: (r: T) => string): T[] {
  const byCurrency = new Map<string, T[]>();
  for (const r of rows) {
    const list = byCurrency.get(r.currency);
    if (list) list.push(r);
    else byCurrency.set(r.currency, [r]);
  }
  return [...byCurrency.keys()].sort().flatMap((currency) =>
    byCurrency
      .get(currency)!
      .sort((a, b) => compareCents(amount(b), amount(a)) || cmp(id(a), id(b)))
      .slice(0, Math.max(0, n)),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Two amounts compared exactly (as cents): negative, zero or positive, for sorting ascending. */
export function compareCents(a: string, b: string): number {
  const [x, y] = [toCents(a), toCents(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}
