import type { Metadata } from 'next';
import Link from 'next/link';
import { Coins, Landmark, Plus } from 'lucide-react';
import { LabelledOptions } from '@/components/forms/select-options';
import { BranchFilter } from '@/components/lists/branch-filter';
import { FilterActions } from '@/components/lists/filter-actions';
import { PAYMENT_CHANNEL_LABELS, PAYMENT_STATUS_LABELS } from '@/components/payments/labels';
import { PaymentStatusBadge } from '@/components/payments/payment-badges';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { PaginationBar } from '@/components/ui/pagination';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { can } from '@/lib/auth/roles';
import { canUseDebitBatches } from '@/lib/dal/direct-debit';
import { requirePageActor } from '@/lib/dal/page';
import { listPayments, paymentListOptions, paymentListSchema } from '@/lib/dal/payments';
import { formatDate, formatMoney } from '@/lib/domain/format';
import { PAYMENT_METHOD_LABELS } from '@/lib/domain/payment-instrument';
import { firstValues, listHref, type RawSearchParams } from '@/lib/validation/search-params';
import { isPositiveAmount } from '@/lib/domain/money';

export const metadata: Metadata = { title: 'Cobros' };

export default async function PaymentsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor('payments.read');
  const params = paymentListSchema.parse(firstValues(await searchParams));
  const options = await paymentListOptions(actor);
  const result = await listPayments(actor, params);
  const filtered = Boolean(params.desde || params.hasta || params.estado || params.medio || params.branchId || params.acuerdo);
  const hrefFor = (page: number) => listHref('/cobros', { ...params, page });

  return (
    <>
      <PageHeader
        title="Cobros"
        crumbs={[{ label: 'Inicio', href: '/' }, { label: 'Cobros' }]}
        description="Pagos registrados en las sucursales, del más reciente al más antiguo."
        actions={
          <>
            {canUseDebitBatches(actor, 'payments.read') ? (
              <Button variant="outline" asChild>
                <Link href="/cobros/debitos">
                  <Landmark /> Débitos automáticos
                </Link>
              </Button>
            ) : null}
            {can(actor.role, 'payments.write') ? (
              <Button asChild>
                <Link href="/cobros/nuevo">
                  <Plus /> Registrar pago
                </Link>
              </Button>
            ) : null}
          </>
        }
      />
      <form className="mb-4 flex flex-wrap items-end gap-2" role="search" aria-label="Filtrar cobros">
        <Input name="acuerdo" defaultValue={params.acuerdo} placeholder="Código de acuerdo" className="w-40" aria-label="Código de acuerdo" />
        <Label className="flex items-center gap-2 text-sm font-normal">
          Desde
          <Input type="date" name="desde" defaultValue={params.desde} className="w-40" aria-label="Pagado desde" />
        </Label>
        <Label className="flex items-center gap-2 text-sm font-normal">
          Hasta
          <Input type="date" name="hasta" defaultValue={params.hasta} className="w-40" aria-label="Pagado hasta" />
        </Label>
        <NativeSelect name="estado" defaultValue={params.estado ?? ''} aria-label="Estado" wrapperClassName="w-44">
          <NativeSelectOption value="">Todos los estados</NativeSelectOption>
          <LabelledOptions labels={PAYMENT_STATUS_LABELS} />
        </NativeSelect>
        <NativeSelect name="medio" defaultValue={params.medio ?? ''} aria-label="Medio de pago" wrapperClassName="w-52">
          <NativeSelectOption value="">Todos los medios</NativeSelectOption>
          <LabelledOptions labels={PAYMENT_METHOD_LABELS} />
        </NativeSelect>
        <BranchFilter branches={options.branches} value={params.branchId} />
        <FilterActions filtered={filtered} clearHref="/cobros" />
      </form>

      {result.rows.length === 0 ? (
        <EmptyState
          icon={Coins}
          title={filtered ? 'Ningún cobro coincide con el filtro' : 'Todavía no hay cobros'}
          description={filtered ? 'Pruebe con otras fechas, estado o medio de pago, o limpie los filtros.' : 'Los pagos aparecen aquí cuando se registran en caja o en esta pantalla.'}
          action={
            !filtered && can(actor.role, 'payments.write') ? (
              <Button asChild>
                <Link href="/cobros/nuevo">Registrar un pago</Link>
              </Button>
            ) : undefined
          }
        />
      ) : (
        <div className="rounded-md border">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Recibo</TableHead>
                <TableHead>Fecha</TableHead>
                <TableHead>Acuerdo</TableHead>
                <TableHead>Cliente</TableHead>
                <TableHead className="text-right">Importe</TableHead>
                <TableHead className="hidden text-right md:table-cell">Saldo a favor</TableHead>
                <TableHead className="hidden lg:table-cell">Medio</TableHead>
                <TableHead className="hidden xl:table-cell">Canal</TableHead>
                <TableHead>Estado</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.rows.map((r) => (
                <TableRow key={r.id}>
                  <TableCell className="font-mono text-xs whitespace-nowrap">
                    <Link href={`/cobros/${r.id}`} className="font-medium text-primary hover:underline">
                      {r.receiptNumber ?? 'Sin número'}
                    </Link>
                  </TableCell>
                  <TableCell className="whitespace-nowrap">{formatDate(r.paidOn)}</TableCell>
                  <TableCell className="font-mono text-xs whitespace-nowrap">{r.agreementCode}</TableCell>
                  <TableCell>
                    <div className="max-w-56 truncate" title={r.customerName}>
                      {r.customerName}
                    </div>
                  </TableCell>
                  <TableCell className="text-right whitespace-nowrap tabular-nums">{formatMoney(r.amount, r.currency)}</TableCell>
                  <TableCell className="hidden text-right whitespace-nowrap tabular-nums md:table-cell">{isPositiveAmount(r.unapplied) ? formatMoney(r.unapplied, r.currency) : '—'}</TableCell>
                  <TableCell className="hidden whitespace-nowrap lg:table-cell">{PAYMENT_METHOD_LABELS[r.method]}</TableCell>
                  <TableCell className="hidden whitespace-nowrap xl:table-cell">{PAYMENT_CHANNEL_LABELS[r.channel]}</TableCell>
                  <TableCell>
                    <PaymentStatusBadge status={r.status} />
                  </TableCell>
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
