import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BlockedNotice } from '@/components/forms/blocked-notice';
import { DebitNoteForm } from '@/components/invoice-documents/debit-note-form';
import { PageHeader } from '@/components/shell/page-header';
import { createDebitNoteAction } from '@/lib/actions/invoice-documents';
import { NotFoundError } from '@/lib/auth/errors';
import { getNoteContext } from '@/lib/dal/invoice-documents';
import { requirePageActor } from '@/lib/dal/page';
import { FISCAL_DOC_TYPE_LABELS } from '@/lib/domain/billing/fiscal-number';
import { DEBIT_NOTE_ROWS } from '@/lib/validation/invoice-documents';

export const metadata: Metadata = { title: 'Nota de débito' };

export default async function DebitNotePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor('billing.write');
  const ctx = await getNoteContext(actor, id, 'DEBIT_NOTE').catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const inv = ctx.invoice;
  const label = `${FISCAL_DOC_TYPE_LABELS[inv.docType]} ${inv.fiscalNumber ?? ''}`.trim();
  return (
    <>
      <PageHeader
        title="Nota de débito"
        description={`Cargos adicionales sobre ${label}; la nota tiene su propio saldo y vencimiento. El descuento del acuerdo no se aplica.`}
        crumbs={[{ label: 'Inicio', href: '/' }, { label: 'Facturas', href: '/facturas' }, { label: inv.fiscalNumber ?? 'Borrador', href: `/facturas/${inv.id}` }, { label: 'Nota de débito' }]}
      />
      {ctx.blocked ? (
        <BlockedNotice message={ctx.blocked} backHref={`/facturas/${inv.id}`} backLabel="Volver al documento" />
      ) : (
        <DebitNoteForm action={createDebitNoteAction} invoiceId={inv.id} currency={inv.currency} concepts={ctx.concepts} accounts={ctx.accounts} rows={DEBIT_NOTE_ROWS} cancelHref={`/facturas/${inv.id}`} />
      )}
    </>
  );
}
