'use client';

import { useActionState, useRef, useState } from 'react';
import { FormActions } from '@/components/forms/form-actions';
import { FormErrorAlert } from '@/components/forms/alerts';
import { formStateView } from '@/components/forms/form-state';
import { FormField, fieldAria } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Textarea } from '@/components/ui/textarea';
import type { ActionResult } from '@/lib/actions/result';
import { PRINT_COLUMN_LABELS } from '@/lib/domain/pdf/print-columns';
import { PAPER_SIZE_LABELS, PAPER_SIZES, PRINT_COLUMNS } from '@/lib/domain/pdf/print-format';
import { FormatPreview } from './format-preview';

export type PrintFormatFormValues = {
  code?: string;
  name?: string;
  paperSize?: string;
  accentColor?: string;
  showConsumptionChart?: boolean;
  chartPeriods?: number;
  showPaymentQr?: boolean;
  showBarcode?: boolean;
  showNotes?: boolean;
  legalFooter?: string;
  columns?: readonly string[];
  active?: boolean;
};

const BLOCKS = [
  { name: 'showConsumptionChart', label: 'Gráfico de historial de consumo' },
  { name: 'showPaymentQr', label: 'Código QR de pago' },
  { name: 'showBarcode', label: 'Código de barras con la referencia de pago' },
  { name: 'showNotes', label: 'Observaciones de la factura' },
] as const;

/**
 * Create / edit a print format, with the live PDF preview beside it. `logo` is the stored logo
 * (edit), shown as a thumbnail with the option to remove it; a new file replaces it on save.
 */
