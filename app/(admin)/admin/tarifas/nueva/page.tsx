import type { Metadata } from 'next';
import { z } from 'zod';
import { TariffForm } from '@/components/billing-admin/tariff-form';
import { PageHeader } from '@/components/shell/page-header';
import { createTariffAction } from '@/lib/actions/billing-catalogs';
import { NotFoundError } from '@/lib/auth/errors';
import { getTariff, tariffFormOptions } from '@/lib/dal/billing-catalogs';
import { requirePageActor } from '@/lib/dal/page';
import { firstValues, type RawSearchParams } from '@/lib/validation/search-params';

export const metadata: Metadata = { title: 'Nueva tarifa' };

const paramsSchema = z.object({ categoria: z.uuid().optional().catch(undefined), copiar: z.uuid().optional().catch(undefined) });

/** A new tariff; `?copiar=<id>` starts from another tariff's amounts and blocks (a revision). */
export default async function NewTariffPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor('admin.catalogs');
  const { categoria, copiar } = paramsSchema.parse(firstValues(await searchParams));
  const { categories, earliestDate } = await tariffFormOptions(actor);
  const source = copiar ? await getTariff(actor, copiar).catch((e) => (e instanceof NotFoundError ? null : Promise.reject(e))) : null;
  const initial = source
    ? { tariffCategoryId: source.tariffCategoryId, fixedCharge: source.fixedCharge, flatRate: source.flatRate, blocks: source.blocks, effectiveFrom: earliestDate ?? undefined }
    : { tariffCategoryId: categoria, effectiveFrom: earliestDate ?? undefined };
  return (
    <>
      <PageHeader
        title="Nueva tarifa"
        description={source ? `Parte de la tarifa vigente desde ${source.effectiveFrom.split('-').reverse().join('/')}; ajuste importes, tramos y fecha.` : undefined}
        crumbs={[{ label: 'Administración', href: '/admin' }, { label: 'Tarifas', href: '/admin/tarifas' }, { label: 'Nueva' }]}
      />
      <TariffForm
        action={createTariffAction}
        initial={initial}
        categories={categories.filter((c) => c.active || c.id === initial.tariffCategoryId).map((c) => ({ value: c.id, label: `${c.name} (${c.code})` }))}
        earliestDate={earliestDate}
        submitLabel="Guardar tarifa"
        cancelHref="/admin/tarifas"
      />
    </>
  );
}
