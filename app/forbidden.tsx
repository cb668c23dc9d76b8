import Link from 'next/link';
import { ShieldX } from 'lucide-react';
import { Button } from '@/components/ui/button';

export default function Forbidden() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-4 p-6 text-center">
      <ShieldX className="size-12 text-destructive" aria-hidden />
      <p className="text-sm font-medium text-muted-foreground">Error 403</p>
      <h1 className="text-2xl font-semibold">Acceso denegado</h1>
      <p className="max-w-md text-muted-foreground">
        Su usuario no tiene permiso para ver esta página. Si cree que es un error, pida acceso al administrador.
      </p>
      <Button asChild>
        <Link href="/">Ir a mi inicio</Link>
      </Button>
    </main>
  );
}
