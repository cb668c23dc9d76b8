import type { Metadata } from 'next';
import Link from 'next/link';
import { Wrench, X } from 'lucide-react';
import { WorkOrderStatusBadge } from '@/components/crm/status-badges';
import { FilterActions } from '@/components/lists/filter-actions';
import { HiddenParams } from '@/components/lists/hidden-params';
import { LabelledOptions } from '@/components/forms/select-options';
import { BranchFilter } from '@/components/lists/branch-filter';
import { PageHeader } from '@/components/shell/page-header';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { PaginationBar } from '@/components/ui/pagination';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { workOrderTargetText } from '@/components/work-orders/target-text';
import { requirePageActor } from '@/lib/dal/page';
import { listWorkOrders, workOrderBranchOptions, workOrderFilterLabels } from '@/lib/dal/work-orders';
import { WORK_ORDER_TARGET_LABELS, WORK_ORDER_TYPE_LABELS } from '@/lib/domain/crm-status';
import { formatDateTime } from '@/lib/domain/format';
import { firstValues, listHref, type RawSearchParams } from '@/lib/validation/search-params';
import { workOrderListSchema, type WorkOrderListParams } from '@/lib/validation/work-order';
import { cn } from '@/lib/utils';

export const metadata: Metadata = { title: 'Órdenes de trabajo' };

function query(params: WorkOrderListParams, patch: Partial<WorkOrderListParams>) {
  return listHref('/ordenes', { ...params, ...patch });
}

const TABS: { status: WorkOrderListParams['status']; label: string }[] = [
  { status: undefined, label: 'Pendientes' },
  { status: 'APPROVED', label: 'Aprobadas' },
  { status: 'DONE', label: 'Realizadas' },
  { status: 'REJECTED', label: 'Rechazadas' },
  { status: 'ALL', label: 'Todas' },
];

