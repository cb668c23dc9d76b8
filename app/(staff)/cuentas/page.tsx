import type { Metadata } from 'next';
import Link from 'next/link';
import { Gauge, X } from 'lucide-react';
import { AccountsTable, type AccountSortKey } from '@/components/accounts/accounts-table';
import { FilterActions } from '@/components/lists/filter-actions';
import { HiddenParams } from '@/components/lists/hidden-params';
import { BranchFilter } from '@/components/lists/branch-filter';
import { SortHeader } from '@/components/lists/sort-header';
import { PageHeader } from '@/components/shell/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { PaginationBar } from '@/components/ui/pagination';
import { getAccountGroup } from '@/lib/dal/account-groups';
import { accountListOptions, listAccounts } from '@/lib/dal/accounts';
import { getAgreement } from '@/lib/dal/agreements';
import { requirePageActor } from '@/lib/dal/page';
import { ACCOUNT_STATUS_LABELS, ACCOUNT_STATUSES } from '@/lib/domain/crm-status';
import { accountListSchema, type AccountListParams } from '@/lib/validation/account';
import { firstValues, listHref, type RawSearchParams } from '@/lib/validation/search-params';

export const metadata: Metadata = { title: 'Cuentas' };

export default async function AccountsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor('agreements.read');
  const params = accountListSchema.parse(firstValues(await searchParams));
  const [result, options, agreement, group] = await Promise.all([
    listAccounts(actor, params),
    accountListOptions(actor),
    // Names for the agreement / group filter chips; out of scope or unknown → no name (and no rows).
    params.acuerdo ? getAgreement(actor, params.acuerdo).catch(() => undefined) : undefined,
    params.grupo ? getAccountGroup(actor, params.grupo).catch(() => undefined) : undefined,
  ]);
  const filtered = Boolean(params.q || params.status || params.branchId || params.tariffCategoryId || params.acuerdo || params.grupo);
  const multiBranch = options.branches.length > 1;
  const href = (patch: Partial<AccountListParams>) => listHref('/cuentas', { ...params, ...patch });

  const sortHeader = (key: AccountSortKey, label: string) => (
    <SortHeader column={key} label={label} sort={params.sort ?? 'number'} dir={params.dir} href={(sort, dir) => href({ sort, dir, page: undefined })} />
  );

  return (
    <>
      <PageHeader
        title="Cuentas"
        crumbs={[{ label: 'Inicio', href: '/' }, { label: 'Cuentas' }]}
        description="Conexiones de servicio de los acuerdos de su sucursal. Las cuentas nuevas se registran desde su acuerdo."
      />
      {params.acuerdo || params.grupo ? (
        <div className="mb-3 flex flex-wrap items-center gap-2 text-sm">
          <span className="text-muted-foreground">Filtrando por:</span>
          {params.acuerdo ? (
            <Badge variant="outline" className="gap-1 py-1">
              Acuerdo {agreement ? `${agreement.agreement.code} — ${agreement.agreement.name}` : 'no encontrado'}
              <Link href={href({ acuerdo: undefined, grupo: undefined, page: undefined })} aria-label="Quitar filtro de acuerdo" className="rounded-sm hover:bg-accent">
                <X className="size-3" />
              </Link>
            </Badge>
          ) : null}
          {params.grupo ? (
            <Badge variant="outline" className="gap-1 py-1">
              Grupo {group ? `${group.group.code} — ${group.group.name}` : 'no encontrado'}
              <Link href={href({ grupo: undefined, page: undefined })} aria-label="Quitar filtro de grupo" className="rounded-sm hover:bg-accent">
                <X className="size-3" />
              </Link>
            </Badge>
          ) : null}
          {agreement ? (
            <Link href={`/acuerdos/${agreement.agreement.id}`} className="text-primary hover:underline">
              Ver el acuerdo
            </Link>
          ) : null}
        </div>
      ) : null}
      <form className="mb-4 flex flex-wrap items-end gap-2" role="search" aria-label="Filtrar cuentas">
        <Input name="q" defaultValue={params.q} placeholder="Número, descripción, medidor, acuerdo o cliente" className="w-full sm:w-96" aria-label="Buscar" />
        <NativeSelect name="status" defaultValue={params.status ?? ''} aria-label="Estado" wrapperClassName="w-40">
          <NativeSelectOption value="">Todos los estados</NativeSelectOption>
          {ACCOUNT_STATUSES.map((s) => (
            <NativeSelectOption key={s} value={s}>
              {ACCOUNT_STATUS_LABELS[s]}
            </NativeSelectOption>
          ))}
        </NativeSelect>
        <NativeSelect name="tariffCategoryId" defaultValue={params.tariffCategoryId ?? ''} aria-label="Categoría tarifaria" wrapperClassName="w-52">
          <NativeSelectOption value="">Todas las categorías</NativeSelectOption>
          {options.tariffCategories.map((c) => (
            <NativeSelectOption key={c.id} value={c.id}>
              {c.name}
              {c.active ? '' : ' (inactiva)'}
            </NativeSelectOption>
          ))}
        </NativeSelect>
        <BranchFilter branches={options.branches} value={params.branchId} />
        <HiddenParams values={{ acuerdo: params.acuerdo, grupo: params.grupo, sort: params.sort, dir: params.dir }} />
        <FilterActions filtered={filtered} clearHref="/cuentas" />
      </form>

      {result.total === 0 ? (
        <EmptyState
          icon={Gauge}
          title={filtered ? 'Ninguna cuenta coincide con el filtro' : 'Todavía no hay cuentas'}
          description={filtered ? 'Pruebe con otro número, medidor o cliente, o limpie los filtros.' : 'Las cuentas se registran desde la ficha de su acuerdo, en la sección «Cuentas».'}
          action={
            !filtered ? (
              <Button asChild>
                <Link href="/acuerdos">Ir a los acuerdos</Link>
              </Button>
            ) : undefined
          }
        />
      ) : (
        <AccountsTable rows={result.rows} showAgreement={!params.acuerdo} showGroup={!params.grupo} showBranch={multiBranch} sortHeader={sortHeader} />
      )}
      <PaginationBar className="mt-4" page={result.page} pageCount={result.pageCount} total={result.total} pageSize={result.pageSize} hrefFor={(p) => href({ page: p })} />
    </>
  );
}
