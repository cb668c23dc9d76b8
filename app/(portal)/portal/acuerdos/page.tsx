import type { Metadata } from 'next';
import Link from 'next/link';
import { Handshake, Search } from 'lucide-react';
import { AgreementStatusBadge, DelinquencyBadge } from '@/components/crm/status-badges';
import { PortalAccountsList } from '@/components/portal/accounts-list';
import { SectionCard } from '@/components/section-card';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Input } from '@/components/ui/input';
import { requirePageActor } from '@/lib/dal/page';
import { ACCOUNT_SEARCH_LIMIT, listPortalAgreements, searchPortalAccounts } from '@/lib/dal/portal-agreements';
import { BILLING_MODE_LABELS } from '@/lib/domain/billing-frequency';
import { formatMoney } from '@/lib/domain/format';
import { isPositiveAmount } from '@/lib/domain/money';
import { firstValues, type RawSearchParams } from '@/lib/validation/search-params';

export const metadata: Metadata = { title: 'Acuerdos y cuentas' };

/** The client's agreements (cards) and a search over all its accounts by number, meter or address. */
export default async function PortalAgreementsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor('portal.use');
  const q = (firstValues(await searchParams).q ?? '').trim().slice(0, 100);
  const [agreements, found] = await Promise.all([listPortalAgreements(actor), q ? searchPortalAccounts(actor, q) : Promise.resolve(null)]);
  return (
    <>
      <PageHeader title="Acuerdos y cuentas" description="Sus acuerdos de facturación, sus grupos de cuentas y sus cuentas de servicio." crumbs={[{ label: 'Mi cuenta', href: '/portal' }, { label: 'Acuerdos y cuentas' }]} />
      {agreements.length === 0 ? (
        <EmptyState icon={Handshake} title="No tiene acuerdos registrados" description="Cuando la empresa de agua registre un acuerdo de facturación a su nombre, aparecerá aquí." />
      ) : (
        <div className="grid gap-6">
          <form role="search" className="flex max-w-xl flex-col gap-2 sm:flex-row" action="/portal/acuerdos">
            <label htmlFor="q" className="sr-only">
              Buscar cuenta
            </label>
            <Input id="q" name="q" defaultValue={q} placeholder="Número de cuenta, medidor o dirección" maxLength={100} />
            <Button type="submit" variant="outline">
              <Search aria-hidden /> Buscar cuenta
            </Button>
          </form>

          {found ? (
            <SectionCard
              title={`Cuentas que coinciden con «${q}»`}
              description={found.length === ACCOUNT_SEARCH_LIMIT ? `Se muestran las primeras ${ACCOUNT_SEARCH_LIMIT}; precise la búsqueda.` : undefined}
              action={
                <Button variant="ghost" size="sm" asChild>
                  <Link href="/portal/acuerdos">Quitar búsqueda</Link>
                </Button>
              }
            >
              {found.length === 0 ? <p className="text-sm text-muted-foreground">Ninguna de sus cuentas coincide.</p> : <PortalAccountsList rows={found} showAgreement showGroup />}
            </SectionCard>
          ) : null}

          <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
            {agreements.map((a) => (
              <li key={a.id}>
                <Card className="h-full">
                  <CardHeader>
                    <CardTitle className="flex flex-wrap items-center justify-between gap-2 text-base">
                      <Link href={`/portal/acuerdos/${a.id}`} className="text-primary hover:underline">
                        {a.name}
                      </Link>
                      <AgreementStatusBadge status={a.status} />
                    </CardTitle>
                  </CardHeader>
                  <CardContent className="grid gap-2 text-sm">
                    <p className="font-mono text-muted-foreground">{a.code}</p>
                    <p className="text-muted-foreground">{a.billingAddress}</p>
                    <p>
                      {BILLING_MODE_LABELS[a.billingMode]} · {a.currency} · {a.branchName}
                    </p>
                    <p>
                      {a.accountCount} {a.accountCount === 1 ? 'cuenta' : 'cuentas'}
                      {a.groupCount ? ` en ${a.groupCount} ${a.groupCount === 1 ? 'grupo' : 'grupos'}` : ''}
                    </p>
                    <div className="flex flex-wrap items-center justify-between gap-2">
                      <span className={isPositiveAmount(a.balanceDue) ? 'font-medium tabular-nums' : 'text-muted-foreground'}>
                        {isPositiveAmount(a.balanceDue) ? `Pendiente ${formatMoney(a.balanceDue, a.currency)}` : 'Sin saldo pendiente'}
                      </span>
                      {a.status === 'ACTIVE' || a.status === 'SUSPENDED' ? <DelinquencyBadge status={a.delinquencyStatus} /> : null}
                    </div>
                    <Button variant="outline" size="sm" className="mt-2 w-full sm:w-auto" asChild>
                      <Link href={`/portal/acuerdos/${a.id}`}>Ver grupos y cuentas</Link>
                    </Button>
                  </CardContent>
                </Card>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
