import type { Metadata } from 'next';
import Link from 'next/link';
import { Fragment } from 'react';
import { Layers, ReceiptText } from 'lucide-react';
import { CatalogList } from '@/components/admin/catalog-list';
import { AddButton } from '@/components/add-button';
import { LabelledOptions, ValueOptions } from '@/components/forms/select-options';
import { FilterActions } from '@/components/lists/filter-actions';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { listConceptGroupsForAdmin, listConceptsForAdmin } from '@/lib/dal/billing-catalogs';
import { requirePageActor } from '@/lib/dal/page';
import { CONCEPT_APPLIES_TO_LABELS, CONCEPT_KIND_LABELS, conceptListSchema, taxRateLabel } from '@/lib/validation/billing-catalogs';
import { firstValues, type RawSearchParams } from '@/lib/validation/search-params';
import { conceptValue } from './format';

export const metadata: Metadata = { title: 'Conceptos de facturación' };

// A few dozen concepts at most: one page, grouped by concept group, no pagination.
export default async function ConceptsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor('admin.catalogs');
  const raw = firstValues(await searchParams);
  const { group, kind } = conceptListSchema.parse(raw);
  const [rows, groups] = await Promise.all([listConceptsForAdmin(actor, { groupId: group, kind }), listConceptGroupsForAdmin(actor)]);
  const saved = raw.creado ?? raw.actualizado;
  const filtered = Boolean(group || kind);
  const sections = groups.map((g) => ({ ...g, rows: rows.filter((r) => r.groupId === g.id) })).filter((g) => g.rows.length > 0);
  return (
    <CatalogList
      title="Conceptos de facturación"
      description="Lo que se cobra en las facturas: cargos fijos, consumo, alcantarillado, cargos únicos y recargos, con su impuesto y cuenta contable."
      add={{ href: '/admin/conceptos/nuevo', label: 'Nuevo concepto' }}
      actions={
        <Button variant="outline" asChild>
          <Link href="/admin/conceptos/grupos">
            <Layers /> Grupos
          </Link>
        </Button>
      }
      saved={saved ? <>Concepto <span className="font-mono">{saved}</span> {raw.creado ? 'registrado' : 'actualizado'}.</> : null}
      filters={
        <form className="mb-4 flex flex-wrap items-end gap-2" role="search" aria-label="Filtrar conceptos">
          <NativeSelect name="group" defaultValue={group ?? ''} aria-label="Grupo" wrapperClassName="w-52">
            <NativeSelectOption value="">Todos los grupos</NativeSelectOption>
            <ValueOptions options={groups.map((g) => ({ value: g.id, label: g.name }))} />
          </NativeSelect>
          <NativeSelect name="kind" defaultValue={kind ?? ''} aria-label="Tipo" wrapperClassName="w-64">
            <NativeSelectOption value="">Todos los tipos</NativeSelectOption>
            <LabelledOptions labels={CONCEPT_KIND_LABELS} />
          </NativeSelect>
          <FilterActions filtered={filtered} clearHref="/admin/conceptos" />
        </form>
      }
      isEmpty={sections.length === 0}
      emptyState={{
        icon: ReceiptText,
        title: filtered ? 'No hay conceptos con esos filtros' : 'Todavía no hay conceptos de facturación',
        description: filtered ? 'Limpie los filtros o registre un concepto nuevo.' : 'Defina primero los grupos (agua, alcantarillado, cargos varios) y luego sus conceptos.',
        action: <AddButton href="/admin/conceptos/nuevo">Nuevo concepto</AddButton>,
      }}
    >
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Código</TableHead>
            <TableHead>Nombre</TableHead>
            <TableHead>Tipo</TableHead>
            <TableHead>Importe</TableHead>
            <TableHead>Se aplica a</TableHead>
            <TableHead>Impuesto</TableHead>
            <TableHead>Cuenta contable</TableHead>
            <TableHead>Estado</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {sections.map((g) => (
            <Fragment key={g.id}>
              <TableRow className="bg-muted/40 hover:bg-muted/40">
                <TableCell colSpan={8} className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">
                  {g.name} <span className="font-mono font-normal">({g.code})</span>
                </TableCell>
              </TableRow>
              {g.rows.map((c) => (
                <TableRow key={c.id}>
                  <TableCell className="font-mono text-xs whitespace-nowrap">{c.code}</TableCell>
                  <TableCell>
                    <Link href={`/admin/conceptos/${c.id}`} className="font-medium text-primary hover:underline">
                      {c.name}
                    </Link>
                  </TableCell>
                  <TableCell>{CONCEPT_KIND_LABELS[c.kind]}</TableCell>
                  <TableCell className="tabular-nums">{conceptValue(c)}</TableCell>
                  <TableCell>{CONCEPT_APPLIES_TO_LABELS[c.appliesTo]}</TableCell>
                  <TableCell>{taxRateLabel(c.taxRate)}</TableCell>
                  <TableCell className="font-mono text-xs">{c.accountingCode ?? '—'}</TableCell>
                  <TableCell>
                    <div className="flex flex-wrap gap-1">
                      {c.active ? <Badge variant="success">Activo</Badge> : <Badge variant="secondary">Inactivo</Badge>}
                      {c.automatic ? <Badge variant="outline">Automático</Badge> : null}
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </Fragment>
          ))}
        </TableBody>
      </Table>
    </CatalogList>
  );
}
