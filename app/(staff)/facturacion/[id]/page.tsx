import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { FileText, TriangleAlert } from 'lucide-react';
import { AutoRefresh } from '@/components/billing-runs/auto-refresh';
import { ProgressBar } from '@/components/billing-runs/progress-bar';
import { ResumeRunButton, RunPreviewButton } from '@/components/billing-runs/run-actions';
import { BillingRunModeBadge, BillingRunStatusBadge } from '@/components/billing-runs/run-badges';
import { RunSummaryTable } from '@/components/billing-runs/run-summary-table';
import { elapsedSeconds, formatElapsed, formatRate, percentDone, readRunSummary, runScopeText } from '@/components/billing-runs/run-view';
import { DetailField } from '@/components/detail-field';
import { SectionCard } from '@/components/section-card';
import { PageHeader } from '@/components/shell/page-header';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { PaginationBar } from '@/components/ui/pagination';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { resumeBillingRunAction, runPreviewAction } from '@/lib/actions/billing-runs';
import { NotFoundError } from '@/lib/auth/errors';
import { can } from '@/lib/auth/roles';
import { getBillingRun } from '@/lib/dal/billing-runs';
import { invoiceListOptions } from '@/lib/dal/invoices';
import { getRunPdfBatch } from '@/lib/dal/pdf-batches';
import { requirePageActor } from '@/lib/dal/page';
import { BILLING_RUN_MODE_LABELS } from '@/lib/domain/billing/labels';
import { formatDate, formatDateTime, formatMoney, formatPeriod } from '@/lib/domain/format';
import { billingRunPageSchema } from '@/lib/validation/invoices';
import { firstValues, listHref, type RawSearchParams } from '@/lib/validation/search-params';
import { cn } from '@/lib/utils';
import { PdfBatchSection } from './pdf-batch-section';

export const metadata: Metadata = { title: 'Corrida de facturación' };

const fmt = (n: number) => n.toLocaleString('es-DO');

function Stat({ label, value, tone }: { label: string; value: string; tone?: 'destructive' | 'muted' }) {
  return (
    <div className="rounded-lg border p-3">
      <div className="text-xs font-medium tracking-wide text-muted-foreground uppercase">{label}</div>
      <div className={cn('mt-1 text-xl font-semibold tabular-nums', tone === 'destructive' && 'text-destructive')}>{value}</div>
    </div>
  );
}

