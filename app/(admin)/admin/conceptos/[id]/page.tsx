import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { History } from 'lucide-react';
import { ActiveToggle } from '@/components/admin-catalogs/active-toggle';
import { ConceptForm } from '@/components/billing-admin/concept-form';
import { PageHeader } from '@/components/shell/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { setConceptActiveAction, updateConceptAction } from '@/lib/actions/billing-catalogs';
import { NotFoundError } from '@/lib/auth/errors';
import { conceptFormOptions, getConcept } from '@/lib/dal/billing-catalogs';
import { requirePageActor } from '@/lib/dal/page';
import { CONCEPT_KIND_LABELS } from '@/lib/validation/billing-catalogs';
import { conceptFormChoices } from '../options';

export const metadata: Metadata = { title: 'Concepto de facturación' };

export default async function ConceptPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor('admin.catalogs');
  const concept = await getConcept(actor, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const { groups, taxRates } = conceptFormChoices(await conceptFormOptions(actor));
  return (
    <>
      <PageHeader
        title={concept.name}
        description={
          <>
            <span className="font-mono">{concept.code}</span> · {CONCEPT_KIND_LABELS[concept.kind]}{' '}
            {concept.active ? <Badge variant="success">Activo</Badge> : <Badge variant="secondary">Inactivo</Badge>}
          </>
        }
        crumbs={[{ label: 'Administración', href: '/admin' }, { label: 'Conceptos de facturación', href: '/admin/conceptos' }, { label: concept.code }]}
        actions={
          <>
            <Button variant="outline" asChild>
              <Link href={`/admin/audit?entity=concept&entityId=${concept.id}`}>
                <History /> Ver historial
              </Link>
            </Button>
            <ActiveToggle
              active={concept.active}
              action={setConceptActiveAction.bind(null, concept.id)}
              title={`¿Desactivar ${concept.name}?`}
              description="Los próximos ciclos de facturación no lo cobrarán y no se podrá elegir en facturas manuales. Las facturas emitidas lo conservan; puede reactivarlo más adelante."
            />
          </>
        }
      />
      <ConceptForm
        key={concept.updatedAt.toISOString()}
        action={updateConceptAction.bind(null, concept.id)}
        initial={concept}
        groups={groups}
        taxRates={taxRates}
        uses={concept.uses}
        submitLabel="Guardar cambios"
        cancelHref="/admin/conceptos"
      />
    </>
  );
}
