import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DetailField } from '@/components/detail-field';
import { AgreementSearch } from '@/components/payments/agreement-search';
import { PaymentForm } from '@/components/payments/payment-form';
import { SectionCard } from '@/components/section-card';
import { PageHeader } from '@/components/shell/page-header';
import { registerPaymentAction } from '@/lib/actions/payments';
import { NotFoundError } from '@/lib/auth/errors';
import { can } from '@/lib/auth/roles';
import { COLLECT_SEARCH_MIN, findAgreementsToCollect } from '@/lib/dal/cash-desk';
import { requirePageActor } from '@/lib/dal/page';
import { getPaymentFormData } from '@/lib/dal/payments';
import { formatMoney } from '@/lib/domain/format';
import { PAYMENT_METHOD_LABELS, PAYMENT_METHODS } from '@/lib/domain/payment-instrument';
import { firstValues, type RawSearchParams } from '@/lib/validation/search-params';

export const metadata: Metadata = { title: 'Registrar pago' };

const crumbs = (extra: { label: string }[] = []) => [{ label: 'Inicio', href: '/' }, { label: 'Cobros', href: '/cobros' }, { label: 'Registrar pago', ...(extra.length ? { href: '/cobros/nuevo' } : {}) }, ...extra];

/** Register a payment: first the agreement (one search box), then its open invoices and the payment. */
export default async function NewPaymentPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor('payments.write');
  const params = firstValues(await searchParams);
  const backHref = can(actor.role, 'cash.use') ? '/caja' : '/cobros';

  if (!params.acuerdo) {
    const q = (params.q ?? '').trim();
    const results = q.length >= COLLECT_SEARCH_MIN ? await findAgreementsToCollect(actor, q) : null;
    return (
      <>
        <PageHeader title="Registrar pago" crumbs={crumbs()} description="Busque el acuerdo que paga y elija Cobrar." />
        <AgreementSearch action="/cobros/nuevo" q={q} results={results} minLength={COLLECT_SEARCH_MIN} />
      </>
    );
  }

  const data = await getPaymentFormData(actor, params.acuerdo).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const { agreement: a } = data;
  const preselected = data.invoices.some((i) => i.id === params.factura) ? [params.factura!] : [];
  return (
    <>
      <PageHeader title={`Registrar pago — ${a.code}`} crumbs={crumbs([{ label: a.code }])} description="El pago se registra confirmado, con su recibo numerado." />
      <SectionCard title="Acuerdo" className="mb-6">
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <DetailField label="Acuerdo">
            <span className="font-mono">{a.code}</span> — {a.name}
          </DetailField>
          <DetailField label="Cliente">
            {a.customerName} <span className="font-mono text-xs text-muted-foreground">{a.documentNumber}</span>
          </DetailField>
          <DetailField label="Sucursal">{a.branchName}</DetailField>
          <DetailField label="Saldo a favor">{formatMoney(data.credit, a.currency)}</DetailField>
        </dl>
        <p className="mt-3 text-sm">
          <Link href={backHref} className="text-primary hover:underline">
            Elegir otro acuerdo
          </Link>
        </p>
      </SectionCard>
      <PaymentForm
        action={registerPaymentAction}
        agreementId={a.id}
        currency={a.currency}
        invoices={data.invoices.map((i) => ({ id: i.id, fiscalNumber: i.fiscalNumber, period: i.period, dueDate: i.dueDate, balance: i.balance, overdue: i.overdue }))}
        totalDue={data.totalDue}
        preselected={preselected}
        methods={PAYMENT_METHODS.map((m) => ({ value: m, label: PAYMENT_METHOD_LABELS[m] }))}
        entities={data.entities}
        // One key per render of the form: a double submit or a retry of this render records one payment.
        idempotencyKey={randomUUID()}
        today={data.today}
        cancelHref={backHref}
      />
    </>
  );
}
