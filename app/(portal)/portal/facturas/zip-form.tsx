'use client';

import { useActionState } from 'react';
import { FileArchive } from 'lucide-react';
import { FormErrorAlert } from '@/components/forms/alerts';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions/result';

type Action = (prev: ActionResult<string> | undefined, formData: FormData) => Promise<ActionResult<string>>;

const fmt = (n: number) => n.toLocaleString('es-DO');

/**
 * The invoice list inside one form: the ticked invoices (`factura` checkboxes in `children`) or
 * the whole filter (the hidden fields) go to the ZIP action, which opens the ZIP's progress page.
 * Over the cap the filter button is disabled with the reason (the server refuses it anyway).
 */
export function ZipForm({ action, filter, total, max, children }: { action: Action; filter: Record<string, string | undefined>; total: number; max: number; children: React.ReactNode }) {
  const [state, dispatch, pending] = useActionState(action, undefined);
  const error = state && !state.ok ? (state.fieldErrors?.factura?.[0] ?? state.error) : undefined;
  return (
    <form action={dispatch} className="grid grid-cols-1 gap-3" aria-label="Facturas">
      {Object.entries(filter).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-center">
        <Button type="submit" name="alcance" value="filtro" disabled={pending || total > max} className="w-full sm:w-auto">
          <FileArchive aria-hidden /> {pending ? 'Solicitando…' : `Descargar ZIP (${fmt(total)} ${total === 1 ? 'factura' : 'facturas'})`}
        </Button>
        <Button type="submit" name="alcance" value="seleccion" variant="outline" disabled={pending} className="w-full sm:w-auto">
          <FileArchive aria-hidden /> ZIP de las marcadas
        </Button>
        {total > max ? <p className="text-sm text-muted-foreground">Un ZIP admite hasta {fmt(max)} facturas: acote el filtro o marque las que necesite.</p> : null}
      </div>
      <FormErrorAlert message={error} />
      {children}
    </form>
  );
}
