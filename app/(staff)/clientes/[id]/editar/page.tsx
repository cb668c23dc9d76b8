import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CustomerForm } from '@/components/customers/customer-form';
import { PageHeader } from '@/components/shell/page-header';
import { updateCustomerAction } from '@/lib/actions/customers';
import { NotFoundError } from '@/lib/auth/errors';
import { customerFormOptions, getCustomer } from '@/lib/dal/customers';
import { requirePageActor } from '@/lib/dal/page';

export const metadata: Metadata = { title: 'Editar cliente' };

export default async function EditCustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor('customers.write');
  const row = await getCustomer(actor, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const options = await customerFormOptions(actor);
  const c = row.customer;
  return (
    <>
      <PageHeader
        title={`Editar ${c.legalName}`}
        crumbs={[{ label: 'Inicio', href: '/' }, { label: 'Clientes', href: '/clientes' }, { label: c.code, href: `/clientes/${c.id}` }, { label: 'Editar' }]}
      />
      <CustomerForm
        action={updateCustomerAction.bind(null, c.id)}
        initial={{ ...c, provinceId: row.provinceId }}
        options={options}
        submitLabel="Guardar cambios"
        cancelHref={`/clientes/${c.id}`}
      />
    </>
  );
}
