import { DetailField } from '@/components/detail-field';
import { SectionCard } from '@/components/section-card';
import { DOCUMENT_TYPE_LABELS, formatDocument } from '@/lib/domain/documents';
import { SEGMENT_LABELS, TAX_CONDITION_LABELS } from '@/lib/validation/customer';
import type { portalCustomer } from '@/lib/dal/portal';

type PortalCustomer = Awaited<ReturnType<typeof portalCustomer>>;

/** The client's company as the utility has it on file (read-only). */
export function CompanyCard({ data, className }: { data: PortalCustomer; className?: string }) {
  const { customer: c, branchName, localityName, provinceName } = data;
  return (
    <SectionCard title="Datos de la empresa" className={className}>
      <dl className="grid gap-4 sm:grid-cols-2">
        <DetailField label="Documento">
          {DOCUMENT_TYPE_LABELS[c.documentType]} {formatDocument(c.documentType, c.documentNumber)}
        </DetailField>
        <DetailField label="Condición fiscal">{TAX_CONDITION_LABELS[c.taxCondition]}</DetailField>
        <DetailField label="Segmento">{SEGMENT_LABELS[c.segment]}</DetailField>
        <DetailField label="Sucursal que le atiende">{branchName}</DetailField>
        <DetailField label="Gestor de cuenta">{c.keyAccountManager}</DetailField>
        <DetailField label="Correo de facturación">{c.email}</DetailField>
        <div className="sm:col-span-2">
          <DetailField label="Dirección">{[c.address, localityName, provinceName].filter(Boolean).join(', ')}</DetailField>
        </div>
      </dl>
    </SectionCard>
  );
}
