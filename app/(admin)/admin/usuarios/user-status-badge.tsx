import { Badge } from '@/components/ui/badge';

/** Inactive wins over locked: an inactive account cannot sign in whatever its lock says. */
export function UserStatusBadge({ active, locked }: { active: boolean; locked: boolean }) {
  if (!active) return <Badge variant="secondary">Inactivo</Badge>;
  if (locked) return <Badge variant="destructive">Bloqueado</Badge>;
  return <Badge variant="success">Activo</Badge>;
}
