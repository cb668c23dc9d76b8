import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { History } from 'lucide-react';
import { ActiveToggle } from '@/components/admin-catalogs/active-toggle';
import { AttributeDefinitionForm } from '@/components/admin-catalogs/attribute-definition-form';
import { PageHeader } from '@/components/shell/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { setAttributeDefinitionActiveAction, updateAttributeDefinitionAction } from '@/lib/actions/catalogs';
import { NotFoundError } from '@/lib/auth/errors';
import { getAttributeDefinition } from '@/lib/dal/attribute-definitions';
import { requirePageActor } from '@/lib/dal/page';
import { ATTRIBUTE_ENTITY_LABELS } from '@/lib/domain/dynamic-attributes';
import { ATTRIBUTE_ENTITY_OPTIONS, ATTRIBUTE_TYPE_OPTIONS } from '../options';

export const metadata: Metadata = { title: 'Atributo dinámico' };

export default async function AttributeDefinitionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor('admin.catalogs');
  const def = await getAttributeDefinition(actor, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  return (
    <>
      <PageHeader
        title={def.label}
        description={
          <>
            {ATTRIBUTE_ENTITY_LABELS[def.entity]} · <span className="font-mono">{def.key}</span> · {def.valueCount} registro(s) con valor{' '}
            {def.active ? <Badge variant="success">Activo</Badge> : <Badge variant="secondary">Inactivo</Badge>}
          </>
        }
        crumbs={[{ label: 'Administración', href: '/admin' }, { label: 'Atributos dinámicos', href: '/admin/atributos' }, { label: def.key }]}
        actions={
          <>
            <Button variant="outline" asChild>
              <Link href={`/admin/audit?entity=attribute_definition&entityId=${def.id}`}>
                <History /> Ver historial
              </Link>
            </Button>
            <ActiveToggle
              active={def.active}
              action={setAttributeDefinitionActiveAction.bind(null, def.id)}
              title={`¿Desactivar el atributo ${def.label}?`}
              description="Dejará de mostrarse en formularios y filtros. Los valores guardados se conservan y vuelven a verse si lo reactiva."
            />
          </>
        }
      />
      <AttributeDefinitionForm
        key={def.updatedAt.toISOString()}
        action={updateAttributeDefinitionAction.bind(null, def.id)}
        initial={def}
        types={ATTRIBUTE_TYPE_OPTIONS}
        entities={ATTRIBUTE_ENTITY_OPTIONS}
        editing
        submitLabel="Guardar cambios"
        cancelHref="/admin/atributos"
      />
    </>
  );
}
