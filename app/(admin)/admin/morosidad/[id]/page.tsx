import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { History } from 'lucide-react';
import { ActiveToggle } from '@/components/admin-catalogs/active-toggle';
import { DelinquencyLevelForm } from '@/components/delinquency/level-form';
import { PageHeader } from '@/components/shell/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { NotFoundError } from '@/lib/auth/errors';
import { delinquencyLevelFormOptions, getDelinquencyLevel } from '@/lib/dal/delinquency-levels';
import { requirePageActor } from '@/lib/dal/page';
import { setDelinquencyLevelActiveAction, updateDelinquencyLevelAction } from '../actions';

export const metadata: Metadata = { title: 'Nivel de morosidad' };

export default async function DelinquencyLevelPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor('admin.catalogs');
  const level = await getDelinquencyLevel(actor, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const concepts = await delinquencyLevelFormOptions(actor, level.lateFeeConceptId);
  return (
    <>
      <PageHeader
        title={level.name}
        description={
          <>
            {level.active ? <Badge variant="success">Activo</Badge> : <Badge variant="secondary">Inactivo</Badge>} {level.agreements} acuerdo(s) en este nivel
          </>
        }
        crumbs={[{ label: 'Administración', href: '/admin' }, { label: 'Morosidad', href: '/admin/morosidad' }, { label: level.name }]}
        actions={
          <>
            <Button variant="outline" asChild>
              <Link href={`/admin/audit?entity=delinquency_level&entityId=${level.id}`}>
                <History /> Ver historial
              </Link>
            </Button>
            <ActiveToggle
              active={level.active}
              action={setDelinquencyLevelActiveAction.bind(null, level.id)}
              title={`¿Desactivar el nivel ${level.name}?`}
              description="Las próximas corridas de morosidad no lo aplicarán; las acciones ya tomadas se conservan. Puede reactivarlo más adelante."
            />
          </>
        }
      />
      <DelinquencyLevelForm
        key={level.updatedAt.toISOString()}
        action={updateDelinquencyLevelAction.bind(null, level.id)}
        initial={level}
        concepts={concepts}
        submitLabel="Guardar cambios"
        cancelHref="/admin/morosidad"
      />
    </>
  );
}
