'use client';

import { TriangleAlert } from 'lucide-react';
import { Button } from '@/components/ui/button';

// Never shows the error itself: only a reference the administrator can find in the server log.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="flex min-h-[60dvh] flex-col items-center justify-center gap-4 p-6 text-center">
      <TriangleAlert className="size-12 text-destructive" aria-hidden />
      <h1 className="text-2xl font-semibold">Ocurrió un error inesperado</h1>
      <p className="max-w-md text-muted-foreground">
        No se pudo completar la operación. Intente de nuevo; si el problema continúa, informe al administrador
        {error.digest ? <> la referencia <code className="font-mono">{error.digest}</code></> : null}.
      </p>
      <Button onClick={reset}>Reintentar</Button>
    </main>
  );
}
