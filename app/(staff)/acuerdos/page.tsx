import type { Metadata } from 'next';
import Link from 'next/link';
import { FileSignature } from 'lucide-react';
import { AddButton } from '@/components/add-button';
import { AttributeFilterControls } from '@/components/agreements/attribute-filters';
import { agreementListHref } from '@/components/agreements/list-href';
import { AgreementStatusBadge, DELINQUENCY_STATUS_LABELS, DelinquencyBadge } from '@/components/crm/status-badges';
import { FilterActions } from '@/components/lists/filter-actions';
import { HiddenParams } from '@/components/lists/hidden-params';
import { LabelledOptions } from '@/components/forms/select-options';
import { BranchFilter } from '@/components/lists/branch-filter';
import { SortHeader } from '@/components/lists/sort-header';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOptGroup, NativeSelectOption } from '@/components/ui/native-select';
import { PaginationBar } from '@/components/ui/pagination';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { can } from '@/lib/auth/roles';
import { agreementListOptions, listAgreements } from '@/lib/dal/agreements';
import { requirePageActor } from '@/lib/dal/page';
import { BILLING_MODE_LABELS } from '@/lib/domain/billing-frequency';
import { AGREEMENT_STATUS_LABELS } from '@/lib/domain/crm-status';
import { DOCUMENT_TYPE_LABELS, formatDocument } from '@/lib/domain/documents';
import { formatDate } from '@/lib/domain/format';
import { agreementListSchema, parseAttributeFilters, type AgreementListParams } from '@/lib/validation/agreement';
import { DELINQUENCY_NO_LEVEL, delinquencyFilterValue, delinquencyListFilter } from '@/lib/validation/delinquency-filter';
import { firstValues, type RawSearchParams } from '@/lib/validation/search-params';

export const metadata: Metadata = { title: 'Acuerdos' };

