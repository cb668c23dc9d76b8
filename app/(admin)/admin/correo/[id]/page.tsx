import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EmailStatusBadge } from '@/components/delinquency/email-status-badge';
import { SectionCard } from '@/components/section-card';
import { PageHeader } from '@/components/shell/page-header';
import { NotFoundError } from '@/lib/auth/errors';
import { getOutboxEmail } from '@/lib/dal/email-outbox';
import { requirePageActor } from '@/lib/dal/page';
import { formatDateTime } from '@/lib/domain/format';

export const metadata: Metadata = { title: 'Correo' };

export default async function OutboxEmailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor('admin.catalogs');
  const email = await getOutboxEmail(actor, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  return (
    <>
      <PageHeader title={email.subject} crumbs={[{ label: 'Administración', href: '/admin' }, { label: 'Correo saliente', href: '/admin/correo' }, { label: 'Correo' }]} />
      <SectionCard className="mb-4" title="Envío">
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="text-muted-foreground">Para</dt>
          <dd>{email.to}</dd>
          <dt className="text-muted-foreground">Estado</dt>
          <dd>
            <EmailStatusBadge status={email.status} /> {email.attempts} intento(s)
          </dd>
          <dt className="text-muted-foreground">Creado</dt>
          <dd>{formatDateTime(email.createdAt)}</dd>
          <dt className="text-muted-foreground">Enviado</dt>
          <dd>{email.sentAt ? formatDateTime(email.sentAt) : '—'}</dd>
          {email.lastError ? (
            <>
              <dt className="text-muted-foreground">Último error</dt>
              <dd className="text-destructive">{email.lastError}</dd>
            </>
          ) : null}
          {email.relatedEntity === 'agreement' && email.relatedId ? (
            <>
              <dt className="text-muted-foreground">Relacionado</dt>
              <dd>
                <Link href={`/acuerdos/${email.relatedId}`} className="text-primary hover:underline">
                  Ver el acuerdo
                </Link>
              </dd>
            </>
          ) : null}
        </dl>
      </SectionCard>
      <SectionCard title="Texto">
        <pre className="whitespace-pre-wrap font-sans text-sm">{email.text}</pre>
      </SectionCard>
    </>
  );
}
