import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { SectionCard } from '@/components/section-card';
import { SuccessAlert } from '@/components/forms/alerts';
import { DetailField } from '@/components/detail-field';
import { AccountStatusBadge, AgreementStatusBadge, WorkOrderStatusBadge } from '@/components/crm/status-badges';
import { PageHeader } from '@/components/shell/page-header';
import { WorkOrderActions } from '@/components/work-orders/work-order-actions';
import { WorkOrderTimeline } from '@/components/work-orders/work-order-timeline';
import { approveWorkOrderAction, completeWorkOrderAction, rejectWorkOrderAction } from '@/lib/actions/work-orders';
import { NotFoundError } from '@/lib/auth/errors';
import { can } from '@/lib/auth/roles';
import { requirePageActor } from '@/lib/dal/page';
import { getWorkOrder } from '@/lib/dal/work-orders';
import { ACCOUNT_STATUS_LABELS, effectOfApproval, WORK_ORDER_TARGET_LABELS, WORK_ORDER_TYPE_LABELS } from '@/lib/domain/crm-status';

export const metadata: Metadata = { title: 'Orden de trabajo' };

export default async function WorkOrderPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ creada?: string }> }) {
  const { id } = await params;
  const flags = await searchParams;
  const actor = await requirePageActor('workorders.read');
  const row = await getWorkOrder(actor, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const o = row.order;

  const ownOrder = o.createdBy === actor.id;
  const mayDecide = o.status === 'PENDING' && can(actor.role, 'workorders.decide');
  const mayComplete = o.status === 'APPROVED' && can(actor.role, 'workorders.complete');
  const effect = effectOfApproval(o.type, o.target);
  const accountEffect =
    effect?.at === 'COMPLETE' && row.account ? `La cuenta ${row.account.number} quedará ${ACCOUNT_STATUS_LABELS[effect.accountStatus].toLowerCase()}.` : undefined;
  const groupHref = row.group ? `/acuerdos/${row.agreement.id}/grupos/${row.group.id}` : null;

  return (
    <>
      <PageHeader
        title={`Orden ${o.number}`}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            {WORK_ORDER_TYPE_LABELS[o.type]} · {WORK_ORDER_TARGET_LABELS[o.target].toLowerCase()} <WorkOrderStatusBadge status={o.status} />
          </span>
        }
        crumbs={[{ label: 'Inicio', href: '/' }, { label: 'Órdenes de trabajo', href: '/ordenes' }, { label: o.number }]}
      />
      {flags.creada ? (
        <SuccessAlert className="mb-4">Orden creada. Queda pendiente hasta que otro usuario la apruebe.</SuccessAlert>
      ) : null}
      {/* Rendered while the actor can act at all, so the answer of the last action stays visible after it. */}
      {can(actor.role, 'workorders.decide') || can(actor.role, 'workorders.complete') ? (
        <div className="mb-4 empty:hidden">
          <WorkOrderActions
            number={o.number}
            approve={mayDecide && !ownOrder ? approveWorkOrderAction.bind(null, o.id) : undefined}
            reject={mayDecide && !ownOrder ? rejectWorkOrderAction.bind(null, o.id) : undefined}
            ownOrder={mayDecide && ownOrder}
            complete={mayComplete ? completeWorkOrderAction.bind(null, o.id) : undefined}
            accountEffect={accountEffect}
          />
        </div>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <SectionCard title="Orden">
          <dl className="grid gap-4 sm:grid-cols-2">
            <DetailField label="Número">
              <span className="font-mono">{o.number}</span>
            </DetailField>
            <DetailField label="Tipo">{WORK_ORDER_TYPE_LABELS[o.type]}</DetailField>
            <DetailField label="Estado">
              <WorkOrderStatusBadge status={o.status} />
            </DetailField>
            <DetailField label="Sucursal">{row.branchName}</DetailField>
            <div className="sm:col-span-2">
              <DetailField label="Descripción">{o.description ? <span className="whitespace-pre-wrap">{o.description}</span> : null}</DetailField>
            </div>
            {effect ? (
              <div className="sm:col-span-2">
                <DetailField label="Efecto">
                  {effect.at === 'APPROVE'
                    ? `Al aprobarse, el ${o.target === 'AGREEMENT' ? 'acuerdo' : 'grupo de cuentas'} pasa a Activo.`
                    : `Al marcarse como realizada, la cuenta pasa a ${ACCOUNT_STATUS_LABELS[effect.accountStatus]}.`}
                </DetailField>
              </div>
            ) : null}
          </dl>
        </SectionCard>
        <SectionCard title={<>Objeto: {WORK_ORDER_TARGET_LABELS[o.target].toLowerCase()}</>}>
          <dl className="grid gap-4 sm:grid-cols-2">
            <DetailField label="Acuerdo">
              <Link href={`/acuerdos/${row.agreement.id}`} className="text-primary hover:underline">
                <span className="font-mono">{row.agreement.code}</span> — {row.agreement.name}
              </Link>
            </DetailField>
            <DetailField label="Estado del acuerdo">
              <AgreementStatusBadge status={row.agreement.status} />
            </DetailField>
            {row.group && groupHref ? (
              <>
                <DetailField label="Grupo de cuentas">
                  <Link href={groupHref} className="text-primary hover:underline">
                    <span className="font-mono">{row.group.code}</span> — {row.group.name}
                  </Link>
                </DetailField>
                <DetailField label="Estado del grupo">
                  <AgreementStatusBadge status={row.group.status} />
                </DetailField>
              </>
            ) : null}
            {row.account ? (
              <>
                <DetailField label="Cuenta">
                  <Link href={`/cuentas/${row.account.id}`} className="text-primary hover:underline">
                    <span className="font-mono">{row.account.number}</span> — {row.account.description}
                  </Link>
                </DetailField>
                <DetailField label="Estado de la cuenta">
                  <AccountStatusBadge status={row.account.status} />
                </DetailField>
                <DetailField label="Dirección de servicio">{row.account.serviceAddress}</DetailField>
                <DetailField label="Medidor">{row.account.meterNumber}</DetailField>
              </>
            ) : null}
          </dl>
        </SectionCard>
        <SectionCard className="lg:col-span-2" title="Historial">
          <WorkOrderTimeline
            status={o.status}
            createdAt={o.createdAt}
            createdByName={row.createdByName}
            decidedAt={o.decidedAt}
            decidedByName={row.decidedByName}
            decisionReason={o.decisionReason}
            completedAt={o.completedAt}
            completedByName={row.completedByName}
            completionNotes={row.completionNotes}
          />
        </SectionCard>
      </div>
    </>
  );
}
