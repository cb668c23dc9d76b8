'use client';

import * as React from 'react';
import Link from 'next/link';
import { CircleCheck, Eye, FileUp, Loader2, Upload } from 'lucide-react';
import { FormErrorAlert } from '@/components/forms/alerts';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Label } from '@/components/ui/label';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { Textarea } from '@/components/ui/textarea';
import { applyReadingsImportAction, previewReadingsImportAction } from '@/lib/actions/readings';
import type { ImportReport, ImportRowStatus } from '@/lib/dal/readings';
import { formatNumber } from '@/lib/domain/format';

const STATUS: Record<ImportRowStatus, { label: string; variant: 'success' | 'secondary' | 'outline' | 'destructive' | 'warning' }> = {
  new: { label: 'Nueva', variant: 'success' },
  change: { label: 'Modifica', variant: 'warning' },
  unchanged: { label: 'Sin cambios', variant: 'outline' },
  error: { label: 'Error', variant: 'destructive' },
};
// The valid rows shown under the errors; the counts always cover the whole file.
const VALID_ROWS_SHOWN = 200;

/** Paste or load a readings CSV, preview what each row would do, then import the good rows. */
export function ReadingsImportForm() {
  const [csv, setCsv] = React.useState('');
  const [fileName, setFileName] = React.useState<string | null>(null);
  const [preview, setPreview] = React.useState<{ csv: string; report: ImportReport } | null>(null);
  const [applied, setApplied] = React.useState<{ imported: number; unchanged: number; errors: number } | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [pending, startTransition] = React.useTransition();
  const fresh = preview?.csv === csv ? preview.report : null;
  const writable = fresh ? fresh.counts.new + fresh.counts.change : 0;

  async function loadFile(file: File | undefined) {
    if (!file) return;
    setFileName(file.name);
    setCsv(await file.text());
    setApplied(null);
    setError(null);
  }

  function runPreview() {
    setError(null);
    setApplied(null);
    startTransition(async () => {
      const result = await previewReadingsImportAction({ csv });
      if (result.ok) setPreview({ csv, report: result.data });
      else {
        setPreview(null);
        setError(result.fieldErrors?.csv?.[0] ?? result.error);
      }
    });
  }

  async function runImport() {
    setError(null);
    const result = await applyReadingsImportAction({ csv });
    if (result.ok) {
      setApplied({ imported: result.data.imported, unchanged: result.data.unchanged, errors: result.data.errors });
      // What the file would do now: everything it imported is "unchanged".
      setPreview({ csv, report: result.data });
    } else setError(result.fieldErrors?.csv?.[0] ?? result.error);
  }

  const errors = fresh?.rows.filter((r) => r.status === 'error') ?? [];
  const valid = fresh?.rows.filter((r) => r.status !== 'error') ?? [];

  return (
    <div className="flex min-w-0 flex-col gap-4">
      <Card>
        <CardHeader>
          <CardTitle>Archivo de lecturas</CardTitle>
        </CardHeader>
        <CardContent className="flex flex-col gap-3">
          <div className="flex flex-wrap items-center gap-2">
            <Button type="button" variant="outline" asChild>
              <label htmlFor="readings-file" className="cursor-pointer">
                <FileUp /> Elegir archivo CSV
              </label>
            </Button>
            <input id="readings-file" type="file" accept=".csv,text/csv,text/plain" className="sr-only" onChange={(e) => loadFile(e.target.files?.[0])} />
            <span className="text-sm text-muted-foreground">{fileName ?? 'o pegue el contenido abajo'}</span>
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="readings-csv">Contenido</Label>
            <Textarea
              id="readings-csv"
              value={csv}
              onChange={(e) => {
                setCsv(e.target.value);
                setApplied(null);
              }}
              rows={10}
              spellCheck={false}
              placeholder={'cuenta;periodo;fecha;lectura;anomalía;lector\nCT-000123;2026-10;2026-10-28;1534;;Luis Peña'}
              className="font-mono text-xs"
            />
          </div>
          <FormErrorAlert message={error ?? undefined} />
          <div className="flex flex-wrap gap-2">
            <Button type="button" variant="secondary" onClick={runPreview} disabled={pending || !csv.trim()} aria-busy={pending || undefined}>
              {pending ? <Loader2 className="animate-spin" aria-hidden /> : <Eye aria-hidden />}
              Vista previa
            </Button>
            <ConfirmDialog
              trigger={
                <Button type="button" disabled={!fresh || writable === 0 || pending}>
                  <Upload aria-hidden /> Importar
                </Button>
              }
              title="¿Importar las lecturas?"
              description={
                fresh
                  ? `Se guardarán ${formatNumber(fresh.counts.new, 0)} lecturas nuevas y ${formatNumber(fresh.counts.change, 0)} correcciones. Las ${formatNumber(fresh.counts.error, 0)} filas con errores y las ${formatNumber(fresh.counts.unchanged, 0)} sin cambios no se tocan.`
                  : undefined
              }
              confirmLabel="Importar"
              onConfirm={runImport}
            />
            {preview && !fresh ? <span className="self-center text-sm text-muted-foreground">El contenido cambió: vuelva a pedir la vista previa.</span> : null}
          </div>
        </CardContent>
      </Card>

      {applied ? (
        <Alert role="status">
          <CircleCheck />
          <AlertTitle>Importación terminada</AlertTitle>
          <AlertDescription>
            {formatNumber(applied.imported, 0)} lecturas guardadas, {formatNumber(applied.unchanged, 0)} sin cambios, {formatNumber(applied.errors, 0)} filas con errores.{' '}
            <Link href="/lecturas" className="text-primary hover:underline">
              Ver lecturas
            </Link>
          </AlertDescription>
        </Alert>
      ) : null}

      {fresh ? (
        <Card>
          <CardHeader>
            <CardTitle>{applied ? 'Estado del archivo' : 'Vista previa'}</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <div className="flex flex-wrap gap-2" aria-label="Resumen por estado">
              {(Object.keys(STATUS) as ImportRowStatus[]).map((s) => (
                <Badge key={s} variant={STATUS[s].variant} className="px-2 py-1 text-sm">
                  {STATUS[s].label}: {formatNumber(fresh.counts[s], 0)}
                </Badge>
              ))}
            </div>
            {errors.length ? (
              <div>
                <h3 className="mb-2 font-medium">Filas con errores (no se importan)</h3>
                <ReportTable rows={errors} />
              </div>
            ) : (
              <p className="text-sm text-muted-foreground">Ninguna fila tiene errores.</p>
            )}
            {valid.length ? (
              <div>
                <h3 className="mb-2 font-medium">Filas válidas</h3>
                <ReportTable rows={valid.slice(0, VALID_ROWS_SHOWN)} />
                {valid.length > VALID_ROWS_SHOWN ? <p className="mt-2 text-sm text-muted-foreground">Se muestran las primeras {VALID_ROWS_SHOWN} de {formatNumber(valid.length, 0)}.</p> : null}
              </div>
            ) : null}
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}

function ReportTable({ rows }: { rows: ImportReport['rows'] }) {
  return (
    <div className="overflow-x-auto rounded-lg border">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead className="w-16 text-right">Línea</TableHead>
            <TableHead>Cuenta</TableHead>
            <TableHead>Período</TableHead>
            <TableHead>Estado</TableHead>
            <TableHead className="text-right">Consumo</TableHead>
            <TableHead>Detalle</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.line}>
              <TableCell className="text-right tabular-nums">{r.line}</TableCell>
              <TableCell className="font-mono whitespace-nowrap">{r.account || '—'}</TableCell>
              <TableCell className="font-mono whitespace-nowrap">{r.period || '—'}</TableCell>
              <TableCell>
                <Badge variant={STATUS[r.status].variant}>{STATUS[r.status].label}</Badge>
              </TableCell>
              <TableCell className="text-right tabular-nums whitespace-nowrap">
                {r.consumption === undefined ? '' : `${formatNumber(r.consumption, 0)} m³`}
                {r.estimated ? ' (est.)' : ''}
              </TableCell>
              <TableCell className={r.status === 'error' ? 'text-destructive' : 'text-muted-foreground'}>{r.messages.join(' ')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
