import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { FileSignature, Pencil } from 'lucide-react';
import { SectionCard } from '@/components/section-card';
import { SuccessAlert } from '@/components/forms/alerts';
import { AddButton } from '@/components/add-button';
import { AgreementStatusBadge } from '@/components/crm/status-badges';
import { DetailField } from '@/components/detail-field';
import { PageHeader } from '@/components/shell/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { NotFoundError } from '@/lib/auth/errors';
import { can } from '@/lib/auth/roles';
import { listAgreements } from '@/lib/dal/agreements';
import { getCustomer } from '@/lib/dal/customers';
import { requirePageActor } from '@/lib/dal/page';
import { BILLING_MODE_LABELS } from '@/lib/domain/billing-frequency';
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
  // A cashier reads customers but not agreements: the card is left out rather than queried.
  const agreements = can(actor.role, 'agreements.read') ? await listAgreements(actor, { customerId: c.id }) : undefined;
  const canCreateAgreement = can(actor.role, 'agreements.write');
  const canEdit = can(actor.role, 'customers.write');
  const newAgreementHref = `/acuerdos/nuevo?cliente=${c.id}`;
  return (
    <>
      <PageHeader
        title={c.legalName}
        description={<span className="font-mono">{c.code}</span>}
        crumbs={[{ label: 'Inicio', href: '/' }, { label: 'Clientes', href: '/clientes' }, { label: c.code }]}
        actions={
          canCreateAgreement || canEdit ? (
            <>
              {canCreateAgreement ? (
                <AddButton href={newAgreementHref} variant={canEdit ? 'outline' : 'default'}>Nuevo acuerdo</AddButton>
              ) : null}
              {canEdit ? (
                <Button asChild>
                  <Link href={`/clientes/${c.id}/editar`}>
                    <Pencil /> Editar
                  </Link>
                </Button>
              ) : null}
            </>
          ) : undefined
        }
      />
      {flags.creado || flags.actualizado ? (
        <SuccessAlert className="mb-4">{flags.creado ? 'Cliente registrado correctamente.' : 'Cambios guardados.'}</SuccessAlert>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <SectionCard title="Identificación">
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
        </SectionCard>
        <SectionCard title="Contacto y ubicación">
          <dl className="grid gap-4 sm:grid-cols-2">
            <DetailField label="Correo electrónico">{c.email}</DetailField>
            <DetailField label="Teléfono">{c.phone}</DetailField>
            <DetailField label="Dirección">{c.address}</DetailField>
            <DetailField label="Localidad">{row.localityName ? `${row.localityName}, ${row.provinceName}` : null}</DetailField>
            <DetailField label="Registrado">{formatDateTime(c.createdAt)}</DetailField>
            <DetailField label="Última modificación">{formatDateTime(c.updatedAt)}</DetailField>
          </dl>
        </SectionCard>
        {c.notes ? (
          <SectionCard className="lg:col-span-2" title="Notas" contentClassName="whitespace-pre-wrap text-sm">{c.notes}</SectionCard>
        ) : null}
        {agreements ? (
          <Card className="lg:col-span-2" id="acuerdos">
            <CardHeader>
              <CardTitle>Acuerdos</CardTitle>
              {agreements.total > 0 ? (
                <CardDescription>
                  {agreements.total.toLocaleString('es-DO')} {agreements.total === 1 ? 'acuerdo' : 'acuerdos'}.
                </CardDescription>
              ) : null}
            </CardHeader>
            <CardContent className="grid gap-3">
              {agreements.total === 0 ? (
                <EmptyState
                  icon={FileSignature}
                  title="Este cliente todavía no tiene acuerdos."
                  action={
                    canCreateAgreement ? (
                      <AddButton href={newAgreementHref}>Nuevo acuerdo</AddButton>
                    ) : undefined
                  }
                />
              ) : (
                <>
                  <div className="rounded-md border">
                    <Table>
                      <TableHeader>
                        <TableRow>
                          <TableHead>Código</TableHead>
                          <TableHead>Nombre</TableHead>
                          <TableHead>Estado</TableHead>
                          <TableHead className="hidden md:table-cell">Modalidad</TableHead>
                          <TableHead>Moneda</TableHead>
                        </TableRow>
                      </TableHeader>
                      <TableBody>
                        {agreements.rows.map((a) => (
                          <TableRow key={a.id}>
                            <TableCell>
                              <Link href={`/acuerdos/${a.id}`} className="font-mono text-xs font-medium text-primary hover:underline">
                                {a.code}
                              </Link>
                            </TableCell>
                            <TableCell>{a.name}</TableCell>
                            <TableCell>
                              <AgreementStatusBadge status={a.status} />
                            </TableCell>
                            <TableCell className="hidden md:table-cell">{BILLING_MODE_LABELS[a.billingMode]}</TableCell>
                            <TableCell className="font-mono text-xs">{a.currency}</TableCell>
                          </TableRow>
                        ))}
                      </TableBody>
                    </Table>
                  </div>
                  {agreements.total > agreements.rows.length ? (
                    <div className="text-sm text-muted-foreground">
                      Mostrando {agreements.rows.length} de {agreements.total.toLocaleString('es-DO')}.{' '}
                      <Link href={`/acuerdos?${new URLSearchParams({ q: c.documentNumber })}`} className="font-medium text-primary hover:underline">
                        Ver todos
                      </Link>
                    </div>
                  ) : null}
                </>
              )}
            </CardContent>
          </Card>
        ) : null}
      </div>
    </>
  );
}
