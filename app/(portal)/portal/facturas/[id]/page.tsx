import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { FileDown, Wallet } from 'lucide-react';
import { DetailField } from '@/components/detail-field';
import { CustomerSnapshotFields } from '@/components/invoices/customer-snapshot';
import { InvoiceClassBadge, InvoiceStatusBadge } from '@/components/invoices/invoice-badges';
import { PrintableItemsTable } from '@/components/invoices/invoice-items-table';
import { InvoiceTotals } from '@/components/invoices/invoice-totals';
import { PrintableItemsList } from '@/components/portal/printable-items-list';
import { ReceiptLink } from '@/components/portal/receipt-link';
import { SectionCard } from '@/components/section-card';
import { PageHeader } from '@/components/shell/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { NotFoundError } from '@/lib/auth/errors';
import { requirePageActor } from '@/lib/dal/page';
import { getPortalInvoice } from '@/lib/dal/portal-invoices';
import { FISCAL_DOC_TYPE_LABELS } from '@/lib/domain/billing/fiscal-number';
import { INVOICE_CLASS_LABELS, LOCAL_CURRENCY, taxIncluded } from '@/lib/domain/billing/invoice-class';
import { INVOICE_STATUS_LABELS } from '@/lib/domain/billing/labels';
import { formatDate, formatDateTime, formatMoney, formatNumber, formatPeriod } from '@/lib/domain/format';
import { PAYMENT_METHOD_LABELS } from '@/lib/domain/payment-instrument';

export const metadata: Metadata = { title: 'Factura' };

