import type { PGlite } from '@electric-sql/pglite';
import type { Sql } from 'postgres';
import type { DatabaseHandle } from './client';

type Value = string | number | boolean | null | Date;

/**
 * Multi-row INSERT straight through the driver (postgres.js or PGlite), bypassing drizzle's
 * per-row mapping, for seeds, imports and billing runs. Rows are sent in chunks that stay under
 * PostgreSQL's 65,535-parameter limit. Column names are SQL names; values are already mapped.
 */
export async function bulkInsert(handle: DatabaseHandle, table: string, columns: string[], rows: Value[][], onConflict = '') {
  const chunk = Math.max(1, Math.floor(60_000 / columns.length));
  const cols = columns.map(quoteIdent).join(', ');
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    const params: Value[] = [];
    const tuples = part.map((row) => {
      const ph = row.map((v) => {
        params.push(v instanceof Date ? v.toISOString() : v);
        return `$${params.length}`;
      });
      return `(${ph.join(', ')})`;
    });
    const text = `insert into ${quoteIdent(table)} (${cols}) values ${tuples.join(', ')} ${onConflict}`;
    const client = (handle.db as unknown as { $client: PGlite | Sql }).$client;
    if (handle.kind === 'pglite') await (client as PGlite).query(text, params);
    else await (client as Sql).unsafe(text, params as never[]);
  }
}

function quoteIdent(name: string) {
  return `"${name.replace(/"/g, '""')}"`;
}
