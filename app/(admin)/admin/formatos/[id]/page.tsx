import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { History } from 'lucide-react';
import { PrintFormatForm } from '@/components/print-formats/print-format-form';
import { PageHeader } from '@/components/shell/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { updatePrintFormatAction } from '@/lib/actions/print-formats';
import { NotFoundError } from '@/lib/auth/errors';
import { requirePageActor } from '@/lib/dal/page';
import { getPrintFormat } from '@/lib/dal/print-formats';

export const metadata: Metadata = { title: 'Formato de impresión' };

export default async function PrintFormatPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor('admin.catalogs');
  const format = await getPrintFormat(actor, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const { assignments, defaults } = format.uses;
  return (
    <>
      <PageHeader
        title={format.name}
        description={
          <>
            <span className="font-mono">{format.code}</span> {format.active ? <Badge variant="success">Activo</Badge> : <Badge variant="secondary">Inactivo</Badge>}{' '}
            <span className="text-muted-foreground">
              {assignments === 1 ? '1 asignación' : `${assignments} asignaciones`}
              {defaults ? `; por omisión de ${defaults} ${defaults === 1 ? 'clase' : 'clases'}` : ''}
            </span>
          </>
        }
        crumbs={[{ label: 'Administración', href: '/admin' }, { label: 'Formatos de impresión', href: '/admin/formatos' }, { label: format.code }]}
        actions={
          <Button variant="outline" asChild>
            <Link href={`/admin/audit?entity=print_format&entityId=${format.id}`}>
              <History /> Ver historial
            </Link>
          </Button>
        }
      />
      <PrintFormatForm key={format.updatedAt.toISOString()} action={updatePrintFormatAction.bind(null, format.id)} initial={format} formatId={format.id} logo={format.logoDataUri} isDefault={defaults > 0} submitLabel="Guardar cambios" />
    </>
  );
}
