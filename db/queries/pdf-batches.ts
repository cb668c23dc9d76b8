import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { pdfBatches } from '../schema';

export type PdfBatchRow = typeof pdfBatches.$inferSelect;

export async function insertPdfBatch(db: DbOrTx, values: typeof pdfBatches.$inferInsert): Promise<PdfBatchRow> {
  const [row] = await db.insert(pdfBatches).values(values).returning();
  return row;
}

export async function findPdfBatch(db: DbOrTx, id: string): Promise<PdfBatchRow | undefined> {
  const [row] = await db.select().from(pdfBatches).where(eq(pdfBatches.id, id));
  return row;
}

/** The newest batch of a billing run, if any. */
export async function latestPdfBatchOfRun(db: DbOrTx, runId: string): Promise<PdfBatchRow | undefined> {
  const [row] = await db.select().from(pdfBatches).where(eq(pdfBatches.billingRunId, runId)).orderBy(desc(pdfBatches.createdAt)).limit(1);
  return row;
}

/** A QUEUED or RUNNING batch of the run (one at a time is enough). */
export async function livePdfBatchOfRun(db: DbOrTx, runId: string): Promise<PdfBatchRow | undefined> {
  const [row] = await db
    .select()
    .from(pdfBatches)
    .where(and(eq(pdfBatches.billingRunId, runId), inArray(pdfBatches.status, ['QUEUED', 'RUNNING'])))
    .orderBy(desc(pdfBatches.createdAt))
    .limit(1);
  return row;
}

export async function updatePdfBatch(db: DbOrTx, id: string, patch: Partial<typeof pdfBatches.$inferInsert>): Promise<PdfBatchRow | undefined> {
  const [row] = await db.update(pdfBatches).set({ ...patch, updatedAt: new Date() }).where(eq(pdfBatches.id, id)).returning();
  return row;
}
