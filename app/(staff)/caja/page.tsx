import type { Metadata } from 'next';
import { Banknote } from 'lucide-react';
import { PageHeader } from '@/components/shell/page-header';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { getCashDeskContext } from '@/lib/dal/cash-desk';
import { requirePageActor } from '@/lib/dal/page';

export const metadata: Metadata = { title: 'Caja' };

export default async function CashDeskPage() {
  const actor = await requirePageActor('cash.use');
  const { branches } = await getCashDeskContext(actor);
  return (
    <>
      <PageHeader title="Caja" crumbs={[{ label: 'Caja' }]} description="Cobro de facturas y ventas en el punto de venta." />
      <div className="grid gap-4 md:grid-cols-2">
        {branches.map((b) => (
          <Card key={b.id}>
            <CardHeader>
              <CardTitle>Sucursal {b.name}</CardTitle>
            </CardHeader>
            <CardContent className="text-sm text-muted-foreground">
              Puntos de venta: {b.pointsOfSale.length ? b.pointsOfSale.map((p) => String(p.number).padStart(5, '0')).join(', ') : 'ninguno'}
            </CardContent>
          </Card>
        ))}
      </div>
      <EmptyState
        className="mt-6"
        icon={Banknote}
        title="No hay una sesión de caja abierta"
        description="La apertura de caja, el cobro de facturas y las ventas estarán disponibles cuando se habilite el módulo de punto de venta."
      />
    </>
  );
}