export default async function AgreementsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor('agreements.read');
  const raw = firstValues(await searchParams);
  const params = agreementListSchema.parse(raw);
  const options = await agreementListOptions(actor);
  const attributes = parseAttributeFilters(raw, options.definitions);
  // A branch outside the actor's scope is ignored, like any other bad parameter.
  const branchId = options.branches.some((b) => b.id === params.branchId) ? params.branchId : undefined;
  // A level that is not the policy's is ignored too.
  const delinquency = delinquencyListFilter(params.delinquency, options.delinquencyLevels.map((l) => l.id));
  const delinquencyValue = delinquencyFilterValue(delinquency) || undefined;
  const result = await listAgreements(actor, { ...params, branchId, ...delinquency, attributes });
  const canWrite = can(actor.role, 'agreements.write');
  const filtered = Boolean(params.q || params.status || branchId || params.billingMode || delinquencyValue || attributes.length);
  const href = (patch: Partial<AgreementListParams>) => agreementListHref({ ...params, branchId, delinquency: delinquencyValue }, attributes, patch);

  const sortHeader = (key: NonNullable<AgreementListParams['sort']>, label: string) => (
    <SortHeader column={key} label={label} sort={params.sort ?? 'name'} dir={params.dir} href={(sort, dir) => href({ sort, dir, page: undefined })} />
  );

  return (
    <>
      <PageHeader
        title="Acuerdos"
        crumbs={[{ label: 'Inicio', href: '/' }, { label: 'Acuerdos' }]}
        description="Acuerdos de facturación: condiciones comerciales de cada cliente."
        actions={
          canWrite ? (
            <AddButton href="/acuerdos/nuevo">Nuevo acuerdo</AddButton>
          ) : undefined
        }
      />
      <form className="mb-4 flex flex-wrap items-end gap-2" role="search" aria-label="Filtrar acuerdos">
        <Input name="q" defaultValue={params.q} placeholder="Buscar por nombre, código, cliente o documento" className="w-full sm:w-96" aria-label="Buscar" />
        <NativeSelect name="status" defaultValue={params.status ?? ''} aria-label="Estado" wrapperClassName="w-40">
          <NativeSelectOption value="">Todos los estados</NativeSelectOption>
          <LabelledOptions labels={AGREEMENT_STATUS_LABELS} />
        </NativeSelect>
        <BranchFilter branches={options.branches} value={branchId} />
        <NativeSelect name="billingMode" defaultValue={params.billingMode ?? ''} aria-label="Modalidad de facturación" wrapperClassName="w-64">
          <NativeSelectOption value="">Todas las modalidades</NativeSelectOption>
          <LabelledOptions labels={BILLING_MODE_LABELS} />
        </NativeSelect>
        <NativeSelect name="delinquency" defaultValue={delinquencyValue ?? ''} aria-label="Estado de morosidad" wrapperClassName="w-56">
          <NativeSelectOption value="">Toda la morosidad</NativeSelectOption>
          <NativeSelectOption value="CURRENT">{DELINQUENCY_STATUS_LABELS.CURRENT}</NativeSelectOption>
          <NativeSelectOption value="IN_GRACE">{DELINQUENCY_STATUS_LABELS.IN_GRACE}</NativeSelectOption>
          <NativeSelectOption value="DELINQUENT">{DELINQUENCY_STATUS_LABELS.DELINQUENT} (cualquier nivel)</NativeSelectOption>
          <NativeSelectOptGroup label="Morosos por nivel">
            {options.delinquencyLevels.map((l) => (
              <NativeSelectOption key={l.id} value={l.id}>
                {l.name}
                {l.active ? '' : ' (inactivo)'}
              </NativeSelectOption>
            ))}
            <NativeSelectOption value={DELINQUENCY_NO_LEVEL}>Sin nivel (deuda bajo el mínimo)</NativeSelectOption>
          </NativeSelectOptGroup>
        </NativeSelect>
        <AttributeFilterControls definitions={options.definitions} current={attributes} />
        <HiddenParams values={{ sort: params.sort, dir: params.dir }} />
        <FilterActions filtered={filtered} clearHref="/acuerdos" />
      </form>

      {result.total === 0 ? (
        <EmptyState
          icon={FileSignature}
          title={filtered ? 'Ningún acuerdo coincide con el filtro' : 'Todavía no hay acuerdos'}
          description={filtered ? 'Pruebe con otro nombre, cliente o documento, o limpie los filtros.' : 'Registre el primer acuerdo de facturación de su sucursal.'}
          action={
            canWrite && !filtered ? (
              <Button asChild>
                <Link href="/acuerdos/nuevo">Nuevo acuerdo</Link>
              </Button>
            ) : undefined
          }
        />
      ) : (
        <div className="rounded-md border">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{sortHeader('code', 'Código')}</TableHead>
                <TableHead>{sortHeader('name', 'Nombre')}</TableHead>
                <TableHead>Cliente</TableHead>
                {options.branches.length > 1 ? <TableHead className="hidden lg:table-cell">Sucursal</TableHead> : null}
                <TableHead className="hidden xl:table-cell">Modalidad</TableHead>
                <TableHead>Moneda</TableHead>
                <TableHead>Estado</TableHead>
                <TableHead>Morosidad</TableHead>
                <TableHead className="hidden 2xl:table-cell">{sortHeader('createdAt', 'Alta')}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.rows.map((a) => (
                <TableRow key={a.id}>
                  <TableCell className="font-mono text-xs">{a.code}</TableCell>
                  <TableCell>
                    <Link href={`/acuerdos/${a.id}`} className="font-medium text-primary hover:underline">
                      {a.name}
                    </Link>
                  </TableCell>
                  <TableCell>
                    <div>{a.customerName}</div>
                    <div className="text-xs whitespace-nowrap text-muted-foreground">
                      {DOCUMENT_TYPE_LABELS[a.documentType]} {formatDocument(a.documentType, a.documentNumber)}
                    </div>
                  </TableCell>
                  {options.branches.length > 1 ? <TableCell className="hidden lg:table-cell">{a.branchName}</TableCell> : null}
                  <TableCell className="hidden xl:table-cell">{BILLING_MODE_LABELS[a.billingMode]}</TableCell>
                  <TableCell className="font-mono text-xs">{a.currency}</TableCell>
                  <TableCell>
                    <AgreementStatusBadge status={a.status} />
                  </TableCell>
                  <TableCell>
                    <div>
                      <DelinquencyBadge status={a.delinquencyStatus} />
                    </div>
                    {a.delinquencyLevelName ? <div className="mt-1 text-xs whitespace-nowrap text-muted-foreground">{a.delinquencyLevelName}</div> : null}
                  </TableCell>
                  <TableCell className="hidden whitespace-nowrap 2xl:table-cell">{formatDate(a.createdAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <PaginationBar className="mt-4" page={result.page} pageCount={result.pageCount} total={result.total} pageSize={result.pageSize} hrefFor={(p) => href({ page: p })} />
    </>
  );
}
