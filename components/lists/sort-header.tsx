import Link from 'next/link';
import { ArrowDown, ArrowUp } from 'lucide-react';

type Dir = 'asc' | 'desc';

/**
 * A sortable column title: links to sorting by this column, ascending first, and a second click
 * on the current column flips the direction; the current column shows its arrow.
 */
export function SortHeader<K extends string>({ column, label, sort, dir, href }: { column: K; label: string; sort: K; dir?: Dir; href: (sort: K, dir: Dir) => string }) {
  const current = sort === column;
  const next = current && dir !== 'desc' ? 'desc' : 'asc';
  return (
    <Link href={href(column, next)} className="inline-flex items-center gap-1 hover:underline">
      {label}
      {current ? dir === 'desc' ? <ArrowDown className="size-3" aria-label="descendente" /> : <ArrowUp className="size-3" aria-label="ascendente" /> : null}
    </Link>
  );
}
