import type { Metadata } from 'next';
import Link from 'next/link';
import { UserCog } from 'lucide-react';
import { AddButton } from '@/components/add-button';
import { FilterActions } from '@/components/lists/filter-actions';
import { LabelledOptions } from '@/components/forms/select-options';
import { PageHeader } from '@/components/shell/page-header';
import { EmptyState } from '@/components/ui/empty-state';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { PaginationBar } from '@/components/ui/pagination';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { ROLE_LABELS, type Role } from '@/lib/auth/roles';
import { requirePageActor } from '@/lib/dal/page';
import { listUsersForAdmin } from '@/lib/dal/users';
import { formatDateTime } from '@/lib/domain/format';
import { firstValues, listHref } from '@/lib/validation/search-params';
import { ROLES_WITH_BRANCHES, userListSchema } from '@/lib/validation/user';
import { UserStatusBadge } from './user-status-badge';

export const metadata: Metadata = { title: 'Usuarios' };

type Search = Record<string, string | string[] | undefined>;

/** What a row without branches or customer sees, said in words. */
function scopeWithoutList(role: Role) {
  if (role === 'INSPECTOR') return 'Catastro';
  if (ROLES_WITH_BRANCHES.includes(role)) return 'Sin sucursal asignada';
  return 'Todas las sucursales';
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor('admin.users');
  const raw = await searchParams;
  const params = userListSchema.parse(firstValues(raw));
  const result = await listUsersForAdmin(actor, params);
  const filtered = Boolean(params.q || params.role || params.estado);

  return (
    <>
      <PageHeader
        title="Usuarios"
        crumbs={[{ label: 'Administración', href: '/admin' }, { label: 'Usuarios' }]}
        description="Cuentas de acceso, su rol y las sucursales o el cliente que pueden ver."
        actions={
          <AddButton href="/admin/usuarios/nuevo">Nuevo usuario</AddButton>
        }
      />
      <form className="mb-4 flex flex-wrap items-end gap-2" role="search" aria-label="Filtrar usuarios">
        <Input name="q" defaultValue={params.q} placeholder="Buscar por nombre o correo" className="w-full sm:w-80" aria-label="Buscar" />
        <NativeSelect name="role" defaultValue={params.role ?? ''} aria-label="Rol" wrapperClassName="w-52">
          <NativeSelectOption value="">Todos los roles</NativeSelectOption>
          <LabelledOptions labels={ROLE_LABELS} />
        </NativeSelect>
        <NativeSelect name="estado" defaultValue={params.estado ?? ''} aria-label="Estado" wrapperClassName="w-40">
          <NativeSelectOption value="">Todos</NativeSelectOption>
          <NativeSelectOption value="activo">Activos</NativeSelectOption>
          <NativeSelectOption value="inactivo">Inactivos</NativeSelectOption>
        </NativeSelect>
        <FilterActions filtered={filtered} clearHref="/admin/usuarios" />
      </form>

      {result.total === 0 ? (
        <EmptyState
          icon={UserCog}
          title={filtered ? 'Ningún usuario coincide con el filtro' : 'Todavía no hay usuarios'}
          description={filtered ? 'Pruebe con otro nombre o correo, o limpie los filtros.' : 'Cree la primera cuenta de acceso.'}
        />
      ) : (
        <div className="rounded-md border">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Nombre</TableHead>
                <TableHead>Correo electrónico</TableHead>
                <TableHead>Rol</TableHead>
                <TableHead className="hidden md:table-cell">Sucursales o cliente</TableHead>
                <TableHead>Estado</TableHead>
                <TableHead className="hidden xl:table-cell">Último acceso</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.rows.map((u) => (
                <TableRow key={u.id}>
                  <TableCell>
                    <Link href={`/admin/usuarios/${u.id}`} className="font-medium text-primary hover:underline">
                      {u.name}
                    </Link>
                  </TableCell>
                  <TableCell className="whitespace-nowrap">{u.email}</TableCell>
                  <TableCell className="whitespace-nowrap">{ROLE_LABELS[u.role]}</TableCell>
                  <TableCell className="hidden md:table-cell">{u.customerName ?? u.branchNames ?? <span className="text-muted-foreground">{scopeWithoutList(u.role)}</span>}</TableCell>
                  <TableCell>
                    <UserStatusBadge active={u.active} locked={u.locked} />
                  </TableCell>
                  <TableCell className="hidden whitespace-nowrap tabular-nums xl:table-cell">{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <PaginationBar className="mt-4" page={result.page} pageCount={result.pageCount} total={result.total} pageSize={result.pageSize} hrefFor={(p) => listHref('/admin/usuarios', { ...params, page: p })} />
    </>
  );
}
