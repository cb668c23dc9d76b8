import { toBuffer as barcodePng } from 'bwip-js/node';
import QRCode from 'qrcode';
import type { PrintFormat } from '@/lib/domain/pdf/print-format';
import { barcodeReference, paymentQrContent } from '@/lib/domain/pdf/payment-reference';
import type { InvoicePdfData, InvoicePdfImages } from './types';

/** The payment QR and barcode of an invoice as PNG data URIs, only for the blocks the format shows. */
export async function paymentImages(data: InvoicePdfData, format: PrintFormat): Promise<InvoicePdfImages> {
  const d = data.document;
  const [qr, barcode] = await Promise.all([
    format.showPaymentQr ? QRCode.toDataURL(paymentQrContent(d.fiscalNumber, data.totals.balance, d.currency), { errorCorrectionLevel: 'M', margin: 0, width: 240 }) : null,
    format.showBarcode
      ? barcodePng({ bcid: 'code128', text: barcodeReference(d.fiscalNumber), scale: 3, height: 9, includetext: false }).then((png) => `data:image/png;base64,${png.toString('base64')}`)
      : null,
  ]);
  return { qr, barcode };
}
