'use client';

import { Fragment, useActionState, useState } from 'react';
import { Plus, Trash2 } from 'lucide-react';
import { FormErrorAlert } from '@/components/forms/alerts';
import { FormActions } from '@/components/forms/form-actions';
import { formStateView } from '@/components/forms/form-state';
import { ValueOptions } from '@/components/forms/select-options';
import { Button } from '@/components/ui/button';
import { FormField, fieldAria } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/native-select';
import { Textarea } from '@/components/ui/textarea';
import type { ActionResult } from '@/lib/actions/result';
import { cn } from '@/lib/utils';

export type TariffFormValues = {
  tariffCategoryId?: string;
  effectiveFrom?: string;
  fixedCharge?: string;
  flatRate?: string;
  notes?: string | null;
  blocks?: { fromM3: number; toM3: number | null; price: string }[];
};

type Row = { key: number; to: string; price: string };

// Stored prices have 4 decimals; show 2 to 4 (12.5000 → 12.50, 12.1250 → 12.125).
function trimPrice(p: string) {
  const [whole, decimals = ''] = p.split('.');
  return `${whole}.${decimals.replace(/0+$/, '').padEnd(2, '0')}`;
}

/**
 * Create / edit a tariff: the amounts and the consumption blocks as rows. Each block starts where
 * the previous one ends (shown, not typed); the last one stays open. The server checks everything again.
 */
