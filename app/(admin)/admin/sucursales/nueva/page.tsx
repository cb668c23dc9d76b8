import type { Metadata } from 'next';
import { PageHeader } from '@/components/shell/page-header';
import { createBranchAction } from '@/lib/actions/branches';
import { branchFormOptions } from '@/lib/dal/branches';
import { requirePageActor } from '@/lib/dal/page';
import { BranchForm } from '../branch-form';

export const metadata: Metadata = { title: 'Nueva sucursal' };

export default async function NewBranchPage() {
  const actor = await requirePageActor('admin.branches');
  const options = await branchFormOptions(actor);
  return (
    <>
      <PageHeader
        title="Nueva sucursal"
        description="Después de guardarla podrá agregar sus puntos de venta."
        crumbs={[{ label: 'Administración', href: '/admin' }, { label: 'Sucursales', href: '/admin/sucursales' }, { label: 'Nueva' }]}
      />
      <BranchForm action={createBranchAction} initial={{ active: true }} options={options} submitLabel="Guardar sucursal" cancelHref="/admin/sucursales" />
    </>
  );
}
