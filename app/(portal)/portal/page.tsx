import type { Metadata } from 'next';
import { FileText } from 'lucide-react';
import { PageHeader } from '@/components/shell/page-header';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { requirePageActor } from '@/lib/dal/page';
import { portalCustomer } from '@/lib/dal/portal';
import { DOCUMENT_TYPE_LABELS, formatDocument } from '@/lib/domain/documents';
import { SEGMENT_LABELS, TAX_CONDITION_LABELS } from '@/lib/validation/customer';

export const metadata: Metadata = { title: 'Mi cuenta' };

export default async function PortalHome() {
  const actor = await requirePageActor('portal.use');
  const { customer: c, branchName, localityName, provinceName } = await portalCustomer(actor);
  return (
    <>
      <PageHeader title={c.legalName} description="Portal de autogestión para grandes clientes." crumbs={[{ label: 'Mi cuenta' }]} />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Datos de la empresa</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-3 text-sm sm:grid-cols-2">
              <div>
                <dt className="text-muted-foreground">Documento</dt>
                <dd>
                  {DOCUMENT_TYPE_LABELS[c.documentType]} {formatDocument(c.documentType, c.documentNumber)}
                </dd>
              </div>
              <div>
                <dt className="text-muted-foreground">Condición fiscal</dt>
                <dd>{TAX_CONDITION_LABELS[c.taxCondition]}</dd>
              </div>
              <div>
                <dt className="text-muted-foreground">Segmento</dt>
                <dd>{SEGMENT_LABELS[c.segment]}</dd>
              </div>
              <div>
                <dt className="text-muted-foreground">Sucursal que le atiende</dt>
                <dd>{branchName}</dd>
              </div>
              <div>
                <dt className="text-muted-foreground">Gestor de cuenta</dt>
                <dd>{c.keyAccountManager ?? '—'}</dd>
              </div>
              <div>
                <dt className="text-muted-foreground">Correo de facturación</dt>
                <dd>{c.email ?? '—'}</dd>
              </div>
              <div className="sm:col-span-2">
                <dt className="text-muted-foreground">Dirección</dt>
                <dd>{[c.address, localityName, provinceName].filter(Boolean).join(', ') || '—'}</dd>
              </div>
            </dl>
          </CardContent>
        </Card>
        <EmptyState icon={FileText} title="Aún no hay facturas" description="Sus acuerdos, cuentas, facturas y estados de cuenta aparecerán aquí cuando se emita la primera facturación." />
      </div>
    </>
  );
}
