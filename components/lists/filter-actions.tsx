import Link from 'next/link';
import { Button } from '@/components/ui/button';

/** The end of a list's filter bar: "Filtrar", and "Limpiar" while a filter is applied. */
export function FilterActions({ filtered, clearHref }: { filtered: boolean; clearHref: string }) {
  return (
    <>
      <Button type="submit" variant="secondary">
        Filtrar
      </Button>
      {filtered ? (
        <Button variant="ghost" asChild>
          <Link href={clearHref}>Limpiar</Link>
        </Button>
      ) : null}
    </>
  );
}
