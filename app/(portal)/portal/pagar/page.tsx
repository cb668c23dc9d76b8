import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CircleCheck, Info } from 'lucide-react';
import { FormErrorAlert } from '@/components/forms/alerts';
import { PayInvoicesForm } from '@/components/portal/pay-invoices-form';
import { SectionCard } from '@/components/section-card';
import { PageHeader } from '@/components/shell/page-header';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { NotFoundError } from '@/lib/auth/errors';
import { requirePageActor } from '@/lib/dal/page';
import { portalPaymentForm } from '@/lib/dal/portal';
import { formatMoney } from '@/lib/domain/format';
import { firstValues, type RawSearchParams } from '@/lib/validation/search-params';
import { startPortalCheckoutAction } from './actions';

export const metadata: Metadata = { title: 'Pagar en línea' };

const ERRORS: Record<string, string> = {
  facturas: 'Alguna de las facturas elegidas ya no está pendiente de pago. Revise la lista e intente de nuevo.',
  pasarela: 'No se pudo iniciar el pago en la pasarela. Intente de nuevo en unos minutos.',
  'no-encontrado': 'No se encontró la factura o el acuerdo elegido.',
};

const crumbs = [{ label: 'Mi cuenta', href: '/portal' }, { label: 'Pagar en línea' }];

/**
 * Pay open invoices of one of the client's agreements through the payment gateway:
 * `?acuerdo=` chooses the agreement, `?factura=` comes from an invoice and preselects it.
 */
export default async function PortalPayPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor('portal.use');
  const params = firstValues(await searchParams);
  const data = await portalPaymentForm(actor, { agreementId: params.acuerdo || undefined, invoiceId: params.factura || undefined }).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const error = params.error ? ERRORS[params.error] : undefined;

  if (!data.selected) {
    return (
      <>
        <PageHeader title="Pagar en línea" crumbs={crumbs} />
        <FormErrorAlert message={error} />
        <EmptyState
          icon={CircleCheck}
          title="No tiene facturas pendientes de pago"
          description="Cuando se emita una factura con saldo podrá pagarla aquí con tarjeta."
          action={
            <Button variant="outline" asChild>
              <Link href="/portal/facturas">Ver mis facturas</Link>
            </Button>
          }
        />
      </>
    );
  }

  const { agreement, invoices, totalDue } = data.selected;
  const listed = data.agreements.some((a) => a.id === agreement.id);
  return (
    <>
      <PageHeader title="Pagar en línea" description="Elija las facturas; completará el pago en la página segura de la pasarela y volverá aquí." crumbs={crumbs} />
      <div className="grid max-w-3xl grid-cols-1 gap-4">
        <FormErrorAlert message={error} />
        {data.notPayable !== null ? (
          <Alert role="status">
            <Info />
            <AlertDescription>La factura {data.notPayable} ya no tiene saldo pendiente de pago.</AlertDescription>
          </Alert>
        ) : null}
        {data.agreements.length > 1 || !listed ? (
          <form className="flex flex-col gap-2 sm:flex-row sm:items-end" action="/portal/pagar">
            <div className="grid flex-1 gap-2">
              <label htmlFor="acuerdo" className="text-sm font-medium">
                Acuerdo
              </label>
              <NativeSelect id="acuerdo" name="acuerdo" defaultValue={agreement.id}>
                {listed ? null : (
                  <NativeSelectOption value={agreement.id}>
                    {agreement.code} — {agreement.name} (sin saldo)
                  </NativeSelectOption>
                )}
                {data.agreements.map((a) => (
                  <NativeSelectOption key={a.id} value={a.id}>
                    {a.code} — {a.name}: {formatMoney(a.due, a.currency)}
                  </NativeSelectOption>
                ))}
              </NativeSelect>
            </div>
            <Button type="submit" variant="outline">
              Ver facturas
            </Button>
          </form>
        ) : null}
        <SectionCard
          title={
            <span>
              <span className="font-mono">{agreement.code}</span> — {agreement.name}
            </span>
          }
          description={
            invoices.length ? (
              <>
                Pendiente en el acuerdo: <span className="whitespace-nowrap tabular-nums">{formatMoney(totalDue, agreement.currency)}</span>
              </>
            ) : undefined
          }
        >
          {invoices.length === 0 ? (
            <p className="text-sm text-muted-foreground">Este acuerdo no tiene facturas pendientes de pago.</p>
          ) : (
            <PayInvoicesForm action={startPortalCheckoutAction} agreementId={agreement.id} currency={agreement.currency} invoices={invoices} preselected={data.preselected} />
          )}
        </SectionCard>
      </div>
    </>
  );
}
