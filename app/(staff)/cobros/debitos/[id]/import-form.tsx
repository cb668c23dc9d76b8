'use client';

import { useActionState, useRef, useState } from 'react';
import { FileWarning, Info, Upload } from 'lucide-react';
import { FormErrorAlert } from '@/components/forms/alerts';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormField, fieldAria } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { ActionResult } from '@/lib/actions/result';
import type { ImportResult } from '@/lib/dal/direct-debit';

type State = ActionResult<ImportResult> | undefined;

/**
 * "Importar respuesta del banco": the bank's CSV, confirmed before it is applied. A refused file
 * lists its errors per line (nothing was applied); the same file again says it was already imported.
 */
export function ImportResponseForm({ action, batchId, batchCode, maxBytes }: { action: (prev: State, formData: FormData) => Promise<State>; batchId: string; batchCode: string; maxBytes: number }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [file, setFile] = useState<{ name: string; size: number } | null>(null);
  const [state, dispatch, pending] = useActionState<State, FormData>(async (prev, formData) => {
    const result = await action(prev, formData);
    setFile(null); // the form resets its file input after the action
    return result;
  }, undefined);
  const tooBig = file !== null && file.size > maxBytes;
  const fieldError = tooBig ? [`El archivo supera el máximo de ${maxBytes / 1_000_000} MB.`] : state && !state.ok ? state.fieldErrors?.file : undefined;
  const result = state?.ok ? state.data : null;

  return (
    <div className="grid gap-4">
      <form ref={formRef} action={dispatch} className="grid gap-4" noValidate>
        <input type="hidden" name="batchId" value={batchId} />
        {state && !state.ok && !state.fieldErrors?.file ? <FormErrorAlert message={state.error} /> : null}
        <FormField label="Archivo de respuesta" htmlFor="file" required error={fieldError} description={`CSV de texto del banco para el lote ${batchCode}, hasta ${maxBytes / 1_000_000} MB.`}>
          <Input
            type="file"
            name="file"
            accept=".csv,.txt,text/csv,text/plain"
            onChange={(e) => {
              const f = e.target.files?.[0];
              setFile(f ? { name: f.name, size: f.size } : null);
            }}
            {...fieldAria('file', fieldError, true)}
          />
        </FormField>
        <div>
          <ConfirmDialog
            trigger={
              <Button type="button" disabled={!file || tooBig || pending} aria-busy={pending || undefined}>
                <Upload aria-hidden /> Importar respuesta
              </Button>
            }
            title="¿Importar la respuesta del banco?"
            description={`Se revisa todo el archivo ${file?.name ?? ''} y, si no tiene errores, las líneas debitadas se registran como pagos que saldan sus facturas y las rechazadas quedan marcadas con su motivo (sus facturas siguen pendientes). Después no se puede importar otro archivo para este lote.`}
            confirmLabel="Importar"
            onConfirm={() => formRef.current?.requestSubmit()}
          />
        </div>
      </form>

      {result?.outcome === 'already' ? (
        <Alert role="status">
          <Info aria-hidden />
          <AlertTitle>Este archivo ya estaba importado</AlertTitle>
          <AlertDescription>
            No se cambió nada: el lote ya tiene esta respuesta ({result.confirmed} {result.confirmed === 1 ? 'debitada' : 'debitadas'}, {result.rejected} {result.rejected === 1 ? 'rechazada' : 'rechazadas'}).
          </AlertDescription>
        </Alert>
      ) : null}

      {result?.outcome === 'invalid' ? (
        <div className="grid gap-3">
          <Alert variant="destructive" role="alert">
            <FileWarning aria-hidden />
            <AlertTitle>El archivo no se importó</AlertTitle>
            <AlertDescription>
              Tiene {result.errors.length === 1 ? 'un error' : `${result.errors.length} errores`}; no se aplicó ninguna línea. Corríjalo (o pida al banco otro archivo) y vuelva a importarlo.
            </AlertDescription>
          </Alert>
          <div className="overflow-x-auto rounded-md border">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead className="w-24 text-right">Línea</TableHead>
                  <TableHead>Error</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {result.errors.map((e, i) => (
                  <TableRow key={i}>
                    <TableCell className="text-right tabular-nums">{e.line ?? 'Archivo'}</TableCell>
                    <TableCell className="text-destructive">{e.message}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </div>
      ) : null}
    </div>
  );
}