export default async function BillingRunPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<RawSearchParams> }) {
  const { id } = await params;
  const query = billingRunPageSchema.parse(firstValues(await searchParams));
  const actor = await requirePageActor('billing.read');
  const [detail, options, pdfBatch] = await Promise.all([
    getBillingRun(actor, id, { page: query.pagina, severity: query.severidad }).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e))),
    invoiceListOptions(actor),
    getRunPdfBatch(actor, id).catch((e) => (e instanceof NotFoundError ? null : Promise.reject(e))),
  ]);
  const { run, stale, issues } = detail;
  const active = (run.status === 'QUEUED' || run.status === 'RUNNING') && !stale;
  const finished = run.status === 'DONE';
  const seconds = elapsedSeconds(run.startedAt, run.finishedAt, new Date());
  const percent = percentDone(run.processed, run.total, finished);
  const summary = readRunSummary(run.summary);
  const scopeText = runScopeText(run.scope, new Map(options.branches.map((b) => [b.id, b.name])));
  const canWrite = can(actor.role, 'billing.write');
  const isPreview = run.mode === 'PREVIEW';
  const issuesHref = (patch: { severidad?: string; pagina?: number }) => listHref(`/facturacion/${run.id}`, { severidad: query.severidad, ...patch });

  return (
    <>
      <AutoRefresh active={active} />
      <PageHeader
        title={`${BILLING_RUN_MODE_LABELS[run.mode]} n.º ${run.number} — ${formatPeriod(run.period)}`}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <BillingRunModeBadge mode={run.mode} /> <BillingRunStatusBadge status={run.status} /> <span>{scopeText}</span>
          </span>
        }
        crumbs={[{ label: 'Inicio', href: '/' }, { label: 'Facturación', href: '/facturacion' }, { label: `Corrida ${run.number}` }]}
        actions={
          !isPreview ? (
            <Button variant="outline" asChild>
              <Link href={`/facturas?corrida=${run.id}`}>
                <FileText /> Ver facturas
              </Link>
            </Button>
          ) : undefined
        }
      />

      <div className="mb-4 grid gap-3">
        {run.status === 'FAILED' || stale ? (
          <Alert variant="destructive" role="alert">
            <TriangleAlert />
            <AlertTitle>{stale ? 'La corrida dejó de avanzar' : 'La corrida se detuvo por un error'}</AlertTitle>
            <AlertDescription>
              <span>
                {run.message ?? (stale ? 'No hay señales de actividad desde hace más de dos minutos.' : 'Error inesperado.')} Puede reanudarla: continúa después del último lote guardado y lo ya facturado no se repite.
              </span>
            </AlertDescription>
          </Alert>
        ) : null}
        {canWrite && (run.status === 'FAILED' || stale) ? <ResumeRunButton action={resumeBillingRunAction.bind(null, run.id)} /> : null}
        {isPreview && finished ? (
          <Alert role="note">
            <AlertDescription>Vista previa: no se escribieron facturas ni se tomaron números fiscales. Los importes son los que emitiría la facturación del mismo período y alcance.</AlertDescription>
          </Alert>
        ) : null}
        {canWrite && isPreview && finished ? <RunPreviewButton action={runPreviewAction.bind(null, run.id)} periodText={formatPeriod(run.period)} scopeText={scopeText} issueDateText={formatDate(run.issueDate)} /> : null}
      </div>

      <SectionCard className="mb-6" title="Progreso" description={active ? 'La página se actualiza sola mientras la corrida avanza; puede salir y volver.' : undefined}>
        <div className="grid gap-4">
          <div className="grid gap-2">
            <div className="flex justify-between text-sm">
              <span>
                {fmt(run.processed)} de {fmt(run.total)} acuerdos procesados
              </span>
              <span className="tabular-nums">{percent} %</span>
            </div>
            <ProgressBar percent={percent} label="Acuerdos procesados" />
          </div>
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
            <Stat label={isPreview ? 'Facturas a emitir' : 'Facturas'} value={fmt(run.invoiceCount)} />
            <Stat label="Omitidos" value={fmt(run.skippedCount)} />
            <Stat label="Errores" value={fmt(run.errorCount)} tone={run.errorCount ? 'destructive' : undefined} />
            <Stat label="Acuerdos por segundo" value={formatRate(run.processed, seconds)} />
            <Stat label="Tiempo" value={run.startedAt ? formatElapsed(seconds) : '—'} />
            <Stat label="Procesados" value={`${fmt(run.processed)} / ${fmt(run.total)}`} />
          </div>
          <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <DetailField label="Período">{formatPeriod(run.period)}</DetailField>
            <DetailField label="Fecha de emisión">{formatDate(run.issueDate)}</DetailField>
            <DetailField label="Inicio">{run.startedAt ? formatDateTime(run.startedAt) : 'En cola'}</DetailField>
            <DetailField label="Fin">{run.finishedAt ? formatDateTime(run.finishedAt) : null}</DetailField>
          </dl>
        </div>
      </SectionCard>

      {!isPreview && finished && run.invoiceCount > 0 ? <PdfBatchSection runId={run.id} batch={pdfBatch} /> : null}

      {summary.totals.length ? (
        <div className="mb-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {summary.totals.map((t) => (
            <Stat key={t.key} label={`Total ${t.currency}${t.count === null ? '' : ` · ${fmt(t.count)} facturas`}`} value={formatMoney(t.total, t.currency)} />
          ))}
        </div>
      ) : null}

      <div className="mb-6 grid gap-6 2xl:grid-cols-2">
        <SectionCard title="Totales por concepto">
          <RunSummaryTable rows={summary.byConcept} codeLabel="Concepto" countLabel="Líneas" />
        </SectionCard>
        <SectionCard title="Totales por sucursal">
          <RunSummaryTable rows={summary.byBranch} codeLabel="Sucursal" countLabel="Facturas" />
        </SectionCard>
      </div>

      <SectionCard
        title="Acuerdos omitidos y con error"
        description="Un error en un acuerdo no detiene la corrida: queda registrado con su motivo."
        action={
          <div className="flex gap-1">
            {[
              { value: undefined, label: 'Todos' },
              { value: 'ERROR', label: 'Errores' },
              { value: 'SKIP', label: 'Omitidos' },
            ].map((f) => (
              <Button key={f.label} size="sm" variant={query.severidad === f.value ? 'secondary' : 'ghost'} asChild>
                <Link href={issuesHref({ severidad: f.value, pagina: undefined })} aria-current={query.severidad === f.value ? 'true' : undefined}>
                  {f.label}
                </Link>
              </Button>
            ))}
          </div>
        }
      >
        {issues.total === 0 ? (
          <p className="text-sm text-muted-foreground">{query.severidad ? 'Nada en esta categoría.' : active ? 'Sin novedades por ahora.' : 'Ningún acuerdo omitido ni con error.'}</p>
        ) : (
          <>
            <div className="overflow-x-auto rounded-md border">
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead>Tipo</TableHead>
                    <TableHead>Acuerdo</TableHead>
                    <TableHead>Motivo</TableHead>
                    <TableHead className="hidden md:table-cell">Hora</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {issues.rows.map((i) => (
                    <TableRow key={i.id}>
                      <TableCell>{i.severity === 'ERROR' ? <Badge variant="destructive">Error</Badge> : <Badge variant="secondary">Omitido</Badge>}</TableCell>
                      <TableCell>
                        {i.agreementId ? (
                          <Link href={`/acuerdos/${i.agreementId}`} className="text-primary hover:underline">
                            <span className="font-mono text-xs">{i.agreementCode ?? 'Acuerdo'}</span>
                            {i.agreementName ? <span className="ml-1">— {i.agreementName}</span> : null}
                          </Link>
                        ) : (
                          '—'
                        )}
                      </TableCell>
                      <TableCell className="min-w-64">{i.reason}</TableCell>
                      <TableCell className="hidden whitespace-nowrap md:table-cell">{formatDateTime(i.at)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
            <PaginationBar className="mt-4" page={issues.page} pageCount={issues.pageCount} total={issues.total} pageSize={issues.pageSize} hrefFor={(p) => issuesHref({ pagina: p })} />
          </>
        )}
      </SectionCard>
    </>
  );
}
