import type { Metadata } from 'next';
import { DelinquencyLevelForm } from '@/components/delinquency/level-form';
import { PageHeader } from '@/components/shell/page-header';
import { delinquencyLevelFormOptions } from '@/lib/dal/delinquency-levels';
import { requirePageActor } from '@/lib/dal/page';
import { createDelinquencyLevelAction } from '../actions';

export const metadata: Metadata = { title: 'Nuevo nivel de morosidad' };

export default async function NewDelinquencyLevelPage() {
  const actor = await requirePageActor('admin.catalogs');
  const concepts = await delinquencyLevelFormOptions(actor);
  return (
    <>
      <PageHeader title="Nuevo nivel de morosidad" crumbs={[{ label: 'Administración', href: '/admin' }, { label: 'Morosidad', href: '/admin/morosidad' }, { label: 'Nuevo' }]} />
      <DelinquencyLevelForm action={createDelinquencyLevelAction} initial={{ active: true, minDebt: '0.00' }} concepts={concepts} submitLabel="Guardar nivel" cancelHref="/admin/morosidad" />
    </>
  );
}
