import { Download, TriangleAlert } from 'lucide-react';
import { AutoRefresh } from '@/components/billing-runs/auto-refresh';
import { ProgressBar } from '@/components/billing-runs/progress-bar';
import { percentDone } from '@/components/billing-runs/run-view';
import { SectionCard } from '@/components/section-card';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { requestRunPdfBatchAction } from '@/lib/actions/pdf-batches';
import type { PdfBatchView } from '@/lib/dal/pdf-batches';
import { formatDateTime } from '@/lib/domain/format';
import { PdfBatchButton } from './pdf-batch-button';

const fmt = (n: number) => n.toLocaleString('es-DO');
const size = (bytes: number) => (bytes >= 2 ** 20 ? `${(bytes / 2 ** 20).toLocaleString('es-DO', { maximumFractionDigits: 1 })} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/**
 * "PDF de todas las facturas (ZIP)" of a finished RUN: the button, the batch's live progress (the
 * page refreshes itself while it runs) and the download link once the ZIP is written.
 */
export function PdfBatchSection({ runId, batch }: { runId: string; batch: PdfBatchView | null }) {
  const live = (batch?.status === 'QUEUED' || batch?.status === 'RUNNING') && !batch.stale;
  const action = requestRunPdfBatchAction.bind(null, runId);
  return (
    <SectionCard
      className="mb-6"
      title="PDF de las facturas"
      description={live ? 'Se generan en segundo plano; puede salir y volver.' : 'Todas las facturas de la corrida en un archivo ZIP, un PDF por factura.'}
    >
      <AutoRefresh active={live} />
      <div className="grid gap-4">
        {live ? (
          <div className="grid gap-2">
            <div className="flex justify-between text-sm">
              <span>{batch.status === 'QUEUED' ? 'En cola…' : `${fmt(batch.done)} de ${fmt(batch.total)} PDF generados · ${fmt(batch.pages)} páginas`}</span>
              <span className="tabular-nums">{percentDone(batch.done, batch.total, false)} %</span>
            </div>
            <ProgressBar percent={percentDone(batch.done, batch.total, false)} label="PDF generados" />
          </div>
        ) : null}
        {batch?.status === 'FAILED' || batch?.stale ? (
          <Alert variant="destructive" role="alert">
            <TriangleAlert />
            <AlertDescription>{batch.stale ? 'La generación de los PDF se interrumpió.' : (batch.message ?? 'No se pudieron generar los PDF.')} Puede intentarlo de nuevo.</AlertDescription>
          </Alert>
        ) : null}
        {live ? null : (
          <div className="flex flex-wrap items-center gap-3">
          {batch?.downloadable ? (
            <Button asChild>
              <a href={`/facturacion/${runId}/pdf-zip`} download>
                <Download /> Descargar ZIP ({fmt(batch.done)} PDF · {size(batch.bytes ?? 0)})
              </a>
            </Button>
          ) : null}
          <PdfBatchButton action={action} label={batch ? 'Generar el ZIP de nuevo' : 'PDF de todas las facturas (ZIP)'} />
          </div>
        )}
        {batch?.downloadable ? (
          <p className="text-sm text-muted-foreground">
            {fmt(batch.pages)} páginas · generado el {batch.finishedAt ? formatDateTime(batch.finishedAt) : '—'}
          </p>
        ) : null}
      </div>
    </SectionCard>
  );
}
