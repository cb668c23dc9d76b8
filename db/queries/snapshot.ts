/**
 * Read-only work split in parts that all see one snapshot of the database.
 */
import type { DbOrTx, Tx } from '@/db/client';
import { hasConnectionPool, rawQuery } from '@/lib/billing/bulk';

const READ_ONLY = { isolationLevel: 'repeatable read', accessMode: 'read only' } as const;
const SNAPSHOT_ID = /^[0-9A-F]+-[0-9A-F]+-[0-9]+$/i;

/**
 * Runs `work(tx, part)` for every part 0 … parts − 1 on one snapshot and returns the results in
 * part order. On a postgres.js pool the parts run at the same time, each in its own read-only
 * REPEATABLE READ transaction on its own connection, the others importing the first one's exported
 * snapshot (so a payment committing meanwhile is in every part or in none); on PGlite or inside a
 * transaction, one after the other in one read-only transaction.
 */
export async function onOneSnapshot<T>(db: DbOrTx, parts: number, work: (tx: Tx, part: number) => Promise<T>): Promise<T[]> {
  const indexes = Array.from({ length: parts }, (_, i) => i);
  if (parts === 1 || !hasConnectionPool(db)) {
    return db.transaction(async (tx) => {
      const out: T[] = [];
      for (const i of indexes) out.push(await work(tx, i));
      return out;
    }, READ_ONLY);
  }
  return db.transaction(async (first) => {
    const [{ id }] = await rawQuery<{ id: string }>(first, 'select pg_export_snapshot() as id', []);
    if (!SNAPSHOT_ID.test(id)) throw new Error(`unexpected snapshot id ${id}`);
    const settled = await Promise.allSettled(
      indexes.map((i) =>
        i === 0
          ? work(first, 0)
          : db.transaction(async (tx) => {
              // SET TRANSACTION SNAPSHOT takes no parameters; the id was checked above.
              await rawQuery(tx, `set transaction snapshot '${id}'`, []);
              return work(tx, i);
            }, READ_ONLY),
      ),
    );
    // Every part has finished (the exported snapshot lives as long as `first`) before any error is thrown.
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
    return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
  }, READ_ONLY);
}
