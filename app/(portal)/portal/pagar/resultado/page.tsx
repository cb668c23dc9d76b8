import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { FileDown } from 'lucide-react';
import { AutoRefresh } from '@/components/billing-runs/auto-refresh';
import { DetailField } from '@/components/detail-field';
import { InvoiceStatusBadge } from '@/components/invoices/invoice-badges';
import { SectionCard } from '@/components/section-card';
import { PageHeader } from '@/components/shell/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { NotFoundError } from '@/lib/auth/errors';
import { requirePageActor } from '@/lib/dal/page';
import { getPortalCheckout } from '@/lib/dal/portal';
import { formatDateTime, formatMoney, formatPeriod } from '@/lib/domain/format';
import { firstValues, type RawSearchParams } from '@/lib/validation/search-params';

export const metadata: Metadata = { title: 'Resultado del pago' };

const STATUS = {
  PENDING: { label: 'Esperando la confirmación de la pasarela', variant: 'warning' },
  APPROVED: { label: 'Pagada', variant: 'success' },
  DECLINED: { label: 'Pago rechazado', variant: 'destructive' },
  EXPIRED: { label: 'Pago vencido', variant: 'secondary' },
} as const;

/** Where the gateway sends the client back: the checkout's status, refreshed until the webhook decides it. */
export default async function PortalPayResultPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor('portal.use');
  const params = firstValues(await searchParams);
  const checkout = await getPortalCheckout(actor, params.checkout ?? '').catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const status = STATUS[checkout.status];
  const cancelled = params.cancelado === '1' && checkout.status === 'PENDING';
  return (
    <>
      <PageHeader title="Pago en línea" crumbs={[{ label: 'Mi cuenta', href: '/portal' }, { label: 'Pagar en línea', href: '/portal/pagar' }, { label: 'Resultado' }]} />
      <AutoRefresh active={checkout.status === 'PENDING' && !cancelled} intervalMs={2000} />
      <div className="grid max-w-3xl grid-cols-1 gap-4">
        <SectionCard title="Estado del pago">
          <div className="grid gap-4">
            <div className="flex flex-wrap items-center gap-3" role="status" aria-live="polite">
              <Badge variant={cancelled ? 'secondary' : status.variant} data-testid="checkout-status" className="text-sm">
                {cancelled ? 'Pago cancelado' : status.label}
              </Badge>
              {checkout.status === 'PENDING' && !cancelled ? <span className="text-sm text-muted-foreground">Esta página se actualiza sola.</span> : null}
            </div>
            {cancelled ? <p className="text-sm text-muted-foreground">Volvió de la pasarela sin pagar. Puede intentarlo de nuevo cuando quiera.</p> : null}
            {checkout.status === 'APPROVED' ? (
              <p className="text-sm">
                Recibimos su pago{checkout.payment?.receiptNumber ? (
                  <>
                    {' '}
                    (recibo <span className="font-mono">{checkout.payment.receiptNumber}</span>)
                  </>
                ) : null}
                . Las facturas ya figuran como pagadas.
              </p>
            ) : null}
            {checkout.status === 'APPROVED' && checkout.payment?.receiptNumber ? (
              <div>
                <Button variant="outline" asChild>
                  <a href={`/portal/pagos/${checkout.payment.id}/recibo`} target="_blank" rel="noopener">
                    <FileDown aria-hidden /> Descargar el recibo
                  </a>
                </Button>
              </div>
            ) : null}
            {checkout.status === 'DECLINED' ? <p className="text-sm text-muted-foreground">La pasarela no aprobó el pago: no se cobró nada. Puede intentarlo de nuevo.</p> : null}
            {checkout.status === 'EXPIRED' ? <p className="text-sm text-muted-foreground">El tiempo para completar el pago venció sin confirmación. Si la pasarela le cobró, comuníquese con su gestor de cuenta.</p> : null}
            <dl className="grid gap-4 sm:grid-cols-3">
              <DetailField label="Acuerdo">
                <Link href={`/portal/acuerdos/${checkout.agreement.id}`} className="font-mono text-primary hover:underline">
                  {checkout.agreement.code}
                </Link>
              </DetailField>
              <DetailField label="Importe">{formatMoney(checkout.amount, checkout.currency)}</DetailField>
              <DetailField label="Iniciado">{formatDateTime(checkout.createdAt)}</DetailField>
            </dl>
            {checkout.status === 'DECLINED' || checkout.status === 'EXPIRED' || cancelled ? (
              <div>
                <Button asChild>
                  <Link href={`/portal/pagar?acuerdo=${checkout.agreement.id}`}>Intentar de nuevo</Link>
                </Button>
              </div>
            ) : null}
          </div>
        </SectionCard>
        <SectionCard title="Facturas de este pago">
          <ul className="grid gap-2">
            {checkout.invoices.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border p-3 text-sm">
                <span>
                  <Link href={`/portal/facturas/${i.id}`} className="font-mono text-primary hover:underline">
                    {i.fiscalNumber ?? '—'}
                  </Link>
                  {i.period ? <span className="text-muted-foreground"> · {formatPeriod(i.period)}</span> : null}
                </span>
                <span className="flex items-center gap-3">
                  <span className="tabular-nums">{formatMoney(i.balance, checkout.currency)}</span>
                  <InvoiceStatusBadge status={i.status} />
                </span>
              </li>
            ))}
          </ul>
        </SectionCard>
      </div>
    </>
  );
}
