import { Badge } from '@/components/ui/badge';
import type { DEBIT_BATCH_STATUSES, DEBIT_ITEM_STATUSES } from '@/db/schema/collections';

export type DebitBatchStatus = (typeof DEBIT_BATCH_STATUSES)[number];
export type DebitItemStatus = (typeof DEBIT_ITEM_STATUSES)[number];

export const DEBIT_BATCH_STATUS_LABELS: Record<DebitBatchStatus, string> = {
  GENERATED: 'Enviado, sin respuesta',
  IMPORTING: 'Importación sin terminar',
  RESPONSE_IMPORTED: 'Respuesta importada',
};

export const DEBIT_ITEM_STATUS_LABELS: Record<DebitItemStatus, string> = {
  PENDING: 'Pendiente',
  CONFIRMED: 'Debitado',
  REJECTED: 'Rechazado',
};

export function DebitBatchStatusBadge({ status }: { status: DebitBatchStatus }) {
  return <Badge variant={status === 'RESPONSE_IMPORTED' ? 'success' : 'warning'}>{DEBIT_BATCH_STATUS_LABELS[status]}</Badge>;
}

const ITEM_VARIANTS: Record<DebitItemStatus, 'warning' | 'success' | 'destructive'> = { PENDING: 'warning', CONFIRMED: 'success', REJECTED: 'destructive' };

export function DebitItemStatusBadge({ status }: { status: DebitItemStatus }) {
  return <Badge variant={ITEM_VARIANTS[status]}>{DEBIT_ITEM_STATUS_LABELS[status]}</Badge>;
}
