import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { FileDown, FileMinus2, FilePlus2, PencilLine, Wallet } from 'lucide-react';
import { DetailField } from '@/components/detail-field';
import { CustomerSnapshotFields } from '@/components/invoices/customer-snapshot';
import { InvoiceClassBadge, InvoiceStatusBadge } from '@/components/invoices/invoice-badges';
import { InvoiceItemsTable, PrintableItemsTable } from '@/components/invoices/invoice-items-table';
import { InvoiceTotals } from '@/components/invoices/invoice-totals';
import { PaymentStatusBadge } from '@/components/payments/payment-badges';
import { SectionCard } from '@/components/section-card';
import { PageHeader } from '@/components/shell/page-header';
import { EmptyState } from '@/components/ui/empty-state';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { NotFoundError } from '@/lib/auth/errors';
import { can } from '@/lib/auth/roles';
import { invoiceDebitFlag } from '@/lib/dal/direct-debit';
import { getInvoiceDetail } from '@/lib/dal/invoices';
import { requirePageActor } from '@/lib/dal/page';
import { FISCAL_DOC_TYPE_LABELS } from '@/lib/domain/billing/fiscal-number';
import { acceptsNotes } from '@/lib/domain/billing/notes';
import { INVOICE_CLASS_LABELS, LOCAL_CURRENCY, taxIncluded } from '@/lib/domain/billing/invoice-class';
import { INVOICE_ORIGIN_LABELS } from '@/lib/domain/billing/labels';
import { formatDate, formatDateTime, formatMoney, formatNumber, formatPeriod } from '@/lib/domain/format';
import { acceptsPayment } from '@/lib/domain/collections/allocation';

export const metadata: Metadata = { title: 'Factura' };

