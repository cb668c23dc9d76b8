import type { Metadata } from 'next';
import Link from 'next/link';
import { AuditActionBadge } from '@/components/audit/audit-action-badge';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { adminDashboard } from '@/lib/dal/admin-dashboard';
import { requirePageActor } from '@/lib/dal/page';
import { formatDateTime, formatNumber } from '@/lib/domain/format';
import { AUDIT_ENTITY_LABELS } from '@/lib/validation/audit';

export const metadata: Metadata = { title: 'Administración' };

export default async function AdminHome() {
  const actor = await requirePageActor('admin.users');
  const { counts, latestAudit } = await adminDashboard(actor);
  const cards = [
    { label: 'Usuarios activos', value: counts.activeUsers, href: '/admin/usuarios?estado=activo', link: 'Administrar usuarios' },
    { label: 'Sucursales activas', value: counts.branches, href: '/admin/sucursales', link: 'Ver sucursales' },
    { label: 'Puntos de venta activos', value: counts.pointsOfSale, href: '/admin/sucursales', link: 'Ver puntos de venta' },
    { label: 'Clientes', value: counts.customers, href: '/clientes', link: 'Ver clientes' },
  ];
  return (
    <>
      <PageHeader title="Administración" description="Usuarios, sucursales y puntos de venta, y los últimos cambios registrados." />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {cards.map((c) => (
          <Card key={c.label}>
            <CardHeader>
              <CardDescription>{c.label}</CardDescription>
              <CardTitle className="text-3xl tabular-nums">{formatNumber(c.value)}</CardTitle>
            </CardHeader>
            <CardContent>
              <Link href={c.href} className="text-sm text-primary hover:underline">
                {c.link}
              </Link>
            </CardContent>
          </Card>
        ))}
      </div>
      <Card className="mt-6">
        <CardHeader>
          <CardTitle>Últimos cambios</CardTitle>
          <CardDescription>Las diez entradas más recientes del registro de auditoría.</CardDescription>
          <CardAction>
            <Button variant="outline" size="sm" asChild>
              <Link href="/admin/audit">Ver registro completo</Link>
            </Button>
          </CardAction>
        </CardHeader>
        <CardContent>
          {latestAudit.length === 0 ? (
            <p className="text-sm text-muted-foreground">Todavía no se ha registrado ningún cambio.</p>
          ) : (
            <div className="rounded-md border">
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead>Fecha y hora</TableHead>
                    <TableHead>Usuario</TableHead>
                    <TableHead>Acción</TableHead>
                    <TableHead>Entidad</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {latestAudit.map((r) => (
                    <TableRow key={r.id}>
                      <TableCell className="whitespace-nowrap tabular-nums">{formatDateTime(r.at)}</TableCell>
                      <TableCell className="whitespace-nowrap">{r.userEmail ?? 'Sistema'}</TableCell>
                      <TableCell>
                        <AuditActionBadge action={r.action} />
                      </TableCell>
                      <TableCell>
                        <Link href={`/admin/audit?entity=${encodeURIComponent(r.entity)}&entityId=${encodeURIComponent(r.entityId)}`} className="hover:underline">
                          {AUDIT_ENTITY_LABELS[r.entity] ?? r.entity} <span className="font-mono text-xs text-muted-foreground">{r.entityId}</span>
                        </Link>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
        </CardContent>
      </Card>
    </>
  );
}
