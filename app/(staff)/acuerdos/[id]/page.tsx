import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Clock, FilePlus, Pencil, TriangleAlert } from 'lucide-react';
import { SectionCard } from '@/components/section-card';
import { SuccessAlert } from '@/components/forms/alerts';
import { AgreementGroupsSection } from '@/components/account-groups/agreement-groups-section';
import { AgreementAccountsSection } from '@/components/accounts/agreement-accounts-section';
import { AgreementStatusActions } from '@/components/agreements/agreement-status-actions';
import { describeBillingFrequency } from '@/components/agreements/billing-frequency-text';
import { AgreementStatusBadge, DelinquencyBadge } from '@/components/crm/status-badges';
import { DetailField } from '@/components/detail-field';
import { AgreementDelinquencySection } from '@/components/delinquency/agreement-delinquency-section';
import { formatAttributeValue } from '@/components/forms/dynamic-attribute-fields';
import { AgreementPaymentMethodsSection } from '@/components/payment-methods/agreement-payment-methods-section';
import { AgreementPaymentsSection } from '@/components/payments/agreement-payments-section';
import { AgreementPrintFormatsSection } from '@/components/print-formats/agreement-print-formats-section';
import { PageHeader } from '@/components/shell/page-header';
import { StatementForm } from '@/components/statements/statement-form';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { WorkOrdersSection } from '@/components/work-orders/work-orders-section';
import { changeAgreementStatusAction } from '@/lib/actions/agreements';
import { NotFoundError } from '@/lib/auth/errors';
import { can } from '@/lib/auth/roles';
import { getAgreementDetail } from '@/lib/dal/agreements';
import { requirePageActor } from '@/lib/dal/page';
import { BILLING_MODE_LABELS, BILLING_OPPORTUNITY_LABELS, CURRENCY_LABELS, ITEM_GROUPING_LABELS, type Currency } from '@/lib/domain/billing-frequency';
import { agreementTransition, MIN_REASON_LENGTH } from '@/lib/domain/crm-status';
import { DOCUMENT_TYPE_LABELS, formatDocument } from '@/lib/domain/documents';
import { formatDate, formatDateTime, formatNumber } from '@/lib/domain/format';
import { AGREEMENT_USER_EVENTS } from '@/lib/validation/agreement';

export const metadata: Metadata = { title: 'Acuerdo' };

// Legality only: any reason long enough stands in for the one the dialog will ask for.
const PROBE_REASON = 'x'.repeat(MIN_REASON_LENGTH);

