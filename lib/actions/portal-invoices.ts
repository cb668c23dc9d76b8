'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { requestPortalPdfBatch, retryPortalPdfBatch } from '@/lib/dal/pdf-batches';
import { portalZipRequestSchema } from '@/lib/validation/portal-invoices';
import type { ActionResult } from './result';
import { formAction } from './safe-action';

/**
 * "Descargar ZIP" on /portal/facturas: the filtered invoices or the ticked ones. The customer comes
 * from the session (the data layer refuses any invoice that is not the client's); on success the
 * client follows the ZIP's progress on its own page.
 */
export async function requestPortalZipAction(prev: ActionResult<string> | undefined, formData: FormData): Promise<ActionResult<string>> {
  const request = formAction('portal.use', portalZipRequestSchema, async ({ alcance, factura, ...filter }, actor) => {
    const batch = await requestPortalPdfBatch(actor, alcance === 'seleccion' ? { invoiceIds: factura } : { filter });
    return batch.id;
  });
  const result = await request(prev, formData);
  if (result.ok) redirect(`/portal/facturas/lotes/${result.data}`);
  return result;
}

/** "Intentar de nuevo" on a failed or interrupted ZIP: the same invoices, a new batch. */
export async function retryPortalZipAction(batchId: string, prev: ActionResult<string> | undefined, formData: FormData): Promise<ActionResult<string>> {
  const retry = formAction('portal.use', z.object({}), async (_input, actor) => (await retryPortalPdfBatch(actor, batchId)).id);
  const result = await retry(prev, formData);
  if (result.ok) redirect(`/portal/facturas/lotes/${result.data}`);
  return result;
}
