import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DetailField } from '@/components/detail-field';
import { BlockedNotice } from '@/components/forms/blocked-notice';
import { NewDraftForm } from '@/components/invoice-documents/new-draft-form';
import { InvoiceClassBadge } from '@/components/invoices/invoice-badges';
import { SectionCard } from '@/components/section-card';
import { PageHeader } from '@/components/shell/page-header';
import { createManualDraftAction } from '@/lib/actions/invoice-documents';
import { NotFoundError } from '@/lib/auth/errors';
import { previewManualInvoice } from '@/lib/dal/invoice-documents';
import { requirePageActor } from '@/lib/dal/page';
import { ITEM_GROUPING_LABELS } from '@/lib/domain/billing-frequency';
import { INVOICE_CLASS_LABELS } from '@/lib/domain/billing/invoice-class';
import { formatNumber } from '@/lib/domain/format';

export const metadata: Metadata = { title: 'Nueva factura manual' };

const crumbs = [{ label: 'Inicio', href: '/' }, { label: 'Facturas', href: '/facturas' }, { label: 'Nueva factura manual' }];

export default async function NewManualInvoicePage({ searchParams }: { searchParams: Promise<{ acuerdo?: string | string[] }> }) {
  const actor = await requirePageActor('billing.write');
  const raw = (await searchParams).acuerdo;
  const agreementId = Array.isArray(raw) ? raw[0] : raw;

  if (!agreementId) {
    return (
      <>
        <PageHeader title="Nueva factura manual" description="Cargos puntuales de un acuerdo: se crea un borrador, se agregan las líneas y se emite." crumbs={crumbs} />
        <NewDraftForm action={createManualDraftAction} cancelHref="/facturas" />
      </>
    );
  }

  const plan = await previewManualInvoice(actor, agreementId).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const a = plan.agreement;
  return (
    <>
      <PageHeader title="Nueva factura manual" description={`Acuerdo ${a.code} — ${a.name}`} crumbs={crumbs} />
      <div className="grid max-w-3xl gap-6">
        <SectionCard title="La factura" description="Se crea como borrador: podrá agregar y quitar líneas antes de emitirla.">
          <dl className="grid gap-4 sm:grid-cols-2">
            <DetailField label="Cliente">{a.customerName}</DetailField>
            <DetailField label="Acuerdo">
              <span className="font-mono">{a.code}</span> — {a.name}
            </DetailField>
            <DetailField label="Clase">
              <span className="inline-flex items-center gap-2">
                <InvoiceClassBadge invoiceClass={plan.invoiceClass} /> {INVOICE_CLASS_LABELS[plan.invoiceClass]}
              </span>
            </DetailField>
            <DetailField label="Punto de venta">{plan.pointOfSale ? String(plan.pointOfSale.number).padStart(5, '0') : null}</DetailField>
            <DetailField label="Moneda">{a.currency === 'DOP' ? 'DOP' : `${a.currency} (tasa ${plan.exchangeRate ? formatNumber(plan.exchangeRate, 4) : '—'})`}</DetailField>
            <DetailField label="Vencimiento">{`${a.dueDays} días desde la emisión`}</DetailField>
            <DetailField label="Agrupamiento de ítems">{ITEM_GROUPING_LABELS[a.itemGrouping]}</DetailField>
            <div className="sm:col-span-2">
              <DetailField label="Domicilio de facturación">{a.billingAddress}</DetailField>
            </div>
          </dl>
        </SectionCard>
        {plan.blocked ? (
          <BlockedNotice message={plan.blocked} backHref={`/acuerdos/${a.id}`} backLabel="Volver al acuerdo" />
        ) : (
          <NewDraftForm action={createManualDraftAction} agreementId={a.id} cancelHref={`/acuerdos/${a.id}`} />
        )}
      </div>
    </>
  );
}
