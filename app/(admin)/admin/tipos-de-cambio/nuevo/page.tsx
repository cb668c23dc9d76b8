import type { Metadata } from 'next';
import Link from 'next/link';
import { History } from 'lucide-react';
import { ExchangeRateForm } from '@/components/admin-catalogs/exchange-rate-form';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { saveExchangeRateAction } from '@/lib/actions/catalogs';
import { NotFoundError } from '@/lib/auth/errors';
import { exchangeRateAuditId, getExchangeRate } from '@/lib/dal/exchange-rates';
import { requirePageActor } from '@/lib/dal/page';
import { formatDate, toLocalDateString } from '@/lib/domain/format';
import { money } from '@/lib/domain/money';
import { firstValues, type RawSearchParams } from '@/lib/validation/search-params';
import { RATE_CURRENCY_OPTIONS } from '../options';

export const metadata: Metadata = { title: 'Registrar tipo de cambio' };

/** New rate, or (with ?fecha=&moneda=) the correction of one already recorded. */
export default async function ExchangeRateFormPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor('admin.catalogs');
  const raw = firstValues(await searchParams);
  const existing =
    raw.fecha && raw.moneda
      ? await getExchangeRate(actor, raw.fecha, raw.moneda).catch((e) => (e instanceof NotFoundError ? null : Promise.reject(e)))
      : null;
  const title = existing ? `Corregir tipo de cambio ${existing.currency} del ${formatDate(existing.date)}` : 'Registrar tipo de cambio';
  return (
    <>
      <PageHeader
        title={title}
        crumbs={[{ label: 'Administración', href: '/admin' }, { label: 'Tipos de cambio', href: '/admin/tipos-de-cambio' }, { label: existing ? 'Corregir' : 'Registrar' }]}
        actions={
          existing ? (
            <Button variant="outline" asChild>
              <Link href={`/admin/audit?entity=exchange_rate&entityId=${encodeURIComponent(exchangeRateAuditId(existing.date, existing.currency))}`}>
                <History /> Ver historial
              </Link>
            </Button>
          ) : undefined
        }
      />
      <ExchangeRateForm
        action={saveExchangeRateAction}
        initial={existing ? { date: existing.date, currency: existing.currency, rate: money(existing.rate).toString() } : { date: toLocalDateString(new Date()), currency: 'USD' }}
        currencies={RATE_CURRENCY_OPTIONS}
        cancelHref="/admin/tipos-de-cambio"
      />
    </>
  );
}
