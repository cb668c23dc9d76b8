import { BranchFilter } from '@/components/lists/branch-filter';
import { FilterActions } from '@/components/lists/filter-actions';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { SEGMENT_LABELS } from '@/lib/validation/customer';
import type { ReportParams } from '@/lib/validation/reports';

type Field = 'fecha' | 'rango' | 'periodos' | 'segmento' | 'cliente';

/** The filter bar of a report: the date fields it uses, branch (for all-branch roles), segment and customer. */
export function ReportFilters({ fields, values, branches, clearHref, label }: { fields: Field[]; values: ReportParams; branches: { id: string; name: string }[]; clearHref: string; label: string }) {
  const has = (f: Field) => fields.includes(f);
  const filtered = Boolean(values.branchId || values.segmento || values.cliente || values.moneda);
  return (
    <form className="mb-6 flex flex-wrap items-end gap-2" role="search" aria-label={label}>
      {has('fecha') ? (
        <Label className="flex flex-col items-start gap-1 text-xs font-normal text-muted-foreground">
          Al día
          <Input type="date" name="fecha" defaultValue={values.fecha} className="w-40" />
        </Label>
      ) : null}
      {has('rango') ? (
        <>
          <Label className="flex flex-col items-start gap-1 text-xs font-normal text-muted-foreground">
            Desde
            <Input type="date" name="desde" defaultValue={values.desde} className="w-40" />
          </Label>
          <Label className="flex flex-col items-start gap-1 text-xs font-normal text-muted-foreground">
            Hasta
            <Input type="date" name="hasta" defaultValue={values.hasta} className="w-40" />
          </Label>
        </>
      ) : null}
      {has('periodos') ? (
        <>
          <Label className="flex flex-col items-start gap-1 text-xs font-normal text-muted-foreground">
            Desde el período
            <Input type="month" name="periodoDesde" defaultValue={values.periodoDesde} className="w-44" />
          </Label>
          <Label className="flex flex-col items-start gap-1 text-xs font-normal text-muted-foreground">
            Hasta el período
            <Input type="month" name="periodoHasta" defaultValue={values.periodoHasta} className="w-44" />
          </Label>
        </>
      ) : null}
      <BranchFilter branches={branches} value={values.branchId} />
      {has('segmento') ? (
        <NativeSelect name="segmento" defaultValue={values.segmento ?? ''} aria-label="Segmento" wrapperClassName="w-44">
          <NativeSelectOption value="">Todos los segmentos</NativeSelectOption>
          {Object.entries(SEGMENT_LABELS).map(([k, v]) => (
            <NativeSelectOption key={k} value={k}>
              {v}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      ) : null}
      {has('cliente') ? <Input name="cliente" defaultValue={values.cliente} placeholder="Cliente: nombre, código o documento" className="w-full sm:w-72" aria-label="Cliente" /> : null}
      <FilterActions filtered={filtered} clearHref={clearHref} />
    </form>
  );
}

/** The query string of a report's current filters (for the CSV link and the pages). */
export function reportQuery(values: ReportParams, extra: Record<string, string | undefined> = {}): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...values, ...extra })) if (v !== undefined && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `?${s}` : '';
}
