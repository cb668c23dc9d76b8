import { Badge } from '@/components/ui/badge';
import {
  ACCOUNT_STATUS_LABELS,
  AGREEMENT_STATUS_LABELS,
  WORK_ORDER_STATUS_LABELS,
  type AccountStatus,
  type AgreementStatus,
  type WorkOrderStatus,
} from '@/lib/domain/crm-status';

type Variant = 'default' | 'secondary' | 'destructive' | 'outline' | 'success' | 'warning';

const AGREEMENT_VARIANTS: Record<AgreementStatus, Variant> = { NEW: 'warning', ACTIVE: 'success', SUSPENDED: 'destructive', CLOSED: 'secondary' };
const ACCOUNT_VARIANTS: Record<AccountStatus, Variant> = { ACTIVE: 'success', DISCONNECTED: 'destructive', CLOSED: 'secondary' };
const WORK_ORDER_VARIANTS: Record<WorkOrderStatus, Variant> = { PENDING: 'warning', APPROVED: 'default', REJECTED: 'destructive', DONE: 'success' };

/** Status of an agreement or an account group (same states). */
export function AgreementStatusBadge({ status }: { status: AgreementStatus }) {
  return <Badge variant={AGREEMENT_VARIANTS[status]}>{AGREEMENT_STATUS_LABELS[status]}</Badge>;
}

export function AccountStatusBadge({ status }: { status: AccountStatus }) {
  return <Badge variant={ACCOUNT_VARIANTS[status]}>{ACCOUNT_STATUS_LABELS[status]}</Badge>;
}

export function WorkOrderStatusBadge({ status }: { status: WorkOrderStatus }) {
  return <Badge variant={WORK_ORDER_VARIANTS[status]}>{WORK_ORDER_STATUS_LABELS[status]}</Badge>;
}

const DELINQUENCY_LABELS = { CURRENT: 'Al día', IN_GRACE: 'En gracia', DELINQUENT: 'Moroso' } as const;
const DELINQUENCY_VARIANTS: Record<keyof typeof DELINQUENCY_LABELS, Variant> = { CURRENT: 'success', IN_GRACE: 'warning', DELINQUENT: 'destructive' };
export const DELINQUENCY_STATUS_LABELS: Record<keyof typeof DELINQUENCY_LABELS, string> = DELINQUENCY_LABELS;

export function DelinquencyBadge({ status }: { status: keyof typeof DELINQUENCY_LABELS }) {
  return <Badge variant={DELINQUENCY_VARIANTS[status]}>{DELINQUENCY_LABELS[status]}</Badge>;
}
