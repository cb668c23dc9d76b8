import { AppShell } from '@/components/shell/app-shell';
import { requirePageActor } from '@/lib/dal/page';
import { scopeLabelFor } from '@/lib/dal/shell';

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor('admin.users');
  return (
    <AppShell area="admin" actor={actor} scopeLabel={await scopeLabelFor(actor)}>
      {children}
    </AppShell>
  );
}
