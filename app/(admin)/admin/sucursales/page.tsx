import type { Metadata } from 'next';
import Link from 'next/link';
import { Building2 } from 'lucide-react';
import { CatalogList } from '@/components/admin/catalog-list';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { listBranchesForAdmin } from '@/lib/dal/branches';
import { requirePageActor } from '@/lib/dal/page';

export const metadata: Metadata = { title: 'Sucursales y puntos de venta' };

// A utility has a handful of branches: one page, no pagination.
export default async function BranchesPage() {
  const actor = await requirePageActor('admin.branches');
  const rows = await listBranchesForAdmin(actor);
  return (
    <CatalogList
      title="Sucursales y puntos de venta"
      crumb="Sucursales"
      description="Oficinas comerciales y los puntos de venta con que emiten sus documentos."
      add={{ href: '/admin/sucursales/nueva', label: 'Nueva sucursal' }}
      isEmpty={rows.length === 0}
      emptyState={{ icon: Building2, title: 'Todavía no hay sucursales', description: 'Registre la primera sucursal y sus puntos de venta.' }}
    >
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
    </CatalogList>
  );
}
