import { renderToBuffer, type DocumentProps } from '@react-pdf/renderer';
import { createElement, type ReactElement } from 'react';
import { BUILT_IN_PRINT_FORMAT, type PrintFormat } from '@/lib/domain/pdf/print-format';
import { registerPdfFonts } from './fonts';
import { InvoiceDocument } from './invoice-document';
import { fitsOnePage, onePageLineLimit } from './one-page';
import { paymentImages } from './payment-images';
import type { InvoicePdfData, InvoicePdfImages } from './types';

function render(props: { data: InvoicePdfData; format: PrintFormat; images: InvoicePdfImages; onePage?: (layout: unknown) => void }) {
  // InvoiceDocument renders a <Document>; react-pdf's types only accept the element of one.
  return renderToBuffer(createElement(InvoiceDocument, props) as unknown as ReactElement<DocumentProps>);
}

/**
 * The invoice's PDF bytes (server only: route handlers, jobs, scripts). A short invoice is tried
 * as one unbroken page first and kept when it fits (one-page.ts): the same page, laid out once.
 */
export async function renderInvoicePdf(data: InvoicePdfData, format: PrintFormat = BUILT_IN_PRINT_FORMAT): Promise<Buffer> {
  registerPdfFonts();
  const images = await paymentImages(data, format);
  if (data.lines.length <= onePageLineLimit(format)) {
    let fits = false;
    const pdf = await render({ data, format, images, onePage: (layout) => (fits = fitsOnePage(layout)) });
    if (fits) return pdf;
  }
  return render({ data, format, images });
}
