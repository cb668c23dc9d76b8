import type { Metadata } from 'next';
import Link from 'next/link';
import { Download, FileArchive, FileText } from 'lucide-react';
import { AutoRefresh } from '@/components/billing-runs/auto-refresh';
import { FilterActions } from '@/components/lists/filter-actions';
import { InvoiceStatusBadge } from '@/components/invoices/invoice-badges';
import { FilterDisclosure } from '@/components/portal/filter-disclosure';
import { PageHeader } from '@/components/shell/page-header';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { PaginationBar } from '@/components/ui/pagination';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { requestPortalZipAction } from '@/lib/actions/portal-invoices';
import { requirePageActor } from '@/lib/dal/page';
import { latestPortalPdfBatch } from '@/lib/dal/pdf-batches';
import { listPortalInvoices, portalInvoiceFilterOptions, type PortalInvoiceRow } from '@/lib/dal/portal-invoices';
import { FISCAL_DOC_TYPE_LABELS } from '@/lib/domain/billing/fiscal-number';
import { INVOICE_STATUS_LABELS } from '@/lib/domain/billing/labels';
import { formatDate, formatMoney, formatPeriod } from '@/lib/domain/format';
import { hasPortalFilter, PORTAL_INVOICE_STATUSES, PORTAL_ZIP_MAX_INVOICES, portalInvoiceListSchema, type PortalInvoiceFilter } from '@/lib/validation/portal-invoices';
import { firstValues, listHref, type RawSearchParams } from '@/lib/validation/search-params';
import { ZipForm } from './zip-form';

export const metadata: Metadata = { title: 'Facturas' };

const BASE = '/portal/facturas';

function filterValues(p: PortalInvoiceFilter): Record<string, string | undefined> {
  return { numero: p.numero, periodo: p.periodo, estado: p.estado, acuerdo: p.acuerdo, grupo: p.grupo, cuenta: p.cuenta };
}

