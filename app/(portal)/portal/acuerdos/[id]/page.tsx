import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CreditCard, TriangleAlert } from 'lucide-react';
import { describeBillingFrequency } from '@/components/agreements/billing-frequency-text';
import { AgreementStatusBadge, DelinquencyBadge } from '@/components/crm/status-badges';
import { DetailField } from '@/components/detail-field';
import { PortalAccountsList } from '@/components/portal/accounts-list';
import { SectionCard } from '@/components/section-card';
import { PageHeader } from '@/components/shell/page-header';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { NotFoundError } from '@/lib/auth/errors';
import { requirePageActor } from '@/lib/dal/page';
import { getPortalAgreement } from '@/lib/dal/portal-agreements';
import { BILLING_MODE_LABELS, BILLING_OPPORTUNITY_LABELS, CURRENCY_LABELS, ITEM_GROUPING_LABELS, type Currency } from '@/lib/domain/billing-frequency';
import { DOCUMENT_TYPE_LABELS, formatDocument } from '@/lib/domain/documents';
import { formatDate, formatMoney, formatNumber } from '@/lib/domain/format';
import { isPositiveAmount } from '@/lib/domain/money';
import { maskInstrument, PAYMENT_METHOD_LABELS } from '@/lib/domain/payment-instrument';

export const metadata: Metadata = { title: 'Acuerdo' };

