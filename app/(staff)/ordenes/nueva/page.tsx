import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Handshake } from 'lucide-react';
import { PageHeader } from '@/components/shell/page-header';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { WorkOrderForm } from '@/components/work-orders/work-order-form';
import { createWorkOrderAction } from '@/lib/actions/work-orders';
import { NotFoundError } from '@/lib/auth/errors';
import { requirePageActor } from '@/lib/dal/page';
import { workOrderFormOptions } from '@/lib/dal/work-orders';
import type { WorkOrderType } from '@/lib/domain/crm-status';
import { firstValues, type RawSearchParams } from '@/lib/validation/search-params';
import { ACCOUNT_ONLY_TYPES, MANUAL_WORK_ORDER_TYPES } from '@/lib/validation/work-order';

export const metadata: Metadata = { title: 'Nueva orden de trabajo' };

const crumbs = (last: string) => [{ label: 'Inicio', href: '/' }, { label: 'Órdenes de trabajo', href: '/ordenes' }, { label: last }];

/** /ordenes/nueva?acuerdo=<id>&cuenta=<id>&tipo=<TYPE>: reached from an agreement, group or account. */
export default async function NewWorkOrderPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor('workorders.create');
  const { acuerdo, cuenta, tipo } = firstValues(await searchParams);
  if (!acuerdo) {
    return (
      <>
        <PageHeader title="Nueva orden de trabajo" crumbs={crumbs('Nueva')} />
        <EmptyState
          icon={Handshake}
          title="Elija primero el acuerdo"
          description="Las órdenes de trabajo se crean desde la ficha del acuerdo o de la cuenta sobre la que se hará el trabajo."
          action={
            <Button asChild>
              <Link href="/acuerdos">Ir a acuerdos</Link>
            </Button>
          }
        />
      </>
    );
  }
  const { agreement, accounts } = await workOrderFormOptions(actor, acuerdo).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const account = accounts.find((a) => a.id === cuenta);
  const type = (MANUAL_WORK_ORDER_TYPES as readonly string[]).includes(tipo ?? '') ? tipo : undefined;
  // A chosen account, or a type done on accounts, preselects "una cuenta"; other types start on the agreement.
  const target = account || !type || ACCOUNT_ONLY_TYPES.includes(type as WorkOrderType) ? 'ACCOUNT' : 'AGREEMENT';
  const cancelHref = account ? `/cuentas/${account.id}` : `/acuerdos/${agreement.id}`;

  return (
    <>
      <PageHeader
        title="Nueva orden de trabajo"
        description={
          <>
            Acuerdo <span className="font-mono">{agreement.code}</span> — {agreement.name}
            {account ? (
              <>
                {' '}
                · cuenta <span className="font-mono">{account.number}</span>
              </>
            ) : null}
          </>
        }
        crumbs={crumbs('Nueva')}
      />
      {agreement.status === 'CLOSED' ? (
        <Alert variant="destructive" role="alert">
          <AlertDescription>El acuerdo {agreement.code} está cerrado: no admite órdenes de trabajo.</AlertDescription>
        </Alert>
      ) : (
        <WorkOrderForm
          action={createWorkOrderAction}
          agreementId={agreement.id}
          accounts={accounts}
          initial={{ type, target, accountId: account?.id }}
          cancelHref={cancelHref}
        />
      )}
    </>
  );
}
