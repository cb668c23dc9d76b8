/**
 * Bulk writes for the billing engine, inside the caller's transaction. One statement per table
 * and batch: `insert … select * from unnest($1::text::uuid[], $2::text::numeric[], …)` with one
 * parameter per *column* (a PostgreSQL array literal), so a batch of any size is one statement
 * with a constant text (no 65,535-parameter limit, one prepared statement on postgres.js, no
 * per-row drizzle mapping). Works on postgres.js and PGlite alike: every parameter is text.
 */
import type { DbOrTx } from '@/db/client';

type Value = string | number | boolean | null;

/** A column and its SQL type, e.g. ['customer_snapshot', 'jsonb']. */
export type BulkColumn = readonly [name: string, type: string];

type RawClient = { unsafe?: (text: string, params: unknown[]) => Promise<unknown[]>; query?: (text: string, params: unknown[]) => Promise<{ rows: unknown[] }> };

// The driver client under a drizzle database or transaction: postgres.js Sql/TransactionSql, or PGlite/its Transaction.
function rawClient(db: DbOrTx): RawClient {
  const client = (db as unknown as { session?: { client?: RawClient } }).session?.client;
  if (!client) throw new Error('bulk: no driver client under this database handle');
  return client;
}

/**
 * Whether `db` is a postgres.js pool (not PGlite, not a transaction), where statements can run at
 * the same time on separate connections.
 */
export function hasConnectionPool(db: DbOrTx): boolean {
  return typeof (rawClient(db) as { begin?: unknown }).begin === 'function';
}

/** Runs raw SQL with text parameters on the database or inside the transaction given. */
export async function rawQuery<T = Record<string, unknown>>(db: DbOrTx, text: string, params: Value[]): Promise<T[]> {
  const client = rawClient(db);
  if (typeof client.unsafe === 'function') return (await client.unsafe(text, params)) as T[];
  const res = await client.query!(text, params);
  return res.rows as T[];
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

const NEEDS_ESCAPE = /[\\"]/;
const ESCAPES = /[\\"]/g;

// A PostgreSQL array literal of text elements; e.g. ['a"b', null] → '{"a\"b",NULL}'.
// Hot path of every bulk write: numbers go bare, strings are escaped only when they need it.
export function pgArray(values: readonly Value[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) parts[i] = 'NULL';
    else if (typeof v === 'number') parts[i] = String(v);
    else {
      const text = String(v);
      parts[i] = NEEDS_ESCAPE.test(text) ? `"${text.replace(ESCAPES, (m) => `\\${m}`)}"` : `"${text}"`;
    }
  }
  return `{${parts.join(',')}}`;
}

/**
 * Inserts `rows` (arrays in column order) into `table` in one statement; `suffix` is appended
 * (e.g. 'on conflict do nothing returning account_id'). Returns what the statement returns.
 */
export async function bulkInsertTx<T = Record<string, unknown>>(db: DbOrTx, table: string, columns: readonly BulkColumn[], rows: readonly Value[][], suffix = ''): Promise<T[]> {
  if (rows.length === 0) return [];
  const params = columns.map((_, c) => pgArray(rows.map((r) => r[c])));
  const casts = columns.map(([, type], i) => `$${i + 1}::text::${type}[]`).join(', ');
  const text = `insert into ${quoteIdent(table)} (${columns.map(([n]) => quoteIdent(n)).join(', ')}) select * from unnest(${casts}) ${suffix}`;
  return rawQuery<T>(db, text, params);
}
