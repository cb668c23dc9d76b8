import type { Metadata } from 'next';
import Link from 'next/link';
import { SlidersHorizontal } from 'lucide-react';
import { CatalogList } from '@/components/admin/catalog-list';
import { FilterActions } from '@/components/lists/filter-actions';
import { ValueOptions } from '@/components/forms/select-options';
import { Badge } from '@/components/ui/badge';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { listAttributeDefinitionsForAdmin } from '@/lib/dal/attribute-definitions';
import { requirePageActor } from '@/lib/dal/page';
import { ATTRIBUTE_ENTITY_LABELS, ATTRIBUTE_TYPE_LABELS } from '@/lib/domain/dynamic-attributes';
import { attributeListSchema } from '@/lib/validation/catalogs';
import { firstValues, type RawSearchParams } from '@/lib/validation/search-params';
import { ATTRIBUTE_ENTITY_OPTIONS } from './options';

export const metadata: Metadata = { title: 'Atributos dinámicos' };

// A handful of definitions per entity: one page, no pagination.
export default async function AttributeDefinitionsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor('admin.catalogs');
  const raw = firstValues(await searchParams);
  const { entity } = attributeListSchema.parse(raw);
  const rows = await listAttributeDefinitionsForAdmin(actor, { entity });
  const saved = raw.creado ?? raw.actualizado;
  return (
    <CatalogList
      title="Atributos dinámicos"
      description="Campos adicionales de acuerdos, grupos de cuentas y cuentas: se muestran y validan en sus formularios y sirven de filtro en los listados."
      add={{ href: '/admin/atributos/nuevo', label: 'Nuevo atributo' }}
      saved={saved ? <>Atributo <span className="font-mono">{saved}</span> {raw.creado ? 'registrado' : 'actualizado'}.</> : null}
      filters={
        <form className="mb-4 flex flex-wrap items-end gap-2" role="search" aria-label="Filtrar atributos">
          <NativeSelect name="entity" defaultValue={entity ?? ''} aria-label="Se aplica a" wrapperClassName="w-56">
            <NativeSelectOption value="">Todas las entidades</NativeSelectOption>
            <ValueOptions options={ATTRIBUTE_ENTITY_OPTIONS} />
          </NativeSelect>
          <FilterActions filtered={Boolean(entity)} clearHref="/admin/atributos" />
        </form>
      }
      isEmpty={rows.length === 0}
      emptyState={{
        icon: SlidersHorizontal,
        title: entity ? 'No hay atributos para esa entidad' : 'Todavía no hay atributos dinámicos',
        description: 'Defina campos propios de su empresa, como la ruta de lectura o el uso principal.',
      }}
    >
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Se aplica a</TableHead>
            <TableHead>Etiqueta</TableHead>
            <TableHead>Clave</TableHead>
            <TableHead>Tipo</TableHead>
            <TableHead className="hidden lg:table-cell">Opciones</TableHead>
            <TableHead className="text-right">Orden</TableHead>
            <TableHead>Estado</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((d) => (
            <TableRow key={d.id}>
              <TableCell>{ATTRIBUTE_ENTITY_LABELS[d.entity]}</TableCell>
              <TableCell>
                <Link href={`/admin/atributos/${d.id}`} className="font-medium text-primary hover:underline">
                  {d.label}
                </Link>
                {d.required ? (
                  <Badge variant="outline" className="ml-2">
                    Obligatorio
                  </Badge>
                ) : null}
              </TableCell>
              <TableCell className="font-mono text-xs">{d.key}</TableCell>
              <TableCell>{ATTRIBUTE_TYPE_LABELS[d.type]}</TableCell>
              <TableCell className="hidden max-w-64 truncate text-muted-foreground lg:table-cell">{d.options?.join(' · ') ?? '—'}</TableCell>
              <TableCell className="text-right tabular-nums">{d.position}</TableCell>
              <TableCell>{d.active ? <Badge variant="success">Activo</Badge> : <Badge variant="secondary">Inactivo</Badge>}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </CatalogList>
  );
}
