'use client';

import Link from 'next/link';
import { LoaderCircle } from 'lucide-react';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/** The error banner on top of a catalog form. */
export function FormErrorBanner({ error }: { error?: string }) {
  return error ? (
    <Alert variant="destructive" role="alert">
      <AlertDescription>{error}</AlertDescription>
    </Alert>
  ) : null;
}

/** Save and cancel buttons of a catalog form. */
export function FormButtons({ pending, submitLabel, cancelHref }: { pending: boolean; submitLabel: string; cancelHref: string }) {
  return (
    <div className="flex gap-2">
      <Button type="submit" disabled={pending}>
        {pending ? <LoaderCircle className="animate-spin" aria-hidden /> : null}
        {submitLabel}
      </Button>
      <Button variant="outline" asChild>
        <Link href={cancelHref}>Cancelar</Link>
      </Button>
    </div>
  );
}
