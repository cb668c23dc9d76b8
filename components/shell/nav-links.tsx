'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { Banknote, Building2, Calculator, ClipboardList, Coins, CreditCard, Droplets, FileText, Files, Gauge, Handshake, House, LayoutDashboard, ReceiptText, ShieldCheck, SlidersHorizontal, Tags, UserCog, Users, Wrench } from 'lucide-react';
import type { NavIcon, NavSection } from '@/lib/auth/navigation';
import { cn } from '@/lib/utils';

const ICONS: Record<NavIcon, typeof House> = {
  home: House,
  users: Users,
  cash: Banknote,
  clipboard: ClipboardList,
  shield: ShieldCheck,
  building: Building2,
  'user-cog': UserCog,
  'file-text': FileText,
  layout: LayoutDashboard,
  handshake: Handshake,
  gauge: Gauge,
  wrench: Wrench,
  'credit-card': CreditCard,
  sliders: SlidersHorizontal,
  coins: Coins,
  receipt: ReceiptText,
  tags: Tags,
  droplets: Droplets,
  calculator: Calculator,
  files: Files,
};

export function NavLinks({ sections, onNavigate }: { sections: NavSection[]; onNavigate?: () => void }) {
  const pathname = usePathname();
  // The longest matching href is the active one, so /admin does not light up on /admin/usuarios.
  const active = sections
    .flatMap((s) => s.items.map((i) => i.href))
    .filter((href) => pathname === href || pathname.startsWith(`${href}/`))
    .sort((a, b) => b.length - a.length)[0];
  return (
    <nav aria-label="Menú principal" className="flex flex-col gap-5">
      {sections.map((section) => (
        <div key={section.title} className="flex flex-col gap-1">
          <p className="px-3 text-xs font-medium uppercase tracking-wide text-sidebar-foreground/60">{section.title}</p>
          {section.items.map((item) => {
            const Icon = ICONS[item.icon];
            const isActive = item.href === active;
            return (
              <Link
                key={item.href}
                href={item.href}
                onClick={onNavigate}
                aria-current={isActive ? 'page' : undefined}
                className={cn(
                  'flex items-center gap-3 rounded-md px-3 py-2 text-sm transition-colors hover:bg-sidebar-accent hover:text-sidebar-accent-foreground',
                  isActive && 'bg-sidebar-accent font-medium text-sidebar-accent-foreground',
                )}
              >
                <Icon className="size-4 shrink-0" aria-hidden />
                {item.label}
              </Link>
            );
          })}
        </div>
      ))}
    </nav>
  );
}
