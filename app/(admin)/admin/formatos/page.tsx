import type { Metadata } from 'next';
import Link from 'next/link';
import { Printer } from 'lucide-react';
import { CatalogList } from '@/components/admin/catalog-list';
import { FormatDefaultsForm } from '@/components/print-formats/format-defaults-form';
import { SectionCard } from '@/components/section-card';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { savePrintFormatDefaultsAction } from '@/lib/actions/print-formats';
import { requirePageActor } from '@/lib/dal/page';
import { listPrintFormatsForAdmin, printFormatDefaultsForAdmin } from '@/lib/dal/print-formats';
import { PAPER_SIZE_LABELS } from '@/lib/domain/pdf/print-format';
import { firstValues, type RawSearchParams } from '@/lib/validation/search-params';

export const metadata: Metadata = { title: 'Formatos de impresión' };

// A handful of formats: one page, no pagination.
export default async function PrintFormatsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor('admin.catalogs');
  const raw = firstValues(await searchParams);
  const [rows, { defaults, options }] = await Promise.all([listPrintFormatsForAdmin(actor), printFormatDefaultsForAdmin(actor)]);
  const saved = raw.creado ?? raw.actualizado;
  return (
    <>
      <CatalogList
        title="Formatos de impresión"
        description="Plantillas de las facturas en PDF: papel, logotipo, color, bloques, columnas y pie legal. Cada acuerdo puede tener la suya por clase y tipo; si no, se usa la de la empresa."
        add={{ href: '/admin/formatos/nuevo', label: 'Nuevo formato' }}
        saved={saved ? <>Formato <span className="font-mono">{saved}</span> {raw.creado ? 'registrado' : 'actualizado'}.</> : null}
        isEmpty={rows.length === 0}
        emptyState={{
          icon: Printer,
          title: 'Todavía no hay formatos de impresión',
          description: 'Las facturas se imprimen con el formato integrado del sistema. Cree un formato para poner el logotipo, los colores y el pie legal de la empresa.',
        }}
      >
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Código</TableHead>
              <TableHead>Nombre</TableHead>
              <TableHead>Papel</TableHead>
              <TableHead>Color</TableHead>
              <TableHead>Por omisión</TableHead>
              <TableHead className="text-right">Asignaciones</TableHead>
              <TableHead>Estado</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((f) => (
              <TableRow key={f.id}>
                <TableCell className="font-mono text-xs">{f.code}</TableCell>
                <TableCell>
                  <Link href={`/admin/formatos/${f.id}`} className="font-medium text-primary hover:underline">
                    {f.name}
                  </Link>
                </TableCell>
                <TableCell>{PAPER_SIZE_LABELS[f.paperSize]}</TableCell>
                <TableCell>
                  <span className="inline-flex items-center gap-2 font-mono text-xs">
                    <span aria-hidden className="size-4 rounded border" style={{ backgroundColor: f.accentColor }} />
                    {f.accentColor}
                  </span>
                </TableCell>
                <TableCell>{f.defaultFor.length ? f.defaultFor.map((c) => <Badge key={c} variant="outline" className="mr-1">{`Clase ${c}`}</Badge>) : '—'}</TableCell>
                <TableCell className="text-right tabular-nums">{f.assignments}</TableCell>
                <TableCell>{f.active ? <Badge variant="success">Activo</Badge> : <Badge variant="secondary">Inactivo</Badge>}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CatalogList>
      <SectionCard className="mt-6" title="Formato por omisión de la empresa" description="El formato de cada clase de factura cuando el acuerdo no tiene una asignación para la clase y el tipo de la factura.">
        <FormatDefaultsForm action={savePrintFormatDefaultsAction} defaults={Object.fromEntries(defaults.map((d) => [d.invoiceClass, d.formatId]))} options={options} />
      </SectionCard>
    </>
  );
}
