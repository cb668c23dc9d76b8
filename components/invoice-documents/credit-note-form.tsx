'use client';

import { useActionState, useRef, useState } from 'react';
import { FileMinus2 } from 'lucide-react';
import { FormErrorAlert } from '@/components/forms/alerts';
import { formStateView } from '@/components/forms/form-state';
import { FormField, fieldAria } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatMoney } from '@/lib/domain/format';
import { NoteReasonAndSubmit } from './note-reason-and-submit';
import type { FormActionFn } from './types';

export type CreditLine = { lineNo: number; conceptCode: string; description: string; accountNumber: string | null; total: string; remaining: string };

const num = 'text-right whitespace-nowrap tabular-nums';

/**
 * A credit note: in full (everything left on every line; voids the invoice when nothing was paid)
 * or in part (an amount per line, tax included, up to what the line has left), with a reason.
 * Issued after a confirmation.
 */
export function CreditNoteForm({
  action,
  invoiceId,
  currency,
  lines,
  creditable,
  fullVoids,
  cancelHref,
}: {
  action: FormActionFn<string>;
  invoiceId: string;
  currency: string;
  lines: CreditLine[];
  /** What may still be credited in all (at most the balance). */
  creditable: string;
  /** Whether crediting everything left voids the invoice. */
  fullVoids: boolean;
  cancelHref: string;
}) {
  const [state, dispatch, pending] = useActionState(action, undefined);
  const { errors, value, formError, formKey } = formStateView(state);
  const [mode, setMode] = useState(value('mode', 'PARTIAL'));
  const form = useRef<HTMLFormElement>(null);
  const money = (v: string) => formatMoney(v, currency);

  return (
    <form ref={form} action={dispatch} key={formKey} className="grid max-w-5xl gap-6" noValidate>
      <input type="hidden" name="invoiceId" value={invoiceId} />
      <FormErrorAlert message={formError} />
      <fieldset className="grid gap-2">
        <legend className="mb-2 text-base font-semibold">Alcance</legend>
        <label className="flex items-start gap-2 text-sm">
          <input type="radio" name="mode" value="FULL" checked={mode === 'FULL'} onChange={() => setMode('FULL')} className="mt-1" />
          <span>
            <strong>Total</strong>: acredita todo lo que queda por acreditar ({money(creditable)}).{' '}
            {fullVoids ? 'La factura queda anulada.' : 'La factura tiene pagos: solo se acredita el saldo pendiente, línea por línea en la forma parcial.'}
          </span>
        </label>
        <label className="flex items-start gap-2 text-sm">
          <input type="radio" name="mode" value="PARTIAL" checked={mode === 'PARTIAL'} onChange={() => setMode('PARTIAL')} className="mt-1" />
          <span>
            <strong>Parcial</strong>: indique el importe a acreditar en cada línea (ITBIS incluido).
          </span>
        </label>
      </fieldset>

      {mode === 'PARTIAL' ? (
        <div className="grid gap-2">
          {errors.amounts ? <p className="text-sm text-destructive" role="alert">{errors.amounts.join(' ')}</p> : null}
          <div className="overflow-x-auto rounded-md border">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead className="w-10">#</TableHead>
                  <TableHead>Concepto</TableHead>
                  <TableHead>Descripción</TableHead>
                  <TableHead className="text-right">Total de la línea</TableHead>
                  <TableHead className="text-right">Por acreditar</TableHead>
                  <TableHead className="w-44">Importe a acreditar</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {lines.map((l) => {
                  const key = `amount.${l.lineNo}`;
                  const fieldId = `amount_${l.lineNo}`;
                  const done = Number(l.remaining) <= 0;
                  return (
                    <TableRow key={l.lineNo}>
                      <TableCell className="text-muted-foreground tabular-nums">{l.lineNo}</TableCell>
                      <TableCell className="font-mono text-xs">{l.conceptCode}</TableCell>
                      <TableCell>
                        {l.description}
                        {l.accountNumber ? <div className="text-xs text-muted-foreground">Cuenta {l.accountNumber}</div> : null}
                      </TableCell>
                      <TableCell className={num}>{money(l.total)}</TableCell>
                      <TableCell className={num}>{money(l.remaining)}</TableCell>
                      <TableCell>
                        <FormField label={<span className="sr-only">Importe a acreditar en la línea {l.lineNo}</span>} htmlFor={fieldId} error={errors[key]}>
                          <Input name={key} defaultValue={value(key, '')} inputMode="decimal" autoComplete="off" disabled={done} placeholder={done ? 'Acreditada' : '0.00'} {...fieldAria(fieldId, errors[key])} />
                        </FormField>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </div>
        </div>
      ) : null}

      <NoteReasonAndSubmit
        form={form}
        pending={pending}
        errors={errors}
        value={value}
        icon={FileMinus2}
        submitLabel="Emitir nota de crédito"
        title="Emitir la nota de crédito"
        description={
          mode === 'FULL'
            ? `Se emitirá una nota de crédito por ${money(creditable)} con su propio número fiscal.${fullVoids ? ' La factura quedará anulada.' : ''} No se puede deshacer.`
            : 'Se emitirá una nota de crédito por los importes indicados, con su propio número fiscal; el saldo de la factura bajará en ese total. No se puede deshacer.'
        }
        cancelHref={cancelHref}
      />
    </form>
  );
}