export function PrintFormatForm({
  action,
  initial,
  formatId,
  logo,
  isDefault = false,
  submitLabel,
}: {
  action: (prev: ActionResult<string> | undefined, formData: FormData) => Promise<ActionResult<string>>;
  initial: PrintFormatFormValues;
  formatId?: string;
  logo?: string | null;
  isDefault?: boolean;
  submitLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const { sent, errors, value, formError, formKey } = formStateView(state);
  const form = useRef<HTMLFormElement>(null);
  const [version, setVersion] = useState(0);
  const touched = () => setVersion((v) => v + 1);
  const checked = (name: string, init: boolean | undefined) => (sent ? sent[name] === 'on' : init !== false);
  const sentColumns = sent ? ([] as string[]).concat(sent.columns ?? []) : undefined;
  const [color, setColor] = useState(value('accentColor', initial.accentColor ?? '#0f4c81'));
  const swatch = /^#[0-9a-fA-F]{6}$/.test(color) ? color : '#000000';

  return (
    <div className="grid gap-8 xl:grid-cols-[minmax(0,1fr)_minmax(0,1.1fr)]">
      <form ref={form} action={formAction} key={formKey} onChange={touched} onInput={touched} className="grid content-start gap-6" noValidate>
        <FormErrorAlert message={formError} />
        <fieldset className="grid gap-4 md:grid-cols-2">
          <legend className="mb-2 text-base font-semibold">Formato</legend>
          <FormField label="Código" htmlFor="code" required error={errors.code}>
            <Input name="code" defaultValue={value('code', initial.code)} maxLength={20} autoComplete="off" className="font-mono uppercase" {...fieldAria('code', errors.code)} />
          </FormField>
          <FormField label="Nombre" htmlFor="name" required error={errors.name}>
            <Input name="name" defaultValue={value('name', initial.name)} maxLength={120} {...fieldAria('name', errors.name)} />
          </FormField>
          <FormField label="Tamaño de papel" htmlFor="paperSize" required error={errors.paperSize}>
            <NativeSelect name="paperSize" defaultValue={value('paperSize', initial.paperSize ?? 'LETTER')} {...fieldAria('paperSize', errors.paperSize)}>
              {PAPER_SIZES.map((p) => (
                <NativeSelectOption key={p} value={p}>
                  {PAPER_SIZE_LABELS[p]}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </FormField>
          <FormField label="Color de acento" htmlFor="accentColor" required error={errors.accentColor} description="Recuadro de la clase, títulos, encabezado de la tabla y total.">
            <div className="flex gap-2">
              <input type="color" aria-label="Elegir el color de acento" value={swatch} onChange={(e) => setColor(e.target.value)} className="h-9 w-12 cursor-pointer rounded-md border bg-background p-1" />
              <Input name="accentColor" value={color} onChange={(e) => setColor(e.target.value)} maxLength={7} autoComplete="off" className="font-mono" {...fieldAria('accentColor', errors.accentColor, true)} />
            </div>
          </FormField>
          <FormField label="Logotipo" htmlFor="logo" error={errors.logo} description="PNG o JPEG de hasta 512 KB; se comprueba el contenido del archivo." className="md:col-span-2">
            <div className="flex flex-wrap items-center gap-4">
              {logo ? (
                // A data URI of the stored logo: next/image adds nothing for it.
                // eslint-disable-next-line @next/next/no-img-element
                <img src={logo} alt="Logotipo guardado" className="size-14 rounded border bg-white object-contain p-1" />
              ) : null}
              <Input type="file" name="logo" accept="image/png,image/jpeg" className="max-w-sm" {...fieldAria('logo', errors.logo, true)} />
              {logo ? (
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="removeLogo" defaultChecked={sent?.removeLogo === 'on'} className="size-4 accent-primary" />
                  Quitar el logotipo guardado
                </label>
              ) : null}
            </div>
          </FormField>
        </fieldset>

        <fieldset className="grid gap-3">
          <legend className="mb-2 text-base font-semibold">Bloques</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {BLOCKS.map((b) => (
              <label key={b.name} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name={b.name} defaultChecked={checked(b.name, initial[b.name])} className="size-4 accent-primary" />
                {b.label}
              </label>
            ))}
          </div>
          <FormField label="Períodos del gráfico" htmlFor="chartPeriods" required error={errors.chartPeriods} description="De 6 a 12 meses, terminando en el período de la factura." className="max-w-xs">
            <Input type="number" name="chartPeriods" min={6} max={12} step={1} defaultValue={value('chartPeriods', initial.chartPeriods ?? 12)} {...fieldAria('chartPeriods', errors.chartPeriods, true)} />
          </FormField>
          <FormField label="Pie legal" htmlFor="legalFooter" error={errors.legalFooter} description="Se imprime al pie de cada página (máximo 600 caracteres).">
            <Textarea name="legalFooter" rows={3} maxLength={600} defaultValue={value('legalFooter', initial.legalFooter)} {...fieldAria('legalFooter', errors.legalFooter, true)} />
          </FormField>
        </fieldset>

        <fieldset className="grid gap-2" aria-describedby={errors.columns ? 'columns-error' : 'columns-description'}>
          <legend className="mb-2 text-base font-semibold">Columnas del detalle</legend>
          <p id="columns-description" className="text-sm text-muted-foreground">
            La descripción se imprime siempre. En la clase B se imprime un solo importe, con el ITBIS incluido.
          </p>
          <div className="flex flex-wrap gap-x-6 gap-y-2">
            {PRINT_COLUMNS.map((c) => (
              <label key={c} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="columns[]" value={c} defaultChecked={sentColumns ? sentColumns.includes(c) : (initial.columns ?? PRINT_COLUMNS).includes(c)} className="size-4 accent-primary" />
                {PRINT_COLUMN_LABELS[c]}
              </label>
            ))}
          </div>
          {errors.columns ? (
            <p id="columns-error" role="alert" className="text-sm text-destructive">
              {errors.columns.join(' ')}
            </p>
          ) : null}
        </fieldset>

        <div className="grid gap-1">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="active" defaultChecked={checked('active', initial.active)} className="size-4 accent-primary" aria-describedby={errors.active ? 'active-error' : undefined} />
            Formato activo (se puede asignar a acuerdos y elegir por omisión)
          </label>
          {isDefault ? <p className="text-sm text-muted-foreground">Es formato por omisión de la empresa: no se puede desactivar mientras lo sea.</p> : null}
          {errors.active ? (
            <p id="active-error" role="alert" className="text-sm text-destructive">
              {errors.active.join(' ')}
            </p>
          ) : null}
        </div>
        <FormActions pending={pending} submitLabel={submitLabel} cancelHref="/admin/formatos" />
      </form>
      <FormatPreview key={formKey} form={form} version={version} formatId={formatId} />
    </div>
  );
}