export default async function WorkOrdersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor('workorders.read');
  const params = workOrderListSchema.parse(firstValues(await searchParams));
  // PENDING is the default tab; keep the URL short for it.
  if (params.status === 'PENDING') params.status = undefined;
  const [result, labels, branches] = await Promise.all([
    listWorkOrders(actor, params),
    workOrderFilterLabels(actor, params),
    workOrderBranchOptions(actor),
  ]);
  const filtered = Boolean(params.q || params.type || params.target || params.branchId);
  const chips = [
    params.agreementId ? { key: 'agreementId' as const, label: labels.agreement ? `Acuerdo ${labels.agreement.code}` : 'Acuerdo' } : null,
    params.accountGroupId ? { key: 'accountGroupId' as const, label: labels.group ? `Grupo ${labels.group.code}` : 'Grupo' } : null,
    params.accountId ? { key: 'accountId' as const, label: labels.account ? `Cuenta ${labels.account.code}` : 'Cuenta' } : null,
  ].filter((c) => c !== null);

  return (
    <>
      <PageHeader
        title="Órdenes de trabajo"
        crumbs={[{ label: 'Inicio', href: '/' }, { label: 'Órdenes de trabajo' }]}
        description="Activaciones, conexiones, cortes, reconexiones, cambios de medidor e inspecciones. Las órdenes nuevas se crean desde el acuerdo o la cuenta."
      />
      <nav aria-label="Estado de las órdenes" className="mb-4 flex flex-wrap gap-1 border-b">
        {TABS.map((t) => {
          const active = params.status === t.status;
          return (
            <Link
              key={t.label}
              href={query(params, { status: t.status, page: undefined })}
              aria-current={active ? 'page' : undefined}
              className={cn('-mb-px border-b-2 px-3 py-2 text-sm font-medium', active ? 'border-primary text-foreground' : 'border-transparent text-muted-foreground hover:text-foreground')}
            >
              {t.label}
            </Link>
          );
        })}
      </nav>
      <form className="mb-4 flex flex-wrap items-end gap-2" role="search" aria-label="Filtrar órdenes">
        <Input name="q" defaultValue={params.q} placeholder="Buscar por número, acuerdo o cuenta" className="w-full sm:w-80" aria-label="Buscar" />
        <NativeSelect name="type" defaultValue={params.type ?? ''} aria-label="Tipo" wrapperClassName="w-48">
          <NativeSelectOption value="">Todos los tipos</NativeSelectOption>
          <LabelledOptions labels={WORK_ORDER_TYPE_LABELS} />
        </NativeSelect>
        <NativeSelect name="target" defaultValue={params.target ?? ''} aria-label="Objeto" wrapperClassName="w-48">
          <NativeSelectOption value="">Cualquier objeto</NativeSelectOption>
          <LabelledOptions labels={WORK_ORDER_TARGET_LABELS} />
        </NativeSelect>
        <BranchFilter branches={branches} value={params.branchId} />
        <HiddenParams values={{ status: params.status }} />
        {chips.map((c) => (
          <input key={c.key} type="hidden" name={c.key} value={params[c.key]} />
        ))}
        <FilterActions filtered={filtered} clearHref={query(params, { q: undefined, type: undefined, target: undefined, branchId: undefined, page: undefined })} />
      </form>
      {chips.length ? (
        <div className="mb-4 flex flex-wrap items-center gap-2 text-sm">
          <span className="text-muted-foreground">Filtrado por:</span>
          {chips.map((c) => (
            <Badge key={c.key} variant="outline" asChild>
              <Link href={query(params, { [c.key]: undefined, page: undefined })} aria-label={`Quitar filtro ${c.label}`}>
                {c.label} <X />
              </Link>
            </Badge>
          ))}
        </div>
      ) : null}

      {result.total === 0 ? (
        <EmptyState
          icon={Wrench}
          title={filtered || chips.length ? 'Ninguna orden coincide con el filtro' : params.status ? 'No hay órdenes en este estado' : 'No hay órdenes pendientes'}
          description={filtered || chips.length ? 'Pruebe con otro número o limpie los filtros.' : 'Las órdenes se crean desde un acuerdo o una cuenta; las activaciones, al registrar un acuerdo o un grupo.'}
        />
      ) : (
        <div className="rounded-md border">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Número</TableHead>
                <TableHead>Tipo</TableHead>
                <TableHead>Objeto</TableHead>
                <TableHead>Acuerdo</TableHead>
                <TableHead>Estado</TableHead>
                {branches.length > 1 ? <TableHead className="hidden lg:table-cell">Sucursal</TableHead> : null}
                <TableHead className="hidden md:table-cell">Creada</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.rows.map((o) => (
                <TableRow key={o.id}>
                  <TableCell className="font-mono text-xs">
                    <Link href={`/ordenes/${o.id}`} className="font-medium text-primary hover:underline">
                      {o.number}
                    </Link>
                  </TableCell>
                  <TableCell>{WORK_ORDER_TYPE_LABELS[o.type]}</TableCell>
                  <TableCell className="whitespace-nowrap">{workOrderTargetText(o)}</TableCell>
                  <TableCell>
                    <span className="font-mono text-xs text-muted-foreground">{o.agreementCode}</span> {o.agreementName}
                  </TableCell>
                  <TableCell>
                    <WorkOrderStatusBadge status={o.status} />
                  </TableCell>
                  {branches.length > 1 ? <TableCell className="hidden lg:table-cell">{o.branchName}</TableCell> : null}
                  <TableCell className="hidden whitespace-nowrap md:table-cell">
                    {formatDateTime(o.createdAt)}
                    {o.createdByName ? <div className="text-xs text-muted-foreground">{o.createdByName}</div> : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <PaginationBar className="mt-4" page={result.page} pageCount={result.pageCount} total={result.total} pageSize={result.pageSize} hrefFor={(p) => query(params, { page: p })} />
    </>
  );
}
