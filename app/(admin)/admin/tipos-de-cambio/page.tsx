import type { Metadata } from 'next';
import Link from 'next/link';
import { Coins } from 'lucide-react';
import { CatalogList } from '@/components/admin/catalog-list';
import { FilterActions } from '@/components/lists/filter-actions';
import { ValueOptions } from '@/components/forms/select-options';
import { Button } from '@/components/ui/button';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { PaginationBar } from '@/components/ui/pagination';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { listExchangeRatesForAdmin } from '@/lib/dal/exchange-rates';
import { requirePageActor } from '@/lib/dal/page';
import { formatDate, formatDateTime } from '@/lib/domain/format';
import { exchangeRateListSchema } from '@/lib/validation/catalogs';
import { firstValues, type RawSearchParams } from '@/lib/validation/search-params';
import { formatRate, RATE_CURRENCY_OPTIONS } from './options';

export const metadata: Metadata = { title: 'Tipos de cambio' };

const SAVED: Record<string, string> = { registrado: 'registrado', actualizado: 'actualizado', 'sin-cambios': 'sin cambios: la tasa ya era esa' };

function href(params: { currency?: string; page?: number }) {
  const qs = new URLSearchParams();
  if (params.currency) qs.set('currency', params.currency);
  if (params.page && params.page > 1) qs.set('page', String(params.page));
  const s = qs.toString();
  return `/admin/tipos-de-cambio${s ? `?${s}` : ''}`;
}

export default async function ExchangeRatesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor('admin.catalogs');
  const raw = firstValues(await searchParams);
  const params = exchangeRateListSchema.parse(raw);
  const result = await listExchangeRatesForAdmin(actor, params);
  const saved = raw.guardado ? SAVED[raw.guardado] : undefined;
  return (
    <>
      <CatalogList
        title="Tipos de cambio"
        description="Pesos dominicanos por unidad de moneda extranjera, uno por día. La facturación usa el último vigente en la fecha de cada documento."
        add={{ href: '/admin/tipos-de-cambio/nuevo', label: 'Registrar tipo de cambio' }}
        saved={saved ? <>Tipo de cambio {raw.moneda} del {raw.fecha ? formatDate(raw.fecha) : ''} {saved}.</> : null}
        filters={
          <form className="mb-4 flex flex-wrap items-end gap-2" role="search" aria-label="Filtrar tipos de cambio">
            <NativeSelect name="currency" defaultValue={params.currency ?? ''} aria-label="Moneda" wrapperClassName="w-64">
              <NativeSelectOption value="">Todas las monedas</NativeSelectOption>
              <ValueOptions options={RATE_CURRENCY_OPTIONS} />
            </NativeSelect>
            <FilterActions filtered={Boolean(params.currency)} clearHref="/admin/tipos-de-cambio" />
          </form>
        }
        isEmpty={result.total === 0}
        emptyState={{ icon: Coins, title: 'Todavía no hay tipos de cambio', description: 'Registre la tasa del día de cada moneda con que facturan sus acuerdos.' }}
      >
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Fecha</TableHead>
              <TableHead>Moneda</TableHead>
              <TableHead className="text-right">Tasa (RD$)</TableHead>
              <TableHead className="hidden md:table-cell">Registrado por</TableHead>
              <TableHead className="hidden md:table-cell">Última modificación</TableHead>
              <TableHead className="text-right">Acciones</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {result.rows.map((r) => (
              <TableRow key={`${r.date}-${r.currency}`}>
                <TableCell className="tabular-nums">{formatDate(r.date)}</TableCell>
                <TableCell className="font-mono">{r.currency}</TableCell>
                <TableCell className="text-right font-mono tabular-nums">{formatRate(r.rate)}</TableCell>
                <TableCell className="hidden md:table-cell">{r.createdByName ?? 'Carga inicial'}</TableCell>
                <TableCell className="hidden tabular-nums md:table-cell">{formatDateTime(r.updatedAt)}</TableCell>
                <TableCell className="text-right">
                  <Button variant="ghost" size="sm" asChild>
                    <Link href={`/admin/tipos-de-cambio/nuevo?fecha=${r.date}&moneda=${r.currency}`} aria-label={`Corregir ${r.currency} del ${formatDate(r.date)}`}>
                      Corregir
                    </Link>
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CatalogList>
      <PaginationBar className="mt-4" page={result.page} pageCount={result.pageCount} total={result.total} pageSize={result.pageSize} hrefFor={(p) => href({ currency: params.currency, page: p })} />
    </>
  );
}
