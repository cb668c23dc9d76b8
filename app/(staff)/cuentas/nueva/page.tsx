import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { FileText } from 'lucide-react';
import { BlockedNotice } from '@/components/forms/blocked-notice';
import { AccountForm } from '@/components/accounts/account-form';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { createAccountAction } from '@/lib/actions/accounts';
import { NotFoundError } from '@/lib/auth/errors';
import { accountFormContext } from '@/lib/dal/accounts';
import { requirePageActor } from '@/lib/dal/page';
import { toLocalDateString } from '@/lib/domain/format';

export const metadata: Metadata = { title: 'Nueva cuenta' };

type Search = { acuerdo?: string | string[]; grupo?: string | string[] };
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function NewAccountPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor('agreements.write');
  const search = await searchParams;
  const agreementId = first(search.acuerdo);
  const crumbs = [{ label: 'Inicio', href: '/' }, { label: 'Cuentas', href: '/cuentas' }, { label: 'Nueva' }];

  // Every account belongs to an agreement: the form opens from the agreement (or one of its groups).
  if (!agreementId) {
    return (
      <>
        <PageHeader title="Nueva cuenta" crumbs={crumbs} />
        <EmptyState
          icon={FileText}
          title="Elija primero el acuerdo"
          description="Cada cuenta pertenece a un acuerdo de facturación. Abra el acuerdo y use «Nueva cuenta» en su sección de cuentas."
          action={
            <Button asChild>
              <Link href="/acuerdos">Ir a los acuerdos</Link>
            </Button>
          }
        />
      </>
    );
  }

  const ctx = await accountFormContext(actor, agreementId).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const a = ctx.agreement.agreement;
  const groupId = first(search.grupo);
  return (
    <>
      <PageHeader title="Nueva cuenta" description={`Acuerdo ${a.code} — ${a.name}`} crumbs={[{ label: 'Inicio', href: '/' }, { label: 'Acuerdos', href: '/acuerdos' }, { label: a.code, href: `/acuerdos/${a.id}` }, { label: 'Nueva cuenta' }]} />
      {a.status === 'CLOSED' ? (
        <BlockedNotice message="El acuerdo está cerrado: no admite cuentas nuevas." backHref={`/acuerdos/${a.id}`} backLabel="Volver al acuerdo" />
      ) : (
        <AccountForm
          action={createAccountAction.bind(null, a.id)}
          initial={{
            groupId: ctx.groups.some((g) => g.id === groupId) ? groupId : undefined,
            serviceAddress: a.billingAddress,
            provinceId: ctx.agreement.provinceId,
            localityId: a.localityId,
            startDate: toLocalDateString(new Date()),
          }}
          options={ctx}
          agreementLabel={`${a.code} — ${a.name}`}
          submitLabel="Crear cuenta"
          cancelHref={groupId && ctx.groups.some((g) => g.id === groupId) ? `/acuerdos/${a.id}/grupos/${groupId}` : `/acuerdos/${a.id}`}
        />
      )}
    </>
  );
}
