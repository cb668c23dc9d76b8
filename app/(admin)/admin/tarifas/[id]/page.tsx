import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Calculator, History, Lock, Pencil } from 'lucide-react';
import { AddButton } from '@/components/add-button';
import { DetailField } from '@/components/detail-field';
import { SuccessAlert } from '@/components/forms/alerts';
import { SectionCard } from '@/components/section-card';
import { PageHeader } from '@/components/shell/page-header';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { NotFoundError } from '@/lib/auth/errors';
import { getTariff, simulateTariff } from '@/lib/dal/billing-catalogs';
import { requirePageActor } from '@/lib/dal/page';
import { blockLabel } from '@/lib/domain/billing/tariff';
import { formatDate, formatMoney, formatNumber } from '@/lib/domain/format';
import { money as decimal } from '@/lib/domain/money';
import { simulateSchema } from '@/lib/validation/billing-catalogs';
import { firstValues, type RawSearchParams } from '@/lib/validation/search-params';

export const metadata: Metadata = { title: 'Tarifa' };

// Prices per m³ keep up to 4 decimals: shown with 2 to 4 (12.5000 → 12.50, 61.1250 → 61.125).
const price = (p: string) => formatNumber(p, Math.max(2, Math.min(4, decimal(p).decimalPlaces())));

export default async function TariffPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<RawSearchParams> }) {
  const { id } = await params;
  const actor = await requirePageActor('admin.catalogs');
  const raw = firstValues(await searchParams);
  const tariff = await getTariff(actor, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const { m3 } = simulateSchema.parse(raw);
  const simulation = m3 === undefined ? null : await simulateTariff(actor, id, m3);
  const title = `${tariff.category?.name ?? 'Tarifa'} desde ${formatDate(tariff.effectiveFrom)}`;
  const money = (v: string) => formatMoney(v, tariff.currency);
  return (
    <>
      <PageHeader
        title={title}
        description={
          <>
            <span className="font-mono">{tariff.category?.code}</span>{' '}
            {tariff.inForce ? <Badge variant="success">Vigente</Badge> : tariff.future ? <Badge variant="warning">Programada</Badge> : <Badge variant="secondary">Anterior</Badge>}
          </>
        }
        crumbs={[{ label: 'Administración', href: '/admin' }, { label: 'Tarifas', href: '/admin/tarifas' }, { label: `${tariff.category?.code ?? ''} ${formatDate(tariff.effectiveFrom)}` }]}
        actions={
          <>
            <Button variant="outline" asChild>
              <Link href={`/admin/audit?entity=tariff&entityId=${tariff.id}`}>
                <History /> Ver historial
              </Link>
            </Button>
            {tariff.locked ? null : (
              <Button variant="outline" asChild>
                <Link href={`/admin/tarifas/${tariff.id}/editar`}>
                  <Pencil /> Editar
                </Link>
              </Button>
            )}
            <AddButton href={`/admin/tarifas/nueva?categoria=${tariff.tariffCategoryId}&copiar=${tariff.id}`}>Nueva tarifa desde esta</AddButton>
          </>
        }
      />
      {raw.creada || raw.actualizada ? <SuccessAlert className="mb-4">Tarifa {raw.creada ? 'registrada' : 'actualizada'}.</SuccessAlert> : null}
      {tariff.locked ? (
        <Alert className="mb-4">
          <Lock />
          <AlertDescription>
            Ya se facturaron períodos con esta tarifa (hasta {tariff.lastInvoicedPeriod}), así que no se puede modificar. Para cambiar precios, cree una tarifa nueva que rija desde{' '}
            {tariff.earliestNewDate ? formatDate(tariff.earliestNewDate) : 'una fecha posterior'}.
          </AlertDescription>
        </Alert>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[1fr_24rem]">
        <div className="grid content-start gap-6">
          <SectionCard title="Importes" description="Por período de facturación, antes de descuentos e impuestos.">
            <dl className="grid gap-4 sm:grid-cols-3">
              <DetailField label="Cargo fijo (con medidor)">{money(tariff.fixedCharge)}</DetailField>
              <DetailField label="Tarifa plana (sin medidor)">{money(tariff.flatRate)}</DetailField>
              <DetailField label="Moneda">{tariff.currency}</DetailField>
              <DetailField label="Vigente desde">{formatDate(tariff.effectiveFrom)}</DetailField>
              <div className="sm:col-span-2">
                <DetailField label="Notas">{tariff.notes}</DetailField>
              </div>
            </dl>
          </SectionCard>
          <SectionCard title="Tramos de consumo" description="Cada tramo cobra los m³ que caen en él, al precio del tramo.">
            <div className="rounded-md border">
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead>Tramo</TableHead>
                    <TableHead>Consumo</TableHead>
                    <TableHead className="text-right">Precio por m³ ({tariff.currency})</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {tariff.blocks.map((b, i) => (
                    <TableRow key={b.fromM3}>
                      <TableCell className="tabular-nums">{i + 1}</TableCell>
                      <TableCell className="tabular-nums">{blockLabel(b)}</TableCell>
                      <TableCell className="text-right tabular-nums">{price(b.price)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </SectionCard>
        </div>
        <SectionCard
          title={
            <span className="flex items-center gap-2">
              <Calculator className="size-4" aria-hidden /> Simular
            </span>
          }
          description="Lo que pagaría una cuenta con medidor por un consumo, antes de descuentos e impuestos."
        >
          <form className="mb-4 flex items-end gap-2" aria-label="Simular un consumo">
            <div className="grid gap-1">
              <label htmlFor="m3" className="text-sm font-medium">
                Consumo (m³)
              </label>
              <Input id="m3" name="m3" inputMode="numeric" defaultValue={m3 ?? ''} placeholder="25" className="w-32 tabular-nums" />
            </div>
            <Button type="submit" variant="secondary">
              Calcular
            </Button>
          </form>
          {simulation ? (
            <Table aria-label="Resultado de la simulación">
              <TableBody>
                <TableRow>
                  <TableCell>Cargo fijo</TableCell>
                  <TableCell className="text-right tabular-nums">{money(simulation.fixedCharge)}</TableCell>
                </TableRow>
                {simulation.lines.map((l) => (
                  <TableRow key={l.fromM3}>
                    <TableCell>
                      {l.label}: {formatNumber(l.quantity)} m³ × {price(l.unitPrice)}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{money(l.amount)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
              <TableFooter>
                <TableRow>
                  <TableCell>Total por {formatNumber(simulation.m3)} m³</TableCell>
                  <TableCell className="text-right tabular-nums">{money(simulation.total)}</TableCell>
                </TableRow>
              </TableFooter>
            </Table>
          ) : (
            <p className="text-sm text-muted-foreground">Indique un consumo en m³ enteros.</p>
          )}
          <p className="mt-3 text-xs text-muted-foreground">Una cuenta sin medidor paga la tarifa plana: {money(tariff.flatRate)}.</p>
        </SectionCard>
      </div>
    </>
  );
}
