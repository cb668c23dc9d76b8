import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { FileDown, ListChecks, TriangleAlert } from 'lucide-react';
import { DetailField } from '@/components/detail-field';
import { SuccessAlert } from '@/components/forms/alerts';
import { SectionCard } from '@/components/section-card';
import { PageHeader } from '@/components/shell/page-header';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PaginationBar } from '@/components/ui/pagination';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { importDebitResponseAction } from '@/lib/actions/direct-debit';
import { NotFoundError } from '@/lib/auth/errors';
import { can } from '@/lib/auth/roles';
import { batchItemsSchema, canUseDebitBatches, getBatch, MAX_RESPONSE_BYTES } from '@/lib/dal/direct-debit';
import { formatDateTime, formatMoney, formatNumber, formatPeriod } from '@/lib/domain/format';
import { cn } from '@/lib/utils';
import { firstValues, listHref, type RawSearchParams } from '@/lib/validation/search-params';
import { requireDebitActor } from '../access';
import { DEBIT_ITEM_STATUS_LABELS, DebitBatchStatusBadge, DebitItemStatusBadge, type DebitItemStatus } from '../badges';
import { ImportResponseForm } from './import-form';

export const metadata: Metadata = { title: 'Lote de débito' };

export default async function DebitBatchPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<RawSearchParams> }) {
  const { id } = await params;
  const raw = firstValues(await searchParams);
  const actor = await requireDebitActor('payments.read');
  const query = batchItemsSchema.parse(raw);
  const d = await getBatch(actor, id, query).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const b = d.batch;
  const money = (v: string) => formatMoney(v, b.currency);
  const importable = b.status !== 'RESPONSE_IMPORTED' && canUseDebitBatches(actor, 'payments.write');
  const agreementLink = can(actor.role, 'agreements.read');
  const invoiceLink = can(actor.role, 'billing.read');
  const base = `/cobros/debitos/${b.id}`;
  const hrefFor = (page: number) => listHref(base, { ...query, page });
  const counts: Record<DebitItemStatus | 'ALL', number> = { ALL: b.itemCount, PENDING: d.pendingCount, CONFIRMED: b.confirmedCount, REJECTED: b.rejectedCount };

  return (
    <>
      <PageHeader
        title={`Lote ${b.code}`}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <span>
              {d.bankName} · {formatPeriod(b.period)} · {b.currency}
            </span>
            <DebitBatchStatusBadge status={b.status} />
          </span>
        }
        crumbs={[{ label: 'Inicio', href: '/' }, { label: 'Cobros', href: '/cobros' }, { label: 'Débitos automáticos', href: '/cobros/debitos' }, { label: b.code }]}
        actions={
          // A plain link: the route answers with the file itself.
          <Button variant={raw.generado ? 'default' : 'outline'} asChild>
            <a href={`${base}/archivo`} download>
              <FileDown aria-hidden /> Descargar archivo CSV
            </a>
          </Button>
        }
      />
      <div className="mb-4 grid gap-3">
        {raw.generado ? <SuccessAlert>Lote generado con {formatNumber(b.itemCount, 0)} líneas por {money(b.total)}. Descargue el archivo y envíelo al banco.</SuccessAlert> : null}
        {raw.existente ? <SuccessAlert>Ya existía un lote para este banco, período y moneda: se muestra el existente, sin crear otro.</SuccessAlert> : null}
        {raw.importado ? (
          <SuccessAlert>
            Respuesta importada: {formatNumber(b.confirmedCount, 0)} {b.confirmedCount === 1 ? 'débito registrado como pago' : 'débitos registrados como pagos'} y{' '}
            {formatNumber(b.rejectedCount, 0)} {b.rejectedCount === 1 ? 'rechazado (su factura sigue pendiente)' : 'rechazados (sus facturas siguen pendientes)'}.
          </SuccessAlert>
        ) : null}
      </div>

      <div className="mb-4 flex flex-wrap items-center gap-6 rounded-lg border p-4">
        <div className="grid gap-0.5">
          <span className="text-xs font-medium tracking-wide text-muted-foreground uppercase">Lote de débito</span>
          <span className="font-mono text-xl font-semibold">{b.code}</span>
        </div>
        <div className="ml-auto grid gap-0.5 text-right">
          <span className="text-xs text-muted-foreground">Total de control</span>
          <span className="text-xl font-semibold tabular-nums">{money(b.total)}</span>
          <span className="text-xs text-muted-foreground">{formatNumber(b.itemCount, 0)} líneas</span>
        </div>
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <SectionCard title="Lote">
          <dl className="grid gap-4 sm:grid-cols-2">
            <DetailField label="Banco">
              {d.bankName} <span className="font-mono text-xs text-muted-foreground">({d.bankCode})</span>
            </DetailField>
            <DetailField label="Período y moneda">
              {formatPeriod(b.period)} · {b.currency}
            </DetailField>
            <DetailField label="Generado por">{d.createdByName}</DetailField>
            <DetailField label="Generado el">{formatDateTime(b.createdAt)}</DetailField>
          </dl>
        </SectionCard>
        <SectionCard title="Respuesta del banco">
          {b.status === 'RESPONSE_IMPORTED' ? (
            <dl className="grid gap-4 sm:grid-cols-2">
              <DetailField label="Debitadas">{formatNumber(b.confirmedCount, 0)}</DetailField>
              <DetailField label="Rechazadas">{formatNumber(b.rejectedCount, 0)}</DetailField>
              <DetailField label="Importada por">{d.importedByName}</DetailField>
              <DetailField label="Importada el">{b.responseImportedAt ? formatDateTime(b.responseImportedAt) : null}</DetailField>
              <div className="sm:col-span-2">
                <DetailField label="Huella del archivo (SHA-256)">
                  <span className="font-mono text-xs break-all">{b.responseSha256}</span>
                </DetailField>
              </div>
            </dl>
          ) : b.status === 'IMPORTING' ? (
            <div className="grid gap-4">
              <Alert role="status">
                <TriangleAlert />
                <AlertTitle>La importación de la respuesta no terminó</AlertTitle>
                <AlertDescription>
                  {formatNumber(b.confirmedCount, 0)} {b.confirmedCount === 1 ? 'línea debitada' : 'líneas debitadas'} y {formatNumber(b.rejectedCount, 0)}{' '}
                  {b.rejectedCount === 1 ? 'rechazada' : 'rechazadas'} de {formatNumber(b.itemCount, 0)}. Vuelva a importar el
                  mismo archivo para terminarla: las líneas ya aplicadas no se repiten.
                </AlertDescription>
              </Alert>
              {importable ? <ImportResponseForm action={importDebitResponseAction} batchId={b.id} batchCode={b.code} maxBytes={MAX_RESPONSE_BYTES} /> : null}
            </div>
          ) : importable ? (
            <ImportResponseForm action={importDebitResponseAction} batchId={b.id} batchCode={b.code} maxBytes={MAX_RESPONSE_BYTES} />
          ) : (
            <p className="text-sm text-muted-foreground">El banco todavía no ha respondido a este lote.</p>
          )}
        </SectionCard>
      </div>

      <SectionCard title="Líneas" className="mt-6" description="Cada línea debita el saldo de una factura o nota de débito.">
        <nav className="mb-3 flex flex-wrap gap-2" aria-label="Filtrar líneas por estado">
          {(['ALL', 'PENDING', 'CONFIRMED', 'REJECTED'] as const).map((s) => {
            const active = (query.estado ?? 'ALL') === s;
            return (
              <Button key={s} size="sm" variant={active ? 'secondary' : 'ghost'} asChild>
                <Link href={listHref(base, { estado: s === 'ALL' ? undefined : s })} aria-current={active ? 'page' : undefined}>
                  {s === 'ALL' ? 'Todas' : DEBIT_ITEM_STATUS_LABELS[s]} <span className="text-muted-foreground tabular-nums">{formatNumber(counts[s], 0)}</span>
                </Link>
              </Button>
            );
          })}
        </nav>
        {d.items.length === 0 ? (
          <EmptyState icon={ListChecks} title="Ninguna línea en este estado" description="Elija otro estado para ver las líneas del lote." />
        ) : (
          <div className="overflow-x-auto rounded-md border">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead className="w-16 text-right">Línea</TableHead>
                  <TableHead>Acuerdo</TableHead>
                  <TableHead>Cliente</TableHead>
                  <TableHead className="hidden lg:table-cell">Cuenta</TableHead>
                  <TableHead>Factura</TableHead>
                  <TableHead className="text-right">Importe</TableHead>
                  <TableHead>Estado</TableHead>
                  <TableHead>Detalle</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {d.items.map((i) => (
                  <TableRow key={i.id}>
                    <TableCell className="text-right tabular-nums">{i.lineNo}</TableCell>
                    <TableCell className="font-mono text-xs whitespace-nowrap">
                      {agreementLink ? (
                        <Link href={`/acuerdos/${i.agreementId}`} className="text-primary hover:underline">
                          {i.agreementCode}
                        </Link>
                      ) : (
                        i.agreementCode
                      )}
                    </TableCell>
                    <TableCell>
                      <div className="max-w-56 truncate" title={i.customerName}>
                        {i.customerName}
                      </div>
                    </TableCell>
                    <TableCell className="hidden font-mono text-xs lg:table-cell">{i.accountMasked}</TableCell>
                    <TableCell className="font-mono text-xs whitespace-nowrap">
                      {invoiceLink ? (
                        <Link href={`/facturas/${i.invoiceId}`} className="text-primary hover:underline">
                          {i.fiscalNumber}
                        </Link>
                      ) : (
                        i.fiscalNumber
                      )}
                    </TableCell>
                    <TableCell className="text-right whitespace-nowrap tabular-nums">{money(i.amount)}</TableCell>
                    <TableCell>
                      <DebitItemStatusBadge status={i.status} />
                    </TableCell>
                    <TableCell className={cn('text-sm', i.status === 'REJECTED' && 'text-destructive')}>
                      {i.status === 'REJECTED' ? (
                        <>
                          <span className="font-mono text-xs">{i.rejectCode}</span> {i.rejectReason}
                        </>
                      ) : i.paymentId ? (
                        <Link href={`/cobros/${i.paymentId}`} className="text-primary hover:underline">
                          Recibo {i.receiptNumber}
                        </Link>
                      ) : (
                        <span className="text-muted-foreground">—</span>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
        <PaginationBar className="mt-4" page={d.page} pageCount={d.pageCount} total={d.itemsTotal} pageSize={d.pageSize} hrefFor={hrefFor} />
      </SectionCard>
    </>
  );
}
