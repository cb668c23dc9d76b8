import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/shell/page-header';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { staffDashboard } from '@/lib/dal/dashboard';
import { requirePageActor } from '@/lib/dal/page';
import { formatNumber } from '@/lib/domain/format';
import { SEGMENT_LABELS } from '@/lib/validation/customer';

export const metadata: Metadata = { title: 'Inicio' };

export default async function StaffHome() {
  const actor = await requirePageActor('dashboard.staff');
  const data = await staffDashboard(actor);
  return (
    <>
      <PageHeader title={`Hola, ${actor.name.split(' ')[0]}`} description="Resumen de los clientes de su alcance." />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <Card>
          <CardHeader>
            <CardDescription>Clientes</CardDescription>
            <CardTitle className="text-3xl tabular-nums">{formatNumber(data.total)}</CardTitle>
          </CardHeader>
          <CardContent>
            <Link href="/clientes" className="text-sm text-primary hover:underline">
              Ver clientes
            </Link>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardDescription>Grandes clientes</CardDescription>
            <CardTitle className="text-3xl tabular-nums">{formatNumber(data.large)}</CardTitle>
          </CardHeader>
        </Card>
        {data.bySegment.map((s) => (
          <Card key={s.segment}>
            <CardHeader>
              <CardDescription>{SEGMENT_LABELS[s.segment]}</CardDescription>
              <CardTitle className="text-3xl tabular-nums">{formatNumber(s.count)}</CardTitle>
            </CardHeader>
            <CardContent>
              <Link href={`/clientes?segment=${s.segment}`} className="text-sm text-primary hover:underline">
                Ver {SEGMENT_LABELS[s.segment].toLowerCase()}
              </Link>
            </CardContent>
          </Card>
        ))}
      </div>
    </>
  );
}
