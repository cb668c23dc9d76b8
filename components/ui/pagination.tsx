import * as React from 'react';
import Link from 'next/link';
import { ChevronLeftIcon, ChevronRightIcon, MoreHorizontalIcon } from 'lucide-react';

import { cn } from '@/lib/utils';
import { buttonVariants, type Button } from '@/components/ui/button';

// Este archivo NO es "use client": se puede usar desde Server Components
// (PaginationBar recibe `hrefFor`, una función).

function Pagination({ className, ...props }: React.ComponentProps<'nav'>) {
  return (
    <nav
      role="navigation"
      aria-label="Paginación"
      data-slot="pagination"
      className={cn('mx-auto flex w-full justify-center', className)}
      {...props}
    />
  );
}

function PaginationContent({ className, ...props }: React.ComponentProps<'ul'>) {
  return (
    <ul
      data-slot="pagination-content"
      className={cn('flex flex-row items-center gap-1', className)}
      {...props}
    />
  );
}

function PaginationItem({ ...props }: React.ComponentProps<'li'>) {
  return <li data-slot="pagination-item" {...props} />;
}

type PaginationLinkProps = {
  isActive?: boolean;
} & Pick<React.ComponentProps<typeof Button>, 'size'> &
  React.ComponentProps<typeof Link>;

function PaginationLink({ className, isActive, size = 'icon', ...props }: PaginationLinkProps) {
  return (
    <Link
      aria-current={isActive ? 'page' : undefined}
      data-slot="pagination-link"
      data-active={isActive}
      className={cn(
        buttonVariants({
          variant: isActive ? 'outline' : 'ghost',
          size,
        }),
        className,
      )}
      {...props}
    />
  );
}

function PaginationPrevious({
  className,
  ...props
}: React.ComponentProps<typeof PaginationLink>) {
  return (
    <PaginationLink
      aria-label="Ir a la página anterior"
      size="default"
      className={cn('gap-1 px-2.5 sm:pl-2.5', className)}
      {...props}
    >
      <ChevronLeftIcon />
      <span className="hidden sm:block">Anterior</span>
    </PaginationLink>
  );
}

function PaginationNext({ className, ...props }: React.ComponentProps<typeof PaginationLink>) {
  return (
    <PaginationLink
      aria-label="Ir a la página siguiente"
      size="default"
      className={cn('gap-1 px-2.5 sm:pr-2.5', className)}
      {...props}
    >
      <span className="hidden sm:block">Siguiente</span>
      <ChevronRightIcon />
    </PaginationLink>
  );
}

function PaginationEllipsis({ className, ...props }: React.ComponentProps<'span'>) {
  return (
    <span
      aria-hidden
      data-slot="pagination-ellipsis"
      className={cn('flex size-9 items-center justify-center', className)}
      {...props}
    >
      <MoreHorizontalIcon className="size-4" />
      <span className="sr-only">Más páginas</span>
    </span>
  );
}

/** Páginas a mostrar: siempre la primera, la última y las vecinas de la actual. */
function pageWindow(page: number, pageCount: number): (number | 'ellipsis')[] {
  if (pageCount <= 7) {
    return Array.from({ length: pageCount }, (_, i) => i + 1);
  }
  let start = Math.max(2, page - 1);
  let end = Math.min(pageCount - 1, page + 1);
  // Mantener siempre 5 números visibles además de los extremos cuando se puede.
  if (page <= 3) {
    start = 2;
    end = 5;
  } else if (page >= pageCount - 2) {
    start = pageCount - 4;
    end = pageCount - 1;
  }
  const items: (number | 'ellipsis')[] = [1];
  if (start > 2) items.push('ellipsis');
  for (let p = start; p <= end; p++) items.push(p);
  if (end < pageCount - 1) items.push('ellipsis');
  items.push(pageCount);
  return items;
}

const fmt = (n: number) => n.toLocaleString('es-DO');

const disabledNavClass = 'pointer-events-none opacity-50';

type PaginationBarProps = {
  page: number;
  pageCount: number;
  total: number;
  pageSize: number;
  hrefFor: (page: number) => string;
  className?: string;
};

function PaginationBar({ page, pageCount, total, pageSize, hrefFor, className }: PaginationBarProps) {
  const count = Math.max(0, pageCount);
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), Math.max(1, count));

  if (total <= 0) {
    return (
      <div
        data-slot="pagination-bar"
        className={cn('py-2 text-sm text-muted-foreground', className)}
      >
        Sin resultados
      </div>
    );
  }

  const from = (current - 1) * pageSize + 1;
  const to = Math.min(current * pageSize, total);

  const summary = (
    <p data-slot="pagination-summary" className="text-sm text-muted-foreground" aria-live="polite">
      Mostrando {fmt(from)}–{fmt(to)} de {fmt(total)}
    </p>
  );

  if (count <= 1) {
    return (
      <div data-slot="pagination-bar" className={cn('py-2', className)}>
        {summary}
      </div>
    );
  }

  const hasPrev = current > 1;
  const hasNext = current < count;

  return (
    <div
      data-slot="pagination-bar"
      className={cn(
        'flex flex-col items-center justify-between gap-3 py-2 sm:flex-row',
        className,
      )}
    >
      {summary}
      <Pagination className="mx-0 w-auto">
        <PaginationContent>
          <PaginationItem>
            {hasPrev ? (
              <PaginationPrevious href={hrefFor(current - 1)} />
            ) : (
              <PaginationPrevious
                href={hrefFor(current)}
                aria-disabled="true"
                tabIndex={-1}
                className={disabledNavClass}
              />
            )}
          </PaginationItem>
          {pageWindow(current, count).map((item, index) =>
            item === 'ellipsis' ? (
              <PaginationItem key={`ellipsis-${index}`}>
                <PaginationEllipsis />
              </PaginationItem>
            ) : (
              <PaginationItem key={item}>
                <PaginationLink
                  href={hrefFor(item)}
                  isActive={item === current}
                  aria-label={`Página ${fmt(item)}`}
                  className={item > 99 ? 'w-auto px-2' : undefined}
                >
                  {fmt(item)}
                </PaginationLink>
              </PaginationItem>
            ),
          )}
          <PaginationItem>
            {hasNext ? (
              <PaginationNext href={hrefFor(current + 1)} />
            ) : (
              <PaginationNext
                href={hrefFor(current)}
                aria-disabled="true"
                tabIndex={-1}
                className={disabledNavClass}
              />
            )}
          </PaginationItem>
        </PaginationContent>
      </Pagination>
    </div>
  );
}

export {
  Pagination,
  PaginationBar,
  PaginationContent,
  PaginationEllipsis,
  PaginationItem,
  PaginationLink,
  PaginationNext,
  PaginationPrevious,
};
