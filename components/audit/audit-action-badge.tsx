import { Badge } from '@/components/ui/badge';
import type { AuditAction } from '@/db/schema/enums';
import { AUDIT_ACTION_LABELS } from '@/lib/validation/audit';

export function AuditActionBadge({ action }: { action: AuditAction }) {
  const variant = action === 'LOCK' || action === 'LOGIN_FAILED' ? 'destructive' : action === 'CREATE' ? 'success' : 'secondary';
  return <Badge variant={variant}>{AUDIT_ACTION_LABELS[action]}</Badge>;
}