/** One of the client's agreements, read-only: the seed manual's fields, its groups and accounts. */
export default async function PortalAgreementPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor('portal.use');
  const row = await getPortalAgreement(actor, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const { agreement: a, customer: c } = row;
  const owes = isPositiveAmount(row.balanceDue);
  const ungrouped = row.accounts.filter((acc) => !acc.groupId);
  return (
    <>
      <PageHeader
        title={a.name}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <span className="font-mono">{a.code}</span> <AgreementStatusBadge status={a.status} />
          </span>
        }
        crumbs={[{ label: 'Mi cuenta', href: '/portal' }, { label: 'Acuerdos y cuentas', href: '/portal/acuerdos' }, { label: a.code }]}
        actions={
          owes ? (
            <Button asChild>
              <Link href={`/portal/pagar?acuerdo=${a.id}`}>
                <CreditCard aria-hidden /> Pagar {formatMoney(row.balanceDue, a.currency)}
              </Link>
            </Button>
          ) : undefined
        }
      />
      {row.banner ? (
        <Alert variant="destructive" className="mb-4" data-testid="delinquency-banner">
          <TriangleAlert />
          <AlertTitle>Aviso de morosidad</AlertTitle>
          <AlertDescription>{row.banner}</AlertDescription>
        </Alert>
      ) : null}

      <div className="grid gap-4 lg:grid-cols-2">
        <SectionCard title="Acuerdo">
          <dl className="grid gap-4 sm:grid-cols-2">
            <DetailField label="Identificador">
              <span className="font-mono">{a.code}</span>
            </DetailField>
            <DetailField label="Nombre">{a.name}</DetailField>
            <DetailField label="Cliente">{c.legalName}</DetailField>
            <DetailField label="Número de documento">
              {DOCUMENT_TYPE_LABELS[c.documentType]} {formatDocument(c.documentType, c.documentNumber)}
            </DetailField>
            <DetailField label="Sucursal">{row.branchName}</DetailField>
            <DetailField label="Email de contacto">{a.email}</DetailField>
            <div className="sm:col-span-2">
              <DetailField label="Domicilio de facturación">{[a.billingAddress, row.localityName, row.provinceName].join(', ')}</DetailField>
            </div>
          </dl>
        </SectionCard>
        <SectionCard title="Facturación">
          <dl className="grid gap-4 sm:grid-cols-2">
            <DetailField label="Modalidad de facturación">{BILLING_MODE_LABELS[a.billingMode]}</DetailField>
            <DetailField label="Oportunidad de facturación">{BILLING_OPPORTUNITY_LABELS[a.billingOpportunity]}</DetailField>
            <DetailField label="Moneda de facturación">{CURRENCY_LABELS[a.currency as Currency] ?? a.currency}</DetailField>
            <DetailField label="Agrupamiento de ítems imprimibles">{ITEM_GROUPING_LABELS[a.itemGrouping]}</DetailField>
            <DetailField label="Frecuencia de facturación">{describeBillingFrequency(a.billingFrequency, a.anchorMonth)}</DetailField>
            <DetailField label="Días de vencimiento">{`${a.dueDays} días`}</DetailField>
            <DetailField label="Días de gracia">{`${a.graceDays} días`}</DetailField>
            <DetailField label="Estado de morosidad">
              <span className="inline-flex flex-wrap items-center gap-2">
                <DelinquencyBadge status={a.delinquencyStatus} />
                {row.levelName ? <span className="text-muted-foreground">{row.levelName}</span> : null}
                {a.delinquencyExempt ? <Badge variant="outline">Exento de morosidad</Badge> : null}
              </span>
            </DetailField>
            <DetailField label="Saldo pendiente">{owes ? formatMoney(row.balanceDue, a.currency) : 'Sin saldo pendiente'}</DetailField>
          </dl>
        </SectionCard>
        <SectionCard title="Condiciones comerciales">
          <dl className="grid gap-4 sm:grid-cols-2">
            <DetailField label="Descuento">{`${formatNumber(a.discountPct, 2)} %`}</DetailField>
            <DetailField label="SLA">{a.slaHours ? `${a.slaHours} ${a.slaHours === 1 ? 'hora' : 'horas'}` : null}</DetailField>
            <div className="sm:col-span-2">
              <DetailField label="Vigencia">{a.validTo ? `Del ${formatDate(a.validFrom)} al ${formatDate(a.validTo)}` : `Desde el ${formatDate(a.validFrom)}, sin fecha de fin`}</DetailField>
            </div>
          </dl>
        </SectionCard>
        <SectionCard title="Medios de pago">
          {row.paymentMethods.length === 0 ? (
            <p className="text-sm text-muted-foreground">Sin medios de pago registrados.</p>
          ) : (
            <ul className="grid gap-2 text-sm">
              {row.paymentMethods.map((m) => (
                <li key={m.id} className="flex flex-wrap items-center justify-between gap-2">
                  <span>
                    {PAYMENT_METHOD_LABELS[m.method]}
                    {m.entityName ? ` · ${m.entityName}` : ''}
                    {m.instrumentLast4 ? <span className="font-mono"> {maskInstrument(m.instrumentLast4)}</span> : null}
                    {m.expiryMonth && m.expiryYear ? <span className="text-muted-foreground"> · vence {`${String(m.expiryMonth).padStart(2, '0')}/${m.expiryYear}`}</span> : null}
                  </span>
                  {m.isDefault ? <Badge variant="secondary">Predeterminado</Badge> : null}
                </li>
              ))}
            </ul>
          )}
        </SectionCard>
      </div>

      <div className="mt-6 grid gap-6">
        {row.groups.map((g) => {
          const inGroup = row.accounts.filter((acc) => acc.groupId === g.id);
          return (
            <SectionCard
              key={g.id}
              title={
                <span className="flex flex-wrap items-center gap-2">
                  Grupo {g.name} <AgreementStatusBadge status={g.status} />
                </span>
              }
              description={
                <span className="grid gap-0.5">
                  <span className="font-mono">{g.code}</span>
                  <span>Facturación: {g.billingAddress}</span>
                  {g.deliveryAddress ? <span>Entrega: {g.deliveryAddress}</span> : null}
                  {g.email ? <span className="wrap-anywhere">Email: {g.email}</span> : null}
                </span>
              }
            >
              {inGroup.length === 0 ? <p className="text-sm text-muted-foreground">El grupo no tiene cuentas.</p> : <PortalAccountsList rows={inGroup} />}
            </SectionCard>
          );
        })}
        {ungrouped.length || row.groups.length === 0 ? (
          <SectionCard title={row.groups.length ? 'Cuentas sin grupo' : 'Cuentas'} description={`${row.accounts.length} ${row.accounts.length === 1 ? 'cuenta' : 'cuentas'} en el acuerdo.`}>
            {ungrouped.length === 0 ? <p className="text-sm text-muted-foreground">El acuerdo aún no tiene cuentas.</p> : <PortalAccountsList rows={ungrouped} />}
          </SectionCard>
        ) : null}
      </div>
    </>
  );
}
