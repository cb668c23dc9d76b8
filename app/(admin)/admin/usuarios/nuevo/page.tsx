import type { Metadata } from 'next';
import { PageHeader } from '@/components/shell/page-header';
import { createUserAction } from '@/lib/actions/users';
import { requirePageActor } from '@/lib/dal/page';
import { userFormOptions } from '@/lib/dal/users';
import { UserForm } from '../user-form';

export const metadata: Metadata = { title: 'Nuevo usuario' };

export default async function NewUserPage() {
  const actor = await requirePageActor('admin.users');
  const options = await userFormOptions(actor);
  return (
    <>
      <PageHeader
        title="Nuevo usuario"
        crumbs={[{ label: 'Administración', href: '/admin' }, { label: 'Usuarios', href: '/admin/usuarios' }, { label: 'Nuevo' }]}
      />
      <UserForm action={createUserAction} initial={{}} options={options} withPassword submitLabel="Crear usuario" cancelHref="/admin/usuarios" />
    </>
  );
}
