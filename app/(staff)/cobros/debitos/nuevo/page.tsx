import type { Metadata } from 'next';
import { PageHeader } from '@/components/shell/page-header';
import { generateDebitBatchAction } from '@/lib/actions/direct-debit';
import { directDebitBanks } from '@/lib/dal/direct-debit';
import { CURRENCIES } from '@/lib/domain/billing-frequency';
import { shiftPeriod } from '@/lib/domain/billing/period';
import { toLocalDateString } from '@/lib/domain/format';
import { requireDebitActor } from '../access';
import { GenerateBatchForm } from './generate-form';

export const metadata: Metadata = { title: 'Generar lote de débito' };

export default async function NewDebitBatchPage() {
  const actor = await requireDebitActor('payments.write');
  const banks = await directDebitBanks(actor);
  // The month just billed is the usual one to debit.
  const period = shiftPeriod(toLocalDateString(new Date()).slice(0, 7), -1);
  return (
    <>
      <PageHeader
        title="Generar lote de débito"
        crumbs={[{ label: 'Inicio', href: '/' }, { label: 'Cobros', href: '/cobros' }, { label: 'Débitos automáticos', href: '/cobros/debitos' }, { label: 'Generar lote' }]}
        description="Reúne las facturas y notas de débito pendientes del período, en la moneda elegida, de los acuerdos cuyo medio de pago predeterminado es el débito automático con el banco."
      />
      <GenerateBatchForm
        action={generateDebitBatchAction}
        banks={banks.map((b) => ({ value: b.id, label: b.name }))}
        currencies={CURRENCIES.map((c) => ({ value: c, label: c }))}
        initial={{ period, currency: 'DOP' }}
      />
    </>
  );
}
