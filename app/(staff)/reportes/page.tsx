import type { Metadata } from 'next';
import Link from 'next/link';
import { AlarmClock, BarChart3, Coins, Hourglass, Users } from 'lucide-react';
import { PageHeader } from '@/components/shell/page-header';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { requirePageActor } from '@/lib/dal/page';

export const metadata: Metadata = { title: 'Reportes de cobranza' };

const REPORTS = [
  { href: '/reportes/cartera', icon: Hourglass, title: 'Cartera por antigüedad', description: 'Saldos abiertos por días de vencimiento (0–30, 31–60, 61–90, 91–180, más de 180) por sucursal, segmento y cliente.' },
  { href: '/reportes/cobros', icon: Coins, title: 'Cobros recibidos', description: 'Pagos confirmados de un rango de fechas por día, método, entidad, sucursal y cajero.' },
  { href: '/reportes/vencidas', icon: AlarmClock, title: 'Facturas vencidas', description: 'Documentos con saldo vencidos a una fecha, del vencimiento más antiguo al más reciente.' },
  { href: '/reportes/eficiencia', icon: BarChart3, title: 'Facturado vs. cobrado', description: 'Lo facturado en cada período contra lo cobrado de esas facturas y la eficiencia de cobro.' },
  { href: '/reportes/deudores', icon: Users, title: 'Principales deudores', description: 'Los acuerdos con mayor saldo, con su vencimiento más antiguo y su estado de morosidad.' },
] as const;

export default async function ReportsHubPage() {
  await requirePageActor('reports.read');
  return (
    <>
      <PageHeader title="Reportes de cobranza" crumbs={[{ label: 'Inicio', href: '/' }, { label: 'Reportes' }]} description="Cada reporte tiene filtros, un gráfico, su tabla y exportación a CSV. Solo verá las sucursales a su cargo." />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {REPORTS.map((r) => (
          <Link key={r.href} href={r.href} className="group rounded-xl focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
            <Card className="h-full transition-colors group-hover:border-primary">
              <CardHeader>
                <r.icon className="size-6 text-primary" aria-hidden />
                <CardTitle>{r.title}</CardTitle>
                <CardDescription>{r.description}</CardDescription>
              </CardHeader>
            </Card>
          </Link>
        ))}
      </div>
    </>
  );
}
