import { DetailField } from '@/components/detail-field';
import { DOCUMENT_TYPE_LABELS, formatDocument, isDocumentType } from '@/lib/domain/documents';
import { TAX_CONDITION_LABELS } from '@/lib/validation/customer';

// The snapshot is written by the billing engine at issue; known keys get a label, others show as they are.
const LABELS: Record<string, string> = {
  name: 'Nombre o razón social',
  legalName: 'Nombre o razón social',
  code: 'Código de cliente',
  documentType: 'Tipo de documento',
  documentNumber: 'Documento',
  taxCondition: 'Condición fiscal',
  email: 'Correo',
  phone: 'Teléfono',
  address: 'Dirección',
};
const HIDDEN = new Set(['id', 'customerId']);

function display(key: string, value: string, snapshot: Record<string, string | null>): string {
  if (key === 'documentType' && isDocumentType(value)) return DOCUMENT_TYPE_LABELS[value];
  if (key === 'documentNumber' && isDocumentType(snapshot.documentType)) return formatDocument(snapshot.documentType, value);
  if (key === 'taxCondition') return (TAX_CONDITION_LABELS as Record<string, string>)[value] ?? value;
  return value;
}

/** The customer as printed on the invoice: the snapshot taken at issue, not today's customer record. */
export function CustomerSnapshotFields({ snapshot }: { snapshot: Record<string, string | null> }) {
  const entries = Object.entries(snapshot).filter(([k, v]) => !HIDDEN.has(k) && v !== null && v !== '' && typeof v !== 'object');
  if (!entries.length) return <p className="text-sm text-muted-foreground">Sin datos del cliente.</p>;
  return (
    <>
      {entries.map(([key, value]) => (
        <DetailField key={key} label={LABELS[key] ?? key}>
          {display(key, String(value), snapshot)}
        </DetailField>
      ))}
    </>
  );
}