export default async function AgreementPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ creado?: string; actualizado?: string }> }) {
  const { id } = await params;
  const flags = await searchParams;
  const actor = await requirePageActor('agreements.read');
  const row = await getAgreementDetail(actor, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const { agreement: a, customer: c, activationOrder: order } = row;
  const canWrite = can(actor.role, 'agreements.write');
  const events = canWrite ? AGREEMENT_USER_EVENTS.filter((e) => agreementTransition(a.status, e, PROBE_REASON).ok) : [];
  const section = { id: a.id, status: a.status, branchId: a.branchId, code: a.code };

  return (
    <>
      <PageHeader
        title={a.name}
        description={
          <span className="inline-flex items-center gap-2">
            <span className="font-mono">{a.code}</span> <AgreementStatusBadge status={a.status} />
          </span>
        }
        crumbs={[{ label: 'Inicio', href: '/' }, { label: 'Acuerdos', href: '/acuerdos' }, { label: a.code }]}
        actions={
          canWrite && a.status !== 'CLOSED' ? (
            <>
              {a.status === 'ACTIVE' ? (
                <Button variant="outline" asChild>
                  <Link href={`/facturas/nueva?acuerdo=${a.id}`}>
                    <FilePlus /> Nueva factura manual
                  </Link>
                </Button>
              ) : null}
              <Button asChild>
                <Link href={`/acuerdos/${a.id}/editar`}>
                  <Pencil /> Editar
                </Link>
              </Button>
            </>
          ) : undefined
        }
      />
      <div className="mb-4 grid gap-3">
        {flags.creado ? (
          <SuccessAlert>
            Acuerdo registrado en estado Nuevo.{order ? ` Se generó la orden de activación ${order.number};` : ''} el acuerdo quedará activo cuando otro usuario con permiso apruebe la orden.
          </SuccessAlert>
        ) : flags.actualizado ? (
          <SuccessAlert>Cambios guardados.</SuccessAlert>
        ) : null}
        {a.status === 'NEW' && order?.status === 'PENDING' ? (
          <Alert role="note">
            <Clock />
            <AlertDescription>
              <span>
                Pendiente de aprobación de la orden de activación{' '}
                <Link href={`/ordenes/${order.id}`} className="font-medium underline">
                  {order.number}
                </Link>
                .
              </span>
            </AlertDescription>
          </Alert>
        ) : null}
        {a.status === 'NEW' && order?.status === 'REJECTED' ? (
          <Alert variant="destructive" role="note">
            <TriangleAlert />
            <AlertTitle>
              La orden de activación{' '}
              <Link href={`/ordenes/${order.id}`} className="underline">
                {order.number}
              </Link>{' '}
              fue rechazada{order.decidedAt ? ` el ${formatDateTime(order.decidedAt)}` : ''}.
            </AlertTitle>
            <AlertDescription>{order.decisionReason ? `Motivo: ${order.decisionReason}. ` : ''}El acuerdo sigue en estado Nuevo.</AlertDescription>
          </Alert>
        ) : null}
        {events.length ? <AgreementStatusActions code={a.code} events={events} action={changeAgreementStatusAction.bind(null, a.id)} /> : null}
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <SectionCard title="Acuerdo y cliente">
          <dl className="grid gap-4 sm:grid-cols-2">
            <DetailField label="Identificador">
              <span className="font-mono">{a.code}</span>
            </DetailField>
            <DetailField label="Nombre">{a.name}</DetailField>
            <DetailField label="Estado">
              <span className="grid gap-1">
                <span>
                  <AgreementStatusBadge status={a.status} />
                </span>
                {a.statusReason ? <span className="text-muted-foreground">Motivo: {a.statusReason}</span> : null}
              </span>
            </DetailField>
            <DetailField label="Sucursal">{row.branchName}</DetailField>
            <DetailField label="Cliente">
              <Link href={`/clientes/${c.id}`} className="font-medium text-primary hover:underline">
                {c.legalName}
              </Link>
            </DetailField>
            <DetailField label="Número de documento">
              {DOCUMENT_TYPE_LABELS[c.documentType]} {formatDocument(c.documentType, c.documentNumber)}
            </DetailField>
            <DetailField label="Email">{a.email}</DetailField>
            <DetailField label="Registrado">{formatDateTime(a.createdAt)}</DetailField>
            <DetailField label="Última modificación">{formatDateTime(a.updatedAt)}</DetailField>
          </dl>
        </SectionCard>
        <SectionCard title="Domicilio de facturación">
          <dl className="grid gap-4 sm:grid-cols-2">
            <div className="sm:col-span-2">
              <DetailField label="Domicilio de facturación">{a.billingAddress}</DetailField>
            </div>
            <DetailField label="Localidad">{row.localityName}</DetailField>
            <DetailField label="Provincia">{row.provinceName}</DetailField>
          </dl>
        </SectionCard>
        <SectionCard title="Facturación">
          <dl className="grid gap-4 sm:grid-cols-2">
            <DetailField label="Modalidad de facturación">{BILLING_MODE_LABELS[a.billingMode]}</DetailField>
            <DetailField label="Oportunidad de facturación">{BILLING_OPPORTUNITY_LABELS[a.billingOpportunity]}</DetailField>
            <DetailField label="Moneda de facturación">{CURRENCY_LABELS[a.currency as Currency] ?? a.currency}</DetailField>
            <DetailField label="Agrupamiento de ítems imprimibles">{ITEM_GROUPING_LABELS[a.itemGrouping]}</DetailField>
            <div className="sm:col-span-2">
              <DetailField label="Frecuencia de facturación">{describeBillingFrequency(a.billingFrequency, a.anchorMonth)}</DetailField>
            </div>
            <DetailField label="Días de vencimiento">{`${a.dueDays} días`}</DetailField>
            <DetailField label="Días de gracia">{`${a.graceDays} días`}</DetailField>
            <DetailField label="Estado de morosidad">
              <span className="inline-flex flex-wrap items-center gap-2">
                <DelinquencyBadge status={a.delinquencyStatus} />
                {a.delinquencyExempt ? <Badge variant="outline">Exento de morosidad</Badge> : null}
              </span>
            </DetailField>
          </dl>
        </SectionCard>
        <SectionCard title="Condiciones comerciales">
          <dl className="grid gap-4 sm:grid-cols-2">
            <DetailField label="Descuento">{`${formatNumber(a.discountPct, 2)} %`}</DetailField>
            <DetailField label="SLA">{a.slaHours ? `${a.slaHours} ${a.slaHours === 1 ? 'hora' : 'horas'}` : null}</DetailField>
            <div className="sm:col-span-2">
              <DetailField label="Vigencia">{a.validTo ? `Del ${formatDate(a.validFrom)} al ${formatDate(a.validTo)}` : `Desde el ${formatDate(a.validFrom)}, sin fecha de fin`}</DetailField>
            </div>
            <DetailField label="Exento de morosidad">{a.delinquencyExempt ? 'Sí' : 'No'}</DetailField>
          </dl>
        </SectionCard>
        {row.definitions.length ? (
          <SectionCard className="lg:col-span-2" title="Atributos adicionales">
            <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
              {row.definitions.map((def) => (
                <DetailField key={def.key} label={def.label}>
                  {formatAttributeValue(def, a.attributes[def.key])}
                </DetailField>
              ))}
            </dl>
          </SectionCard>
        ) : null}
      </div>

      <div className="mt-6 grid gap-6">
        <AgreementGroupsSection actor={actor} agreement={section} />
        <AgreementAccountsSection actor={actor} agreement={section} />
        <AgreementPaymentMethodsSection actor={actor} agreement={section} />
        <AgreementPaymentsSection actor={actor} agreement={section} />
        <AgreementDelinquencySection actor={actor} agreement={section} />
        <AgreementPrintFormatsSection actor={actor} agreement={section} />
        <StatementForm agreementId={a.id} />
        <WorkOrdersSection actor={actor} agreement={section} />
      </div>
    </>
  );
}
