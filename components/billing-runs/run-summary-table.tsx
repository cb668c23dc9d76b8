import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatMoney } from '@/lib/domain/format';
import type { SummaryRow } from './run-view';

const num = 'text-right whitespace-nowrap tabular-nums';

/** Totals by concept or by branch (one row per currency: amounts of different currencies are never added). */
export function RunSummaryTable({ rows, codeLabel, countLabel }: { rows: SummaryRow[]; codeLabel: string; countLabel: string }) {
  if (!rows.length) return <p className="text-sm text-muted-foreground">Todavía no hay importes.</p>;
  return (
    <div className="overflow-x-auto rounded-md border">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{codeLabel}</TableHead>
            <TableHead className="text-right">{countLabel}</TableHead>
            <TableHead className="text-right">Neto</TableHead>
            <TableHead className="text-right">ITBIS</TableHead>
            <TableHead className="text-right">Total</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.key}>
              <TableCell>
                <span className="font-mono text-xs">{r.code}</span> {r.name ? <span className="text-muted-foreground">— {r.name}</span> : null}
              </TableCell>
              <TableCell className={num}>{r.count === null ? '—' : r.count.toLocaleString('es-DO')}</TableCell>
              <TableCell className={num}>{formatMoney(r.net, r.currency)}</TableCell>
              <TableCell className={num}>{formatMoney(r.tax, r.currency)}</TableCell>
              <TableCell className={`${num} font-medium`}>{formatMoney(r.total, r.currency)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
