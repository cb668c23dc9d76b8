import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BlockedNotice } from '@/components/forms/blocked-notice';
import { AccountGroupForm } from '@/components/account-groups/account-group-form';
import { PageHeader } from '@/components/shell/page-header';
import { updateAccountGroupAction } from '@/lib/actions/account-groups';
import { NotFoundError } from '@/lib/auth/errors';
import { accountGroupFormContext, getAccountGroup } from '@/lib/dal/account-groups';
import { requirePageActor } from '@/lib/dal/page';

export const metadata: Metadata = { title: 'Editar grupo de cuentas' };

export default async function EditAccountGroupPage({ params }: { params: Promise<{ id: string; groupId: string }> }) {
  const { id, groupId } = await params;
  const actor = await requirePageActor('agreements.write');
  const orNotFound = (e: unknown) => (e instanceof NotFoundError ? notFound() : Promise.reject(e));
  const row = await getAccountGroup(actor, groupId).catch(orNotFound);
  if (row.group.agreementId !== id) notFound();
  const { branches, definitions } = await accountGroupFormContext(actor, id).catch(orNotFound);
  const g = row.group;
  const href = `/acuerdos/${id}/grupos/${g.id}`;
  const locked = g.status === 'CLOSED' ? 'Un grupo cerrado no se puede modificar.' : row.agreement.status === 'CLOSED' ? 'El acuerdo está cerrado: no admite cambios en sus grupos.' : null;
  return (
    <>
      <PageHeader
        title={`Editar ${g.name}`}
        crumbs={[
          { label: 'Inicio', href: '/' },
          { label: 'Acuerdos', href: '/acuerdos' },
          { label: row.agreement.code, href: `/acuerdos/${id}` },
          { label: g.code, href },
          { label: 'Editar' },
        ]}
      />
      {locked ? (
        <BlockedNotice message={locked} backHref={href} backLabel="Volver al grupo" />
      ) : (
        <AccountGroupForm
          action={updateAccountGroupAction.bind(null, g.id)}
          initial={g}
          // Keep the group's current branch selectable even if it was since deactivated.
          branches={branches.some((b) => b.id === g.branchId) ? branches : [...branches, { id: g.branchId, name: row.branchName }]}
          definitions={definitions}
          agreementLabel={`${row.agreement.code} — ${row.agreement.name}`}
          submitLabel="Guardar cambios"
          cancelHref={href}
        />
      )}
    </>
  );
}
