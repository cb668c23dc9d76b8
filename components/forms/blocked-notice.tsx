import Link from 'next/link';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/** What a form page shows instead of the form when the record does not allow it: why, and the way back. */
export function BlockedNotice({ message, backHref, backLabel }: { message: React.ReactNode; backHref: string; backLabel: string }) {
  return (
    <div className="grid max-w-2xl gap-4">
      <Alert variant="destructive" role="alert">
        <AlertDescription>{message}</AlertDescription>
      </Alert>
      <Button variant="outline" className="w-fit" asChild>
        <Link href={backHref}>{backLabel}</Link>
      </Button>
    </div>
  );
}
