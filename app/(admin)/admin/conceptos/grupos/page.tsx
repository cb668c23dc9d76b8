import type { Metadata } from 'next';
import Link from 'next/link';
import { Layers } from 'lucide-react';
import { AddButton } from '@/components/add-button';
import { SuccessAlert } from '@/components/forms/alerts';
import { PageHeader } from '@/components/shell/page-header';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { listConceptGroupsForAdmin } from '@/lib/dal/billing-catalogs';
import { requirePageActor } from '@/lib/dal/page';
import { firstValues, type RawSearchParams } from '@/lib/validation/search-params';

export const metadata: Metadata = { title: 'Grupos de conceptos' };

export default async function ConceptGroupsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor('admin.catalogs');
  const raw = firstValues(await searchParams);
  const groups = await listConceptGroupsForAdmin(actor);
  const saved = raw.creado ?? raw.actualizado;
  return (
    <>
      <PageHeader
        title="Grupos de conceptos"
        crumbs={[{ label: 'Administración', href: '/admin' }, { label: 'Conceptos de facturación', href: '/admin/conceptos' }, { label: 'Grupos' }]}
        description="Agrupan los conceptos en la factura impresa (p. ej. agua potable, alcantarillado) y sirven de base a los conceptos porcentuales."
        actions={<AddButton href="/admin/conceptos/grupos/nuevo">Nuevo grupo</AddButton>}
      />
      {saved ? (
        <SuccessAlert className="mb-4">
          Grupo <span className="font-mono">{saved}</span> {raw.creado ? 'registrado' : 'actualizado'}.
        </SuccessAlert>
      ) : null}
      {groups.length === 0 ? (
        <EmptyState
          icon={Layers}
          title="Todavía no hay grupos de conceptos"
          description="Cree al menos un grupo antes de registrar conceptos."
          action={<AddButton href="/admin/conceptos/grupos/nuevo">Nuevo grupo</AddButton>}
        />
      ) : (
        <div className="rounded-md border">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead className="w-20 text-right">Orden</TableHead>
                <TableHead>Código</TableHead>
                <TableHead>Nombre</TableHead>
                <TableHead className="text-right">Conceptos</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {groups.map((g) => (
                <TableRow key={g.id}>
                  <TableCell className="text-right tabular-nums">{g.position}</TableCell>
                  <TableCell className="font-mono text-xs">{g.code}</TableCell>
                  <TableCell>
                    <Link href={`/admin/conceptos/grupos/${g.id}`} className="font-medium text-primary hover:underline">
                      {g.name}
                    </Link>
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    {g.concepts > 0 ? (
                      <Link href={`/admin/conceptos?group=${g.id}`} className="text-primary hover:underline">
                        {g.concepts}
                      </Link>
                    ) : (
                      0
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}
