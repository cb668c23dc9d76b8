import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { History } from 'lucide-react';
import { ConceptGroupForm } from '@/components/billing-admin/concept-group-form';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { updateConceptGroupAction } from '@/lib/actions/billing-catalogs';
import { NotFoundError } from '@/lib/auth/errors';
import { getConceptGroup } from '@/lib/dal/billing-catalogs';
import { requirePageActor } from '@/lib/dal/page';

export const metadata: Metadata = { title: 'Grupo de conceptos' };

export default async function ConceptGroupPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor('admin.catalogs');
  const group = await getConceptGroup(actor, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  return (
    <>
      <PageHeader
        title={group.name}
        description={<span className="font-mono">{group.code}</span>}
        crumbs={[
          { label: 'Administración', href: '/admin' },
          { label: 'Conceptos de facturación', href: '/admin/conceptos' },
          { label: 'Grupos', href: '/admin/conceptos/grupos' },
          { label: group.code },
        ]}
        actions={
          <Button variant="outline" asChild>
            <Link href={`/admin/audit?entity=concept_group&entityId=${group.id}`}>
              <History /> Ver historial
            </Link>
          </Button>
        }
      />
      <ConceptGroupForm key={group.updatedAt.toISOString()} action={updateConceptGroupAction.bind(null, group.id)} initial={group} submitLabel="Guardar cambios" cancelHref="/admin/conceptos/grupos" />
    </>
  );
}
