import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AutoRefresh } from '@/components/billing-runs/auto-refresh';
import { DetailField } from '@/components/detail-field';
import { InvoiceStatusBadge } from '@/components/invoices/invoice-badges';
import { SectionCard } from '@/components/section-card';
import { PageHeader } from '@/components/shell/page-header';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { NotFoundError } from '@/lib/auth/errors';
import { getCheckout } from '@/lib/dal/checkouts';
import { requirePageActor } from '@/lib/dal/page';
import { formatDateTime, formatMoney } from '@/lib/domain/format';
import { firstValues, type RawSearchParams } from '@/lib/validation/search-params';

export const metadata: Metadata = { title: 'Resultado del pago en línea' };

const STATUS = {
  PENDING: { label: 'Esperando la confirmación de la pasarela', variant: 'warning' },
  APPROVED: { label: 'Pagado', variant: 'success' },
  DECLINED: { label: 'Rechazado', variant: 'destructive' },
  EXPIRED: { label: 'Vencido', variant: 'secondary' },
} as const;

/** Where the provider sends the payer back: the checkout's status, refreshed until the webhook decides it. */
export default async function GatewayResultPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor('payments.read');
  const params = firstValues(await searchParams);
  const checkout = await getCheckout(actor, params.checkout ?? '').catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const status = STATUS[checkout.status];
  return (
    <>
      <PageHeader title="Pago en línea" crumbs={[{ label: 'Inicio', href: '/' }, { label: 'Cobros', href: '/cobros' }, { label: 'Pago en línea' }]} />
      <AutoRefresh active={checkout.status === 'PENDING'} intervalMs={2000} />
      <SectionCard title="Estado" className="mb-6">
        <div className="grid gap-4">
          <div className="flex items-center gap-3" role="status" aria-live="polite">
            <Badge variant={status.variant} data-testid="checkout-status">
              {status.label}
            </Badge>
            {checkout.status === 'PENDING' ? <span className="text-sm text-muted-foreground">Esta página se actualiza sola.</span> : null}
          </div>
          {checkout.message ? <p className="text-sm text-muted-foreground">{checkout.message}</p> : null}
          <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <DetailField label="Acuerdo">
              <Link href={`/acuerdos/${checkout.agreement.id}`} className="font-mono text-primary hover:underline">
                {checkout.agreement.code}
              </Link>{' '}
              — {checkout.agreement.customerName}
            </DetailField>
            <DetailField label="Importe">{formatMoney(checkout.amount, checkout.currency)}</DetailField>
            <DetailField label="Pasarela">{checkout.provider === 'sandbox' ? 'Pruebas (sandbox)' : 'Stripe'}</DetailField>
            <DetailField label="Iniciado">{formatDateTime(checkout.createdAt)}</DetailField>
          </dl>
          {checkout.payment ? (
            <p className="text-sm">
              <Link href={`/cobros/${checkout.payment.id}`} className="text-primary hover:underline">
                Ver el pago {checkout.payment.receiptNumber}
              </Link>
            </p>
          ) : null}
        </div>
      </SectionCard>
      <SectionCard title="Facturas">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Factura</TableHead>
              <TableHead>Estado</TableHead>
              <TableHead className="text-right">Saldo</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {checkout.invoices.map((i) => (
              <TableRow key={i.id}>
                <TableCell>
                  <Link href={`/facturas/${i.id}`} className="font-mono text-primary hover:underline">
                    {i.fiscalNumber ?? '—'}
                  </Link>
                </TableCell>
                <TableCell>
                  <InvoiceStatusBadge status={i.status} />
                </TableCell>
                <TableCell className="text-right tabular-nums">{formatMoney(i.balance, checkout.currency)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </SectionCard>
    </>
  );
}
