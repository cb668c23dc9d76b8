import type { Metadata } from 'next';
import { ConceptForm } from '@/components/billing-admin/concept-form';
import { PageHeader } from '@/components/shell/page-header';
import { createConceptAction } from '@/lib/actions/billing-catalogs';
import { conceptFormOptions } from '@/lib/dal/billing-catalogs';
import { requirePageActor } from '@/lib/dal/page';
import { conceptFormChoices } from '../options';

export const metadata: Metadata = { title: 'Nuevo concepto de facturación' };

export default async function NewConceptPage() {
  const actor = await requirePageActor('admin.catalogs');
  const { groups, taxRates } = conceptFormChoices(await conceptFormOptions(actor));
  return (
    <>
      <PageHeader
        title="Nuevo concepto de facturación"
        crumbs={[{ label: 'Administración', href: '/admin' }, { label: 'Conceptos de facturación', href: '/admin/conceptos' }, { label: 'Nuevo' }]}
      />
      <ConceptForm
        action={createConceptAction}
        initial={{ active: true, appliesTo: 'ALL', taxRate: '0.00' }}
        groups={groups}
        taxRates={taxRates}
        submitLabel="Guardar concepto"
        cancelHref="/admin/conceptos"
      />
    </>
  );
}
