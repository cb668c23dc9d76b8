import type { Metadata } from 'next';
import { ConceptGroupForm } from '@/components/billing-admin/concept-group-form';
import { PageHeader } from '@/components/shell/page-header';
import { createConceptGroupAction } from '@/lib/actions/billing-catalogs';
import { requirePageActor } from '@/lib/dal/page';

export const metadata: Metadata = { title: 'Nuevo grupo de conceptos' };

export default async function NewConceptGroupPage() {
  await requirePageActor('admin.catalogs');
  return (
    <>
      <PageHeader
        title="Nuevo grupo de conceptos"
        crumbs={[
          { label: 'Administración', href: '/admin' },
          { label: 'Conceptos de facturación', href: '/admin/conceptos' },
          { label: 'Grupos', href: '/admin/conceptos/grupos' },
          { label: 'Nuevo' },
        ]}
      />
      <ConceptGroupForm action={createConceptGroupAction} initial={{}} submitLabel="Guardar grupo" cancelHref="/admin/conceptos/grupos" />
    </>
  );
}
