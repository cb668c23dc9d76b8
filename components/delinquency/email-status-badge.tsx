import { Badge } from '@/components/ui/badge';
import { EMAIL_STATUS_LABELS } from '@/lib/validation/delinquency';

const VARIANT = { PENDING: 'secondary', SENT: 'success', FAILED: 'destructive' } as const;

export function EmailStatusBadge({ status }: { status: keyof typeof EMAIL_STATUS_LABELS }) {
  return <Badge variant={VARIANT[status]}>{EMAIL_STATUS_LABELS[status]}</Badge>;
}
