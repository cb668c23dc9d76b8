import { Badge } from '@/components/ui/badge';
import { INVOICE_CLASS_LABELS, type InvoiceClass } from '@/lib/domain/billing/invoice-class';
import { INVOICE_STATUS_LABELS, type InvoiceStatus } from '@/lib/domain/billing/labels';
import { cn } from '@/lib/utils';

type Variant = 'default' | 'secondary' | 'destructive' | 'outline' | 'success' | 'warning';

const STATUS_VARIANTS: Record<InvoiceStatus, Variant> = { DRAFT: 'outline', ISSUED: 'default', PARTIALLY_PAID: 'warning', PAID: 'success', VOIDED: 'secondary' };

export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  return <Badge variant={STATUS_VARIANTS[status]}>{INVOICE_STATUS_LABELS[status]}</Badge>;
}

/** The invoice letter as printed: a small boxed A, B or E (its meaning in the tooltip). */
export function InvoiceClassBadge({ invoiceClass, size = 'sm' }: { invoiceClass: InvoiceClass; size?: 'sm' | 'lg' }) {
  return (
    <span
      title={INVOICE_CLASS_LABELS[invoiceClass]}
      aria-label={`Clase ${INVOICE_CLASS_LABELS[invoiceClass]}`}
      className={cn('inline-flex shrink-0 items-center justify-center rounded border-2 border-foreground font-mono font-bold', size === 'lg' ? 'size-12 text-2xl' : 'size-6 text-xs')}
    >
      {invoiceClass}
    </span>
  );
}
