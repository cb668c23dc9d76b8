import type { Metadata } from 'next';
import { SectionCard } from '@/components/section-card';
import { SuccessAlert } from '@/components/forms/alerts';
import { DetailField } from '@/components/detail-field';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { History } from 'lucide-react';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { resetPasswordAction, setUserActiveAction, unlockUserAction, updateUserAction } from '@/lib/actions/users';
import { NotFoundError } from '@/lib/auth/errors';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { requirePageActor } from '@/lib/dal/page';
import { getUserForAdmin, userFormOptions } from '@/lib/dal/users';
import { formatDateTime } from '@/lib/domain/format';
import { UserForm } from '../user-form';
import { UserStatusBadge } from '../user-status-badge';
import { AccountStatusActions } from './account-status';
import { PasswordResetForm } from './password-reset';

export const metadata: Metadata = { title: 'Usuario' };


export default async function UserPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ creado?: string; actualizado?: string }> }) {
  const { id } = await params;
  const flags = await searchParams;
  const actor = await requirePageActor('admin.users');
  const user = await getUserForAdmin(actor, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const options = await userFormOptions(actor, user.customerId);
  return (
    <>
      <PageHeader
        title={user.name}
        description={
          <>
            {user.email} · {ROLE_LABELS[user.role]}
          </>
        }
        crumbs={[{ label: 'Administración', href: '/admin' }, { label: 'Usuarios', href: '/admin/usuarios' }, { label: user.name }]}
        actions={
          <Button variant="outline" asChild>
            <Link href={`/admin/audit?entity=user&entityId=${user.id}`}>
              <History /> Ver historial
            </Link>
          </Button>
        }
      />
      {flags.creado || flags.actualizado ? (
        <SuccessAlert className="mb-4">{flags.creado ? 'Usuario creado correctamente.' : 'Cambios guardados.'}</SuccessAlert>
      ) : null}
      <div className="grid gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <SectionCard title="Datos del usuario">
          <UserForm
            action={updateUserAction.bind(null, user.id)}
            initial={{ name: user.name, email: user.email, role: user.role, branchIds: user.branchIds, customerId: user.customerId }}
            options={options}
            withPassword={false}
            lockRole={user.isSelf}
            submitLabel="Guardar cambios"
            cancelHref="/admin/usuarios"
          />
        </SectionCard>
        <div className="grid content-start gap-6">
          <SectionCard title="Estado de la cuenta" contentClassName="grid gap-4">
            <dl className="grid gap-4 sm:grid-cols-2">
              <DetailField label="Estado">
                <UserStatusBadge active={user.active} locked={user.locked} />
              </DetailField>
              <DetailField label="Último acceso">{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : 'Nunca'}</DetailField>
              {user.locked && user.lockedUntil ? <DetailField label="Bloqueado hasta">{formatDateTime(user.lockedUntil)}</DetailField> : null}
              <DetailField label="Intentos fallidos">{String(user.failedLogins)}</DetailField>
              <DetailField label="Creado">{formatDateTime(user.createdAt)}</DetailField>
              <DetailField label="Última modificación">{formatDateTime(user.updatedAt)}</DetailField>
            </dl>
            <AccountStatusActions
              name={user.name}
              active={user.active}
              locked={user.locked}
              isSelf={user.isSelf}
              setActive={setUserActiveAction.bind(null, user.id)}
              unlock={unlockUserAction.bind(null, user.id)}
            />
          </SectionCard>
          <Card>
            <CardHeader>
              <CardTitle>Restablecer contraseña</CardTitle>
              <CardDescription>Para un usuario que olvidó la suya. También levanta el bloqueo por intentos fallidos.</CardDescription>
            </CardHeader>
            <CardContent>
              <PasswordResetForm name={user.name} action={resetPasswordAction.bind(null, user.id)} />
            </CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}
