import type { Metadata } from 'next';
import Link from 'next/link';
import { firstValues, listHref } from '@/lib/validation/search-params';
import { Download, Users } from 'lucide-react';
import { AddButton } from '@/components/add-button';
import { FilterActions } from '@/components/lists/filter-actions';
import { HiddenParams } from '@/components/lists/hidden-params';
import { LabelledOptions } from '@/components/forms/select-options';
import { BranchFilter } from '@/components/lists/branch-filter';
import { SortHeader } from '@/components/lists/sort-header';
import { PageHeader } from '@/components/shell/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { PaginationBar } from '@/components/ui/pagination';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { can } from '@/lib/auth/roles';
import { customerFormOptions, listCustomers } from '@/lib/dal/customers';
import { requirePageActor } from '@/lib/dal/page';
import { DOCUMENT_TYPE_LABELS, formatDocument } from '@/lib/domain/documents';
import { customerListSchema, SEGMENT_LABELS, type CustomerListParams } from '@/lib/validation/customer';

export const metadata: Metadata = { title: 'Clientes' };

type Search = Record<string, string | string[] | undefined>;

export default async function CustomersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor('customers.read');
  const raw = await searchParams;
  const params = customerListSchema.parse(firstValues(raw));
  const [result, options] = await Promise.all([listCustomers(actor, params), customerFormOptions(actor)]);
  const canWrite = can(actor.role, 'customers.write');
  const filtered = Boolean(params.q || params.segment || params.branchId);
  const href = (patch: Partial<CustomerListParams>, path = '/clientes') => listHref(path, { ...params, ...patch });

  const sortHeader = (key: NonNullable<CustomerListParams['sort']>, label: string) => (
    <SortHeader column={key} label={label} sort={params.sort ?? 'legalName'} dir={params.dir} href={(sort, dir) => href({ sort, dir, page: undefined })} />
  );

  return (
    <>
      <PageHeader
        title="Clientes"
        crumbs={[{ label: 'Inicio', href: '/' }, { label: 'Clientes' }]}
        description="Titulares de los acuerdos de facturación de su sucursal."
        actions={
          <>
            <Button variant="outline" asChild>
              <a href={href({ page: undefined }, '/clientes/exportar')}>
                <Download /> Exportar CSV
              </a>
            </Button>
            {canWrite ? (
              <AddButton href="/clientes/nuevo">Nuevo cliente</AddButton>
            ) : null}
          </>
        }
      />
      <form className="mb-4 flex flex-wrap items-end gap-2" role="search" aria-label="Filtrar clientes">
        <Input name="q" defaultValue={params.q} placeholder="Buscar por nombre, código o documento" className="w-full sm:w-80" aria-label="Buscar" />
        <NativeSelect name="segment" defaultValue={params.segment ?? ''} aria-label="Segmento" wrapperClassName="w-44">
          <NativeSelectOption value="">Todos los segmentos</NativeSelectOption>
          <LabelledOptions labels={SEGMENT_LABELS} />
        </NativeSelect>
        <BranchFilter branches={options.branches} value={params.branchId} />
        <HiddenParams values={{ sort: params.sort, dir: params.dir }} />
        <FilterActions filtered={filtered} clearHref="/clientes" />
      </form>

      {result.total === 0 ? (
        <EmptyState
          icon={Users}
          title={filtered ? 'Ningún cliente coincide con el filtro' : 'Todavía no hay clientes'}
          description={filtered ? 'Pruebe con otro nombre o documento, o limpie los filtros.' : 'Registre el primer cliente de su sucursal.'}
          action={
            canWrite && !filtered ? (
              <Button asChild>
                <Link href="/clientes/nuevo">Nuevo cliente</Link>
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
                <TableHead>{sortHeader('legalName', 'Nombre o razón social')}</TableHead>
                <TableHead>{sortHeader('documentNumber', 'Documento')}</TableHead>
                <TableHead>{sortHeader('segment', 'Segmento')}</TableHead>
                {options.branches.length > 1 ? <TableHead className="hidden md:table-cell">Sucursal</TableHead> : null}
                <TableHead className="hidden 2xl:table-cell">Teléfono</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.rows.map((c) => (
                <TableRow key={c.id}>
                  <TableCell className="font-mono text-xs">{c.code}</TableCell>
                  <TableCell>
                    <Link href={`/clientes/${c.id}`} className="font-medium text-primary hover:underline">
                      {c.legalName}
                    </Link>
                    {c.isLargeAccount ? (
                      <Badge variant="secondary" className="ml-2">
                        Gran cliente
                      </Badge>
                    ) : null}
                  </TableCell>
                  <TableCell className="whitespace-nowrap">
                    <span className="text-xs text-muted-foreground">{DOCUMENT_TYPE_LABELS[c.documentType]}</span> {formatDocument(c.documentType, c.documentNumber)}
                  </TableCell>
                  <TableCell>{SEGMENT_LABELS[c.segment]}</TableCell>
                  {options.branches.length > 1 ? <TableCell className="hidden md:table-cell">{c.branchName}</TableCell> : null}
                  <TableCell className="hidden whitespace-nowrap 2xl:table-cell">{c.phone ?? '—'}</TableCell>
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
