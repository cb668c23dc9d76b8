import type { Metadata } from 'next';
import Link from 'next/link';
import { Download, FilePlus, FileText } from 'lucide-react';
import { LabelledOptions } from '@/components/forms/select-options';
import { InvoiceClassBadge, InvoiceStatusBadge } from '@/components/invoices/invoice-badges';
import { KeysetPagination } from '@/components/invoices/keyset-pagination';
import { invoiceListHref } from '@/components/invoices/list-href';
import { BranchFilter } from '@/components/lists/branch-filter';
import { FilterActions } from '@/components/lists/filter-actions';
import { HiddenParams } from '@/components/lists/hidden-params';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { can } from '@/lib/auth/roles';
import { invoiceListOptions, listInvoices } from '@/lib/dal/invoices';
import { requirePageActor } from '@/lib/dal/page';
import { FISCAL_DOC_TYPE_LABELS } from '@/lib/domain/billing/fiscal-number';
import { INVOICE_STATUS_LABELS } from '@/lib/domain/billing/labels';
import { formatDate, formatMoney, formatPeriod } from '@/lib/domain/format';
import { formatInvoiceCursor, invoiceListSchema } from '@/lib/validation/invoices';
import { firstValues, type RawSearchParams } from '@/lib/validation/search-params';

export const metadata: Metadata = { title: 'Facturas' };

const CLASS_OPTIONS = { A: 'A', B: 'B', E: 'E' };

