/**
 * What the payment QR and barcode of an invoice carry, from stored values only. Pure.
 */
import { toMoneyString } from '@/lib/domain/money';

// e.g. paymentQrContent('00001-00004217', '8500.5', 'DOP') → 'CAUCE|00001-00004217|8500.50|DOP'
export function paymentQrContent(fiscalNumber: string, balance: string, currency: string): string {
  return `CAUCE|${fiscalNumber}|${toMoneyString(balance)}|${currency}`;
}

// The point of sale and number digits of the fiscal number; e.g. '00001-00004217' → '0000100004217'.
export function barcodeReference(fiscalNumber: string): string {
  return fiscalNumber.replace(/\D/g, '');
}
