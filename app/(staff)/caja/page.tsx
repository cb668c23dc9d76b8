import type { Metadata } from 'next';
import Link from 'next/link';
import { AgreementSearch } from '@/components/payments/agreement-search';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { COLLECT_SEARCH_MIN, findAgreementsToCollect, getCashDeskContext } from '@/lib/dal/cash-desk';
import { requirePageActor } from '@/lib/dal/page';
import { firstValues, type RawSearchParams } from '@/lib/validation/search-params';

export const metadata: Metadata = { title: 'Caja' };

/** The cashier's desk: find an agreement by any of its numbers, see what it owes, collect. */
export default async function CashDeskPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor('cash.use');
  const q = (firstValues(await searchParams).q ?? '').trim();
  const [{ branches }, results] = await Promise.all([getCashDeskContext(actor), q.length >= COLLECT_SEARCH_MIN ? findAgreementsToCollect(actor, q) : Promise.resolve(null)]);
  return (
    <>
      <PageHeader
        title="Caja"
        crumbs={[{ label: 'Caja' }]}
        description={`Cobro de facturas${branches.length ? ` — ${branches.map((b) => `Sucursal ${b.name}`).join(', ')}` : ''}.`}
        actions={
          <Button variant="outline" asChild>
            <Link href="/cobros">Cobros registrados</Link>
          </Button>
        }
      />
      <Card>
        <CardHeader>
          <CardTitle>Buscar el acuerdo a cobrar</CardTitle>
        </CardHeader>
        <CardContent>
          <AgreementSearch action="/caja" q={q} results={results} minLength={COLLECT_SEARCH_MIN} />
        </CardContent>
      </Card>
    </>
  );
}
