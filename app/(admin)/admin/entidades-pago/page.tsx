import type { Metadata } from 'next';
import Link from 'next/link';
import { CreditCard } from 'lucide-react';
import { CatalogList } from '@/components/admin/catalog-list';
import { FilterActions } from '@/components/lists/filter-actions';
import { ValueOptions } from '@/components/forms/select-options';
import { Badge } from '@/components/ui/badge';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { requirePageActor } from '@/lib/dal/page';
import { listPaymentEntitiesForAdmin } from '@/lib/dal/payment-entities';
import { PAYMENT_METHOD_LABELS } from '@/lib/domain/payment-instrument';
import { paymentEntityListSchema } from '@/lib/validation/catalogs';
import { firstValues, type RawSearchParams } from '@/lib/validation/search-params';
import { ENTITY_METHOD_OPTIONS } from './options';

export const metadata: Metadata = { title: 'Entidades de pago' };

// A few card brands and banks: one page, no pagination.
export default async function PaymentEntitiesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor('admin.catalogs');
  const raw = firstValues(await searchParams);
  const { method } = paymentEntityListSchema.parse(raw);
  const rows = await listPaymentEntitiesForAdmin(actor, { method });
  const saved = raw.creada ?? raw.actualizada;
  return (
    <CatalogList
      title="Entidades de pago"
      description="Marcas de tarjeta y bancos entre los que se elige al registrar el medio de pago de un acuerdo."
      add={{ href: '/admin/entidades-pago/nueva', label: 'Nueva entidad' }}
      saved={saved ? <>Entidad <span className="font-mono">{saved}</span> {raw.creada ? 'registrada' : 'actualizada'}.</> : null}
      filters={
        <form className="mb-4 flex flex-wrap items-end gap-2" role="search" aria-label="Filtrar entidades">
          <NativeSelect name="method" defaultValue={method ?? ''} aria-label="Medio de pago" wrapperClassName="w-56">
            <NativeSelectOption value="">Todos los medios</NativeSelectOption>
            <ValueOptions options={ENTITY_METHOD_OPTIONS} />
          </NativeSelect>
          <FilterActions filtered={Boolean(method)} clearHref="/admin/entidades-pago" />
        </form>
      }
      isEmpty={rows.length === 0}
      emptyState={{
        icon: CreditCard,
        title: method ? 'No hay entidades de ese medio' : 'Todavía no hay entidades de pago',
        description: method ? 'Limpie el filtro o registre una entidad nueva.' : 'Registre las marcas de tarjeta y los bancos con que operan sus clientes.',
      }}
    >
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Código</TableHead>
            <TableHead>Nombre</TableHead>
            <TableHead>Medio</TableHead>
            <TableHead className="text-right">En uso</TableHead>
            <TableHead>Estado</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((e) => (
            <TableRow key={e.id}>
              <TableCell className="font-mono text-xs">{e.code}</TableCell>
              <TableCell>
                <Link href={`/admin/entidades-pago/${e.id}`} className="font-medium text-primary hover:underline">
                  {e.name}
                </Link>
              </TableCell>
              <TableCell>{PAYMENT_METHOD_LABELS[e.method]}</TableCell>
              <TableCell className="text-right tabular-nums">{e.uses}</TableCell>
              <TableCell>{e.active ? <Badge variant="success">Activa</Badge> : <Badge variant="secondary">Inactiva</Badge>}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </CatalogList>
  );
}
