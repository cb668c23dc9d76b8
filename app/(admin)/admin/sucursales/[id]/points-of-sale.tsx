'use client';

import { useActionState } from 'react';
import { formStateView } from '@/components/forms/form-state';
import { Plus } from 'lucide-react';
import { ActionResultAlert } from '@/components/forms/alerts';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormField, fieldAria } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { ActionResult } from '@/lib/actions/result';
import { formatPointOfSale } from '@/lib/validation/branch';

type Action = (prev: ActionResult<string> | undefined, formData: FormData) => Promise<ActionResult<string>>;
/** One row, with its own server actions already bound to its id by the page. */
type PointOfSale = { id: string; number: number; description: string; active: boolean; update: Action; setActive: Action };

/** The add form; it clears itself after a success because React resets uncontrolled forms. */
export function AddPointOfSaleForm({ action }: { action: Action }) {
  const [state, dispatch, pending] = useActionState(action, undefined);
  const { sent, errors, value } = formStateView(state);
  return (
    <form action={dispatch} key={sent ? JSON.stringify(sent) : 'blank'} className="grid gap-3" noValidate>
      {state ? <ActionResultAlert state={state} /> : null}
      <div className="grid gap-3 sm:grid-cols-[9rem_1fr_auto] sm:items-start">
        <FormField label="Número" htmlFor="posNumber" required error={errors.number} description="1 a 99999, único en la empresa.">
          <Input name="number" inputMode="numeric" maxLength={5} defaultValue={value('number', '')} className="font-mono" {...fieldAria('posNumber', errors.number, true)} />
        </FormField>
        <FormField label="Descripción" htmlFor="posDescription" required error={errors.description}>
          <Input name="description" maxLength={120} defaultValue={value('description', '')} placeholder="Ej.: Caja 3 — ventanilla" {...fieldAria('posDescription', errors.description)} />
        </FormField>
        <Button type="submit" variant="secondary" disabled={pending} className="sm:mt-[1.375rem]">
          <Plus /> Agregar
        </Button>
      </div>
    </form>
  );
}

export function PointsOfSaleTable({ rows }: { rows: PointOfSale[] }) {
  return (
    <div className="rounded-md border">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead className="w-24">Número</TableHead>
            <TableHead>Descripción</TableHead>
            <TableHead className="w-24">Estado</TableHead>
            <TableHead className="w-36 text-right">Acciones</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((p) => (
            <PointOfSaleRow key={p.id} pos={p} />
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function PointOfSaleRow({ pos }: { pos: PointOfSale }) {
  const [editState, dispatchEdit, editPending] = useActionState(pos.update, undefined);
  const [activeState, dispatchActive, activePending] = useActionState(pos.setActive, undefined);
  const error = (editState && !editState.ok ? editState.fieldErrors?.description?.[0] ?? editState.error : undefined) ?? (activeState && !activeState.ok ? activeState.error : undefined);
  const label = formatPointOfSale(pos.number);
  return (
    <TableRow className="align-top">
      <TableCell className="pt-4 font-mono">{label}</TableCell>
      <TableCell>
        <form action={dispatchEdit} className="flex gap-2">
          <Input name="description" defaultValue={pos.description} maxLength={120} aria-label={`Descripción del punto de venta ${label}`} aria-invalid={error ? true : undefined} />
          <Button type="submit" variant="outline" size="sm" className="mt-0.5" disabled={editPending}>
            Guardar
          </Button>
        </form>
        {error ? (
          <p role="alert" className="mt-1 text-sm text-destructive">
            {error}
          </p>
        ) : editState?.ok ? (
          <p role="status" className="mt-1 text-sm text-muted-foreground">
            {editState.message}
          </p>
        ) : null}
      </TableCell>
      <TableCell className="pt-4">{pos.active ? <Badge variant="success">Activo</Badge> : <Badge variant="secondary">Inactivo</Badge>}</TableCell>
      <TableCell className="text-right">
        {pos.active ? (
          <ConfirmDialog
            trigger={
              <Button variant="ghost" size="sm" disabled={activePending}>
                Desactivar
              </Button>
            }
            title={`¿Desactivar el punto de venta ${label}?`}
            description="No se podrán emitir nuevos documentos con este número. El punto de venta y los documentos ya emitidos se conservan; puede reactivarlo más adelante."
            confirmLabel="Desactivar"
            destructive
            formAction={dispatchActive}
            hiddenFields={{ active: 'false' }}
          />
        ) : (
          <form action={dispatchActive}>
            <input type="hidden" name="active" value="true" />
            <Button type="submit" variant="outline" size="sm" disabled={activePending}>
              Activar
            </Button>
          </form>
        )}
      </TableCell>
    </TableRow>
  );
}
