import { PaginationNext, PaginationPrevious } from '@/components/ui/pagination';
import { cn } from '@/lib/utils';

const fmt = (n: number) => n.toLocaleString('es-DO');

export type ListTotal = { kind: 'exact' | 'atLeast' | 'estimate'; count: number };

/** "de 32", "de más de 10,000" or "de unos 1,200,000 (estimado)". */
export function totalText(total: ListTotal): string {
  if (total.kind === 'exact') return fmt(total.count);
  if (total.kind === 'atLeast') return `más de ${fmt(total.count)}`;
  return `unos ${fmt(total.count)} (estimado)`;
}

/**
 * Previous / next for a keyset-paged list: no page numbers (a cursor list cannot jump to page
 * 4,000 without reading the pages before it), the rows shown and the total as known.
 */
export function KeysetPagination({ from, to, total, prevHref, nextHref, className }: { from: number; to: number; total: ListTotal; prevHref?: string; nextHref?: string; className?: string }) {
  if (to === 0) return <div className={cn('py-2 text-sm text-muted-foreground', className)}>Sin resultados</div>;
  return (
    <div className={cn('flex flex-col items-center justify-between gap-3 py-2 sm:flex-row', className)}>
      <p className="text-sm text-muted-foreground" aria-live="polite">
        Mostrando {fmt(from)}–{fmt(to)} de {totalText(total)}
      </p>
      {prevHref || nextHref ? (
        <nav aria-label="Paginación" className="flex gap-1">
          {prevHref ? <PaginationPrevious href={prevHref} /> : <PaginationPrevious href="#" aria-disabled="true" tabIndex={-1} className="pointer-events-none opacity-50" />}
          {nextHref ? <PaginationNext href={nextHref} /> : <PaginationNext href="#" aria-disabled="true" tabIndex={-1} className="pointer-events-none opacity-50" />}
        </nav>
      ) : null}
    </div>
  );
}
