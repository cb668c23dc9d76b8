import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Gauge, Pencil } from 'lucide-react';
import { SuccessAlert } from '@/components/forms/alerts';
import { AddButton } from '@/components/add-button';
import { SectionCard } from '@/components/section-card';
import { AccountsTable } from '@/components/accounts/accounts-table';
import { AgreementStatusBadge } from '@/components/crm/status-badges';
import { DetailField } from '@/components/detail-field';
import { formatAttributeValue } from '@/components/forms/dynamic-attribute-fields';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { WorkOrdersSection } from '@/components/work-orders/work-orders-section';
import { NotFoundError } from '@/lib/auth/errors';
import { can } from '@/lib/auth/roles';
import { accountGroupAttributeDefinitions, getAccountGroup } from '@/lib/dal/account-groups';
import { listAgreementAccounts } from '@/lib/dal/accounts';
import { requirePageActor } from '@/lib/dal/page';
import { formatDateTime } from '@/lib/domain/format';

export const metadata: Metadata = { title: 'Grupo de cuentas' };

const SHOWN = 20;

export default async function AccountGroupPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; groupId: string }>;
  searchParams: Promise<{ creado?: string; actualizado?: string }>;
}) {
  const { id, groupId } = await params;
  const flags = await searchParams;
  const actor = await requirePageActor('agreements.read');
  const row = await getAccountGroup(actor, groupId).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  // The URL names the agreement too: a group reached under another agreement's URL does not exist.
  if (row.group.agreementId !== id) notFound();
  const g = row.group;
  const a = row.agreement;
  const [{ rows, total }, definitions] = await Promise.all([listAgreementAccounts(actor, a.id, { groupId: g.id, limit: SHOWN }), accountGroupAttributeDefinitions(actor)]);
  const canWrite = can(actor.role, 'agreements.write') && a.status !== 'CLOSED' && g.status !== 'CLOSED';
  const newAccountHref = `/cuentas/nueva?acuerdo=${a.id}&grupo=${g.id}`;
  const allHref = `/cuentas?acuerdo=${a.id}&grupo=${g.id}`;

  return (
    <>
      <PageHeader
        title={g.name}
        description={<span className="font-mono">{g.code}</span>}
        crumbs={[{ label: 'Inicio', href: '/' }, { label: 'Acuerdos', href: '/acuerdos' }, { label: a.code, href: `/acuerdos/${a.id}` }, { label: `Grupo ${g.code}` }]}
        actions={
          canWrite ? (
            <Button asChild>
              <Link href={`/acuerdos/${a.id}/grupos/${g.id}/editar`}>
                <Pencil /> Editar
              </Link>
            </Button>
          ) : undefined
        }
      />
      {flags.creado || flags.actualizado ? (
        <SuccessAlert className="mb-4">
          {flags.creado ? 'Grupo creado. Quedó en estado Nuevo con su orden de activación pendiente de aprobación.' : 'Cambios guardados.'}
        </SuccessAlert>
      ) : null}
      <div className="grid gap-4">
        <SectionCard title="Datos del grupo">
          <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            <DetailField label="Identificador">
              <span className="font-mono">{g.code}</span>
            </DetailField>
            <DetailField label="Nombre">{g.name}</DetailField>
            <DetailField label="Estado">
              <AgreementStatusBadge status={g.status} />
              {g.statusReason ? <span className="ml-2 text-muted-foreground">{g.statusReason}</span> : null}
            </DetailField>
            <DetailField label="Acuerdo">
              <Link href={`/acuerdos/${a.id}`} className="text-primary hover:underline">
                <span className="font-mono">{a.code}</span> — {a.name}
              </Link>
            </DetailField>
            <DetailField label="Sucursal">{row.branchName}</DetailField>
            <DetailField label="Email">{g.email}</DetailField>
            <DetailField label="Domicilio de facturación">{g.billingAddress}</DetailField>
            <DetailField label="Domicilio de entrega">{g.deliveryAddress}</DetailField>
            {definitions.map((def) => (
              <DetailField key={def.key} label={def.label}>
                {formatAttributeValue(def, g.attributes[def.key])}
              </DetailField>
            ))}
            <DetailField label="Registrado">{formatDateTime(g.createdAt)}</DetailField>
            <DetailField label="Última modificación">{formatDateTime(g.updatedAt)}</DetailField>
          </dl>
        </SectionCard>

        <SectionCard
          id="cuentas"
          title="Cuentas del grupo"
          description={total === 0 ? 'Todavía no hay cuentas en este grupo.' : `${total.toLocaleString('es-DO')} ${total === 1 ? 'cuenta' : 'cuentas'}.`}
          action={canWrite && total > 0 ? <AddButton href={newAccountHref} size="sm">Nueva cuenta</AddButton> : null}
          contentClassName="grid gap-3"
        >
          {total === 0 ? (
            <EmptyState
              icon={Gauge}
              title="Este grupo no tiene cuentas"
              description={canWrite ? 'Registre una cuenta del acuerdo directamente en este grupo.' : undefined}
              action={canWrite ? <AddButton href={newAccountHref}>Nueva cuenta en el grupo</AddButton> : undefined}
            />
          ) : (
            <>
              <AccountsTable rows={rows} showAgreement={false} showGroup={false} />
              {total > rows.length ? (
                <div className="text-sm text-muted-foreground">
                  Mostrando {rows.length} de {total.toLocaleString('es-DO')}.{' '}
                  <Link href={allHref} className="font-medium text-primary hover:underline">
                    Ver todas
                  </Link>
                </div>
              ) : null}
            </>
          )}
        </SectionCard>

        <WorkOrdersSection actor={actor} agreement={{ id: a.id, status: a.status, branchId: a.branchId, code: a.code }} accountGroupId={g.id} />
      </div>
    </>
  );
}
