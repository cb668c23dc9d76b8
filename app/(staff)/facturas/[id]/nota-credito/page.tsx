import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DetailField } from '@/components/detail-field';
import { BlockedNotice } from '@/components/forms/blocked-notice';
import { CreditNoteForm } from '@/components/invoice-documents/credit-note-form';
import { SectionCard } from '@/components/section-card';
import { PageHeader } from '@/components/shell/page-header';
import { createCreditNoteAction } from '@/lib/actions/invoice-documents';
import { NotFoundError } from '@/lib/auth/errors';
import { getNoteContext } from '@/lib/dal/invoice-documents';
import { requirePageActor } from '@/lib/dal/page';
import { FISCAL_DOC_TYPE_LABELS } from '@/lib/domain/billing/fiscal-number';
import { formatMoney } from '@/lib/domain/format';
import { money } from '@/lib/domain/money';

export const metadata: Metadata = { title: 'Nota de crédito' };

export default async function CreditNotePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor('billing.write');
  const ctx = await getNoteContext(actor, id, 'CREDIT_NOTE').catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const inv = ctx.invoice;
  const m = (v: string) => formatMoney(v, inv.currency);
  const nothingLeft = money(ctx.creditable).lessThanOrEqualTo(0);
  const fullVoids = money(ctx.creditable).plus(ctx.credited).greaterThanOrEqualTo(inv.total);
  const label = `${FISCAL_DOC_TYPE_LABELS[inv.docType]} ${inv.fiscalNumber ?? ''}`.trim();

  return (
    <>
      <PageHeader
        title="Nota de crédito"
        description={`Sobre ${label}`}
        crumbs={[{ label: 'Inicio', href: '/' }, { label: 'Facturas', href: '/facturas' }, { label: inv.fiscalNumber ?? 'Borrador', href: `/facturas/${inv.id}` }, { label: 'Nota de crédito' }]}
      />
      <div className="grid gap-6">
        <SectionCard title="Documento acreditado">
          <dl className="grid gap-4 sm:grid-cols-4">
            <DetailField label="Total">{m(inv.total)}</DetailField>
            <DetailField label="Saldo pendiente">{m(inv.balance)}</DetailField>
            <DetailField label="Ya acreditado">{m(ctx.credited)}</DetailField>
            <DetailField label="Máximo a acreditar">{m(ctx.creditable)}</DetailField>
          </dl>
        </SectionCard>
        {ctx.blocked || nothingLeft ? (
          <BlockedNotice message={ctx.blocked ?? 'No queda nada por acreditar en este documento.'} backHref={`/facturas/${inv.id}`} backLabel="Volver al documento" />
        ) : (
          <CreditNoteForm
            action={createCreditNoteAction}
            invoiceId={inv.id}
            currency={inv.currency}
            lines={ctx.lines.map((l) => ({ lineNo: l.lineNo, conceptCode: l.conceptCode, description: l.description, accountNumber: l.accountNumber, total: l.total, remaining: l.remaining.total }))}
            creditable={ctx.creditable}
            fullVoids={fullVoids}
            cancelHref={`/facturas/${inv.id}`}
          />
        )}
      </div>
    </>
  );
}
