import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { TariffForm } from '@/components/billing-admin/tariff-form';
import { PageHeader } from '@/components/shell/page-header';
import { updateTariffAction } from '@/lib/actions/billing-catalogs';
import { NotFoundError } from '@/lib/auth/errors';
import { getTariff, tariffFormOptions } from '@/lib/dal/billing-catalogs';
import { requirePageActor } from '@/lib/dal/page';
import { formatDate } from '@/lib/domain/format';

export const metadata: Metadata = { title: 'Editar tarifa' };

export default async function EditTariffPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor('admin.catalogs');
  const tariff = await getTariff(actor, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  // Already used for invoices: the detail page explains why and offers a new tariff instead.
  if (tariff.locked) redirect(`/admin/tarifas/${id}`);
  const { categories, earliestDate } = await tariffFormOptions(actor);
  const label = `${tariff.category?.code ?? ''} ${formatDate(tariff.effectiveFrom)}`;
  return (
    <>
      <PageHeader
        title="Editar tarifa"
        description={`${tariff.category?.name ?? ''} desde ${formatDate(tariff.effectiveFrom)}`}
        crumbs={[{ label: 'Administración', href: '/admin' }, { label: 'Tarifas', href: '/admin/tarifas' }, { label, href: `/admin/tarifas/${id}` }, { label: 'Editar' }]}
      />
      <TariffForm
        key={tariff.updatedAt.toISOString()}
        action={updateTariffAction.bind(null, id)}
        initial={tariff}
        categories={categories.map((c) => ({ value: c.id, label: `${c.name} (${c.code})` }))}
        editing
        earliestDate={earliestDate}
        submitLabel="Guardar cambios"
        cancelHref={`/admin/tarifas/${id}`}
      />
    </>
  );
}
