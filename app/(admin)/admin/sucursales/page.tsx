import type { Metadata } from 'next';
import Link from 'next/link';
import { Building2 } from 'lucide-react';
import { AddButton } from '@/components/add-button';
import { PageHeader } from '@/components/shell/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { listBranchesForAdmin } from '@/lib/dal/branches';
import { requirePageActor } from '@/lib/dal/page';

export const metadata: Metadata = { title: 'Sucursales y puntos de venta' };

// A utility has a handful of branches: one page, no pagination.
export default async function BranchesPage() {
  const actor = await requirePageActor('admin.branches');
  const rows = await listBranchesForAdmin(actor);
  return (
    <>
      <PageHeader
        title="Sucursales y puntos de venta"
        crumbs={[{ label: 'Administración', href: '/admin' }, { label: 'Sucursales' }]}
        description="Oficinas comerciales y los puntos de venta con que emiten sus documentos."
        actions={
          <AddButton href="/admin/sucursales/nueva">Nueva sucursal</AddButton>
        }
      />
      {rows.length === 0 ? (
        <EmptyState
          icon={Building2}
          title="Todavía no hay sucursales"
          description="Registre la primera sucursal y sus puntos de venta."
          action={
            <Button asChild>
              <Link href="/admin/sucursales/nueva">Nueva sucursal</Link>
            </Button>
          }
        />
      ) : (
        <div className="rounded-md border">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Código</TableHead>
                <TableHead>Nombre</TableHead>
                <TableHead className="hidden md:table-cell">Localidad</TableHead>
                <TableHead className="text-right">Puntos de venta</TableHead>
                <TableHead>Estado</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((b) => (
                <TableRow key={b.id}>
                  <TableCell className="font-mono text-xs">{b.code}</TableCell>
                  <TableCell>
                    <Link href={`/admin/sucursales/${b.id}`} className="font-medium text-primary hover:underline">
                      {b.name}
                    </Link>
                  </TableCell>
                  <TableCell className="hidden md:table-cell">
                    {b.localityName}, <span className="text-muted-foreground">{b.provinceName}</span>
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    {b.posActive}
                    {b.posTotal !== b.posActive ? <span className="text-muted-foreground"> de {b.posTotal}</span> : null}
                  </TableCell>
                  <TableCell>{b.active ? <Badge variant="success">Activa</Badge> : <Badge variant="secondary">Inactiva</Badge>}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}
