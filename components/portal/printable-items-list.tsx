import type { PrintableItemRow } from '@/components/invoices/invoice-items-table';
import { formatMoney, formatNumber } from '@/lib/domain/format';

/**
 * The invoice's printed lines for a phone: description and amount on one row, quantity × price
 * (and net + ITBIS when the class shows tax apart) under it — the table would scroll sideways.
 */
export function PrintableItemsList({ items, currency, taxIncluded }: { items: PrintableItemRow[]; currency: string; taxIncluded: boolean }) {
  const money = (v: string) => formatMoney(v, currency);
  return (
    <ul className="grid divide-y rounded-md border text-sm" aria-label="Líneas de la factura">
      {items.map((i) => {
        const quantity = i.quantity !== null && i.unitPrice !== null ? `${formatNumber(i.quantity)} × ${formatNumber(i.unitPrice, 4)}` : null;
        const tax = taxIncluded ? null : `Neto ${money(i.net)} · ITBIS ${money(i.tax)}`;
        return (
          <li key={i.lineNo} className="grid gap-0.5 p-3">
            <div className="flex items-start justify-between gap-3">
              <span className="min-w-0">{i.description}</span>
              <span className="font-medium whitespace-nowrap tabular-nums">{money(i.total)}</span>
            </div>
            {quantity || tax ? <div className="text-xs text-muted-foreground tabular-nums">{[quantity, tax].filter(Boolean).join(' · ')}</div> : null}
          </li>
        );
      })}
    </ul>
  );
}
