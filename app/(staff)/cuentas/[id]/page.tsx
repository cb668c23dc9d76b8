import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Pencil, PlugZap, Power, Replace, Search } from 'lucide-react';
import { SectionCard } from '@/components/section-card';
import { SuccessAlert } from '@/components/forms/alerts';
import { CloseAccountDialog } from '@/components/accounts/close-account-dialog';
import { AccountStatusBadge, AgreementStatusBadge } from '@/components/crm/status-badges';
import { DetailField } from '@/components/detail-field';
import { formatAttributeValue } from '@/components/forms/dynamic-attribute-fields';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { AccountReadingsSection } from '@/components/readings/account-readings-section';
import { WorkOrdersSection } from '@/components/work-orders/work-orders-section';
import { closeAccountAction } from '@/lib/actions/accounts';
import { NotFoundError } from '@/lib/auth/errors';
import { can } from '@/lib/auth/roles';
import { accountAttributeDefinitions, getAccount } from '@/lib/dal/accounts';
import { requirePageActor } from '@/lib/dal/page';
import { formatDate, formatDateTime } from '@/lib/domain/format';

export const metadata: Metadata = { title: 'Cuenta' };

const FLASH = { creada: 'Cuenta creada correctamente.', actualizada: 'Cambios guardados.', cerrada: 'Cuenta cerrada.' } as const;

export default async function AccountPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Partial<Record<keyof typeof FLASH, string>>> }) {
  const { id } = await params;
  const flags = await searchParams;
  const actor = await requirePageActor('agreements.read');
  const row = await getAccount(actor, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const definitions = await accountAttributeDefinitions(actor);
  const c = row.account;
  const a = row.agreement;
  const open = c.status !== 'CLOSED';
  const canEdit = can(actor.role, 'agreements.write') && open && a.status !== 'CLOSED';
  const canClose = can(actor.role, 'agreements.write') && open;
  const canOrder = can(actor.role, 'workorders.create') && open && a.status !== 'CLOSED';
  const orderHref = (type: string) => `/ordenes/nueva?acuerdo=${a.id}&cuenta=${c.id}&tipo=${type}`;
  const flash = (Object.keys(FLASH) as (keyof typeof FLASH)[]).find((k) => flags[k]);

  return (
    <>
      <PageHeader
        title={c.description}
        description={<span className="font-mono">{c.number}</span>}
        crumbs={[{ label: 'Inicio', href: '/' }, { label: 'Cuentas', href: '/cuentas' }, { label: c.number }]}
        actions={
          <>
            {canEdit ? (
              <Button asChild>
                <Link href={`/cuentas/${c.id}/editar`}>
                  <Pencil /> Editar
                </Link>
              </Button>
            ) : null}
            {canClose ? <CloseAccountDialog accountNumber={c.number} action={closeAccountAction.bind(null, c.id)} /> : null}
          </>
        }
      />
      {flash ? (
        <SuccessAlert className="mb-4">{FLASH[flash]}</SuccessAlert>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <SectionCard title="Cuenta">
          <dl className="grid gap-4 sm:grid-cols-2">
            <DetailField label="Número">
              <span className="font-mono">{c.number}</span>
            </DetailField>
            <DetailField label="Estado">
              <AccountStatusBadge status={c.status} />
            </DetailField>
            <DetailField label="Descripción">{c.description}</DetailField>
            <DetailField label="Fecha de alta">{formatDate(c.startDate)}</DetailField>
            <DetailField label="Acuerdo">
              <Link href={`/acuerdos/${a.id}`} className="text-primary hover:underline">
                <span className="font-mono">{a.code}</span> — {a.name}
              </Link>{' '}
              <AgreementStatusBadge status={a.status} />
            </DetailField>
            <DetailField label="Cliente">
              <Link href={`/clientes/${row.customer.id}`} className="text-primary hover:underline">
                {row.customer.legalName}
              </Link>
            </DetailField>
            <DetailField label="Grupo de cuentas">
              {row.group ? (
                <Link href={`/acuerdos/${a.id}/grupos/${row.group.id}`} className="text-primary hover:underline">
                  <span className="font-mono">{row.group.code}</span> — {row.group.name}
                </Link>
              ) : null}
            </DetailField>
            <DetailField label="Sucursal">{row.branchName}</DetailField>
            {row.statusChange && c.status !== 'ACTIVE' ? (
              <DetailField label={c.status === 'CLOSED' ? 'Motivo del cierre' : 'Último cambio de estado'}>
                {c.statusReason ?? row.statusChange.reason ?? (row.statusChange.workOrder ? `Orden ${row.statusChange.workOrder}` : null)}
                <span className="block text-xs text-muted-foreground">
                  {formatDateTime(row.statusChange.at)}
                  {row.statusChange.userEmail ? ` · ${row.statusChange.userEmail}` : ''}
                </span>
              </DetailField>
            ) : null}
          </dl>
        </SectionCard>
        <SectionCard title="Suministro">
          <dl className="grid gap-4 sm:grid-cols-2">
            <DetailField label="Domicilio del suministro">{c.serviceAddress}</DetailField>
            <DetailField label="Localidad">{row.localityName ? `${row.localityName}, ${row.provinceName}` : null}</DetailField>
            <DetailField label="Categoría tarifaria">{row.tariffCategoryName}</DetailField>
            <DetailField label="Medidor">{c.meterNumber ? <span className="font-mono">{c.meterNumber}</span> : 'Sin medidor'}</DetailField>
            {definitions.map((def) => (
              <DetailField key={def.key} label={def.label}>
                {formatAttributeValue(def, c.attributes[def.key])}
              </DetailField>
            ))}
            <DetailField label="Registrada">{formatDateTime(c.createdAt)}</DetailField>
            <DetailField label="Última modificación">{formatDateTime(c.updatedAt)}</DetailField>
          </dl>
        </SectionCard>
        {canOrder ? (
          <SectionCard className="lg:col-span-2" title="Solicitar orden de trabajo" contentClassName="flex flex-wrap gap-2">
            {c.status === 'ACTIVE' ? (
              <Button variant="outline" asChild>
                <Link href={orderHref('DISCONNECTION')}>
                  <Power /> Corte
                </Link>
              </Button>
            ) : null}
            {c.status === 'DISCONNECTED' ? (
              <Button variant="outline" asChild>
                <Link href={orderHref('RECONNECTION')}>
                  <PlugZap /> Reconexión
                </Link>
              </Button>
            ) : null}
            <Button variant="outline" asChild>
              <Link href={orderHref('METER_CHANGE')}>
                <Replace /> Cambio de medidor
              </Link>
            </Button>
            <Button variant="outline" asChild>
              <Link href={orderHref('INSPECTION')}>
                <Search /> Inspección
              </Link>
            </Button>
          </SectionCard>
        ) : null}
        <div className="lg:col-span-2">
          <AccountReadingsSection actor={actor} accountId={c.id} />
        </div>
        <div className="lg:col-span-2">
          <WorkOrdersSection actor={actor} agreement={{ id: a.id, status: a.status, branchId: a.branchId, code: a.code }} accountId={c.id} />
        </div>
      </div>
    </>
  );
}
