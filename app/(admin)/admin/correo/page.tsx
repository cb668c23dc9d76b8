import type { Metadata } from 'next';
import Link from 'next/link';
import { Mail } from 'lucide-react';
import { EmailStatusBadge } from '@/components/delinquency/email-status-badge';
import { FilterActions } from '@/components/lists/filter-actions';
import { PageHeader } from '@/components/shell/page-header';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { EmptyState } from '@/components/ui/empty-state';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { PaginationBar } from '@/components/ui/pagination';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { listOutboxForAdmin } from '@/lib/dal/email-outbox';
import { requirePageActor } from '@/lib/dal/page';
import { formatDateTime } from '@/lib/domain/format';
import { EMAIL_STATUS_LABELS, EMAIL_STATUSES, emailOutboxListSchema } from '@/lib/validation/delinquency';
import { firstValues, listHref, type RawSearchParams } from '@/lib/validation/search-params';

export const metadata: Metadata = { title: 'Correo saliente' };

export default async function OutboxPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor('admin.catalogs');
  const params = emailOutboxListSchema.parse(firstValues(await searchParams));
  const result = await listOutboxForAdmin(actor, params);
  return (
    <>
      <PageHeader
        title="Correo saliente"
        crumbs={[{ label: 'Administración', href: '/admin' }, { label: 'Correo saliente' }]}
        description="Todo correo que envía el sistema (p. ej. los avisos de morosidad) pasa por esta bandeja: se entrega por SMTP cuando está configurado; si no, queda pendiente y se lee aquí."
      />
      {!result.smtpConfigured ? (
        <Alert className="mb-4">
          <AlertDescription>
            No hay SMTP configurado (SMTP_URL o SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASS): los correos quedan pendientes en esta bandeja.
          </AlertDescription>
        </Alert>
      ) : null}
      <form className="mb-4 flex flex-wrap items-end gap-2" role="search" aria-label="Filtrar correos">
        <NativeSelect name="status" defaultValue={params.status ?? ''} aria-label="Estado" wrapperClassName="w-56">
          <NativeSelectOption value="">Todos los estados</NativeSelectOption>
          {EMAIL_STATUSES.map((s) => (
            <NativeSelectOption key={s} value={s}>
              {EMAIL_STATUS_LABELS[s]} ({result.counts[s] ?? 0})
            </NativeSelectOption>
          ))}
        </NativeSelect>
        <FilterActions filtered={Boolean(params.status)} clearHref="/admin/correo" />
      </form>
      {result.total === 0 ? (
        <EmptyState icon={Mail} title={params.status ? 'No hay correos con ese estado' : 'La bandeja está vacía'} description="Los avisos de morosidad y demás correos del sistema aparecerán aquí." />
      ) : (
        <div className="overflow-x-auto rounded-md border">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Creado</TableHead>
                <TableHead>Para</TableHead>
                <TableHead>Asunto</TableHead>
                <TableHead>Estado</TableHead>
                <TableHead className="text-right">Intentos</TableHead>
                <TableHead>Enviado</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.rows.map((m) => (
                <TableRow key={m.id}>
                  <TableCell className="whitespace-nowrap">{formatDateTime(m.createdAt)}</TableCell>
                  <TableCell>{m.to}</TableCell>
                  <TableCell>
                    <Link href={`/admin/correo/${m.id}`} className="font-medium text-primary hover:underline">
                      {m.subject}
                    </Link>
                  </TableCell>
                  <TableCell>
                    <EmailStatusBadge status={m.status} />
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{m.attempts}</TableCell>
                  <TableCell className="whitespace-nowrap">{m.sentAt ? formatDateTime(m.sentAt) : '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <PaginationBar className="mt-4" page={result.page} pageCount={result.pageCount} total={result.total} pageSize={result.pageSize} hrefFor={(p) => listHref('/admin/correo', { status: params.status, page: p })} />
    </>
  );
}
