import { forbidden } from 'next/navigation';
import { AppShell } from '@/components/shell/app-shell';
import { STAFF_ROLES } from '@/lib/auth/roles';
import { requirePageActor } from '@/lib/dal/page';
import { scopeLabelFor } from '@/lib/dal/shell';

export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor();
  if (!STAFF_ROLES.includes(actor.role)) forbidden();
  return (
    <AppShell area="staff" actor={actor} scopeLabel={await scopeLabelFor(actor)}>
      {children}
    </AppShell>
  );
}
