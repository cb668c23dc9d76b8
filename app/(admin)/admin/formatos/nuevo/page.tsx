import type { Metadata } from 'next';
import { PrintFormatForm } from '@/components/print-formats/print-format-form';
import { PageHeader } from '@/components/shell/page-header';
import { createPrintFormatAction } from '@/lib/actions/print-formats';
import { requirePageActor } from '@/lib/dal/page';
import { BUILT_IN_PRINT_FORMAT } from '@/lib/domain/pdf/print-format';

export const metadata: Metadata = { title: 'Nuevo formato de impresión' };

export default async function NewPrintFormatPage() {
  await requirePageActor('admin.catalogs');
  // The built-in format's choices as the starting point, without its code, name and logo.
  const { paperSize, accentColor, legalFooter, showNotes, showConsumptionChart, chartPeriods, showPaymentQr, showBarcode, columns } = BUILT_IN_PRINT_FORMAT;
  const defaults = { paperSize, accentColor, legalFooter, showNotes, showConsumptionChart, chartPeriods, showPaymentQr, showBarcode, columns };
  return (
    <>
      <PageHeader title="Nuevo formato de impresión" crumbs={[{ label: 'Administración', href: '/admin' }, { label: 'Formatos de impresión', href: '/admin/formatos' }, { label: 'Nuevo' }]} />
      <PrintFormatForm action={createPrintFormatAction} initial={{ ...defaults, active: true }} submitLabel="Guardar formato" />
    </>
  );
}
