import type { Metadata } from 'next';
import { ClipboardList } from 'lucide-react';
import { PageHeader } from '@/components/shell/page-header';
import { EmptyState } from '@/components/ui/empty-state';
import { requirePageActor } from '@/lib/dal/page';

export const metadata: Metadata = { title: 'Inspecciones' };

export default async function InspectionsPage() {
  await requirePageActor('inspections.use');
  return (
    <>
      <PageHeader title="Mis inspecciones" crumbs={[{ label: 'Inspecciones' }]} description="Actividades de catastro asignadas a usted." />
      <EmptyState icon={ClipboardList} title="No tiene inspecciones asignadas" description="Cuando se le asignen inspecciones o evaluaciones de inmuebles aparecerán aquí con su fecha programada." />
    </>
  );
}
