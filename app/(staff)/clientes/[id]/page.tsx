import type { Metadata } from 'next';
import { DetailField } from '@/components/detail-field';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CircleCheck, Pencil } from 'lucide-react';
import { PageHeader } from '@/components/shell/page-header';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { NotFoundError } from '@/lib/auth/errors';
import { can } from '@/lib/auth/roles';
import { getCustomer } from '@/lib/dal/customers';
import { requirePageActor } from '@/lib/dal/page';
import { DOCUMENT_TYPE_LABELS, formatDocument } from '@/lib/domain/documents';
import { formatDateTime } from '@/lib/domain/format';
import { SEGMENT_LABELS, TAX_CONDITION_LABELS } from '@/lib/validation/customer';

export const metadata: Metadata = { title: 'Cliente' };


export default async function CustomerPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ creado?: string; actualizado?: string }> }) {
  const { id } = await params;
  const flags = await searchParams;
  const actor = await requirePageActor('customers.read');
  const row = await getCustomer(actor, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const c = row.customer;
  return (
    <>
      <PageHeader
        title={c.legalName}
        description={<span className="font-mono">{c.code}</span>}
        crumbs={[{ label: 'Inicio', href: '/' }, { label: 'Clientes', href: '/clientes' }, { label: c.code }]}
        actions={
          can(actor.role, 'customers.write') ? (
            <Button asChild>
              <Link href={`/clientes/${c.id}/editar`}>
                <Pencil /> Editar
              </Link>
            </Button>
          ) : undefined
        }
      />
      {flags.creado || flags.actualizado ? (
        <Alert className="mb-4" role="status">
          <CircleCheck />
          <AlertDescription>{flags.creado ? 'Cliente registrado correctamente.' : 'Cambios guardados.'}</AlertDescription>
        </Alert>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Identificación</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-4 sm:grid-cols-2">
              <DetailField label="Documento">
                {DOCUMENT_TYPE_LABELS[c.documentType]} {formatDocument(c.documentType, c.documentNumber)}
              </DetailField>
              <DetailField label="Condición fiscal">{TAX_CONDITION_LABELS[c.taxCondition]}</DetailField>
              <DetailField label="Segmento">{SEGMENT_LABELS[c.segment]}</DetailField>
              <DetailField label="Gran cliente">{c.isLargeAccount ? <Badge variant="secondary">Sí</Badge> : 'No'}</DetailField>
              <DetailField label="Gestor de cuenta">{c.keyAccountManager}</DetailField>
              <DetailField label="Sucursal">{row.branchName}</DetailField>
            </dl>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Contacto y ubicación</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-4 sm:grid-cols-2">
              <DetailField label="Correo electrónico">{c.email}</DetailField>
              <DetailField label="Teléfono">{c.phone}</DetailField>
              <DetailField label="Dirección">{c.address}</DetailField>
              <DetailField label="Localidad">{row.localityName ? `${row.localityName}, ${row.provinceName}` : null}</DetailField>
              <DetailField label="Registrado">{formatDateTime(c.createdAt)}</DetailField>
              <DetailField label="Última modificación">{formatDateTime(c.updatedAt)}</DetailField>
            </dl>
          </CardContent>
        </Card>
        {c.notes ? (
          <Card className="lg:col-span-2">
            <CardHeader>
              <CardTitle>Notas</CardTitle>
            </CardHeader>
            <CardContent className="whitespace-pre-wrap text-sm">{c.notes}</CardContent>
          </Card>
        ) : null}
      </div>
    </>
  );
}