export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor('billing.read');
  const row = await getInvoiceDetail(actor, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const inv = row.invoice;
  // The bank rejected this document's latest direct debit and it is still open.
  const debitRejected = await invoiceDebitFlag(actor, inv.id);
  const included = taxIncluded(inv.invoiceClass);
  const docLabel = FISCAL_DOC_TYPE_LABELS[inv.docType];
  const title = `${docLabel} ${inv.fiscalNumber ?? '(borrador)'}`;
  const canWrite = can(actor.role, 'billing.write');
  const takesNotes = canWrite && acceptsNotes(inv.status) && inv.docType !== 'CREDIT_NOTE';
  // An open invoice or debit note with a balance can be paid (the payment form preselects it).
  const collectible = can(actor.role, 'payments.write') && acceptsPayment(inv);
  const linked = [...(row.related.parent ? [{ ...row.related.parent, relation: 'Documento corregido' }] : []), ...row.related.notes.map((n) => ({ ...n, relation: 'Nota sobre este documento' }))];

  return (
    <>
      <PageHeader
        title={title}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <span>{INVOICE_CLASS_LABELS[inv.invoiceClass]}</span> <InvoiceStatusBadge status={inv.status} />
            {debitRejected ? (
              <Badge variant="destructive" title={`Lote ${debitRejected.batchCode}: ${debitRejected.rejectCode ?? ''} ${debitRejected.rejectReason ?? ''}`.trim()} asChild={debitRejected.canOpenBatch}>
                {debitRejected.canOpenBatch ? <Link href={`/cobros/debitos/${debitRejected.batchId}?estado=REJECTED`}>Débito rechazado</Link> : 'Débito rechazado'}
              </Badge>
            ) : null}
          </span>
        }
        crumbs={[{ label: 'Inicio', href: '/' }, { label: 'Facturas', href: '/facturas' }, { label: inv.fiscalNumber ?? 'Borrador' }]}
        actions={
          inv.status !== 'DRAFT' ? (
            <div className="flex flex-wrap gap-2">
              {/* A plain link: the route answers with the PDF itself (drafts have none). */}
              <Button variant="outline" asChild>
                <a href={`/facturas/${inv.id}/pdf`} target="_blank" rel="noopener">
                  <FileDown aria-hidden /> Descargar PDF
                </a>
              </Button>
              {collectible ? (
                <Button asChild>
                  <Link href={`/cobros/nuevo?acuerdo=${inv.agreementId}&factura=${inv.id}`}>
                    <Wallet aria-hidden /> Registrar pago
                  </Link>
                </Button>
              ) : null}
              {takesNotes ? (
                <>
                  <Button variant="outline" asChild>
                    <Link href={`/facturas/${inv.id}/nota-credito`}>
                      <FileMinus2 aria-hidden /> Nota de crédito
                    </Link>
                  </Button>
                  {inv.docType === 'INVOICE' ? (
                    <Button variant="outline" asChild>
                      <Link href={`/facturas/${inv.id}/nota-debito`}>
                        <FilePlus2 aria-hidden /> Nota de débito
                      </Link>
                    </Button>
                  ) : null}
                </>
              ) : null}
            </div>
          ) : undefined
        }
      />

      {inv.status === 'DRAFT' ? (
        <Alert className="mb-4">
          <PencilLine aria-hidden />
          <AlertDescription className="flex flex-wrap items-center justify-between gap-2">
            <span>Este documento es un borrador: no tiene número fiscal y puede modificarse hasta que se emita.</span>
            {canWrite ? (
              <Button size="sm" asChild>
                <Link href={`/facturas/${inv.id}/editar`}>Editar borrador</Link>
              </Button>
            ) : null}
          </AlertDescription>
        </Alert>
      ) : null}

      <div className="mb-4 flex flex-wrap items-center gap-4 rounded-lg border p-4">
        <InvoiceClassBadge invoiceClass={inv.invoiceClass} size="lg" />
        <div className="grid gap-0.5">
          <span className="text-xs font-medium tracking-wide text-muted-foreground uppercase">{docLabel}</span>
          <span className="font-mono text-xl font-semibold">{inv.fiscalNumber ?? 'Sin número (borrador)'}</span>
          <span className="text-xs text-muted-foreground">
            Punto de venta {String(inv.posNumber).padStart(5, '0')} — {row.pointOfSaleDescription}
          </span>
        </div>
        <div className="ml-auto grid gap-0.5 text-right">
          <span className="text-xs text-muted-foreground">Total</span>
          <span className="text-xl font-semibold tabular-nums">{formatMoney(inv.total, inv.currency)}</span>
          <span className="text-xs text-muted-foreground">Saldo {formatMoney(inv.balance, inv.currency)}</span>
        </div>
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <SectionCard title="Cliente (datos al emitir)">
          <dl className="grid gap-4 sm:grid-cols-2">
            <CustomerSnapshotFields snapshot={inv.customerSnapshot} />
            <DetailField label="Cliente actual">
              <Link href={`/clientes/${inv.customerId}`} className="font-medium text-primary hover:underline">
                {row.customerName}
              </Link>
            </DetailField>
            <DetailField label="Acuerdo">
              <Link href={`/acuerdos/${inv.agreementId}`} className="font-medium text-primary hover:underline">
                <span className="font-mono">{row.agreementCode}</span> — {row.agreementName}
              </Link>
            </DetailField>
            <div className="sm:col-span-2">
              <DetailField label="Domicilio de facturación">{inv.billingAddress}</DetailField>
            </div>
            <div className="sm:col-span-2">
              <DetailField label="Domicilio de entrega">{inv.deliveryAddress}</DetailField>
            </div>
          </dl>
        </SectionCard>
        <SectionCard title="Documento">
          <dl className="grid gap-4 sm:grid-cols-2">
            <DetailField label="Fecha de emisión">{inv.issueDate ? formatDate(inv.issueDate) : null}</DetailField>
            <DetailField label="Fecha de vencimiento">{inv.dueDate ? formatDate(inv.dueDate) : null}</DetailField>
            <DetailField label="Período">{inv.period ? formatPeriod(inv.period) : null}</DetailField>
            <DetailField label="Origen">{INVOICE_ORIGIN_LABELS[inv.origin]}</DetailField>
            <DetailField label="Moneda">{inv.currency}</DetailField>
            <DetailField label="Tipo de cambio">{inv.currency === LOCAL_CURRENCY ? 'No aplica' : `${formatNumber(inv.exchangeRate, 4)} ${LOCAL_CURRENCY} por ${inv.currency}`}</DetailField>
            <DetailField label="Sucursal">{row.branchName}</DetailField>
            <DetailField label="Corrida de facturación">
              {inv.billingRunId ? (
                <Link href={`/facturacion/${inv.billingRunId}`} className="font-medium text-primary hover:underline">
                  {row.billingRunNumber ? `Corrida n.º ${row.billingRunNumber}` : 'Ver corrida'}
                </Link>
              ) : null}
            </DetailField>
            <DetailField label="Emitida">{inv.issuedAt ? formatDateTime(inv.issuedAt) : null}</DetailField>
            {inv.voidedAt ? <DetailField label="Anulada">{formatDateTime(inv.voidedAt)}</DetailField> : null}
            {inv.eAuthorizationCode ? <DetailField label="Código de autorización e-CF">{inv.eAuthorizationCode}</DetailField> : null}
            {inv.notes ? (
              <div className="sm:col-span-2">
                <DetailField label="Notas">{inv.notes}</DetailField>
              </div>
            ) : null}
          </dl>
        </SectionCard>
      </div>

      <div className="mt-6 grid grid-cols-1 gap-6">
        <SectionCard title="Ítems imprimibles" description="Las líneas que ve el cliente, agrupadas según el acuerdo y guardadas al emitir.">
          {row.printable.length ? (
            <PrintableItemsTable items={row.printable} currency={inv.currency} taxIncluded={included} />
          ) : (
            <p className="text-sm text-muted-foreground">Sin ítems imprimibles.</p>
          )}
        </SectionCard>
        <SectionCard title="Detalle de ítems" description="Una línea por cuenta y concepto, tal como se calcularon.">
          {row.items.length ? <InvoiceItemsTable items={row.items} currency={inv.currency} /> : <p className="text-sm text-muted-foreground">Sin ítems.</p>}
        </SectionCard>
        <div className="grid gap-4 lg:grid-cols-2">
          <SectionCard title="Totales">
            <InvoiceTotals totals={inv} taxIncluded={included} />
          </SectionCard>
          <SectionCard title="Pagos">
            {row.payments.length ? (
              <div className="rounded-md border">
                <Table>
                  <TableHeader>
                    <TableRow>
                      <TableHead>Recibo</TableHead>
                      <TableHead>Fecha</TableHead>
                      <TableHead>Estado</TableHead>
                      <TableHead className="text-right">Imputado</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {row.payments.map((p, i) => (
                      <TableRow key={`${p.paymentId}-${i}`}>
                        <TableCell className="font-mono">
                          {can(actor.role, 'payments.read') ? (
                            <Link href={`/cobros/${p.paymentId}`} className="text-primary hover:underline">
                              {p.receiptNumber ?? '—'}
                            </Link>
                          ) : (
                            (p.receiptNumber ?? '—')
                          )}
                        </TableCell>
                        <TableCell>{formatDate(p.paidOn)}</TableCell>
                        <TableCell>
                          <PaymentStatusBadge status={p.status} />
                        </TableCell>
                        <TableCell className={`text-right tabular-nums ${p.status === 'REVERSED' ? 'text-muted-foreground line-through' : ''}`}>{formatMoney(p.amount, inv.currency)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            ) : (
              <EmptyState icon={Wallet} title="Sin pagos" description="Ningún cobro se imputó todavía a este documento." className="min-h-32" />
            )}
          </SectionCard>
        </div>
        <SectionCard title="Documentos relacionados">
          {linked.length ? (
            <div className="rounded-md border">
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead>Relación</TableHead>
                    <TableHead>Documento</TableHead>
                    <TableHead>Número</TableHead>
                    <TableHead>Emisión</TableHead>
                    <TableHead className="text-right">Total</TableHead>
                    <TableHead>Estado</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {linked.map((d) => (
                    <TableRow key={d.id}>
                      <TableCell>{d.relation}</TableCell>
                      <TableCell>{FISCAL_DOC_TYPE_LABELS[d.docType]}</TableCell>
                      <TableCell className="font-mono text-xs">
                        <Link href={`/facturas/${d.id}`} className="font-medium text-primary hover:underline">
                          {d.fiscalNumber ?? 'Borrador'}
                        </Link>
                      </TableCell>
                      <TableCell>{d.issueDate ? formatDate(d.issueDate) : '—'}</TableCell>
                      <TableCell className="text-right tabular-nums">{formatMoney(d.total, d.currency)}</TableCell>
                      <TableCell>
                        <InvoiceStatusBadge status={d.status} />
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          ) : (
            <p className="text-sm text-muted-foreground">Ninguna nota de crédito o débito sobre este documento.</p>
          )}
        </SectionCard>
      </div>
    </>
  );
}
