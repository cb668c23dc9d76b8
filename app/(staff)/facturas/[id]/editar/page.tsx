import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { ListPlus } from 'lucide-react';
import { AddLineForm } from '@/components/invoice-documents/add-line-form';
import { DeleteDraftButton, IssueDraftButton, RemoveLineButton } from '@/components/invoice-documents/draft-actions';
import { InvoiceClassBadge } from '@/components/invoices/invoice-badges';
import { InvoiceTotals } from '@/components/invoices/invoice-totals';
import { SectionCard } from '@/components/section-card';
import { PageHeader } from '@/components/shell/page-header';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { addDraftLineAction, deleteDraftAction, issueManualInvoiceAction, removeDraftLineAction } from '@/lib/actions/invoice-documents';
import { NotFoundError } from '@/lib/auth/errors';
import { getDraftEditor } from '@/lib/dal/invoice-documents';
import { requirePageActor } from '@/lib/dal/page';
import { INVOICE_CLASS_LABELS, taxIncluded } from '@/lib/domain/billing/invoice-class';
import { formatMoney, formatNumber } from '@/lib/domain/format';

export const metadata: Metadata = { title: 'Borrador de factura' };

const num = 'text-right whitespace-nowrap tabular-nums';

export default async function EditDraftPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor('billing.write');
  const row = await getDraftEditor(actor, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const inv = row.invoice;
  if (inv.status !== 'DRAFT') redirect(`/facturas/${inv.id}`);
  const money = (v: string) => formatMoney(v, inv.currency);
  const pos = String(inv.posNumber).padStart(5, '0');

  return (
    <>
      <PageHeader
        title="Borrador de factura manual"
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <InvoiceClassBadge invoiceClass={inv.invoiceClass} /> {INVOICE_CLASS_LABELS[inv.invoiceClass]} · Punto de venta {pos} · Acuerdo{' '}
            <Link href={`/acuerdos/${row.agreement.id}`} className="font-medium text-primary hover:underline">
              {row.agreement.code}
            </Link>{' '}
            — {row.agreement.customerName}
          </span>
        }
        crumbs={[{ label: 'Inicio', href: '/' }, { label: 'Facturas', href: '/facturas' }, { label: 'Borrador', href: `/facturas/${inv.id}` }, { label: 'Editar' }]}
        actions={
          <div className="flex flex-wrap items-start gap-2">
            <DeleteDraftButton action={deleteDraftAction} invoiceId={inv.id} />
            <IssueDraftButton action={issueManualInvoiceAction} invoiceId={inv.id} totalText={money(inv.total)} disabled={row.items.length === 0} numberingText={`la clase ${inv.invoiceClass}, punto de venta ${pos}`} />
          </div>
        }
      />

      <div className="grid gap-6">
        <SectionCard title="Líneas" description="Cargos puntuales al precio indicado; el descuento del acuerdo no se aplica a las facturas manuales.">
          {row.items.length ? (
            <div className="overflow-x-auto rounded-md border">
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead className="w-10">#</TableHead>
                    <TableHead>Concepto</TableHead>
                    <TableHead>Descripción</TableHead>
                    <TableHead>Cuenta</TableHead>
                    <TableHead className="text-right">Cantidad</TableHead>
                    <TableHead className="text-right">Precio unitario</TableHead>
                    <TableHead className="text-right">Neto</TableHead>
                    <TableHead className="text-right">ITBIS</TableHead>
                    <TableHead className="text-right">Total</TableHead>
                    <TableHead className="w-12">
                      <span className="sr-only">Quitar</span>
                    </TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {row.items.map((i) => (
                    <TableRow key={i.lineNo}>
                      <TableCell className="text-muted-foreground tabular-nums">{i.lineNo}</TableCell>
                      <TableCell>
                        <div className="font-mono text-xs">{i.conceptCode}</div>
                        <div className="text-xs text-muted-foreground">{i.conceptGroupName}</div>
                      </TableCell>
                      <TableCell className="min-w-48">{i.description}</TableCell>
                      <TableCell className="font-mono text-xs">{i.accountNumber ?? '—'}</TableCell>
                      <TableCell className={num}>{formatNumber(i.quantity)}</TableCell>
                      <TableCell className={num}>{formatNumber(i.unitPrice, 4)}</TableCell>
                      <TableCell className={num}>{money(i.net)}</TableCell>
                      <TableCell className={num}>
                        {money(i.tax)}
                        <div className="text-xs text-muted-foreground">{`${formatNumber(i.taxRate, 2)} %`}</div>
                      </TableCell>
                      <TableCell className={`${num} font-medium`}>{money(i.total)}</TableCell>
                      <TableCell>
                        <RemoveLineButton action={removeDraftLineAction} invoiceId={inv.id} lineNo={i.lineNo} label={i.description} />
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          ) : (
            <EmptyState icon={ListPlus} title="Sin líneas todavía" description="Agregue al menos una línea para poder emitir la factura." className="min-h-32" />
          )}
        </SectionCard>

        <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
          <SectionCard title="Agregar línea" description="Los conceptos de cargo puntual y recargo proponen su importe; cualquier concepto admite cantidad y precio indicados.">
            <AddLineForm action={addDraftLineAction} invoiceId={inv.id} concepts={row.concepts} accounts={row.accounts} currency={inv.currency} />
          </SectionCard>
          <SectionCard title="Totales">
            <InvoiceTotals totals={inv} taxIncluded={taxIncluded(inv.invoiceClass)} />
          </SectionCard>
        </div>
      </div>
    </>
  );
}
