import { sql, type AnyColumn } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../client';

/**
 * The next human code PREFIX-NNNNNN for a table (AC-000001, OT-000042). Concurrent callers may
 * draw the same code; the column's unique index refuses the second insert and the caller retries.
 */
export async function nextCode(db: DbOrTx, table: PgTable, column: AnyColumn, prefix: string) {
  const pattern = `^${prefix}-[0-9]{6,}$`;
  const [row] = await db
    .select({ max: sql<number | null>`max(substring(${column} from ${sql.raw(String(prefix.length + 2))})::int)` })
    .from(table)
    .where(sql`${column} ~ ${pattern}`);
  return `${prefix}-${String((row?.max ?? 0) + 1).padStart(6, '0')}`;
}
