import type { Metadata } from 'next';
import { AttributeDefinitionForm } from '@/components/admin-catalogs/attribute-definition-form';
import { PageHeader } from '@/components/shell/page-header';
import { createAttributeDefinitionAction } from '@/lib/actions/catalogs';
import { requirePageActor } from '@/lib/dal/page';
import { ATTRIBUTE_ENTITY_OPTIONS, ATTRIBUTE_TYPE_OPTIONS } from '../options';

export const metadata: Metadata = { title: 'Nuevo atributo dinámico' };

export default async function NewAttributeDefinitionPage() {
  await requirePageActor('admin.catalogs');
  return (
    <>
      <PageHeader
        title="Nuevo atributo dinámico"
        description="La clave y la entidad no se pueden cambiar después de guardar."
        crumbs={[{ label: 'Administración', href: '/admin' }, { label: 'Atributos dinámicos', href: '/admin/atributos' }, { label: 'Nuevo' }]}
      />
      <AttributeDefinitionForm
        action={createAttributeDefinitionAction}
        initial={{ active: true, position: 0 }}
        types={ATTRIBUTE_TYPE_OPTIONS}
        entities={ATTRIBUTE_ENTITY_OPTIONS}
        submitLabel="Guardar atributo"
        cancelHref="/admin/atributos"
      />
    </>
  );
}
