import 'server-only';
import { getDb } from '@/db/client';
import { NotFoundError } from '@/lib/auth/errors';
import type { Actor } from '@/lib/auth/scope';
import { getInvoiceDetail } from '@/lib/dal/invoices';
import type { PrintFormat } from '@/lib/domain/pdf/print-format';
import { loadInvoicePdfBatch } from './batch/load';
import type { InvoicePdfData } from './types';

export type { InvoicePdfData } from './types';

/**
 * One stored invoice as its PDF prints it, for an actor with billing.read in the invoice's branch
 * (getInvoiceDetail authorizes: an unknown, invalid or out-of-scope id is a NotFoundError). Drafts
 * have no fiscal number and no printable items yet, so they have no PDF either (NotFoundError).
 * The data, the format (the agreement's assignment for the class and origin, else the company
 * default of the class, else the built-in one) and the consumption chart come from the same loader
 * as the batch path (batch/load.ts), so a downloaded PDF and one in a run's ZIP are the same.
 */
export async function loadInvoicePdf(actor: Actor, id: string, db = getDb()): Promise<{ data: InvoicePdfData; format: PrintFormat }> {
  const detail = await getInvoiceDetail(actor, id, db);
  const inv = detail.invoice;
  if (inv.status === 'DRAFT' || !inv.fiscalNumber) throw new NotFoundError('Los borradores no tienen PDF: emita el documento primero.');
  const [loaded] = await loadInvoicePdfBatch(db, [inv.id]);
  if (!loaded) throw new NotFoundError('Los borradores no tienen PDF: emita el documento primero.');
  return { data: loaded.data, format: loaded.format };
}
