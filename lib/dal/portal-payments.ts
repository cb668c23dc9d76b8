import 'server-only';
import { getDb, type DbOrTx } from '@/db/client';
import { paymentDetail } from '@/db/queries/payments';
import type { Actor } from '@/lib/auth/scope';
import type { ReceiptPdfData } from '@/lib/pdf/receipt-document';
import { paymentReceipt } from './payments';
import { portalCustomerId } from './portal';

/**
 * The receipt of one of the client's payments (the same loader and PDF as staff get:
 * lib/dal/payments.ts). Another customer's payment — by id or a guessed one — is "not found" with
 * the same message as a payment that does not exist; staff are Forbidden.
 */
export async function getPortalPaymentReceipt(actor: Actor, paymentId: string, db: DbOrTx = getDb()): Promise<ReceiptPdfData> {
  const customerId = portalCustomerId(actor);
  const own = async (d: DbOrTx, id: string) => {
    const row = await paymentDetail(d, id);
    return row && row.payment.customerId === customerId ? row : undefined;
  };
  return paymentReceipt(own, paymentId, db);
}