export default async function PortalInvoicesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor('portal.use');
  const params = portalInvoiceListSchema.parse(firstValues(await searchParams));
  const [result, options, latest] = await Promise.all([listPortalInvoices(actor, params), portalInvoiceFilterOptions(actor), latestPortalPdfBatch(actor)]);
  const filter = filterValues(params);
  const filtered = hasPortalFilter(params);
  const activeFilters = Object.values(filter).filter(Boolean).length;
  const csvHref = listHref(`${BASE}/csv`, filter);
  const liveBatch = latest && (latest.status === 'QUEUED' || latest.status === 'RUNNING') && !latest.stale;

  return (
    <>
      <PageHeader
        title="Facturas"
        crumbs={[{ label: 'Mi cuenta', href: '/portal' }, { label: 'Facturas' }]}
        description="Sus facturas y notas de crédito y débito, de la más reciente a la más antigua."
        actions={
          result.total ? (
            <Button variant="outline" asChild>
              <a href={csvHref} download>
                <Download aria-hidden /> Descargar CSV
              </a>
            </Button>
          ) : undefined
        }
      />

      {latest && (liveBatch || latest.downloadable) ? (
        <Alert className="mb-4" role="status">
          <AutoRefresh active={!!liveBatch} intervalMs={3000} />
          <FileArchive aria-hidden />
          <AlertDescription className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
            <span>
              {liveBatch
                ? `Se está preparando su ZIP: ${latest.done.toLocaleString('es-DO')} de ${latest.total.toLocaleString('es-DO')} PDF.`
                : `Su último ZIP (${latest.done.toLocaleString('es-DO')} PDF) está listo.`}
            </span>
            <span className="flex gap-2">
              {latest.downloadable ? (
                <Button size="sm" asChild>
                  <a href={`${BASE}/lotes/${latest.id}/zip`} download>
                    <Download aria-hidden /> Descargar ZIP
                  </a>
                </Button>
              ) : null}
              <Button size="sm" variant="outline" asChild>
                <Link href={`${BASE}/lotes/${latest.id}`}>Ver detalle</Link>
              </Button>
            </span>
          </AlertDescription>
        </Alert>
      ) : null}

      <FilterDisclosure id="filtros-facturas" active={activeFilters} clearHref={BASE}>
        <form className="grid grid-cols-1 gap-3 rounded-lg border p-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-6" role="search" aria-label="Filtrar facturas">
          <div className="grid gap-1.5">
            <Label htmlFor="f-numero">Número</Label>
            <Input id="f-numero" name="numero" defaultValue={params.numero} placeholder="p. ej. 00000042" inputMode="search" />
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="f-periodo">Período</Label>
            <Input id="f-periodo" type="month" name="periodo" defaultValue={params.periodo} />
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="f-estado">Estado</Label>
            <NativeSelect id="f-estado" name="estado" defaultValue={params.estado ?? ''}>
              <NativeSelectOption value="">Todos</NativeSelectOption>
              {PORTAL_INVOICE_STATUSES.map((s) => (
                <NativeSelectOption key={s} value={s}>
                  {INVOICE_STATUS_LABELS[s]}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="f-acuerdo">Acuerdo</Label>
            <NativeSelect id="f-acuerdo" name="acuerdo" defaultValue={params.acuerdo ?? ''}>
              <NativeSelectOption value="">Todos</NativeSelectOption>
              {options.agreements.map((a) => (
                <NativeSelectOption key={a.id} value={a.id}>
                  {a.code} — {a.name}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="f-grupo">Grupo de cuentas</Label>
            <NativeSelect id="f-grupo" name="grupo" defaultValue={params.grupo ?? ''} disabled={!options.groups.length}>
              <NativeSelectOption value="">Todos</NativeSelectOption>
              {options.groups.map((g) => (
                <NativeSelectOption key={g.id} value={g.id}>
                  {g.name} ({g.agreementCode})
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="f-cuenta">Cuenta</Label>
            <NativeSelect id="f-cuenta" name="cuenta" defaultValue={params.cuenta ?? ''}>
              <NativeSelectOption value="">Todas</NativeSelectOption>
              {options.accounts.map((a) => (
                <NativeSelectOption key={a.id} value={a.id}>
                  {a.number} — {a.description}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </div>
          <div className="flex gap-2 sm:col-span-2 lg:col-span-3 xl:col-span-6">
            <FilterActions filtered={filtered} clearHref={BASE} />
          </div>
        </form>
      </FilterDisclosure>

      {result.rows.length === 0 ? (
        <EmptyState
          icon={FileText}
          title={filtered ? 'Ninguna factura coincide con el filtro' : 'Todavía no tiene facturas'}
          description={filtered ? 'Pruebe con otro período, estado o acuerdo, o limpie los filtros.' : 'Sus facturas aparecerán aquí en cuanto se emita la primera.'}
          action={
            filtered ? (
              <Button variant="outline" asChild>
                <Link href={BASE}>Limpiar filtros</Link>
              </Button>
            ) : undefined
          }
        />
      ) : (
        <ZipForm action={requestPortalZipAction} filter={filter} total={result.total} max={PORTAL_ZIP_MAX_INVOICES}>
          <InvoiceCards rows={result.rows} />
          <InvoiceTable rows={result.rows} />
        </ZipForm>
      )}
      {result.total ? (
        <PaginationBar className="mt-4" page={result.page} pageCount={result.pageCount} total={result.total} pageSize={result.pageSize} hrefFor={(pagina) => listHref(BASE, { ...filter, pagina: pagina > 1 ? pagina : undefined })} />
      ) : null}
    </>
  );
}

function Pick({ row }: { row: PortalInvoiceRow }) {
  return <input type="checkbox" name="factura" value={row.id} className="size-5 sm:size-4" aria-label={`Marcar ${row.fiscalNumber}`} />;
}

function StatusBadges({ row, stacked = false }: { row: PortalInvoiceRow; stacked?: boolean }) {
  return (
    <span className={stacked ? 'inline-flex flex-col items-start gap-1' : 'inline-flex shrink-0 gap-1'}>
      <InvoiceStatusBadge status={row.status} />
      {row.overdue ? <Badge variant="destructive">Vencida</Badge> : null}
    </span>
  );
}

const docLabel = (r: PortalInvoiceRow) => (r.docType === 'INVOICE' ? null : FISCAL_DOC_TYPE_LABELS[r.docType]);

/** Under `sm`: one card per invoice (a phone has no room for the table). */
function InvoiceCards({ rows }: { rows: PortalInvoiceRow[] }) {
  return (
    <ul className="grid gap-3 sm:hidden" aria-label="Facturas">
      {rows.map((r) => (
        <li key={r.id} className="flex gap-3 rounded-lg border p-3">
          <div className="pt-0.5">
            <Pick row={r} />
          </div>
          <div className="grid min-w-0 flex-1 gap-1.5">
            <div className="flex items-start justify-between gap-2">
              <Link href={`${BASE}/${r.id}`} className="font-mono text-sm font-medium text-primary hover:underline">
                {r.fiscalNumber}
              </Link>
              <StatusBadges row={r} />
            </div>
            {docLabel(r) ? <span className="text-xs text-muted-foreground">{docLabel(r)}</span> : null}
            <span className="text-sm text-muted-foreground">
              <span className="font-mono text-xs">{r.agreementCode}</span> {r.agreementName}
            </span>
            <dl className="grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
              <dt className="text-muted-foreground">Período</dt>
              <dd className="text-right">{r.period ? formatPeriod(r.period) : '—'}</dd>
              <dt className="text-muted-foreground">Emisión</dt>
              <dd className="text-right">{r.issueDate ? formatDate(r.issueDate) : '—'}</dd>
              <dt className="text-muted-foreground">Vence</dt>
              <dd className="text-right">{r.dueDate ? formatDate(r.dueDate) : '—'}</dd>
              <dt className="text-muted-foreground">Total</dt>
              <dd className="text-right font-medium tabular-nums">{formatMoney(r.total, r.currency)}</dd>
              <dt className="text-muted-foreground">Saldo</dt>
              <dd className="text-right tabular-nums">{formatMoney(r.balance, r.currency)}</dd>
            </dl>
          </div>
        </li>
      ))}
    </ul>
  );
}

function InvoiceTable({ rows }: { rows: PortalInvoiceRow[] }) {
  return (
    <div className="hidden rounded-md border sm:block">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead className="w-8">
              <span className="sr-only">Marcar</span>
            </TableHead>
            <TableHead>Número</TableHead>
            <TableHead>Emisión</TableHead>
            <TableHead className="hidden md:table-cell">Vencimiento</TableHead>
            <TableHead className="hidden lg:table-cell">Acuerdo</TableHead>
            <TableHead className="text-right">Total</TableHead>
            <TableHead className="hidden text-right md:table-cell">Saldo</TableHead>
            <TableHead>Estado</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.id}>
              <TableCell>
                <Pick row={r} />
              </TableCell>
              <TableCell className="font-mono text-xs whitespace-nowrap">
                <Link href={`${BASE}/${r.id}`} className="font-medium text-primary hover:underline">
                  {r.fiscalNumber}
                </Link>
                {docLabel(r) || r.period ? <span className="block font-sans text-muted-foreground">{[docLabel(r), r.period ? formatPeriod(r.period) : null].filter(Boolean).join(' · ')}</span> : null}
              </TableCell>
              <TableCell className="whitespace-nowrap">{r.issueDate ? formatDate(r.issueDate) : '—'}</TableCell>
              <TableCell className="hidden whitespace-nowrap md:table-cell">{r.dueDate ? formatDate(r.dueDate) : '—'}</TableCell>
              <TableCell className="hidden lg:table-cell">
                <div className="max-w-72 min-w-40" title={`${r.agreementCode} — ${r.agreementName}`}>
                  <span className="block font-mono text-xs">{r.agreementCode}</span>
                  <span className="block text-xs text-muted-foreground">{r.agreementName}</span>
                </div>
              </TableCell>
              <TableCell className="text-right whitespace-nowrap tabular-nums">{formatMoney(r.total, r.currency)}</TableCell>
              <TableCell className="hidden text-right whitespace-nowrap tabular-nums md:table-cell">{formatMoney(r.balance, r.currency)}</TableCell>
              <TableCell>
                <StatusBadges row={r} stacked />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
