'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requestRunPdfBatch } from '@/lib/dal/pdf-batches';
import type { ActionResult } from './result';
import { formAction } from './safe-action';

/** "PDF de todas las facturas (ZIP)" on a finished run: queues the batch (or returns the one in progress). */
export async function requestRunPdfBatchAction(runId: string, prev: ActionResult<string> | undefined, formData: FormData) {
  const request = formAction('billing.read', z.object({}), async (_input, actor) => (await requestRunPdfBatch(actor, runId)).id);
  const result = await request(prev, formData);
  if (result.ok) revalidatePath(`/facturacion/${runId}`);
  return result.ok ? { ...result, message: 'Se están generando los PDF; la página muestra el avance.' } : result;
}
