import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { History } from 'lucide-react';
import { ActiveToggle } from '@/components/admin-catalogs/active-toggle';
import { PaymentEntityForm } from '@/components/admin-catalogs/payment-entity-form';
import { PageHeader } from '@/components/shell/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { setPaymentEntityActiveAction, updatePaymentEntityAction } from '@/lib/actions/catalogs';
import { NotFoundError } from '@/lib/auth/errors';
import { requirePageActor } from '@/lib/dal/page';
import { getPaymentEntity } from '@/lib/dal/payment-entities';
import { ENTITY_METHOD_OPTIONS } from '../options';

export const metadata: Metadata = { title: 'Entidad de pago' };

export default async function PaymentEntityPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor('admin.catalogs');
  const entity = await getPaymentEntity(actor, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  return (
    <>
      <PageHeader
        title={entity.name}
        description={
          <>
            <span className="font-mono">{entity.code}</span> {entity.active ? <Badge variant="success">Activa</Badge> : <Badge variant="secondary">Inactiva</Badge>}
          </>
        }
        crumbs={[{ label: 'Administración', href: '/admin' }, { label: 'Entidades de pago', href: '/admin/entidades-pago' }, { label: entity.code }]}
        actions={
          <>
            <Button variant="outline" asChild>
              <Link href={`/admin/audit?entity=payment_entity&entityId=${entity.id}`}>
                <History /> Ver historial
              </Link>
            </Button>
            <ActiveToggle
              active={entity.active}
              action={setPaymentEntityActiveAction.bind(null, entity.id)}
              title={`¿Desactivar ${entity.name}?`}
              description="No se podrá elegir en nuevos medios de pago. Los acuerdos que ya la usan la conservan; puede reactivarla más adelante."
            />
          </>
        }
      />
      <PaymentEntityForm
        key={entity.updatedAt.toISOString()}
        action={updatePaymentEntityAction.bind(null, entity.id)}
        initial={entity}
        methods={ENTITY_METHOD_OPTIONS}
        uses={entity.uses}
        submitLabel="Guardar cambios"
        cancelHref="/admin/entidades-pago"
      />
    </>
  );
}
