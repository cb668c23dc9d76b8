import type { Metadata } from 'next';
import Link from 'next/link';
import { Tags } from 'lucide-react';
import { AddButton } from '@/components/add-button';
import { ValueOptions } from '@/components/forms/select-options';
import { FilterActions } from '@/components/lists/filter-actions';
import { SectionCard } from '@/components/section-card';
import { PageHeader } from '@/components/shell/page-header';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { listTariffsForAdmin } from '@/lib/dal/billing-catalogs';
import { requirePageActor } from '@/lib/dal/page';
import { formatDate, formatMoney } from '@/lib/domain/format';
import { tariffListSchema } from '@/lib/validation/billing-catalogs';
import { firstValues, type RawSearchParams } from '@/lib/validation/search-params';
import { cn } from '@/lib/utils';

export const metadata: Metadata = { title: 'Tarifas' };

// Five categories with a few revisions each: one page, no pagination.
export default async function TariffsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor('admin.catalogs');
  const { category } = tariffListSchema.parse(firstValues(await searchParams));
  const [all, shown] = await Promise.all([listTariffsForAdmin(actor), category ? listTariffsForAdmin(actor, { categoryId: category }) : null]);
  const categories = shown ?? all;
  const empty = categories.every((c) => c.tariffs.length === 0);
  return (
    <>
      <PageHeader
        title="Tarifas"
        crumbs={[{ label: 'Administración', href: '/admin' }, { label: 'Tarifas' }]}
        description="Por categoría tarifaria y fecha de vigencia: cargo fijo, tramos de consumo y tarifa plana para cuentas sin medidor. Cada período se factura con la tarifa vigente en su último día."
        actions={<AddButton href={category ? `/admin/tarifas/nueva?categoria=${category}` : '/admin/tarifas/nueva'}>Nueva tarifa</AddButton>}
      />
      <form className="mb-4 flex flex-wrap items-end gap-2" role="search" aria-label="Filtrar tarifas">
        <NativeSelect name="category" defaultValue={category ?? ''} aria-label="Categoría tarifaria" wrapperClassName="w-64">
          <NativeSelectOption value="">Todas las categorías</NativeSelectOption>
          <ValueOptions options={all.map((c) => ({ value: c.id, label: c.name }))} />
        </NativeSelect>
        <FilterActions filtered={Boolean(category)} clearHref="/admin/tarifas" />
      </form>
      {empty ? (
        <EmptyState
          icon={Tags}
          title={category ? 'Esta categoría no tiene tarifas' : 'Todavía no hay tarifas'}
          description="Sin una tarifa vigente, las cuentas de la categoría no se pueden facturar."
          action={<AddButton href={category ? `/admin/tarifas/nueva?categoria=${category}` : '/admin/tarifas/nueva'}>Nueva tarifa</AddButton>}
        />
      ) : (
        <div className="grid gap-6">
          {categories.map((c) => (
            <SectionCard
              key={c.id}
              title={
                <>
                  {c.name} <span className="font-mono text-sm font-normal text-muted-foreground">{c.code}</span>
                </>
              }
              description={c.inForceId ? 'La fila resaltada es la tarifa vigente hoy.' : 'Sin tarifa vigente hoy: las cuentas de esta categoría no se pueden facturar.'}
              action={
                <AddButton href={`/admin/tarifas/nueva?categoria=${c.id}${c.tariffs[0] ? `&copiar=${c.tariffs[0].id}` : ''}`} variant="outline" size="sm">
                  Nueva revisión
                </AddButton>
              }
            >
              {c.tariffs.length === 0 ? (
                <p className="text-sm text-muted-foreground">Sin tarifas registradas.</p>
              ) : (
                <div className="rounded-md border">
                  <Table>
                    <TableHeader>
                      <TableRow>
                        <TableHead>Vigente desde</TableHead>
                        <TableHead className="text-right">Cargo fijo</TableHead>
                        <TableHead className="text-right">Tarifa plana</TableHead>
                        <TableHead className="text-right">Tramos</TableHead>
                        <TableHead>Estado</TableHead>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {c.tariffs.map((t) => (
                        <TableRow key={t.id} className={cn(t.inForce && 'bg-success/5 font-medium')}>
                          <TableCell>
                            <Link href={`/admin/tarifas/${t.id}`} className="text-primary hover:underline">
                              {formatDate(t.effectiveFrom)}
                            </Link>
                          </TableCell>
                          <TableCell className="text-right tabular-nums">{formatMoney(t.fixedCharge, t.currency)}</TableCell>
                          <TableCell className="text-right tabular-nums">{formatMoney(t.flatRate, t.currency)}</TableCell>
                          <TableCell className="text-right tabular-nums">{t.blocks}</TableCell>
                          <TableCell>{t.inForce ? <Badge variant="success">Vigente</Badge> : t.future ? <Badge variant="warning">Programada</Badge> : <Badge variant="secondary">Anterior</Badge>}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </div>
              )}
            </SectionCard>
          ))}
        </div>
      )}
    </>
  );
}
