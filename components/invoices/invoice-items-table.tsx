import Link from 'next/link';
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatMoney, formatNumber } from '@/lib/domain/format';
import { sumMoney } from '@/lib/domain/money';

export type InvoiceItemRow = {
  lineNo: number;
  accountId: string | null;
  accountNumber: string | null;
  conceptCode: string;
  conceptGroupName: string;
  description: string;
  quantity: string;
  unitPrice: string;
  gross: string;
  discount: string;
  net: string;
  taxRate: string;
  tax: string;
  total: string;
};

const num = 'text-right whitespace-nowrap tabular-nums';

/** The invoice items as computed and stored at issue (the internal detail, one line per account and concept). */
export function InvoiceItemsTable({ items, currency }: { items: InvoiceItemRow[]; currency: string }) {
  const money = (v: string) => formatMoney(v, currency);
  const sum = (key: 'gross' | 'discount' | 'net' | 'tax' | 'total') => money(sumMoney(items.map((i) => i[key])).toFixed(2));
  return (
    <div className="overflow-x-auto rounded-md border">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead className="w-10">#</TableHead>
            <TableHead>Cuenta</TableHead>
            <TableHead>Concepto</TableHead>
            <TableHead>Descripción</TableHead>
            <TableHead className="text-right">Cantidad</TableHead>
            <TableHead className="text-right">Precio unitario</TableHead>
            <TableHead className="text-right">Bruto</TableHead>
            <TableHead className="text-right">Descuento</TableHead>
            <TableHead className="text-right">Neto</TableHead>
            <TableHead className="text-right">Tasa</TableHead>
            <TableHead className="text-right">ITBIS</TableHead>
            <TableHead className="text-right">Total</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((i) => (
            <TableRow key={i.lineNo}>
              <TableCell className="text-muted-foreground tabular-nums">{i.lineNo}</TableCell>
              <TableCell className="font-mono text-xs whitespace-nowrap">
                {i.accountId && i.accountNumber ? (
                  <Link href={`/cuentas/${i.accountId}`} className="hover:underline">
                    {i.accountNumber}
                  </Link>
                ) : (
                  '—'
                )}
              </TableCell>
              <TableCell>
                <div className="font-mono text-xs whitespace-nowrap">{i.conceptCode}</div>
                <div className="text-xs text-muted-foreground">{i.conceptGroupName}</div>
              </TableCell>
              <TableCell className="min-w-48">{i.description}</TableCell>
              <TableCell className={num}>{formatNumber(i.quantity)}</TableCell>
              <TableCell className={num}>{formatNumber(i.unitPrice, 4)}</TableCell>
              <TableCell className={num}>{money(i.gross)}</TableCell>
              <TableCell className={num}>{money(i.discount)}</TableCell>
              <TableCell className={num}>{money(i.net)}</TableCell>
              <TableCell className={num}>{`${formatNumber(i.taxRate, 2)} %`}</TableCell>
              <TableCell className={num}>{money(i.tax)}</TableCell>
              <TableCell className={`${num} font-medium`}>{money(i.total)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
        <TableFooter>
          <TableRow>
            <TableCell colSpan={6}>Totales</TableCell>
            <TableCell className={num}>{sum('gross')}</TableCell>
            <TableCell className={num}>{sum('discount')}</TableCell>
            <TableCell className={num}>{sum('net')}</TableCell>
            <TableCell />
            <TableCell className={num}>{sum('tax')}</TableCell>
            <TableCell className={num}>{sum('total')}</TableCell>
          </TableRow>
        </TableFooter>
      </Table>
    </div>
  );
}

export type PrintableItemRow = { lineNo: number; description: string; quantity: string | null; unitPrice: string | null; net: string; tax: string; total: string };

/**
 * The lines the customer sees, stored at issue by the agreement's grouping. Class B prints
 * amounts with tax included (one amount column); A and E print net and tax separately.
 */
export function PrintableItemsTable({ items, currency, taxIncluded }: { items: PrintableItemRow[]; currency: string; taxIncluded: boolean }) {
  const money = (v: string) => formatMoney(v, currency);
  return (
    <div className="overflow-x-auto rounded-md border">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Descripción</TableHead>
            <TableHead className="text-right">Cantidad</TableHead>
            <TableHead className="text-right">Precio unitario</TableHead>
            {taxIncluded ? null : <TableHead className="text-right">Neto</TableHead>}
            {taxIncluded ? null : <TableHead className="text-right">ITBIS</TableHead>}
            <TableHead className="text-right">{taxIncluded ? 'Importe' : 'Total'}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((i) => (
            <TableRow key={i.lineNo}>
              <TableCell className="min-w-48">{i.description}</TableCell>
              <TableCell className={num}>{i.quantity === null ? '' : formatNumber(i.quantity)}</TableCell>
              <TableCell className={num}>{i.unitPrice === null ? '' : formatNumber(i.unitPrice, 4)}</TableCell>
              {taxIncluded ? null : <TableCell className={num}>{money(i.net)}</TableCell>}
              {taxIncluded ? null : <TableCell className={num}>{money(i.tax)}</TableCell>}
              <TableCell className={`${num} font-medium`}>{money(i.total)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
