import type { Metadata } from 'next';
import { AgreementForm } from '@/components/agreements/agreement-form';
import { newAgreementDefaults } from '@/components/agreements/form-defaults';
import { PageHeader } from '@/components/shell/page-header';
import { createAgreementAction } from '@/lib/actions/agreements';
import { agreementFormOptions } from '@/lib/dal/agreements';
import { requirePageActor } from '@/lib/dal/page';

export const metadata: Metadata = { title: 'Nuevo acuerdo' };

/** `?cliente=<id>` (from the customer's page) preselects that customer when it is in the actor's scope. */
export default async function NewAgreementPage({ searchParams }: { searchParams: Promise<{ cliente?: string | string[] }> }) {
  const actor = await requirePageActor('agreements.write');
  const { cliente } = await searchParams;
  const customerId = typeof cliente === 'string' ? cliente : undefined;
  const options = await agreementFormOptions(actor, customerId ? [customerId] : []);
  return (
    <>
      <PageHeader
        title="Nuevo acuerdo"
        description="El acuerdo se crea en estado Nuevo junto con su orden de activación; queda Activo cuando otro usuario aprueba la orden."
        crumbs={[{ label: 'Inicio', href: '/' }, { label: 'Acuerdos', href: '/acuerdos' }, { label: 'Nuevo' }]}
      />
      <AgreementForm action={createAgreementAction} initial={newAgreementDefaults(options, customerId)} options={options} submitLabel="Guardar acuerdo" cancelHref="/acuerdos" />
    </>
  );
}
