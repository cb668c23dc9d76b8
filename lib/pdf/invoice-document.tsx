import { Document, Page } from '@react-pdf/renderer';
import { BUILT_IN_PRINT_FORMAT, type PrintFormat } from '@/lib/domain/pdf/print-format';
import { docTitle, safeColor } from './display';
import { Header } from './sections/header';
import { LinesTable } from './sections/lines-table';
import { Footer, Watermark } from './sections/page-frame';
import { Parties } from './sections/parties';
import { Summary } from './sections/summary';
import { s } from './styles';
import type { InvoicePdfData } from './types';

/**
 * One stored invoice (or credit/debit note) as a PDF, from plain data: the header repeats on every
 * page, the customer block prints on the first, the lines paginate with their header row repeated,
 * and the totals close the document. A voided document carries ANULADA across every page.
 * Nothing is computed here but display: amounts are the stored ones.
 */
export function InvoiceDocument({ data, format = BUILT_IN_PRINT_FORMAT }: { data: InvoicePdfData; format?: PrintFormat }) {
  const accent = safeColor(format.accentColor, BUILT_IN_PRINT_FORMAT.accentColor);
  const d = data.document;
  return (
    <Document title={`${docTitle(d.docType)} ${d.fiscalNumber}`} author={data.company.legalName} subject={`${data.customer.name}`} creator="Cauce" producer="Cauce" language="es-DO">
      <Page size={format.paperSize === 'A4' ? 'A4' : 'LETTER'} style={s.page}>
        <Header data={data} accent={accent} logo={format.logo} />
        <Parties data={data} />
        <LinesTable data={data} accent={accent} />
        <Summary data={data} accent={accent} showNotes={format.showNotes} />
        <Footer legal={format.legalFooter} fiscalNumber={d.fiscalNumber} />
        {/* Last, so it is drawn over the table's shaded rows (translucent, the figures stay legible). */}
        {d.status === 'VOIDED' ? <Watermark text="ANULADA" color="#c62828" /> : null}
      </Page>
    </Document>
  );
}
