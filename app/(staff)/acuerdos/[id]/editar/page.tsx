import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AgreementForm } from '@/components/agreements/agreement-form';
import { PageHeader } from '@/components/shell/page-header';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { updateAgreementAction } from '@/lib/actions/agreements';
import { NotFoundError } from '@/lib/auth/errors';
import { agreementFormOptions, getAgreement } from '@/lib/dal/agreements';
import { requirePageActor } from '@/lib/dal/page';

export const metadata: Metadata = { title: 'Editar acuerdo' };

export default async function EditAgreementPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor('agreements.write');
  const row = await getAgreement(actor, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const a = row.agreement;
  const crumbs = [{ label: 'Inicio', href: '/' }, { label: 'Acuerdos', href: '/acuerdos' }, { label: a.code, href: `/acuerdos/${a.id}` }, { label: 'Editar' }];
  if (a.status === 'CLOSED') {
    return (
      <>
        <PageHeader title={`Editar ${a.name}`} crumbs={crumbs} />
        <Alert variant="destructive" role="alert" className="max-w-2xl">
          <AlertDescription>
            Un acuerdo cerrado no se puede modificar.{' '}
            <Link href={`/acuerdos/${a.id}`} className="underline">
              Volver al acuerdo
            </Link>
          </AlertDescription>
        </Alert>
      </>
    );
  }
  const options = await agreementFormOptions(actor, [a.customerId]);
  return (
    <>
      <PageHeader title={`Editar ${a.name}`} description={<span className="font-mono">{a.code}</span>} crumbs={crumbs} />
      <AgreementForm
        action={updateAgreementAction.bind(null, a.id)}
        initial={{ ...a, provinceId: row.provinceId }}
        options={options}
        submitLabel="Guardar cambios"
        cancelHref={`/acuerdos/${a.id}`}
        branchLocked
      />
    </>
  );
}
