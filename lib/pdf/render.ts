import { renderToBuffer, type DocumentProps } from '@react-pdf/renderer';
import { createElement, type ReactElement } from 'react';
import type { PrintFormat } from '@/lib/domain/pdf/print-format';
import { registerPdfFonts } from './fonts';
import { InvoiceDocument } from './invoice-document';
import type { InvoicePdfData } from './types';

/** The invoice's PDF bytes (server only: route handlers, jobs, scripts). */
export async function renderInvoicePdf(data: InvoicePdfData, format?: PrintFormat): Promise<Buffer> {
  registerPdfFonts();
  // InvoiceDocument renders a <Document>; react-pdf's types only accept the element of one.
  return renderToBuffer(createElement(InvoiceDocument, { data, format }) as unknown as ReactElement<DocumentProps>);
}
