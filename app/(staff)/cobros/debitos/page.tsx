import type { Metadata } from 'next';
import Link from 'next/link';
import { Landmark, Plus } from 'lucide-react';
import { LabelledOptions } from '@/components/forms/select-options';
import { FilterActions } from '@/components/lists/filter-actions';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { PaginationBar } from '@/components/ui/pagination';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { batchListSchema, canUseDebitBatches, directDebitBanks, listBatches } from '@/lib/dal/direct-debit';
import { formatMoney, formatNumber, formatPeriod } from '@/lib/domain/format';
import { firstValues, listHref, type RawSearchParams } from '@/lib/validation/search-params';
import { requireDebitActor } from './access';
import { DEBIT_BATCH_STATUS_LABELS, DebitBatchStatusBadge } from './badges';

export const metadata: Metadata = { title: 'Débitos automáticos' };

export default async function DebitBatchesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireDebitActor('payments.read');
  const params = batchListSchema.parse(firstValues(await searchParams));
  const [banks, result] = await Promise.all([directDebitBanks(actor), listBatches(actor, params)]);
  const writer = canUseDebitBatches(actor, 'payments.write');
  const filtered = Boolean(params.estado || params.banco || params.periodo);
  const hrefFor = (page: number) => listHref('/cobros/debitos', { ...params, page });
  const generate = writer ? (
    <Button asChild>
      <Link href="/cobros/debitos/nuevo">
        <Plus aria-hidden /> Generar lote
      </Link>
    </Button>
  ) : undefined;

  return (
    <>
      <PageHeader
        title="Débitos automáticos"
        crumbs={[{ label: 'Inicio', href: '/' }, { label: 'Cobros', href: '/cobros' }, { label: 'Débitos automáticos' }]}
        description="Lotes por banco y período de los acuerdos que pagan por débito automático: el archivo que se envía al banco y su respuesta."
        actions={generate}
      />
      <form className="mb-4 flex flex-wrap items-end gap-2" role="search" aria-label="Filtrar lotes">
        <NativeSelect name="banco" defaultValue={params.banco ?? ''} aria-label="Banco" wrapperClassName="w-64">
          <NativeSelectOption value="">Todos los bancos</NativeSelectOption>
          {banks.map((b) => (
            <NativeSelectOption key={b.id} value={b.id}>
              {b.name}
            </NativeSelectOption>
          ))}
        </NativeSelect>
        <Input type="month" name="periodo" defaultValue={params.periodo} className="w-44" aria-label="Período" />
        <NativeSelect name="estado" defaultValue={params.estado ?? ''} aria-label="Estado" wrapperClassName="w-56">
          <NativeSelectOption value="">Todos los estados</NativeSelectOption>
          <LabelledOptions labels={DEBIT_BATCH_STATUS_LABELS} />
        </NativeSelect>
        <FilterActions filtered={filtered} clearHref="/cobros/debitos" />
      </form>

      {result.rows.length === 0 ? (
        <EmptyState
          icon={Landmark}
          title={filtered ? 'Ningún lote coincide con el filtro' : 'Todavía no hay lotes de débito'}
          description={
            filtered
              ? 'Pruebe con otro banco, período o estado, o limpie los filtros.'
              : 'Genere el lote de un banco y un período: reúne las facturas pendientes de los acuerdos que pagan por débito automático con ese banco.'
          }
          action={!filtered ? generate : undefined}
        />
      ) : (
        <div className="rounded-md border">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Lote</TableHead>
                <TableHead>Banco</TableHead>
                <TableHead>Período</TableHead>
                <TableHead className="text-right">Líneas</TableHead>
                <TableHead className="text-right">Total</TableHead>
                <TableHead>Estado</TableHead>
                <TableHead className="hidden text-right md:table-cell">Debitadas</TableHead>
                <TableHead className="hidden text-right md:table-cell">Rechazadas</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.rows.map((r) => (
                <TableRow key={r.id}>
                  <TableCell className="font-mono text-xs whitespace-nowrap">
                    <Link href={`/cobros/debitos/${r.id}`} className="font-medium text-primary hover:underline">
                      {r.code}
                    </Link>
                  </TableCell>
                  <TableCell>
                    <div className="max-w-56 truncate" title={r.bankName}>
                      {r.bankName}
                    </div>
                  </TableCell>
                  <TableCell className="whitespace-nowrap">
                    {formatPeriod(r.period)} · {r.currency}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{formatNumber(r.itemCount, 0)}</TableCell>
                  <TableCell className="text-right whitespace-nowrap tabular-nums">{formatMoney(r.total, r.currency)}</TableCell>
                  <TableCell>
                    <DebitBatchStatusBadge status={r.status} />
                  </TableCell>
                  <TableCell className="hidden text-right tabular-nums md:table-cell">{r.status === 'GENERATED' ? '—' : formatNumber(r.confirmedCount, 0)}</TableCell>
                  <TableCell className="hidden text-right tabular-nums md:table-cell">{r.status === 'GENERATED' ? '—' : formatNumber(r.rejectedCount, 0)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <PaginationBar className="mt-4" page={result.page} pageCount={result.pageCount} total={result.total} pageSize={result.pageSize} hrefFor={hrefFor} />
    </>
  );
}
