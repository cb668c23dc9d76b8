import Link from 'next/link';
import { Gauge, Plus } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
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
    <Card id="cuentas">
      <CardHeader>
        <CardTitle>Cuentas</CardTitle>
        <CardDescription>
          {total === 0 ? 'Conexiones de servicio del acuerdo.' : `${total.toLocaleString('es-DO')} ${total === 1 ? 'cuenta' : 'cuentas'} en este acuerdo.`}
        </CardDescription>
        {canCreate && total > 0 ? (
          <CardAction>
            <Button size="sm" asChild>
              <Link href={newHref}>
                <Plus /> Nueva cuenta
              </Link>
            </Button>
          </CardAction>
        ) : null}
      </CardHeader>
      <CardContent className="grid gap-3">
        {total === 0 ? (
          <EmptyState
            icon={Gauge}
            title="Este acuerdo no tiene cuentas"
            description={canCreate ? 'Registre la primera conexión de servicio del acuerdo.' : undefined}
            action={
              canCreate ? (
                <Button asChild>
                  <Link href={newHref}>
                    <Plus /> Nueva cuenta
                  </Link>
                </Button>
              ) : undefined
            }
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
      </CardContent>
    </Card>
  );
}
