import { TableCell } from '@/components/ui/table';

const fmt = (n: number) => n.toLocaleString('es-DO');
const num = 'text-right whitespace-nowrap tabular-nums';

/** Processed / total, invoices (would be, for a preview) and errors of a run, as table cells. */
export function RunProgressCells({ processed, total, invoices, errors, mode }: { processed: number; total: number; invoices: number; errors: number; mode: 'PREVIEW' | 'RUN' }) {
  return (
    <>
      <TableCell className={num}>
        {fmt(processed)} / {fmt(total)}
      </TableCell>
      <TableCell className={num} title={mode === 'PREVIEW' ? 'Facturas que se emitirían' : undefined}>
        {fmt(invoices)}
      </TableCell>
      <TableCell className={`${num} ${errors ? 'font-medium text-destructive' : ''}`}>{fmt(errors)}</TableCell>
    </>
  );
}