export default async function PortalInvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor('portal.use');
  const row = await getPortalInvoice(actor, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const inv = row.invoice;
  const included = taxIncluded(inv.invoiceClass);
  const docLabel = FISCAL_DOC_TYPE_LABELS[inv.docType];

  return (
    <>
      <PageHeader
        title={`${docLabel} ${inv.fiscalNumber}`}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <span>{INVOICE_CLASS_LABELS[inv.invoiceClass]}</span>
            <InvoiceStatusBadge status={inv.status} />
            {row.overdue ? <Badge variant="destructive">Vencida</Badge> : null}
          </span>
        }
        crumbs={[{ label: 'Mi cuenta', href: '/portal' }, { label: 'Facturas', href: '/portal/facturas' }, { label: inv.fiscalNumber }]}
        actions={
          <div className="flex w-full flex-col gap-2 sm:w-auto sm:flex-row">
            {row.payable ? (
              <Button asChild>
                <Link href={`/portal/pagar?factura=${inv.id}`}>
                  <Wallet aria-hidden /> Pagar
                </Link>
              </Button>
            ) : null}
            {/* A plain link: the route answers with the PDF itself. */}
            <Button variant="outline" asChild>
              <a href={`/portal/facturas/${inv.id}/pdf`} target="_blank" rel="noopener">
                <FileDown aria-hidden /> Descargar PDF
              </a>
            </Button>
          </div>
        }
      />

      <div className="mb-4 grid gap-4 rounded-lg border p-4 sm:flex sm:flex-wrap sm:items-center">
        <div className="flex items-center gap-3">
          <InvoiceClassBadge invoiceClass={inv.invoiceClass} size="lg" />
          <div className="grid gap-0.5">
            <span className="text-xs font-medium tracking-wide text-muted-foreground uppercase">{docLabel}</span>
            <span className="font-mono text-lg font-semibold break-all sm:text-xl">{inv.fiscalNumber}</span>
          </div>
        </div>
        <dl className="grid grid-cols-2 gap-3 sm:ml-auto sm:flex sm:gap-8 sm:text-right">
          <div className="grid gap-0.5">
            <dt className="text-xs text-muted-foreground">Total</dt>
            <dd className="font-semibold whitespace-nowrap tabular-nums sm:text-xl">{formatMoney(inv.total, inv.currency)}</dd>
          </div>
          <div className="grid gap-0.5">
            <dt className="text-xs text-muted-foreground">Saldo</dt>
            <dd className={`font-semibold whitespace-nowrap tabular-nums sm:text-xl ${row.overdue ? 'text-destructive' : ''}`}>{formatMoney(inv.balance, inv.currency)}</dd>
          </div>
          <div className="grid gap-0.5">
            <dt className="text-xs text-muted-foreground">Vence</dt>
            <dd className="font-semibold sm:text-xl">{inv.dueDate ? formatDate(inv.dueDate) : '—'}</dd>
          </div>
        </dl>
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <SectionCard title="Documento">
          <dl className="grid grid-cols-2 gap-4">
            <DetailField label="Fecha de emisión">{inv.issueDate ? formatDate(inv.issueDate) : null}</DetailField>
            <DetailField label="Fecha de vencimiento">{inv.dueDate ? formatDate(inv.dueDate) : null}</DetailField>
            <DetailField label="Período">{inv.period ? formatPeriod(inv.period) : null}</DetailField>
            <DetailField label="Estado">{INVOICE_STATUS_LABELS[inv.status]}</DetailField>
            <div className="col-span-2">
              <DetailField label="Acuerdo">
                <span className="font-mono">{row.agreementCode}</span> — {row.agreementName}
              </DetailField>
            </div>
            <DetailField label="Sucursal">{row.branchName}</DetailField>
            <DetailField label="Moneda">{inv.currency}</DetailField>
            {inv.currency === LOCAL_CURRENCY ? null : <DetailField label="Tipo de cambio">{`${formatNumber(inv.exchangeRate, 4)} ${LOCAL_CURRENCY} por ${inv.currency}`}</DetailField>}
            {inv.eAuthorizationCode ? (
              <div className="col-span-2">
                <DetailField label="Código de autorización e-CF">{inv.eAuthorizationCode}</DetailField>
              </div>
            ) : null}
            {inv.voidedAt ? <DetailField label="Anulada">{formatDateTime(inv.voidedAt)}</DetailField> : null}
            {inv.notes ? (
              <div className="col-span-2">
                <DetailField label="Notas">{inv.notes}</DetailField>
              </div>
            ) : null}
          </dl>
        </SectionCard>
        <SectionCard title="Facturado a">
          <dl className="grid gap-4 sm:grid-cols-2">
            <CustomerSnapshotFields snapshot={inv.customerSnapshot} />
            <div className="sm:col-span-2">
              <DetailField label="Domicilio de facturación">{inv.billingAddress}</DetailField>
            </div>
            {inv.deliveryAddress ? (
              <div className="sm:col-span-2">
                <DetailField label="Domicilio de entrega">{inv.deliveryAddress}</DetailField>
              </div>
            ) : null}
          </dl>
        </SectionCard>
      </div>

      <div className="mt-4 grid grid-cols-1 gap-4">
        <SectionCard title="Detalle" description="Las líneas de la factura, tal como se imprimieron.">
          {row.printable.length ? (
            <>
              <div className="sm:hidden">
                <PrintableItemsList items={row.printable} currency={inv.currency} taxIncluded={included} />
              </div>
              <div className="hidden sm:block">
                <PrintableItemsTable items={row.printable} currency={inv.currency} taxIncluded={included} />
              </div>
            </>
          ) : (
            <p className="text-sm text-muted-foreground">Sin líneas.</p>
          )}
        </SectionCard>
        <div className="grid gap-4 lg:grid-cols-2">
          <SectionCard title="Totales">
            <InvoiceTotals totals={inv} taxIncluded={included} />
          </SectionCard>
          <SectionCard title="Pagos aplicados">
            {row.payments.length ? (
              <ul className="grid gap-2 text-sm">
                {row.payments.map((p, i) => (
                  <li key={`${p.id}-${i}`} className="grid gap-0.5 border-b pb-2 last:border-b-0 last:pb-0">
                    <div className="flex items-center justify-between gap-4">
                      {p.receiptNumber ? <ReceiptLink paymentId={p.id} receiptNumber={p.receiptNumber} /> : <span className="font-mono">—</span>}
                      <span className="font-medium whitespace-nowrap tabular-nums">{formatMoney(p.amount, inv.currency)}</span>
                    </div>
                    <span className="text-muted-foreground">
                      {formatDate(p.paidOn)} · {PAYMENT_METHOD_LABELS[p.method]}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-muted-foreground">Todavía no se aplicó ningún pago a este documento.</p>
            )}
          </SectionCard>
        </div>
        {row.related.length ? (
          <SectionCard title="Documentos relacionados">
            <ul className="grid gap-2 text-sm">
              {row.related.map((d) => (
                <li key={d.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
                  <span>
                    <span className="text-muted-foreground">{d.relation === 'corrected' ? 'Corrige a: ' : 'Corregida por: '}</span>
                    {FISCAL_DOC_TYPE_LABELS[d.docType]}{' '}
                    <Link href={`/portal/facturas/${d.id}`} className="font-mono font-medium text-primary hover:underline">
                      {d.fiscalNumber}
                    </Link>
                    {d.issueDate ? <span className="text-muted-foreground"> · {formatDate(d.issueDate)}</span> : null}
                  </span>
                  <span className="flex items-center gap-2">
                    <span className="tabular-nums">{formatMoney(d.total, d.currency)}</span>
                    <InvoiceStatusBadge status={d.status} />
                  </span>
                </li>
              ))}
            </ul>
          </SectionCard>
        ) : null}
      </div>
    </>
  );
}
