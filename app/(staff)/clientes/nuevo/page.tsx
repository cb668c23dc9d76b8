import type { Metadata } from 'next';
import { CustomerForm } from '@/components/customers/customer-form';
import { PageHeader } from '@/components/shell/page-header';
import { createCustomerAction } from '@/lib/actions/customers';
import { customerFormOptions } from '@/lib/dal/customers';
import { requirePageActor } from '@/lib/dal/page';

export const metadata: Metadata = { title: 'Nuevo cliente' };

export default async function NewCustomerPage() {
  const actor = await requirePageActor('customers.write');
  const options = await customerFormOptions(actor);
  return (
    <>
      <PageHeader title="Nuevo cliente" crumbs={[{ label: 'Inicio', href: '/' }, { label: 'Clientes', href: '/clientes' }, { label: 'Nuevo' }]} />
      <CustomerForm action={createCustomerAction} initial={{}} options={options} submitLabel="Guardar cliente" cancelHref="/clientes" />
    </>
  );
}
