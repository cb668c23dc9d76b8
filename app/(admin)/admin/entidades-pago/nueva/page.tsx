import type { Metadata } from 'next';
import { PaymentEntityForm } from '@/components/admin-catalogs/payment-entity-form';
import { PageHeader } from '@/components/shell/page-header';
import { createPaymentEntityAction } from '@/lib/actions/catalogs';
import { requirePageActor } from '@/lib/dal/page';
import { ENTITY_METHOD_OPTIONS } from '../options';

export const metadata: Metadata = { title: 'Nueva entidad de pago' };

export default async function NewPaymentEntityPage() {
  await requirePageActor('admin.catalogs');
  return (
    <>
      <PageHeader
        title="Nueva entidad de pago"
        crumbs={[{ label: 'Administración', href: '/admin' }, { label: 'Entidades de pago', href: '/admin/entidades-pago' }, { label: 'Nueva' }]}
      />
      <PaymentEntityForm action={createPaymentEntityAction} initial={{ active: true }} methods={ENTITY_METHOD_OPTIONS} submitLabel="Guardar entidad" cancelHref="/admin/entidades-pago" />
    </>
  );
}
