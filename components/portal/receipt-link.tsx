import { FileDown } from 'lucide-react';
import { cn } from '@/lib/utils';

/** The receipt number as a link to its PDF (a plain link: the route answers with the PDF itself). */
export function ReceiptLink({ paymentId, receiptNumber, className }: { paymentId: string; receiptNumber: string; className?: string }) {
  return (
    <a href={`/portal/pagos/${paymentId}/recibo`} target="_blank" rel="noopener" className={cn('inline-flex items-center gap-1 font-mono text-primary hover:underline', className)}>
      <FileDown className="size-3.5 shrink-0" aria-hidden />
      <span className="sr-only">Descargar el recibo </span>
      {receiptNumber}
    </a>
  );
}
