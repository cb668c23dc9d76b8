import { AppShell } from '@/components/shell/app-shell';
import { requirePageActor } from '@/lib/dal/page';
import { scopeLabelFor } from '@/lib/dal/shell';

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor('portal.use');
  return (
    <AppShell area="portal" actor={actor} scopeLabel={await scopeLabelFor(actor)}>
      {children}
    </AppShell>
  );
}
