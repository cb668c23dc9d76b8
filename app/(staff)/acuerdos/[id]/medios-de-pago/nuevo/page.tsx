import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PaymentMethodForm } from '@/components/payment-methods/payment-method-form';
import { PageHeader } from '@/components/shell/page-header';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { addPaymentMethodAction } from '@/lib/actions/payment-methods';
import { NotFoundError } from '@/lib/auth/errors';
import { requirePageActor } from '@/lib/dal/page';
import { paymentMethodFormOptions } from '@/lib/dal/payment-methods';
import { toLocalDateString } from '@/lib/domain/format';

export const metadata: Metadata = { title: 'Nuevo medio de pago' };

export default async function NewPaymentMethodPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor('agreements.write');
  const options = await paymentMethodFormOptions(actor, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const { agreement } = options;
  const back = `/acuerdos/${agreement.id}`;
  const thisYear = Number(toLocalDateString(new Date()).slice(0, 4));
  return (
    <>
      <PageHeader
        title="Nuevo medio de pago"
        description={
          <>
            <span className="font-mono">{agreement.code}</span> — {agreement.name}
          </>
        }
        crumbs={[{ label: 'Inicio', href: '/' }, { label: 'Acuerdos', href: '/acuerdos' }, { label: agreement.code, href: back }, { label: 'Nuevo medio de pago' }]}
      />
      {options.writable ? (
        <PaymentMethodForm
          action={addPaymentMethodAction.bind(null, agreement.id)}
          methods={options.methods}
          entities={options.entities}
          years={Array.from({ length: 16 }, (_, i) => thisYear + i)}
          cancelHref={`${back}#medios-de-pago`}
        />
      ) : (
        <div className="grid max-w-2xl gap-4">
          <Alert role="status">
            <AlertDescription>El acuerdo está cerrado: no se pueden agregar medios de pago.</AlertDescription>
          </Alert>
          <div>
            <Button variant="outline" asChild>
              <Link href={back}>Volver al acuerdo</Link>
            </Button>
          </div>
        </div>
      )}
    </>
  );
}
