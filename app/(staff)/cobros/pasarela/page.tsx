import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { FormErrorAlert } from '@/components/forms/alerts';
import { SectionCard } from '@/components/section-card';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { NotFoundError } from '@/lib/auth/errors';
import { requirePageActor } from '@/lib/dal/page';
import { getPaymentFormData } from '@/lib/dal/payments';
import { formatDate, formatMoney, formatPeriod } from '@/lib/domain/format';
import { firstValues, type RawSearchParams } from '@/lib/validation/search-params';
import { startGatewayCheckoutAction } from './actions';

export const metadata: Metadata = { title: 'Pago en línea' };

const ERRORS: Record<string, string> = {
  facturas: 'Elija al menos una factura pendiente de pago.',
  pasarela: 'No se pudo iniciar el pago en la pasarela. Revise las facturas elegidas e intente de nuevo.',
};

const crumbs = [{ label: 'Inicio', href: '/' }, { label: 'Cobros', href: '/cobros' }, { label: 'Pago en línea' }];

/** Pay chosen open invoices of an agreement through the payment gateway (the configured provider). */
export default async function GatewayCheckoutPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor('payments.write');
  const params = firstValues(await searchParams);
  if (!params.acuerdo) {
    return (
      <>
        <PageHeader title="Pago en línea" crumbs={crumbs} />
        <p className="text-sm text-muted-foreground">
          Busque el acuerdo en{' '}
          <Link href="/cobros/nuevo" className="text-primary hover:underline">
            Registrar pago
          </Link>{' '}
          y abra esta página con su acuerdo (<span className="font-mono">/cobros/pasarela?acuerdo=…</span>).
        </p>
      </>
    );
  }
  const data = await getPaymentFormData(actor, params.acuerdo).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const { agreement: a } = data;
  return (
    <>
      <PageHeader title={`Pago en línea — ${a.code}`} crumbs={crumbs} description={`${a.name} · ${a.customerName} · ${a.branchName}`} />
      <SectionCard title="Facturas a pagar" description="Elija las facturas; el pagador completa el pago en la página de la pasarela y el cobro se registra cuando la pasarela lo confirma.">
        <form action={startGatewayCheckoutAction} className="grid gap-4">
          <FormErrorAlert message={params.error ? ERRORS[params.error] : undefined} />
          <input type="hidden" name="agreementId" value={a.id} />
          {data.invoices.length === 0 ? (
            <p className="text-sm text-muted-foreground">El acuerdo no tiene facturas pendientes.</p>
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead className="w-10">
                    <span className="sr-only">Elegir</span>
                  </TableHead>
                  <TableHead>Factura</TableHead>
                  <TableHead>Período</TableHead>
                  <TableHead>Vence</TableHead>
                  <TableHead className="text-right">Saldo</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.invoices.map((i) => (
                  <TableRow key={i.id}>
                    <TableCell>
                      <input type="checkbox" name="invoiceIds[]" value={i.id} aria-label={`Pagar la factura ${i.fiscalNumber ?? ''}`} className="size-4" />
                    </TableCell>
                    <TableCell className="font-mono">{i.fiscalNumber}</TableCell>
                    <TableCell>{i.period ? formatPeriod(i.period) : '—'}</TableCell>
                    <TableCell className={i.overdue ? 'text-destructive' : undefined}>{i.dueDate ? formatDate(i.dueDate) : '—'}</TableCell>
                    <TableCell className="text-right tabular-nums">{formatMoney(i.balance, a.currency)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={data.invoices.length === 0}>
              Pagar con la pasarela
            </Button>
            <Button variant="outline" asChild>
              <Link href={`/cobros/nuevo?acuerdo=${a.id}`}>Registrar pago en caja</Link>
            </Button>
          </div>
        </form>
      </SectionCard>
    </>
  );
}
