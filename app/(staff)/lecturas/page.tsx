import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Droplets, Upload } from 'lucide-react';
import { ReadingEntryTable } from '@/components/readings/reading-entry-table';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { PaginationBar } from '@/components/ui/pagination';
import { NotFoundError } from '@/lib/auth/errors';
import { can } from '@/lib/auth/roles';
import { requirePageActor } from '@/lib/dal/page';
import { readingEntryOptions, readingsForEntry, todayLocal } from '@/lib/dal/readings';
import { periodOf } from '@/lib/domain/billing/readings';
import { formatPeriod } from '@/lib/domain/format';
import { readingEntryParamsSchema, type ReadingEntryParams } from '@/lib/validation/readings';
import { firstValues, type RawSearchParams } from '@/lib/validation/search-params';

export const metadata: Metadata = { title: 'Lecturas' };

function href(params: ReadingEntryParams, patch: Partial<ReadingEntryParams>) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...params, ...patch })) if (v !== undefined && v !== '' && !(k === 'page' && v === 1)) qs.set(k, String(v));
  const s = qs.toString();
  return s ? `/lecturas?${s}` : '/lecturas';
}

// Last calendar day of a 'YYYY-MM' period: lastDay('2026-02') → '2026-02-28'.
function lastDay(period: string) {
  const [y, m] = period.split('-').map(Number);
  return `${period}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

export default async function ReadingsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor('readings.read');
  const params = readingEntryParamsSchema.parse(firstValues(await searchParams));
  const today = todayLocal();
  const current = periodOf(today);
  const period = params.periodo && params.periodo <= current ? params.periodo : current;
  const options = await readingEntryOptions(actor, params.sucursal);
  const canWrite = can(actor.role, 'readings.write');

  const header = (
    <PageHeader
      title="Lecturas"
      crumbs={[{ label: 'Inicio', href: '/' }, { label: 'Lecturas' }]}
      description="Lecturas de medidores por sucursal, período y ruta. Una lectura faltante o con anomalía se estima con el promedio de los últimos consumos reales."
      actions={
        canWrite ? (
          <Button variant="outline" asChild>
            <Link href="/lecturas/importar">
              <Upload /> Importar CSV
            </Link>
          </Button>
        ) : undefined
      }
    />
  );
  if (!options.branchId) {
    return (
      <>
        {header}
        <EmptyState icon={Droplets} title="No tiene sucursales asignadas" description="Pida a un administrador que le asigne una sucursal para registrar lecturas." />
      </>
    );
  }

  const branchId = options.branchId;
  const state = { ...params, sucursal: branchId, periodo: period };
  const result = await readingsForEntry(actor, { branchId, period, route: params.ruta, q: params.q, page: params.page }).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const filtered = Boolean(params.ruta || params.q);
  // The reading date defaults to today in the current period, else to the period's last day.
  const defaultDate = period === current ? today : lastDay(period);

  return (
    <>
      {header}
      <form className="mb-4 flex flex-wrap items-end gap-2" role="search" aria-label="Elegir cuentas a leer">
        {options.branches.length > 1 ? (
          <NativeSelect name="sucursal" defaultValue={branchId} aria-label="Sucursal" wrapperClassName="w-52">
            {options.branches.map((b) => (
              <NativeSelectOption key={b.id} value={b.id}>
                {b.name}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        ) : (
          <input type="hidden" name="sucursal" value={branchId} />
        )}
        <Input type="month" name="periodo" defaultValue={period} max={current} aria-label="Período" className="w-44" />
        <NativeSelect name="ruta" defaultValue={params.ruta ?? ''} aria-label="Ruta de lectura" wrapperClassName="w-44">
          <NativeSelectOption value="">Todas las rutas</NativeSelectOption>
          {options.routes.map((r) => (
            <NativeSelectOption key={r} value={r}>
              Ruta {r}
            </NativeSelectOption>
          ))}
        </NativeSelect>
        <Input name="q" defaultValue={params.q} placeholder="Cuenta, medidor, dirección o acuerdo" className="w-full sm:w-80" aria-label="Buscar" />
        <Button type="submit" variant="secondary">
          Mostrar
        </Button>
        {filtered ? (
          <Button variant="ghost" asChild>
            <Link href={href(state, { ruta: undefined, q: undefined, page: undefined })}>Limpiar</Link>
          </Button>
        ) : null}
      </form>

      {result.total === 0 ? (
        <EmptyState
          icon={Droplets}
          title={filtered ? 'Ninguna cuenta coincide con el filtro' : 'No hay cuentas con medidor para leer'}
          description={filtered ? 'Pruebe con otra ruta o búsqueda, o limpie los filtros.' : `La sucursal no tiene cuentas activas con medidor en ${formatPeriod(period)}.`}
        />
      ) : (
        <ReadingEntryTable
          // A new page, period or branch starts a fresh sheet.
          key={`${branchId}|${period}|${result.page}|${params.ruta ?? ''}|${params.q ?? ''}`}
          rows={result.rows}
          period={period}
          defaultDate={defaultDate}
          minDate={`${period}-01`}
          maxDate={today}
          canWrite={canWrite}
        />
      )}
      <PaginationBar className="mt-4" page={result.page} pageCount={result.pageCount} total={result.total} pageSize={result.pageSize} hrefFor={(p) => href(state, { page: p })} />
    </>
  );
}
