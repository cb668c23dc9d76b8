import Link from 'next/link';
import { SearchX } from 'lucide-react';
import { Button } from '@/components/ui/button';

export default function NotFound() {
  return (
    <main className="flex min-h-[60dvh] flex-col items-center justify-center gap-4 p-6 text-center">
      <SearchX className="size-12 text-muted-foreground" aria-hidden />
      <p className="text-sm font-medium text-muted-foreground">Error 404</p>
      <h1 className="text-2xl font-semibold">No encontrado</h1>
      <p className="max-w-md text-muted-foreground">El registro o la página que busca no existe, o no está dentro de su alcance.</p>
      <Button asChild>
        <Link href="/">Ir a mi inicio</Link>
      </Button>
    </main>
  );
}
