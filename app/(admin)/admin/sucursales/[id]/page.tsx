import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { History } from 'lucide-react';
import { SectionCard } from '@/components/section-card';
import { SuccessAlert } from '@/components/forms/alerts';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { createPointOfSaleAction, setPointOfSaleActiveAction, updateBranchAction, updatePointOfSaleAction } from '@/lib/actions/branches';
import { NotFoundError } from '@/lib/auth/errors';
import { branchFormOptions, getBranchForAdmin } from '@/lib/dal/branches';
import { requirePageActor } from '@/lib/dal/page';
import { BranchForm } from '../branch-form';
import { AddPointOfSaleForm, PointsOfSaleTable } from './points-of-sale';

export const metadata: Metadata = { title: 'Sucursal' };

export default async function BranchPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ creada?: string; actualizada?: string }> }) {
  const { id } = await params;
  const flags = await searchParams;
  const actor = await requirePageActor('admin.branches');
  const branch = await getBranchForAdmin(actor, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const options = await branchFormOptions(actor);
  return (
    <>
      <PageHeader
        title={branch.name}
        description={<span className="font-mono">{branch.code}</span>}
        crumbs={[{ label: 'Administración', href: '/admin' }, { label: 'Sucursales', href: '/admin/sucursales' }, { label: branch.code }]}
        actions={
          <Button variant="outline" asChild>
            <Link href={`/admin/audit?entity=branch&entityId=${branch.id}`}>
              <History /> Ver historial
            </Link>
          </Button>
        }
      />
      {flags.creada || flags.actualizada ? (
        <SuccessAlert className="mb-4">{flags.creada ? 'Sucursal registrada. Agregue ahora sus puntos de venta.' : 'Cambios guardados.'}</SuccessAlert>
      ) : null}
      <div className="grid gap-6">
        <SectionCard title="Datos de la sucursal">
          <BranchForm
            action={updateBranchAction.bind(null, branch.id)}
            initial={branch}
            options={options}
            submitLabel="Guardar cambios"
            cancelHref="/admin/sucursales"
          />
        </SectionCard>
        <Card>
          <CardHeader>
            <CardTitle>Puntos de venta</CardTitle>
            <CardDescription>
              El número es el prefijo fiscal PPPPP de los documentos (PPPPP-NNNNNNNN) y no se puede cambiar ni reutilizar. Los puntos de venta se desactivan, nunca se eliminan.
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-6">
            {branch.pointsOfSale.length ? (
              <PointsOfSaleTable
                rows={branch.pointsOfSale.map((p) => ({
                  id: p.id,
                  number: p.number,
                  description: p.description,
                  active: p.active,
                  update: updatePointOfSaleAction.bind(null, p.id),
                  setActive: setPointOfSaleActiveAction.bind(null, p.id),
                }))}
              />
            ) : (
              <p className="text-sm text-muted-foreground">Esta sucursal todavía no tiene puntos de venta.</p>
            )}
            <AddPointOfSaleForm action={createPointOfSaleAction.bind(null, branch.id)} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
