import { Badge } from '@/components/ui/badge';
import { BILLING_RUN_MODE_LABELS, BILLING_RUN_STATUS_LABELS, type BillingRunMode, type BillingRunStatus } from '@/lib/domain/billing/labels';

type Variant = 'default' | 'secondary' | 'destructive' | 'outline' | 'success' | 'warning';

const STATUS_VARIANTS: Record<BillingRunStatus, Variant> = { QUEUED: 'outline', RUNNING: 'warning', DONE: 'success', FAILED: 'destructive', CANCELLED: 'secondary' };

export function BillingRunStatusBadge({ status }: { status: BillingRunStatus }) {
  return <Badge variant={STATUS_VARIANTS[status]}>{BILLING_RUN_STATUS_LABELS[status]}</Badge>;
}

export function BillingRunModeBadge({ mode }: { mode: BillingRunMode }) {
  return <Badge variant={mode === 'RUN' ? 'default' : 'outline'}>{BILLING_RUN_MODE_LABELS[mode]}</Badge>;
}
