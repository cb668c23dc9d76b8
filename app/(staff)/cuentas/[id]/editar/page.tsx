import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BlockedNotice } from '@/components/forms/blocked-notice';
import { AccountForm } from '@/components/accounts/account-form';
import { PageHeader } from '@/components/shell/page-header';
import { updateAccountAction } from '@/lib/actions/accounts';
import { NotFoundError } from '@/lib/auth/errors';
import { accountFormContext, getAccount } from '@/lib/dal/accounts';
import { requirePageActor } from '@/lib/dal/page';

export const metadata: Metadata = { title: 'Editar cuenta' };

export default async function EditAccountPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor('agreements.write');
  const orNotFound = (e: unknown) => (e instanceof NotFoundError ? notFound() : Promise.reject(e));
  const row = await getAccount(actor, id).catch(orNotFound);
  const c = row.account;
  const ctx = await accountFormContext(actor, c.agreementId, c.tariffCategoryId).catch(orNotFound);
  const href = `/cuentas/${c.id}`;
  const locked = c.status === 'CLOSED' ? 'Una cuenta cerrada no se puede modificar.' : row.agreement.status === 'CLOSED' ? 'El acuerdo está cerrado: sus cuentas no se pueden modificar.' : null;
  // The account's current group stays selectable even if it was closed since.
  const current = row.group;
  const groups = current && !ctx.groups.some((g) => g.id === current.id) ? [...ctx.groups, current] : ctx.groups;
  return (
    <>
      <PageHeader
        title={`Editar cuenta ${c.number}`}
        description={c.description}
        crumbs={[{ label: 'Inicio', href: '/' }, { label: 'Cuentas', href: '/cuentas' }, { label: c.number, href }, { label: 'Editar' }]}
      />
      {locked ? (
        <BlockedNotice message={locked} backHref={href} backLabel="Volver a la cuenta" />
      ) : (
        <AccountForm
          action={updateAccountAction.bind(null, c.id)}
          initial={{ ...c, provinceId: row.provinceId }}
          options={{ ...ctx, groups }}
          agreementLabel={`${row.agreement.code} — ${row.agreement.name}`}
          submitLabel="Guardar cambios"
          cancelHref={href}
        />
      )}
    </>
  );
}