export function TariffForm({
  action,
  initial,
  categories,
  editing = false,
  earliestDate,
  submitLabel,
  cancelHref,
}: {
  action: (prev: ActionResult<string> | undefined, formData: FormData) => Promise<ActionResult<string>>;
  initial: TariffFormValues;
  categories: { value: string; label: string }[];
  editing?: boolean;
  earliestDate?: string | null;
  submitLabel: string;
  cancelHref: string;
}) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const { sent, errors, value, formError } = formStateView(state);
  const [rows, setRows] = useState<Row[]>(() => {
    const start = initial.blocks?.length ? initial.blocks : [{ fromM3: 0, toM3: null, price: '' }];
    return start.map((b, i) => ({ key: i, to: b.toM3 === null ? '' : String(b.toM3), price: b.price ? trimPrice(b.price) : '' }));
  });
  const fromOf = (i: number) => (i === 0 ? '0' : rows[i - 1].to);
  const update = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const addRow = () => setRows((rs) => [...rs, { key: Math.max(-1, ...rs.map((r) => r.key)) + 1, to: '', price: '' }]);
  const removeRow = (i: number) => setRows((rs) => rs.filter((_, j) => j !== i));
  const categoryLabel = categories.find((c) => c.value === initial.tariffCategoryId)?.label;

  return (
    <form action={formAction} key={sent ? JSON.stringify(sent) : 'initial'} className="grid max-w-4xl gap-6" noValidate>
      <FormErrorAlert message={formError} />
      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">Tarifa</legend>
        {editing ? (
          <FormField label="Categoría tarifaria" htmlFor="tariffCategoryId" error={errors.tariffCategoryId} description="No se cambia: para otra categoría, cree otra tarifa.">
            <Input value={categoryLabel ?? ''} readOnly {...fieldAria('tariffCategoryId', errors.tariffCategoryId, true)} />
            <input type="hidden" name="tariffCategoryId" value={initial.tariffCategoryId} />
          </FormField>
        ) : (
          <FormField label="Categoría tarifaria" htmlFor="tariffCategoryId" required error={errors.tariffCategoryId}>
            <NativeSelect name="tariffCategoryId" defaultValue={value('tariffCategoryId', initial.tariffCategoryId)} placeholder="Seleccione…" {...fieldAria('tariffCategoryId', errors.tariffCategoryId)}>
              <ValueOptions options={categories} />
            </NativeSelect>
          </FormField>
        )}
        <FormField
          label="Vigente desde"
          htmlFor="effectiveFrom"
          required
          error={errors.effectiveFrom}
          description={earliestDate ? `Ya hay períodos facturados: la fecha debe ser ${earliestDate.split('-').reverse().join('/')} o posterior.` : 'Cada período se factura con la tarifa vigente en su último día.'}
        >
          <Input type="date" name="effectiveFrom" defaultValue={value('effectiveFrom', initial.effectiveFrom)} min={earliestDate ?? undefined} className="w-48" {...fieldAria('effectiveFrom', errors.effectiveFrom, true)} />
        </FormField>
        <FormField label="Cargo fijo (RD$)" htmlFor="fixedCharge" required error={errors.fixedCharge} description="Por período, a las cuentas con medidor.">
          <Input name="fixedCharge" inputMode="decimal" defaultValue={value('fixedCharge', initial.fixedCharge)} className="w-48 tabular-nums" {...fieldAria('fixedCharge', errors.fixedCharge, true)} />
        </FormField>
        <FormField label="Tarifa plana (RD$)" htmlFor="flatRate" required error={errors.flatRate} description="Por período, a las cuentas sin medidor.">
          <Input name="flatRate" inputMode="decimal" defaultValue={value('flatRate', initial.flatRate)} className="w-48 tabular-nums" {...fieldAria('flatRate', errors.flatRate, true)} />
        </FormField>
        <FormField label="Notas" htmlFor="notes" error={errors.notes} className="md:col-span-2">
          <Textarea name="notes" rows={2} maxLength={500} defaultValue={value('notes', initial.notes)} {...fieldAria('notes', errors.notes)} />
        </FormField>
      </fieldset>

      <fieldset className="grid gap-3" aria-describedby="blocks-help">
        <legend className="mb-2 text-base font-semibold">Tramos de consumo</legend>
        <p id="blocks-help" className="text-sm text-muted-foreground">
          Cada tramo cobra los m³ por encima de «desde» y hasta «hasta» inclusive (0–20, luego 21–40…). El último queda abierto: deje «hasta» vacío.
        </p>
        {errors.blocks ? (
          <p role="alert" className="text-sm text-destructive">
            {errors.blocks.join(' ')}
          </p>
        ) : null}
        <div className="rounded-md border">
          <table className="w-full text-sm">
            <thead className="border-b bg-muted/40 text-left text-xs text-muted-foreground">
              <tr>
                <th className="px-3 py-2 font-medium">Tramo</th>
                <th className="px-3 py-2 font-medium">Desde (m³)</th>
                <th className="px-3 py-2 font-medium">Hasta (m³)</th>
                <th className="px-3 py-2 font-medium">Precio por m³ (RD$)</th>
                <th className="px-3 py-2">
                  <span className="sr-only">Quitar</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => {
                const last = i === rows.length - 1;
                const cellErrors = ['from', 'to', 'price'].flatMap((f) => errors[`blocks.${i}.${f}`] ?? []);
                const invalid = (f: string) => (errors[`blocks.${i}.${f}`] ? true : undefined);
                return (
                  <Fragment key={row.key}>
                    <tr className={cn('align-top', cellErrors.length === 0 && 'border-b last:border-b-0')}>
                      <td className="px-3 py-2 pt-4 tabular-nums">{i + 1}</td>
                      <td className="px-3 py-2">
                        <Input name="blockFrom[]" value={fromOf(i)} readOnly tabIndex={-1} aria-label={`Desde, tramo ${i + 1}`} aria-invalid={invalid('from')} className="w-28 bg-muted/40 tabular-nums" />
                      </td>
                      <td className="px-3 py-2">
                        <Input
                          name="blockTo[]"
                          value={row.to}
                          onChange={(e) => update(i, { to: e.target.value })}
                          inputMode="numeric"
                          placeholder={last ? 'en adelante' : ''}
                          aria-label={`Hasta, tramo ${i + 1}`}
                          aria-invalid={invalid('to')}
                          className="w-28 tabular-nums"
                        />
                      </td>
                      <td className="px-3 py-2">
                        <Input
                          name="blockPrice[]"
                          value={row.price}
                          onChange={(e) => update(i, { price: e.target.value })}
                          inputMode="decimal"
                          aria-label={`Precio por m³, tramo ${i + 1}`}
                          aria-invalid={invalid('price')}
                          className="w-36 tabular-nums"
                        />
                      </td>
                      <td className="px-3 py-2 text-right">
                        <Button type="button" variant="ghost" size="icon" onClick={() => removeRow(i)} disabled={rows.length === 1} aria-label={`Quitar tramo ${i + 1}`}>
                          <Trash2 />
                        </Button>
                      </td>
                    </tr>
                    {cellErrors.length > 0 ? (
                      <tr className="border-b last:border-b-0">
                        <td colSpan={5} className="px-3 pb-2">
                          <ul className="grid gap-0.5 text-xs text-destructive" role="alert">
                            {cellErrors.map((m) => (
                              <li key={m}>{m}</li>
                            ))}
                          </ul>
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
        <div className={cn('flex', rows.length >= 20 && 'hidden')}>
          <Button type="button" variant="outline" size="sm" onClick={addRow}>
            <Plus /> Agregar tramo
          </Button>
        </div>
      </fieldset>
      <FormActions pending={pending} submitLabel={submitLabel} cancelHref={cancelHref} />
    </form>
  );
}
