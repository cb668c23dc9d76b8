import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { getSandboxCheckout } from '@/lib/dal/checkouts';
import { formatDateTime, formatMoney, formatPeriod } from '@/lib/domain/format';

export const metadata: Metadata = { title: 'Pasarela de pagos de prueba', robots: { index: false } };
export const dynamic = 'force-dynamic';

/**
 * The sandbox provider's hosted payment page: public and outside the staff/portal shells, as a
 * real provider's site would be. Only a PENDING, unexpired sandbox checkout opens; anything else is 404.
 */
export default async function SandboxCheckoutPage({ params }: { params: Promise<{ checkoutId: string }> }) {
  const { checkoutId } = await params;
  const checkout = await getSandboxCheckout(checkoutId);
  if (!checkout) notFound();
  const action = `/pasarela/sandbox/${checkout.id}/decision`;
  return (
    <main className="flex min-h-dvh items-center justify-center bg-slate-100 p-4">
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white shadow-sm">
        <div className="rounded-t-xl border-b border-dashed border-amber-400 bg-amber-50 px-6 py-2 text-center text-xs font-medium uppercase tracking-wide text-amber-800">
          Entorno de prueba: no se mueve dinero real
        </div>
        <div className="grid gap-5 p-6">
          <div>
            <h1 className="text-lg font-semibold text-slate-900">Pasarela de pagos de prueba</h1>
            <p className="text-sm text-slate-500">Pago a {checkout.merchant}</p>
          </div>
          <div className="rounded-lg bg-slate-50 p-4 text-center">
            <div className="text-xs uppercase tracking-wide text-slate-500">Importe a pagar</div>
            <div className="text-3xl font-semibold tabular-nums text-slate-900" data-testid="sandbox-amount">
              {formatMoney(checkout.amount, checkout.currency)}
            </div>
            <div className="text-xs text-slate-500">Moneda: {checkout.currency}</div>
          </div>
          <div>
            <h2 className="mb-2 text-sm font-medium text-slate-700">Facturas</h2>
            <ul className="grid gap-1 text-sm">
              {checkout.invoices.map((i) => (
                <li key={i.fiscalNumber ?? i.period} className="flex justify-between gap-2 font-mono">
                  <span>{i.fiscalNumber ?? '—'}</span>
                  <span className="font-sans text-slate-500">{i.period ? formatPeriod(i.period) : ''}</span>
                </li>
              ))}
            </ul>
          </div>
          <form method="post" action={action} className="grid gap-2">
            <Button type="submit" name="decision" value="approve" size="lg">
              Aprobar
            </Button>
            <Button type="submit" name="decision" value="approve-delayed" variant="outline">
              Aprobar con confirmación diferida
            </Button>
            <Button type="submit" name="decision" value="decline" variant="destructive">
              Rechazar
            </Button>
          </form>
          <p className="text-xs text-slate-500">
            La confirmación diferida envía el webhook unos 5 segundos después de volver al comercio. Esta página vence el {formatDateTime(checkout.expiresAt)}.
          </p>
        </div>
      </div>
    </main>
  );
}
