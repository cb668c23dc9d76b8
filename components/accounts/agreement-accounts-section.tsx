import Link from 'next/link';
import { Gauge } from 'lucide-react';
import { AddButton } from '@/components/add-button';
import { SectionCard } from '@/components/section-card';
import { EmptyState } from '@/components/ui/empty-state';
import { can } from '@/lib/auth/roles';
import type { Actor } from '@/lib/auth/scope';
import { listAgreementAccounts } from '@/lib/dal/accounts';
import { AccountsTable } from './accounts-table';

const SHOWN = 20;

/** The accounts of an agreement (first 20, link to all), on the agreement's detail page. Server component. */
export async function AgreementAccountsSection({ actor, agreement }: { actor: Actor; agreement: { id: string; status: string; branchId: string; code: string }; accountGroupId?: string; accountId?: string }) {
  const { rows, total } = await listAgreementAccounts(actor, agreement.id, { limit: SHOWN });
  const canCreate = can(actor.role, 'agreements.write') && agreement.status !== 'CLOSED';
  const newHref = `/cuentas/nueva?acuerdo=${agreement.id}`;
  return (
    <SectionCard
      id="cuentas"
      title="Cuentas"
      description={total === 0 ? 'Conexiones de servicio del acuerdo.' : `${total.toLocaleString('es-DO')} ${total === 1 ? 'cuenta' : 'cuentas'} en este acuerdo.`}
      action={canCreate && total > 0 ? <AddButton href={newHref} size="sm">Nueva cuenta</AddButton> : null}
      contentClassName="grid gap-3"
    >
      {total === 0 ? (
        <EmptyState
          icon={Gauge}
          title="Este acuerdo no tiene cuentas"
          description={canCreate ? 'Registre la primera conexión de servicio del acuerdo.' : undefined}
          action={canCreate ? <AddButton href={newHref}>Nueva cuenta</AddButton> : undefined}
        />
      ) : (
        <>
          <AccountsTable rows={rows} showAgreement={false} />
          {total > rows.length ? (
            <div className="text-sm text-muted-foreground">
              Mostrando {rows.length} de {total.toLocaleString('es-DO')}.{' '}
              <Link href={`/cuentas?acuerdo=${agreement.id}`} className="font-medium text-primary hover:underline">
                Ver todas
              </Link>
            </div>
          ) : (
            <Link href={`/cuentas?acuerdo=${agreement.id}`} className="text-sm font-medium text-primary hover:underline">
              Ver todas en el listado de cuentas
            </Link>
          )}
        </>
      )}
    </SectionCard>
  );
}
