import bwipjs from 'bwip-js/node';
import QRCode from 'qrcode';
import type { PrintFormat } from '@/lib/domain/pdf/print-format';
import { barcodeReference, paymentQrContent } from '@/lib/domain/pdf/payment-reference';
import { barsPath, matrixPath } from '@/lib/domain/pdf/vector-marks';
import type { InvoicePdfData, InvoicePdfImages } from './types';

/** Printed sizes in points. */
export const QR_SIZE = 62;
export const BARCODE_SIZE = { width: 190, height: 30 };

/** The payment QR and Code 128 barcode of an invoice as vector paths, only for the blocks the format shows. */
export async function paymentImages(data: InvoicePdfData, format: PrintFormat): Promise<InvoicePdfImages> {
  const d = data.document;
  let qr = null;
  if (format.showPaymentQr) {
    const { modules } = QRCode.create(paymentQrContent(d.fiscalNumber, data.totals.balance, d.currency), { errorCorrectionLevel: 'M' });
    qr = matrixPath(modules.data, modules.size, QR_SIZE);
  }
  let barcode = null;
  if (format.showBarcode) {
    // bwip-js's raw(): the encoded symbol's bar/space widths (the named export `raw` is a barcode type).
    const [symbol] = bwipjs.raw({ bcid: 'code128', text: barcodeReference(d.fiscalNumber) }) as { sbs: number[] }[];
    barcode = barsPath(symbol.sbs, BARCODE_SIZE.width, BARCODE_SIZE.height);
  }
  return { qr, barcode };
}
