'use client';

import * as React from 'react';
import Link from 'next/link';
import { CircleAlert, Loader2, Save } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { saveReadingAction } from '@/lib/actions/readings';
import { ANOMALY_CODES, ANOMALY_LABELS } from '@/lib/domain/billing/readings';
import { formatDate, formatNumber, formatPeriod } from '@/lib/domain/format';

type StoredReading = { period: string; value: number | null; consumption: number; estimated: boolean; anomalyCode: string | null; readingDate: string };

export type EntryRow = {
  id: string;
  number: string;
  description: string;
  serviceAddress: string;
  meterNumber: string | null;
  meterDigits: number;
  agreementName: string;
  route: string | null;
  previous: StoredReading | null;
  current: StoredReading | null;
  billed: boolean;
};

type Saved = { consumption: number; estimated: boolean; status: 'new' | 'change' | 'unchanged'; reason: string };

/**
 * The reading sheet of one page of accounts: reading date and reader on top, one line per
 * account, each saved on its own (button or Enter, which moves on to the next line). What was
 * typed stays in place when a line is refused, next to its message.
 */
export function ReadingEntryTable({ rows, period, defaultDate, minDate, maxDate, canWrite }: { rows: EntryRow[]; period: string; defaultDate: string; minDate: string; maxDate: string; canWrite: boolean }) {
  const [readingDate, setReadingDate] = React.useState(defaultDate);
  const [readerName, setReaderName] = React.useState('');
  const inputs = React.useRef(new Map<string, HTMLInputElement>());
  const focusNext = (id: string) => {
    const index = rows.findIndex((r) => r.id === id);
    const next = rows.slice(index + 1).find((r) => inputs.current.get(r.id));
    if (next) inputs.current.get(next.id)?.focus();
  };

  return (
    <div className="flex flex-col gap-3">
      {canWrite ? (
        <div className="flex flex-wrap items-end gap-3 rounded-lg border bg-muted/30 p-3">
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="reading-date">Fecha de lectura</Label>
            <Input id="reading-date" type="date" value={readingDate} min={minDate} max={maxDate} onChange={(e) => setReadingDate(e.target.value)} className="w-44" />
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="reader-name">Lector</Label>
            <Input id="reader-name" value={readerName} maxLength={120} onChange={(e) => setReaderName(e.target.value)} placeholder="Nombre de quien tomó la lectura" className="w-72" />
          </div>
          <p className="text-sm text-muted-foreground">
            Período <strong>{formatPeriod(period)}</strong>. Escriba la lectura o elija una anomalía y pulse Intro o Guardar en cada línea.
          </p>
        </div>
      ) : null}
      <div className="overflow-x-auto rounded-lg border">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Cuenta</TableHead>
              <TableHead>Medidor</TableHead>
              <TableHead>Lectura anterior</TableHead>
              <TableHead className="w-36">Lectura (m³)</TableHead>
              <TableHead className="w-52">Anomalía</TableHead>
              <TableHead>Resultado</TableHead>
              {canWrite ? <TableHead className="w-24 text-right">Acción</TableHead> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <EntryLine
                key={row.id}
                row={row}
                period={period}
                readingDate={readingDate}
                readerName={readerName}
                canWrite={canWrite}
                inputRef={(el) => {
                  if (el) inputs.current.set(row.id, el);
                  else inputs.current.delete(row.id);
                }}
                onSaved={() => focusNext(row.id)}
              />
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}

function ReadingSummary({ reading }: { reading: StoredReading }) {
  return (
    <span className="flex flex-col">
      <span className="font-mono tabular-nums">{reading.value === null ? '—' : formatNumber(reading.value, 0)}</span>
      <span className="text-xs text-muted-foreground">
        {formatPeriod(reading.period)} · {formatNumber(reading.consumption, 0)} m³{reading.estimated ? ' (estimado)' : ''}
      </span>
    </span>
  );
}

function EntryLine({
  row,
  period,
  readingDate,
  readerName,
  canWrite,
  inputRef,
  onSaved,
}: {
  row: EntryRow;
  period: string;
  readingDate: string;
  readerName: string;
  canWrite: boolean;
  inputRef: (el: HTMLInputElement | null) => void;
  onSaved: () => void;
}) {
  const [value, setValue] = React.useState(row.current?.value?.toString() ?? '');
  const [anomaly, setAnomaly] = React.useState(row.current?.anomalyCode ?? '');
  const [saved, setSaved] = React.useState<Saved | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [dirty, setDirty] = React.useState(false);
  const [pending, startTransition] = React.useTransition();
  const editable = canWrite && !row.billed;
  const errorId = `reading-error-${row.id}`;

  function save() {
    if (!editable || pending) return;
    setError(null);
    startTransition(async () => {
      const result = await saveReadingAction({ accountId: row.id, period, readingDate, value, anomalyCode: anomaly, readerName });
      if (result.ok) {
        setSaved(result.data);
        setDirty(false);
        onSaved();
      } else {
        const field = result.fieldErrors ? Object.values(result.fieldErrors).flat()[0] : undefined;
        setError(field ?? result.error);
      }
    });
  }

  return (
    <TableRow data-state={error ? 'error' : undefined} className={error ? 'bg-destructive/5' : undefined}>
      <TableCell>
        <Link href={`/cuentas/${row.id}`} className="font-mono text-primary hover:underline whitespace-nowrap">
          {row.number}
        </Link>
        <span className="block max-w-64 truncate text-xs text-muted-foreground" title={`${row.description} — ${row.serviceAddress}`}>
          {row.description}
        </span>
      </TableCell>
      <TableCell>
        <span className="font-mono whitespace-nowrap">{row.meterNumber}</span>
        <span className="block text-xs text-muted-foreground">
          {row.route ? `Ruta ${row.route} · ` : ''}
          {row.meterDigits} dígitos
        </span>
      </TableCell>
      <TableCell>{row.previous ? <ReadingSummary reading={row.previous} /> : <span className="text-sm text-muted-foreground">Sin lecturas</span>}</TableCell>
      <TableCell>
        {editable ? (
          <Input
            ref={inputRef}
            inputMode="numeric"
            pattern="[0-9]*"
            aria-label={`Lectura de la cuenta ${row.number}`}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            value={value}
            onChange={(e) => {
              setValue(e.target.value.replace(/\D/g, ''));
              setDirty(true);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                save();
              }
            }}
            className="font-mono tabular-nums"
          />
        ) : row.current ? (
          <span className="font-mono tabular-nums">{row.current.value === null ? '—' : formatNumber(row.current.value, 0)}</span>
        ) : (
          <span className="text-sm text-muted-foreground">—</span>
        )}
      </TableCell>
      <TableCell>
        {editable ? (
          <NativeSelect
            aria-label={`Anomalía de la cuenta ${row.number}`}
            value={anomaly}
            onChange={(e) => {
              setAnomaly(e.target.value);
              setDirty(true);
            }}
            size="sm"
          >
            <NativeSelectOption value="">Sin anomalía</NativeSelectOption>
            {ANOMALY_CODES.map((code) => (
              <NativeSelectOption key={code} value={code}>
                {code} — {ANOMALY_LABELS[code]}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        ) : (
          <span className="text-sm">{row.current?.anomalyCode ? `${row.current.anomalyCode} — ${ANOMALY_LABELS[row.current.anomalyCode as keyof typeof ANOMALY_LABELS] ?? ''}` : '—'}</span>
        )}
      </TableCell>
      <TableCell aria-live="polite">
        {error ? (
          <span id={errorId} className="flex items-start gap-1 text-sm text-destructive">
            <CircleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
            {error}
          </span>
        ) : saved && !dirty ? (
          <span className="flex flex-wrap items-center gap-1 text-sm" title={saved.reason}>
            <Badge variant="success">{saved.status === 'unchanged' ? 'Sin cambios' : 'Guardada'}</Badge>
            {formatNumber(saved.consumption, 0)} m³
            {saved.estimated ? <Badge variant="warning">Estimada</Badge> : null}
          </span>
        ) : row.current ? (
          <span className="flex flex-wrap items-center gap-1 text-sm">
            {row.billed ? <Badge variant="secondary">Facturada</Badge> : <Badge variant="outline">Registrada</Badge>}
            {formatNumber(row.current.consumption, 0)} m³
            {row.current.estimated ? <Badge variant="warning">Estimada</Badge> : null}
            <span className="text-xs text-muted-foreground">{formatDate(row.current.readingDate)}</span>
          </span>
        ) : dirty ? (
          <span className="text-xs text-muted-foreground">Sin guardar</span>
        ) : (
          <span className="text-xs text-muted-foreground">Pendiente</span>
        )}
      </TableCell>
      {canWrite ? (
        <TableCell className="text-right">
          {editable ? (
            <Button type="button" size="sm" variant={dirty ? 'default' : 'outline'} onClick={save} disabled={pending || (!value && !anomaly)} aria-busy={pending || undefined}>
              {pending ? <Loader2 className="animate-spin" aria-hidden /> : <Save aria-hidden />}
              Guardar
            </Button>
          ) : null}
        </TableCell>
      ) : null}
    </TableRow>
  );
}
