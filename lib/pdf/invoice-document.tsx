import { Document, Page } from '@react-pdf/renderer';
import { chartEndPeriod, consumptionSeries } from '@/lib/domain/pdf/consumption-chart';
import { BUILT_IN_PRINT_FORMAT, type PrintFormat } from '@/lib/domain/pdf/print-format';
import { docTitle, safeColor } from './display';
import { Header } from './sections/header';
import { LinesTable } from './sections/lines-table';
import { Footer, Watermark } from './sections/page-frame';
import { Parties } from './sections/parties';
import { PaymentBlocks } from './sections/payment-blocks';
import { Summary } from './sections/summary';
import { s } from './styles';
import type { InvoicePdfData, InvoicePdfImages } from './types';

/** Page heights in points (react-pdf's sizes): an unbroken page is laid out at least this tall, so the footer sits at its foot. */
const PAGE_HEIGHT = { LETTER: 792, A4: 841.89 } as const;

const NO_IMAGES: InvoicePdfImages = { qr: null, barcode: null };

function chartBars(data: InvoicePdfData, format: PrintFormat) {
  if (!format.showConsumptionChart || !data.consumption?.length) return null;
  const end = chartEndPeriod(data.document.period, data.document.issueDate, data.consumption);
  if (!end) return null;
  return consumptionSeries(data.consumption, end, format.chartPeriods);
}

/**
 * One stored invoice (or credit/debit note) as a PDF, from plain data: the header repeats on every
 * page, the customer block prints on the first, the lines paginate with their header row repeated,
 * and the totals close the document, followed by the format's consumption chart and payment
 * QR/barcode (`images`, made beforehand by paymentImages). A voided document carries ANULADA
 * across every page. Nothing is computed here but display: amounts are the stored ones.
 */
export function InvoiceDocument({
  data,
  format = BUILT_IN_PRINT_FORMAT,
  images = NO_IMAGES,
  onePage,
}: {
  data: InvoicePdfData;
  format?: PrintFormat;
  images?: InvoicePdfImages;
  /** Lay the document out as ONE unbroken page (see one-page.ts); the callback receives react-pdf's layout to check it fits. */
  onePage?: (layout: unknown) => void;
}) {
  const accent = safeColor(format.accentColor, BUILT_IN_PRINT_FORMAT.accentColor);
  const d = data.document;
  const size = format.paperSize === 'A4' ? 'A4' : 'LETTER';
  return (
    <Document title={`${docTitle(d.docType)} ${d.fiscalNumber}`} author={data.company.legalName} subject={`${data.customer.name}`} creator="Cauce" producer="Cauce" language="es-DO"
      onRender={onePage ? (rendered) => onePage((rendered as { _INTERNAL__LAYOUT__DATA_?: unknown })._INTERNAL__LAYOUT__DATA_) : undefined}
    >
      <Page size={size} style={onePage ? [s.page, { minHeight: PAGE_HEIGHT[size] }] : s.page} wrap={!onePage}>
        <Header data={data} accent={accent} logo={format.logo} />
        <Parties data={data} />
        <LinesTable data={data} accent={accent} set={format.columns} />
        <Summary data={data} accent={accent} showNotes={format.showNotes} />
        <PaymentBlocks data={data} accent={accent} bars={chartBars(data, format)} images={images} />
        <Footer legal={format.legalFooter} fiscalNumber={d.fiscalNumber} onePage={!!onePage} />
        {/* Last, so it is drawn over the table's shaded rows (translucent, the figures stay legible). */}
        {d.status === 'VOIDED' ? <Watermark text="ANULADA" color="#c62828" /> : null}
      </Page>
    </Document>
  );
}