export default async function InvoicesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor('billing.read');
  const parsed = invoiceListSchema.parse(firstValues(await searchParams));
  const options = await invoiceListOptions(actor);
  // A branch outside the actor's scope is ignored, like any other bad parameter.
  const params = { ...parsed, branchId: options.branches.some((b) => b.id === parsed.branchId) ? parsed.branchId : undefined };
  const result = await listInvoices(actor, params);
  const filtered = Boolean(params.periodo || params.clase || params.estado || params.tipo || params.branchId || params.cliente || params.acuerdo || params.corrida || params.vencidas);

  return (
    <>
      <PageHeader
        title="Facturas"
        crumbs={[{ label: 'Inicio', href: '/' }, { label: 'Facturas' }]}
        description="Facturas y notas emitidas por las sucursales, de la más reciente a la más antigua por período."
        actions={
          <>
            {result.rows.length ? (
              <Button variant="outline" asChild>
                <a href={invoiceListHref(params, {}, '/facturas/exportar')} download>
                  <Download /> Exportar CSV
                </a>
              </Button>
            ) : null}
            {can(actor.role, 'billing.write') ? (
              <Button asChild>
                <Link href="/facturas/nueva">
                  <FilePlus /> Nueva factura manual
                </Link>
              </Button>
            ) : null}
          </>
        }
      />
      <form className="mb-4 flex flex-wrap items-end gap-2" role="search" aria-label="Filtrar facturas">
        <Input name="cliente" defaultValue={params.cliente} placeholder="Cliente: nombre, código o documento" className="w-full sm:w-72" aria-label="Cliente" />
        <Input name="acuerdo" defaultValue={params.acuerdo} placeholder="Código de acuerdo" className="w-40" aria-label="Código de acuerdo" />
        <Input type="month" name="periodo" defaultValue={params.periodo} className="w-44" aria-label="Período" />
        <NativeSelect name="clase" defaultValue={params.clase ?? ''} aria-label="Clase" wrapperClassName="w-32">
          <NativeSelectOption value="">Toda clase</NativeSelectOption>
          <LabelledOptions labels={CLASS_OPTIONS} />
        </NativeSelect>
        <NativeSelect name="tipo" defaultValue={params.tipo ?? ''} aria-label="Tipo de documento" wrapperClassName="w-44">
          <NativeSelectOption value="">Todo documento</NativeSelectOption>
          <LabelledOptions labels={FISCAL_DOC_TYPE_LABELS} />
        </NativeSelect>
        <NativeSelect name="estado" defaultValue={params.estado ?? ''} aria-label="Estado" wrapperClassName="w-48">
          <NativeSelectOption value="">Todos los estados</NativeSelectOption>
          <LabelledOptions labels={INVOICE_STATUS_LABELS} />
        </NativeSelect>
        <BranchFilter branches={options.branches} value={params.branchId} />
        <Label className="flex h-9 items-center gap-2 rounded-md border px-3 text-sm font-normal">
          <input type="checkbox" name="vencidas" value="1" defaultChecked={params.vencidas === '1'} className="size-4" />
          Solo vencidas
        </Label>
        <HiddenParams values={{ corrida: params.corrida }} />
        <FilterActions filtered={filtered} clearHref="/facturas" />
      </form>
      {params.corrida ? (
        <p className="mb-4 text-sm text-muted-foreground">
          Facturas de una corrida de facturación.{' '}
          <Link href={`/facturacion/${params.corrida}`} className="font-medium text-primary hover:underline">
            Ver la corrida
          </Link>
        </p>
      ) : null}

      {result.rows.length === 0 ? (
        <EmptyState
          icon={FileText}
          title={filtered ? 'Ninguna factura coincide con el filtro' : 'Todavía no hay facturas'}
          description={filtered ? 'Pruebe con otro período, cliente o estado, o limpie los filtros.' : 'Las facturas aparecen aquí cuando se factura un período en Facturación.'}
          action={
            !filtered ? (
              <Button asChild>
                <Link href="/facturacion">Ir a Facturación</Link>
              </Button>
            ) : undefined
          }
        />
      ) : (
        <div className="rounded-md border">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Número</TableHead>
                <TableHead>Clase</TableHead>
                <TableHead className="hidden 2xl:table-cell">Tipo</TableHead>
                <TableHead>Emisión</TableHead>
                <TableHead className="hidden md:table-cell">Vencimiento</TableHead>
                <TableHead>Cliente</TableHead>
                <TableHead className="hidden 2xl:table-cell">Acuerdo</TableHead>
                <TableHead className="hidden lg:table-cell">Período</TableHead>
                <TableHead className="text-right">Total</TableHead>
                <TableHead className="hidden text-right md:table-cell">Saldo</TableHead>
                <TableHead>Estado</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.rows.map((r) => (
                <TableRow key={r.id}>
                  <TableCell className="font-mono text-xs whitespace-nowrap">
                    <Link href={`/facturas/${r.id}`} className="font-medium text-primary hover:underline">
                      {r.fiscalNumber ?? 'Borrador'}
                    </Link>
                  </TableCell>
                  <TableCell>
                    <InvoiceClassBadge invoiceClass={r.invoiceClass} />
                  </TableCell>
                  <TableCell className="hidden whitespace-nowrap 2xl:table-cell">{FISCAL_DOC_TYPE_LABELS[r.docType]}</TableCell>
                  <TableCell className="whitespace-nowrap">{r.issueDate ? formatDate(r.issueDate) : '—'}</TableCell>
                  <TableCell className="hidden whitespace-nowrap md:table-cell">{r.dueDate ? formatDate(r.dueDate) : '—'}</TableCell>
                  <TableCell>
                    <div className="max-w-56 truncate" title={r.customerName}>
                      {r.customerName}
                    </div>
                  </TableCell>
                  <TableCell className="hidden font-mono text-xs whitespace-nowrap 2xl:table-cell">
                    <Link href={`/acuerdos/${r.agreementId}`} className="hover:underline">
                      {r.agreementCode}
                    </Link>
                  </TableCell>
                  <TableCell className="hidden whitespace-nowrap lg:table-cell">{r.period ? formatPeriod(r.period) : '—'}</TableCell>
                  <TableCell className="text-right whitespace-nowrap tabular-nums">{formatMoney(r.total, r.currency)}</TableCell>
                  <TableCell className="hidden text-right whitespace-nowrap tabular-nums md:table-cell">{formatMoney(r.balance, r.currency)}</TableCell>
                  <TableCell>
                    <InvoiceStatusBadge status={r.status} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <KeysetPagination
        className="mt-4"
        from={result.from}
        to={result.to}
        total={result.total}
        prevHref={result.prev ? invoiceListHref(params, { antes: formatInvoiceCursor(result.prev), desde: Math.max(1, result.from - result.pageSize) }) : undefined}
        nextHref={result.next ? invoiceListHref(params, { despues: formatInvoiceCursor(result.next), desde: result.to + 1 }) : undefined}
      />
    </>
  );
}
