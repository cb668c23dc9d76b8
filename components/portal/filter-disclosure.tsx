'use client';

import { useState } from 'react';
import Link from 'next/link';
import { SlidersHorizontal } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { cn } from '@/lib/utils';

/**
 * A list's filter form, folded behind a "Filtros" button on a phone (six fields would fill the
 * first screen before any result) and always shown from `sm` up. `active` counts the filters applied.
 */
export function FilterDisclosure({ id, active, clearHref, children }: { id: string; active: number; clearHref: string; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="mb-4">
      <div className="flex items-center gap-2 sm:hidden">
        <Button type="button" variant="outline" className="flex-1" aria-expanded={open} aria-controls={id} onClick={() => setOpen((v) => !v)}>
          <SlidersHorizontal aria-hidden /> {open ? 'Ocultar filtros' : active ? `Filtros (${active})` : 'Filtros'}
        </Button>
        {active ? (
          <Button variant="ghost" asChild>
            <Link href={clearHref}>Limpiar</Link>
          </Button>
        ) : null}
      </div>
      <div id={id} className={cn(open ? 'mt-3' : 'hidden', 'sm:mt-0 sm:block')}>
        {children}
      </div>
    </div>
  );
}
