import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BlockedNotice } from '@/components/forms/blocked-notice';
import { AccountGroupForm } from '@/components/account-groups/account-group-form';
import { PageHeader } from '@/components/shell/page-header';
import { createAccountGroupAction } from '@/lib/actions/account-groups';
import { NotFoundError } from '@/lib/auth/errors';
import { accountGroupFormContext } from '@/lib/dal/account-groups';
import { requirePageActor } from '@/lib/dal/page';

export const metadata: Metadata = { title: 'Nuevo grupo de cuentas' };

export default async function NewAccountGroupPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor('agreements.write');
  const { agreement, branches, definitions } = await accountGroupFormContext(actor, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const a = agreement.agreement;
  return (
    <>
      <PageHeader
        title="Nuevo grupo de cuentas"
        description={`Acuerdo ${a.code} — ${a.name}`}
        crumbs={[{ label: 'Inicio', href: '/' }, { label: 'Acuerdos', href: '/acuerdos' }, { label: a.code, href: `/acuerdos/${a.id}` }, { label: 'Nuevo grupo' }]}
      />
      {a.status === 'CLOSED' ? (
        <BlockedNotice message="El acuerdo está cerrado: no admite grupos nuevos." backHref={`/acuerdos/${a.id}`} backLabel="Volver al acuerdo" />
      ) : (
        <>
          <p className="mb-4 max-w-3xl text-sm text-muted-foreground">
            El grupo se crea en estado <strong>Nuevo</strong> junto con su orden de trabajo de activación; pasa a <strong>Activo</strong> cuando otro usuario aprueba esa orden.
          </p>
          <AccountGroupForm
            action={createAccountGroupAction.bind(null, a.id)}
            initial={{ branchId: a.branchId, billingAddress: a.billingAddress, email: a.email }}
            branches={branches}
            definitions={definitions}
            agreementLabel={`${a.code} — ${a.name}`}
            submitLabel="Crear grupo"
            cancelHref={`/acuerdos/${a.id}`}
          />
        </>
      )}
    </>
  );
}
