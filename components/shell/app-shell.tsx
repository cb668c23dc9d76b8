import Link from 'next/link';
import { Droplets, LogOut } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { navigationFor } from '@/lib/auth/navigation';
import { ROLE_LABELS } from '@/lib/auth/roles';
import type { Actor } from '@/lib/auth/scope';
import { logoutAction } from './logout-action';
import { MobileNav } from './mobile-nav';
import { NavLinks } from './nav-links';

export type ShellContext = { actor: Actor; scopeLabel: string };

/** Sidebar + header for every signed-in area; the sidebar lists only what the role may use. */
export function AppShell({ area, actor, scopeLabel, children }: ShellContext & { area: 'staff' | 'admin' | 'portal'; children: React.ReactNode }) {
  const sections = navigationFor(area, actor.role);
  const areaLabel = area === 'admin' ? 'Administración' : area === 'portal' ? 'Portal de clientes' : 'Portal del personal';
  return (
    <div className="flex min-h-dvh">
      <aside className="hidden w-64 shrink-0 flex-col gap-6 bg-sidebar p-4 text-sidebar-foreground lg:flex">
        <Link href="/" className="flex items-center gap-2 px-2 text-lg font-semibold">
          <Droplets className="size-6" aria-hidden /> Cauce
        </Link>
        <NavLinks sections={sections} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-3 border-b bg-background/95 px-4 backdrop-blur">
          <MobileNav sections={sections} />
          <span className="hidden text-sm text-muted-foreground sm:inline">{areaLabel}</span>
          {/* On a phone the name and scope take one line each, cut with an ellipsis (the header is one row high). */}
          <div className="ml-auto flex min-w-0 items-center gap-3">
            <div className="min-w-0 text-right leading-tight" data-testid="session-user" title={`${actor.name} · ${ROLE_LABELS[actor.role]} · ${scopeLabel}`}>
              <p className="truncate text-sm font-medium">{actor.name}</p>
              <p className="truncate text-xs text-muted-foreground">
                {ROLE_LABELS[actor.role]} · {scopeLabel}
              </p>
            </div>
            <form action={logoutAction}>
              <Button type="submit" variant="ghost" size="icon" aria-label="Cerrar sesión" title="Cerrar sesión">
                <LogOut />
              </Button>
            </form>
          </div>
        </header>
        <main className="flex-1 p-4 md:p-6">{children}</main>
      </div>
    </div>
  );
}
