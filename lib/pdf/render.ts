import { renderToBuffer, type DocumentProps } from '@react-pdf/renderer';
import { createElement, type ReactElement } from 'react';
import { BUILT_IN_PRINT_FORMAT, type PrintFormat } from '@/lib/domain/pdf/print-format';
import { registerPdfFonts } from './fonts';
import { InvoiceDocument } from './invoice-document';
import { paymentImages } from './payment-images';
import type { InvoicePdfData } from './types';

/** The invoice's PDF bytes (server only: route handlers, jobs, scripts). */
export async function renderInvoicePdf(data: InvoicePdfData, format: PrintFormat = BUILT_IN_PRINT_FORMAT): Promise<Buffer> {
  registerPdfFonts();
  const images = await paymentImages(data, format);
  // InvoiceDocument renders a <Document>; react-pdf's types only accept the element of one.
  return renderToBuffer(createElement(InvoiceDocument, { data, format, images }) as unknown as ReactElement<DocumentProps>);
}
