import { LoaderCircle } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { DialogClose, DialogFooter } from '@/components/ui/dialog';

/** "Cancelar" (closes the dialog) and the submit button of a form inside a dialog. */
export function DialogFormFooter({ pending, confirmLabel, destructive }: { pending: boolean; confirmLabel: string; destructive?: boolean }) {
  return (
    <DialogFooter>
      <DialogClose asChild>
        <Button type="button" variant="outline" disabled={pending}>
          Cancelar
        </Button>
      </DialogClose>
      <Button type="submit" variant={destructive ? 'destructive' : 'default'} disabled={pending} aria-busy={pending || undefined}>
        {pending ? <LoaderCircle className="animate-spin" aria-hidden /> : null}
        {confirmLabel}
      </Button>
    </DialogFooter>
  );
}
