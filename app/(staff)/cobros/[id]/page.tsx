import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { FileDown, Printer, TriangleAlert } from 'lucide-react';
import { DetailField } from '@/components/detail-field';
import { SuccessAlert } from '@/components/forms/alerts';
import { PAYMENT_CHANNEL_LABELS } from '@/components/payments/labels';
import { PaymentStatusBadge } from '@/components/payments/payment-badges';
import { ReversePaymentDialog } from '@/components/payments/reverse-payment-dialog';
import { SectionCard } from '@/components/section-card';
import { PageHeader } from '@/components/shell/page-header';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { reversePaymentAction } from '@/lib/actions/payments';
import { NotFoundError } from '@/lib/auth/errors';
import { can } from '@/lib/auth/roles';
import { requirePageActor } from '@/lib/dal/page';
import { getPayment } from '@/lib/dal/payments';
import { formatDate, formatDateTime, formatMoney, formatPeriod } from '@/lib/domain/format';
import { PAYMENT_METHOD_LABELS } from '@/lib/domain/payment-instrument';
import { isPositiveAmount } from '@/lib/domain/money';

export const metadata: Metadata = { title: 'Cobro' };

export default async function PaymentPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ registrado?: string; repetido?: string }> }) {
  const { id } = await params;
  const flags = await searchParams;
  const actor = await requirePageActor('payments.read');
  const row = await getPayment(actor, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const p = row.payment;
  const money = (v: string) => formatMoney(v, p.currency);
  const receipt = p.receiptNumber ?? 'Sin número';
  // Links to agreements and invoices only for those who may open them (a cashier may not).
  const agreementLink = can(actor.role, 'agreements.read');
  const invoiceLink = can(actor.role, 'billing.read');
  const reversible = p.status === 'CONFIRMED' && can(actor.role, 'payments.reverse');

  return (
    <>
      <PageHeader
        title={`Recibo ${receipt}`}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <span>Pago del {formatDate(p.paidOn)}</span> <PaymentStatusBadge status={p.status} />
          </span>
        }
        crumbs={[{ label: 'Inicio', href: '/' }, { label: 'Cobros', href: '/cobros' }, { label: receipt }]}
        actions={
          <div className="flex flex-wrap gap-2">
            <Button variant={flags.registrado ? 'default' : 'outline'} asChild>
              <a href={`/cobros/${p.id}/recibo`} target="_blank" rel="noopener">
                {flags.registrado ? <Printer aria-hidden /> : <FileDown aria-hidden />} {flags.registrado ? 'Imprimir recibo' : 'Recibo (PDF)'}
              </a>
            </Button>
            {can(actor.role, 'cash.use') ? (
              <Button variant="outline" asChild>
                <Link href="/caja">Volver a caja</Link>
              </Button>
            ) : null}
          </div>
        }
      />
      <div className="mb-4 grid gap-3">
        {flags.registrado ? <SuccessAlert>Pago registrado con el recibo {receipt}.</SuccessAlert> : null}
        {flags.repetido ? <SuccessAlert>Este pago ya estaba registrado (el formulario se envió más de una vez): se muestra el recibo {receipt}, sin duplicarlo.</SuccessAlert> : null}
        {p.status === 'REVERSED' ? (
          <Alert variant="destructive" role="note">
            <TriangleAlert />
            <AlertTitle>Pago revertido{p.reversedAt ? ` el ${formatDateTime(p.reversedAt)}` : ''}</AlertTitle>
            <AlertDescription>Motivo: {p.reversalReason}</AlertDescription>
          </Alert>
        ) : null}
        {reversible ? (
          <div>
            <ReversePaymentDialog action={reversePaymentAction} paymentId={p.id} receiptNumber={receipt} />
          </div>
        ) : null}
      </div>

      <div className="mb-4 flex flex-wrap items-center gap-6 rounded-lg border p-4">
        <div className="grid gap-0.5">
          <span className="text-xs font-medium tracking-wide text-muted-foreground uppercase">Recibo de pago</span>
          <span className="font-mono text-xl font-semibold">{receipt}</span>
        </div>
        <div className="ml-auto grid gap-0.5 text-right">
          <span className="text-xs text-muted-foreground">Importe</span>
          <span className="text-xl font-semibold tabular-nums">{money(p.amount)}</span>
          <span className="text-xs text-muted-foreground">
            Aplicado {money(p.applied)} · Saldo a favor {money(p.unapplied)}
          </span>
        </div>
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <SectionCard title="Acuerdo y cliente">
          <dl className="grid gap-4 sm:grid-cols-2">
            <DetailField label="Acuerdo">
              {agreementLink ? (
                <Link href={`/acuerdos/${p.agreementId}`} className="font-medium text-primary hover:underline">
                  <span className="font-mono">{row.agreementCode}</span> — {row.agreementName}
                </Link>
              ) : (
                <>
                  <span className="font-mono">{row.agreementCode}</span> — {row.agreementName}
                </>
              )}
            </DetailField>
            <DetailField label="Cliente">{row.customerName}</DetailField>
            <DetailField label="Sucursal">{row.branchName}</DetailField>
          </dl>
        </SectionCard>
        <SectionCard title="Pago">
          <dl className="grid gap-4 sm:grid-cols-2">
            <DetailField label="Medio de pago">{PAYMENT_METHOD_LABELS[p.method]}</DetailField>
            <DetailField label="Entidad">{row.entityName}</DetailField>
            <DetailField label="Referencia">{p.reference}</DetailField>
            <DetailField label="Canal">{PAYMENT_CHANNEL_LABELS[p.channel]}</DetailField>
            <DetailField label="Registrado por">{row.createdByName}</DetailField>
            <DetailField label="Registrado el">{formatDateTime(p.createdAt)}</DetailField>
            {p.notes ? (
              <div className="sm:col-span-2">
                <DetailField label="Notas">{p.notes}</DetailField>
              </div>
            ) : null}
          </dl>
        </SectionCard>
      </div>

      <SectionCard title="Facturas pagadas" className="mt-6" description={isPositiveAmount(p.unapplied) ? `Quedó un saldo a favor de ${money(p.unapplied)} para las próximas facturas.` : undefined}>
        {row.allocations.length ? (
          <div className="rounded-md border">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Factura</TableHead>
                  <TableHead>Período</TableHead>
                  <TableHead>Vencimiento</TableHead>
                  <TableHead className="text-right">Importe aplicado</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {row.allocations.map((a) => (
                  <TableRow key={`${a.invoiceId}-${a.createdAt.toISOString()}`}>
                    <TableCell className="font-mono text-xs">
                      {invoiceLink ? (
                        <Link href={`/facturas/${a.invoiceId}`} className="font-medium text-primary hover:underline">
                          {a.fiscalNumber}
                        </Link>
                      ) : (
                        a.fiscalNumber
                      )}
                    </TableCell>
                    <TableCell>{a.period ? formatPeriod(a.period) : '—'}</TableCell>
                    <TableCell>{a.dueDate ? formatDate(a.dueDate) : '—'}</TableCell>
                    <TableCell className="text-right tabular-nums">{money(a.amount)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        ) : (
          <p className="text-sm text-muted-foreground">El pago no se aplicó a ninguna factura: queda entero como saldo a favor.</p>
        )}
      </SectionCard>
    </>
  );
}
