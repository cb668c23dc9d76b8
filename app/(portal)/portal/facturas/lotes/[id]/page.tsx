import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArrowLeft, Download, TriangleAlert } from 'lucide-react';
import { AutoRefresh } from '@/components/billing-runs/auto-refresh';
import { ProgressBar } from '@/components/billing-runs/progress-bar';
import { percentDone } from '@/components/billing-runs/run-view';
import { SectionCard } from '@/components/section-card';
import { PageHeader } from '@/components/shell/page-header';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { retryPortalZipAction } from '@/lib/actions/portal-invoices';
import { NotFoundError } from '@/lib/auth/errors';
import { requirePageActor } from '@/lib/dal/page';
import { getPortalPdfBatch } from '@/lib/dal/pdf-batches';
import { formatDateTime } from '@/lib/domain/format';
import { listHref } from '@/lib/validation/search-params';
import { RetryZipButton } from './retry-button';

export const metadata: Metadata = { title: 'ZIP de facturas' };

const fmt = (n: number) => n.toLocaleString('es-DO');
const size = (bytes: number) => (bytes >= 2 ** 20 ? `${(bytes / 2 ** 20).toLocaleString('es-DO', { maximumFractionDigits: 1 })} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** A client's ZIP of invoices: its progress while it is generated (the page refreshes itself), then the download. */
export default async function PortalZipPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor('portal.use');
  const batch = await getPortalPdfBatch(actor, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const live = (batch.status === 'QUEUED' || batch.status === 'RUNNING') && !batch.stale;
  const failed = batch.status === 'FAILED' || batch.stale;
  const percent = percentDone(batch.done, batch.total, batch.status === 'DONE');
  const backHref = batch.filter ? listHref('/portal/facturas', batch.filter) : '/portal/facturas';

  return (
    <>
      <PageHeader
        title="ZIP de facturas"
        crumbs={[{ label: 'Mi cuenta', href: '/portal' }, { label: 'Facturas', href: '/portal/facturas' }, { label: 'ZIP' }]}
        description={`${fmt(batch.total)} ${batch.total === 1 ? 'factura' : 'facturas'} en PDF, pedido el ${formatDateTime(batch.createdAt)}.`}
      />
      <AutoRefresh active={live} />
      <SectionCard
        className="max-w-2xl"
        title={live ? (batch.status === 'QUEUED' ? 'En cola…' : 'Generando los PDF…') : batch.status === 'DONE' ? 'Listo para descargar' : 'No se pudo terminar'}
        description={live ? 'Puede salir de esta página: el ZIP se sigue generando y lo encontrará en Facturas.' : undefined}
      >
        <div className="grid gap-4">
          {live || batch.status === 'DONE' ? (
            <div className="grid gap-2">
              <div className="flex justify-between gap-2 text-sm">
                <span>
                  {fmt(batch.done)} de {fmt(batch.total)} PDF · {fmt(batch.pages)} páginas
                </span>
                <span className="tabular-nums">{percent} %</span>
              </div>
              <ProgressBar percent={percent} label="PDF generados" />
            </div>
          ) : null}
          {failed ? (
            <Alert variant="destructive" role="alert">
              <TriangleAlert aria-hidden />
              <AlertDescription>{batch.stale ? 'La generación del ZIP se interrumpió.' : (batch.message ?? 'No se pudieron generar los PDF.')} Puede intentarlo de nuevo.</AlertDescription>
            </Alert>
          ) : null}
          <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-center">
            {batch.downloadable ? (
              <Button asChild className="w-full sm:w-auto">
                <a href={`/portal/facturas/lotes/${batch.id}/zip`} download>
                  <Download aria-hidden /> Descargar ZIP ({size(batch.bytes ?? 0)})
                </a>
              </Button>
            ) : null}
            {failed ? <RetryZipButton action={retryPortalZipAction.bind(null, batch.id)} /> : null}
            <Button variant="outline" asChild className="w-full sm:w-auto">
              <Link href={backHref}>
                <ArrowLeft aria-hidden /> Volver a las facturas
              </Link>
            </Button>
          </div>
          {batch.status === 'DONE' && batch.finishedAt ? <p className="text-sm text-muted-foreground">Generado el {formatDateTime(batch.finishedAt)}.</p> : null}
        </div>
      </SectionCard>
    </>
  );
}
